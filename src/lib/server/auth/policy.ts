import type { Actor } from './actor';
import type { Role } from './schema';
import type { MembershipRole } from '../bodies/schema';
import { NotFoundError } from '../errors';

/**
 * Everything a person can be allowed to do. Deny by default: an action that is not listed
 * for a role here is forbidden, and so is every action for someone without a role in the tenant.
 */
export const ACTIONS = [
	/** create and edit tenants, see every tenant */
	'platform.tenants.manage',
	/** read the dev mailbox (mails kept when no SMTP server is set) */
	'platform.mailbox.view',
	/** open the signed-in area of a tenant */
	'tenant.view',
	/** see the people of the tenant and their roles */
	'tenant.people.view',
	/** invite people and revoke invitations */
	'tenant.people.invite',
	/** read the tenant's audit log */
	'tenant.audit.view',
	/** change the tenant's settings */
	'tenant.settings.edit',
	/** change an organisation's record and offers (editors: only their own organisations) */
	'organization.edit',
	/** see the network's organisations and offers, drafts included, in the signed-in area */
	'organization.view',
	/** create organisations, set them trusted, archive them */
	'organization.manage',
	/** approve or reject changes in the review queue; publish offers */
	'offer.review',
	/** record needs (Bedarfe), see the coverage view, mark offers reviewed against needs */
	'needs.manage',
	/** the district-wide view and report (a district: all its municipalities; a municipality: its own and the district's shared items) */
	'district.view',
	/** record the municipality's answers in the district's networking meeting (Vernetzungstreffen) */
	'district.exchange.answer',
	/** import and export organisations and offers as CSV */
	'data.transfer',
	/** see the tenant's bodies (Gremien) and their meetings, as far as each body's visibility allows */
	'body.view',
	/** create and change bodies, their members, host pool and meeting series */
	'body.manage',
	/** ask to join a body */
	'body.join',
	/** accept or decline requests to join a body (speakers and deputies of that body too) */
	'body.members.decide',
	/** plan meetings, agendas, invitations, attendance and minutes (speakers, deputies, moderators of that body too) */
	'meeting.manage',
	/** see the integration concept in the signed-in area, internal measures and drafts included */
	'concept.view',
	/** keep the concept: editions, guidelines, goals, measures, states, indicators and their values, prioritisation rounds */
	'concept.manage',
	/** give points to proposed measures in a prioritisation round (of the whole network or of one's bodies) */
	'concept.prioritise',
	/** see the tenant's consultation processes, contributions and recommendations in the signed-in area */
	'participation.view',
	/** run consultation processes: phases, dialogues, moderation, offline contributions, recommendations */
	'participation.manage',
	/** work on citizens' messages (Anliegen): inbox, replies, notes, templates */
	'inquiries.manage',
	/** write papers (Vorlagen) and submit them (speakers and deputies of the originating body too) */
	'paper.create',
	/** change any paper, put it back, configure the paper types and the workflow graph */
	'paper.manage',
	/** read the half-yearly status reports (Sachstandsberichte), also drafts */
	'report.view',
	/** generate, comment and freeze status reports */
	'report.manage',
	/** write news (editors: only for their own organisations, and through review) */
	'news.write',
	/** publish news, send them back to their authors, withdraw them */
	'news.publish',
	/** keep the network's events (Veranstaltungen) */
	'events.manage',
	/** keep the tenant's own contact persons for integration (district office, town hall) */
	'tenant.contacts.manage',
	/** district: keep touring projects and confirm their stops; municipality: ask for a stop */
	'touring.manage',
	/** answer data-protection requests of message senders, see the record of processing */
	'privacy.manage'
] as const;
export type Action = (typeof ACTIONS)[number];

export interface Resource {
	tenantId?: string;
	organizationId?: string;
	/** a body of resource.tenantId (the caller has checked that it belongs to the tenant) */
	bodyId?: string;
}

/** What a role in a body adds to the tenant role, for that body only. */
const BODY_ROLE_ACTIONS: Record<MembershipRole, readonly Action[]> = {
	speaker: ['meeting.manage', 'body.members.decide', 'paper.create'],
	deputy: ['meeting.manage', 'body.members.decide', 'paper.create'],
	moderator: ['meeting.manage'],
	member: [],
	guest: []
};

/** What every member of the network may do; editors and the steering group add to it. */
const MEMBER_ACTIONS: readonly Action[] = [
	'tenant.view',
	'organization.view',
	'body.view',
	'body.join',
	'concept.view',
	'concept.prioritise',
	'participation.view'
];

const TENANT_ROLE_ACTIONS: Record<Role, readonly Action[]> = {
	/** the coordinator runs the tenant: every action but the platform's */
	coordinator: ACTIONS.filter((action) => !action.startsWith('platform.')),
	editor: [...MEMBER_ACTIONS, 'organization.edit', 'news.write'],
	member: MEMBER_ACTIONS,
	steering: [...MEMBER_ACTIONS, 'needs.manage', 'report.view'],
	guest: ['tenant.view', 'body.view']
};

/** Whether the actor may do the action on the resource. Pure; no database access. */
export function can(
	actor: Actor | null | undefined,
	action: Action,
	resource: Resource = {}
): boolean {
	if (!actor) return false;
	if (actor.isPlatformAdmin) return true;
	if (action.startsWith('platform.')) return false;
	if (!resource.tenantId) return false;
	const role = actor.roles[resource.tenantId];
	if (!role) return false;
	if (!TENANT_ROLE_ACTIONS[role].includes(action)) {
		const bodyRole = resource.bodyId ? actor.bodyRoles?.[resource.bodyId] : undefined;
		return !!bodyRole && BODY_ROLE_ACTIONS[bodyRole].includes(action);
	}
	if ((action === 'organization.edit' || action === 'news.write') && role === 'editor') {
		return (
			!!resource.organizationId &&
			(actor.editorOf[resource.tenantId] ?? []).includes(resource.organizationId)
		);
	}
	return true;
}

/**
 * The first line of every load, action, endpoint and use case. Throws NotFoundError when
 * denied, so a forbidden object looks exactly like a missing one.
 */
export function authorize(
	actor: Actor | null | undefined,
	action: Action,
	resource: Resource = {}
): asserts actor is Actor {
	if (!can(actor, action, resource)) throw new NotFoundError();
}

/** Roles a role may hand out by invitation. */
export function invitableRoles(actor: Actor, tenantId: string): Role[] {
	if (!can(actor, 'tenant.people.invite', { tenantId })) return [];
	return ['coordinator', 'editor', 'member', 'steering', 'guest'];
}
