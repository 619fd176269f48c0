/**
 * What the signed-in body pages show: a body's page (members, requests, hosts, meetings, open
 * action items), the member management page and the edit form. Meetings and action items are
 * read here, never changed; minutes appear as a state and a link only. The list: ./list.ts;
 * public pages: ./public.ts.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize, can } from '../auth/policy';
import { NotFoundError } from '../errors';
import { users } from '../auth/schema';
import { organizations } from '../organizations/schema';
import { bodyJoinRequests, type Body } from './schema';
import { canManageMeetings, loadVisibleBody } from './access';
import { BODY_KINDS, BODY_VISIBILITIES, CADENCE_KINDS, MEMBERSHIP_ROLES } from './validation';
import { fieldOptions, organizationOptions, personOptions, type Option } from './lookups';
import { bodyDetails, meetingRows, members } from './view-parts';
import { hostPoolOf } from './hosts';
import { openActionItemsOfBody } from '../minutes/action-items';
import { guidingQuestionGroupsForBody } from '../concept/structure';

export interface JoinRequestView {
	id: string;
	userId: string;
	name: string;
	organizationName: string | null;
	message: string | null;
	createdAt: Date;
}

/** Everything the signed-in body page shows, with what the actor may do there. */
export async function getBodyPage(ctx: TenantCtx, input: { bodyId: string }) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'body.view', { tenantId });
	const actor = ctx.actor;
	const body = await loadVisibleBody(ctx, tenantId, input.bodyId);
	const canDecide = can(actor, 'body.members.decide', { tenantId, bodyId: body.id });
	const canManageBody = can(actor, 'body.manage', { tenantId });
	const canPlan = canManageMeetings(actor, body);
	const [details, memberList, hostList, upcoming, past, items, requests, own, orgs, questions] =
		await Promise.all([
			bodyDetails(ctx.db, body, ctx.locale),
			members(ctx.db, body),
			hostPoolOf(ctx.db, body.tenantId, body.id),
			meetingRows(ctx.db, body, 'upcoming', 10),
			meetingRows(ctx.db, body, 'past', 10),
			openActionItemsOfBody(ctx.db, body, 20),
			canDecide ? pendingRequests(ctx.db, body) : Promise.resolve([] as JoinRequestView[]),
			ctx.db
				.select({ id: bodyJoinRequests.id, createdAt: bodyJoinRequests.createdAt })
				.from(bodyJoinRequests)
				.where(
					and(
						eq(bodyJoinRequests.tenantId, tenantId),
						eq(bodyJoinRequests.bodyId, body.id),
						eq(bodyJoinRequests.userId, actor.userId),
						eq(bodyJoinRequests.status, 'pending')
					)
				),
			can(actor, 'body.join', { tenantId })
				? organizationOptions(ctx.db, tenantId)
				: Promise.resolve([] as Option[]),
			guidingQuestionGroupsForBody(ctx.db, tenantId, body.id)
		]);
	const isMember = memberList.current.some((mm) => mm.userId === actor.userId);
	return {
		body: details,
		members: memberList,
		hosts: hostList,
		upcoming,
		past,
		actionItems: items.rows,
		actionItemsTotal: items.total,
		conceptQuestions: questions,
		requests,
		myRequest: own[0] ?? null,
		isMember,
		myRole: actor.bodyRoles?.[body.id] ?? null,
		canJoin: can(actor, 'body.join', { tenantId }) && !isMember && !own[0] && !body.archivedAt,
		joinOrganizations: orgs,
		canDecide,
		canManageBody,
		canPlan
	};
}

async function pendingRequests(db: Executor, body: Body): Promise<JoinRequestView[]> {
	const rows = await db
		.select({
			r: bodyJoinRequests,
			name: users.name,
			organizationName: organizations.name
		})
		.from(bodyJoinRequests)
		.innerJoin(users, eq(users.id, bodyJoinRequests.userId))
		.leftJoin(organizations, eq(organizations.id, bodyJoinRequests.organizationId))
		.where(
			and(
				eq(bodyJoinRequests.tenantId, body.tenantId),
				eq(bodyJoinRequests.bodyId, body.id),
				eq(bodyJoinRequests.status, 'pending')
			)
		)
		.orderBy(asc(bodyJoinRequests.createdAt))
		.limit(200);
	return rows.map((r) => ({
		id: r.r.id,
		userId: r.r.userId,
		name: r.name,
		organizationName: r.organizationName,
		message: r.r.message,
		createdAt: r.r.createdAt
	}));
}

/**
 * The member management page: memberships (for coordinators) and the host pool (for all who
 * plan the body's meetings). NotFoundError for anyone else.
 */
export async function getMembersPage(ctx: TenantCtx, input: { bodyId: string }) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'body.view', { tenantId });
	const body = await loadVisibleBody(ctx, tenantId, input.bodyId);
	const canManageBody = can(ctx.actor, 'body.manage', { tenantId });
	const canManageHosts = canManageMeetings(ctx.actor, body);
	if (!canManageBody && !canManageHosts) throw new NotFoundError();
	const [memberList, hostList, persons, orgs] = await Promise.all([
		members(ctx.db, body),
		hostPoolOf(ctx.db, body.tenantId, body.id),
		canManageBody ? personOptions(ctx.db, tenantId) : Promise.resolve([] as Option[]),
		organizationOptions(ctx.db, tenantId)
	]);
	return {
		body: { id: body.id, name: body.name, archived: !!body.archivedAt },
		members: memberList,
		hosts: hostList,
		persons,
		organizations: orgs,
		canManageBody,
		canManageHosts,
		roles: MEMBERSHIP_ROLES
	};
}

/** The body to edit and what its form offers, for coordinators. */
export async function getBodyForEdit(ctx: TenantCtx, input: { bodyId: string }) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'body.manage', { tenantId });
	const body = await loadVisibleBody(ctx, tenantId, input.bodyId);
	return bodyDetails(ctx.db, body, ctx.locale);
}

/** What the body form offers: fields of action and the choices of kind, visibility, cadence. */
export async function bodyFormOptions(ctx: TenantCtx) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'body.manage', { tenantId });
	return {
		fields: await fieldOptions(ctx.db, tenantId, ctx.locale),
		kinds: BODY_KINDS,
		visibilities: BODY_VISIBILITIES,
		cadences: CADENCE_KINDS
	};
}
