/**
 * The start page of a tenant's signed-in area (/app/<tenant>): what needs the person, most
 * urgent first, each entry a link to the page where the task is done. Reads only through the
 * other domains' task functions (<domain>/tasks.ts), which authorise and scope to the tenant
 * themselves; this file only decides which lists a person gets and in which order.
 *
 * - coordinators: pending reviews, open citizens' messages, overdue and due action items, coming
 *   meetings without invitations or with unanswered invitations, minutes still unfinished after
 *   the meeting, papers waiting for a decision, offers due for confirmation, translation gaps
 *   (also for editors, for their organisations' texts);
 * - speakers, deputies, moderators (for their bodies): the next meeting's agenda, invitations,
 *   invitations without answers, minutes, papers;
 * - everybody: their own action items and invitations to answer; editors: their organisations'
 *   offers to confirm.
 */
import type { TenantCtx } from '../context';
import { authorize, can } from '../auth/policy';
import type { TaskList } from '../shared';
import { pendingReviewTasks, offersToConfirmTasks } from '../offers/tasks';
import { openInquiryTasks } from '../inquiries/tasks';
import { dueActionItemTasks, draftMinutesTasks, myActionItemTasks } from '../minutes/tasks';
import { agendaToPrepareTasks, uninvitedMeetingTasks } from '../meetings/tasks';
import { myOpenInvitationTasks, unansweredInvitationTasks } from '../invitations/tasks';
import { papersWaitingTasks } from '../papers/tasks';
import { translationGapTasks } from '../translations/tasks';
import { nextMeetings, type CalendarMeeting } from '../meetings/calendar';
import { untilChange } from '../cache/until-change';
import { actorScopeKey } from '../auth/actor';
import { startAreas, type AreaKey } from './areas';

export const TASK_KINDS = [
	'reviews',
	'inquiries',
	'actionItems',
	'myActionItems',
	'uninvited',
	'unanswered',
	'agenda',
	'myInvitations',
	'minutes',
	'papers',
	'offers',
	'translations'
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export interface TaskSection extends TaskList {
	kind: TaskKind;
	/** the page with the whole list ("alle N anzeigen") */
	allHref: string;
}

/** How many entries a section shows before "alle N anzeigen". */
export const SECTION_SIZE = 5;

/**
 * Sections with an overdue entry first (the longest overdue first), then by their earliest date;
 * sections without entries are left out.
 */
export function byUrgency(sections: TaskSection[]): TaskSection[] {
	const key = (s: TaskSection) => {
		const overdue = s.entries.filter((e) => e.overdue && e.date).map((e) => e.date!);
		const dated = s.entries.filter((e) => e.date).map((e) => e.date!);
		return [overdue.length > 0 ? 0 : 1, (overdue.length ? overdue : dated).sort()[0] ?? '9999'];
	};
	return sections
		.filter((s) => s.total > 0)
		.map((s, i) => ({ s, i, k: key(s) }))
		.sort((a, b) =>
			a.k[0] !== b.k[0]
				? Number(a.k[0]) - Number(b.k[0])
				: a.k[1] !== b.k[1]
					? a.k[1] < b.k[1]
						? -1
						: 1
					: a.i - b.i
		)
		.map(({ s }) => s);
}

/** The actor's task sections in the tenant, most urgent first (no role in the tenant: 404). */
export async function getWorkspace(
	ctx: TenantCtx,
	now: Date = new Date()
): Promise<{ sections: TaskSection[]; total: number }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'tenant.view', { tenantId });
	const base = `/app/${ctx.tenant.slug}`;
	const n = SECTION_SIZE;
	const coordinator = can(ctx.actor, 'body.manage', { tenantId });
	/** bodies where the actor has a role (speaker, deputy, moderator … filtered by each domain) */
	const myBodies = Object.keys(ctx.actor.bodyRoles ?? {});
	const scope = coordinator ? 'all' : myBodies;
	const wanted: [TaskKind, string, Promise<TaskList> | null][] = [
		[
			'reviews',
			`${base}/pruefung`,
			can(ctx.actor, 'offer.review', { tenantId }) ? pendingReviewTasks(ctx, n) : null
		],
		[
			'inquiries',
			`${base}/anliegen`,
			can(ctx.actor, 'inquiries.manage', { tenantId }) ? openInquiryTasks(ctx, n) : null
		],
		['actionItems', `${base}/gremien`, coordinator ? dueActionItemTasks(ctx, n) : null],
		['myActionItems', `${base}/aufgaben`, coordinator ? null : myActionItemTasks(ctx, n)],
		['agenda', `${base}/gremien`, coordinator ? null : agendaToPrepareTasks(ctx, n, myBodies, now)],
		['uninvited', `${base}/kalender`, uninvitedMeetingTasks(ctx, n, scope, { now })],
		['unanswered', `${base}/kalender`, unansweredInvitationTasks(ctx, n, scope, now)],
		['myInvitations', `${base}/kalender`, myOpenInvitationTasks(ctx, n, now)],
		['minutes', `${base}/kalender`, draftMinutesTasks(ctx, n, scope, 180, now)],
		[
			'papers',
			`${base}/vorlagen`,
			coordinator && !can(ctx.actor, 'paper.manage', { tenantId })
				? null
				: papersWaitingTasks(ctx, n, coordinator ? 'all' : myBodies)
		],
		['offers', `${base}/angebote`, offersToConfirmTasks(ctx, n)],
		['translations', `${base}/uebersetzungen`, translationGapTasks(ctx, n)]
	];
	const lists = await Promise.all(wanted.map(([, , p]) => p));
	const sections = byUrgency(
		wanted.flatMap(([kind, allHref], i) => {
			const list = lists[i];
			return list ? [{ kind, allHref, ...list }] : [];
		})
	);
	return { sections, total: sections.reduce((sum, s) => sum + s.total, 0) };
}

export interface StartPage {
	workspace: { sections: TaskSection[]; total: number };
	/** whether the page shows the next meetings (who may see bodies) */
	showMeetings: boolean;
	/** the next meetings of the actor's bodies and the open ones (empty unless showMeetings) */
	nextMeetings: CalendarMeeting[];
	/** the areas the page links to (areas.ts) */
	areas: AreaKey[];
}

/**
 * The start page's data: the task sections, the next meetings and the areas to link to. They
 * change only when data changes, so they are computed once per actor and tenant until the next
 * change through the app (cache/until-change.ts: in every process; at most PUBLIC_CACHE_SECONDS
 * old, which is also how late an entry turns overdue or a past meeting leaves the list). The key
 * names the actor's roles and the language.
 */
export async function getStartPage(ctx: TenantCtx): Promise<StartPage> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'tenant.view', { tenantId });
	return untilChange(
		`start-page\n${tenantId}\n${ctx.locale ?? ''}\n${actorScopeKey(ctx.actor, tenantId)}`,
		async () => {
			const showMeetings = can(ctx.actor, 'body.view', { tenantId });
			const [workspace, meetings] = await Promise.all([
				getWorkspace(ctx),
				showMeetings ? nextMeetings(ctx) : []
			]);
			return { workspace, showMeetings, nextMeetings: meetings, areas: startAreas(ctx) };
		}
	);
}
