/** Loads of the signed-in concept pages that need more than one view. */
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { NotFoundError } from '../errors';
import { fieldsOfActionOf } from '../fields-of-action/service';
import { listChildTenants } from '../tenants/service';
import { berlinToday } from '../shared';
import { workingEdition } from './editions';
import { getIndicator } from './indicators';
import { agendaTargets, workingGroupsOf } from './structure';
import { editionForPage, getConceptTree, measureFormOptions } from './views';
import { roadmapOf } from './roadmap';

/**
 * The structure page: the edition's tree, the fields of action, the working groups, and the
 * upcoming meetings where the actor can put a guiding question on the agenda.
 */
export async function getStructurePage(ctx: TenantCtx, input: { editionId: string | null }) {
	const edition = await editionForPage(ctx, input);
	if (!edition) return { edition: null, tree: null, fields: [], groups: [], meetingsByBody: {} };
	const [tree, fields, groups] = await Promise.all([
		getConceptTree(ctx, { edition }),
		fieldsOfActionOf(ctx.db, ctx.tenant.id, ctx.locale),
		workingGroupsOf(ctx)
	]);
	const meetingsByBody = await agendaTargets(
		ctx,
		tree.guidelines.flatMap((g) => g.questions.map((q) => q.bodyId))
	);
	return { edition, tree, fields, groups, meetingsByBody };
}

/** The roadmap page: the edition's measures on a time axis. */
export async function getRoadmapPage(ctx: TenantCtx, input: { editionId: string | null }) {
	const edition = await editionForPage(ctx, input);
	if (!edition) return { edition: null, roadmap: null };
	const today = berlinToday();
	const tree = await getConceptTree(ctx, { edition, today });
	return { edition, roadmap: roadmapOf(tree, today) };
}

/** The form for a new measure in an edition that can still change. For coordinators. */
export async function newMeasureForm(ctx: TenantCtx, input: { editionId: string | null }) {
	authorize(ctx.actor, 'concept.manage', { tenantId: ctx.tenant.id });
	const edition = await editionForPage(ctx, input);
	if (!edition || edition.state === 'superseded') throw new NotFoundError();
	const options = await measureFormOptions(ctx.db, ctx.tenant.id, edition.id, ctx.locale);
	return { edition, ...options };
}

/** The goals of the working edition, for linking indicators. */
async function goalOptions(ctx: TenantCtx) {
	const edition = await workingEdition(ctx.db, ctx.tenant.id);
	if (!edition) return [];
	return (await measureFormOptions(ctx.db, ctx.tenant.id, edition.id, ctx.locale)).goals;
}

/** The form for a new indicator: the goals it can serve. For coordinators. */
export async function newIndicatorForm(ctx: TenantCtx) {
	authorize(ctx.actor, 'concept.manage', { tenantId: ctx.tenant.id });
	return { goals: await goalOptions(ctx) };
}

/** An indicator's page: the indicator, the municipalities (districts) and the goals to link. */
export async function getIndicatorPage(ctx: TenantCtx, input: { indicatorId: string }) {
	const view = await getIndicator(ctx, input);
	const [municipalities, goals] = await Promise.all([
		listChildTenants(ctx.db, ctx.tenant.id),
		goalOptions(ctx)
	]);
	return { view, municipalities: municipalities.map((x) => ({ id: x.id, name: x.name })), goals };
}
