import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';
import {
	addMeasureLink,
	addMilestone,
	changeMeasureState,
	getMeasure,
	removeMeasureLink,
	toggleMilestone,
	updateMeasure
} from '$lib/server/concept/measures';
import { measureFormOptions, measureLinkTargets } from '$lib/server/concept/views';
import { editionsOf } from '$lib/server/concept/editions';
import { conceptGuidelines } from '$lib/server/concept/schema';
import { progressBar } from '$lib/server/concept/charts';
import { TARGET_GROUPS } from '$lib/server/offers/vocabulary';
import { orNotFound, runAction } from '$lib/server/http';
import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import { agendaItems, meetings } from '$lib/server/meetings/schema';
import { bodies } from '$lib/server/bodies/schema';
import { can } from '$lib/server/auth/policy';
import { berlinDateOf } from '$lib/server/shared';
import { m } from '$lib/paraglide/messages';
import { conceptTenant, formValues, today } from '../../_shared';
import { keepValues } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const { tenant } = await conceptTenant(event);
	const ctx = event.locals.ctx;
	const detail = await orNotFound(() => getMeasure(ctx, tenant.id, event.params.id));
	const edition = (await editionsOf(ctx.db, tenant.id)).find(
		(e) => e.id === detail.measure.editionId
	)!;
	const canManage = can(event.locals.actor, 'concept.manage', { tenantId: tenant.id });
	const [options, guidelines, decisions, targets] = await Promise.all([
		measureFormOptions(ctx.db, tenant.id, edition.id, ctx.locale),
		ctx.db
			.select({ id: conceptGuidelines.id, name: conceptGuidelines.title })
			.from(conceptGuidelines)
			.where(
				and(eq(conceptGuidelines.tenantId, tenant.id), eq(conceptGuidelines.editionId, edition.id))
			)
			.orderBy(asc(conceptGuidelines.position)),
		canManage
			? ctx.db
					.select({
						id: agendaItems.id,
						title: agendaItems.title,
						startsAt: meetings.startsAt,
						body: bodies.name
					})
					.from(agendaItems)
					.innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
					.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
					.where(and(eq(agendaItems.tenantId, tenant.id), isNotNull(agendaItems.decision)))
					.orderBy(desc(meetings.startsAt))
					.limit(100)
			: Promise.resolve([]),
		canManage
			? measureLinkTargets(ctx.db, tenant.id).then((t) => ({
					...t,
					// every paper of the tenant is offered only to those who see every paper
					papers: can(event.locals.actor, 'paper.manage', { tenantId: tenant.id }) ? t.papers : []
				}))
			: Promise.resolve({ recommendationGroups: [], papers: [] })
	]);
	return {
		detail,
		edition,
		...options,
		guidelines,
		...targets,
		decisions: decisions.map((x) => ({
			id: x.id,
			name: `${x.body}, ${berlinDateOf(x.startsAt)}: ${x.title}`
		})),
		targetGroups: TARGET_GROUPS,
		progressSvg: progressBar(
			'measure-progress',
			detail.progress,
			m.concept_progress_label({ value: detail.progress === null ? '–' : `${detail.progress} %` })
		)
	};
};

async function act(
	event: Parameters<Actions[string]>[0],
	action: string,
	fn: (tenantId: string, values: Record<string, string | string[]>) => Promise<unknown>,
	lists: string[] = []
) {
	const { tenant } = await conceptTenant(event, 'concept.manage');
	const values =
		lists.length > 0
			? formValues(await event.request.formData(), lists)
			: keepValues(await event.request.formData());
	const result = await runAction(values, async () => {
		await fn(tenant.id, values);
		return { ok: true as const };
	});
	if (!('ok' in result)) return fail(result.status, { ...result.data, action });
	return { success: m.concept_saved(), action };
}

export const actions: Actions = {
	save: (event) =>
		act(event, 'save', (t, v) => updateMeasure(event.locals.ctx, t, event.params.id, v), [
			'responsibleOrganizationIds',
			'targetGroups',
			'municipalityIds'
		]),
	state: (event) =>
		act(event, 'state', (t, v) => changeMeasureState(event.locals.ctx, t, event.params.id, v)),
	milestone: (event) =>
		act(event, 'milestone', (t, v) => addMilestone(event.locals.ctx, t, event.params.id, v)),
	toggleMilestone: (event) =>
		act(event, 'toggleMilestone', (t, v) =>
			toggleMilestone(event.locals.ctx, t, String(v.milestoneId ?? ''), today())
		),
	link: (event) =>
		act(event, 'link', (t, v) =>
			addMeasureLink(event.locals.ctx, t, event.params.id, {
				...v,
				targetId:
					v.kind === 'agenda_item'
						? v.agendaItemId
						: v.kind === 'recommendation'
							? v.recommendationId
							: v.kind === 'paper'
								? v.paperId
								: v.targetId
			})
		),
	unlink: (event) =>
		act(event, 'unlink', (t, v) => removeMeasureLink(event.locals.ctx, t, String(v.linkId ?? '')))
};
