/**
 * The views behind the participation pages: each gathers what one page shows, authorised, so
 * that the routes only call one function per load.
 */
import type { TenantCtx } from '../context';
import { authorize, can } from '../auth/policy';
import { fieldOptions, municipalityOptions } from '../needs/views';
import { NEED_URGENCIES } from '../needs/validation';
import { measureFormOptions, measureOptions } from '../concept/views';
import { statesOf } from '../concept/states';
import { SPOKEN_LANGUAGES, TARGET_GROUPS } from '../offers/vocabulary';
import { isUuid, requireUuid } from '../shared';
import { contributionFilter } from './validation';
import { CONTRIBUTION_STATUSES, PHASE_KINDS, PROCESS_STATUSES } from './schema';
import { getProcess, getPublicProcess } from './processes';
import { dialoguesOf } from './dialogues';
import { contributionsOf, myContributions } from './contribution-views';
import { processModerationLog } from './moderation';
import { groupByField, recommendationsOf } from './recommendation-views';

/** Whether the actor runs the tenant's processes (the pages show the staff controls). */
export function canManageParticipation(ctx: TenantCtx): boolean {
	return can(ctx.actor, 'participation.manage', { tenantId: ctx.tenant.id });
}

const vocabulary = { targetGroups: TARGET_GROUPS, languages: SPOKEN_LANGUAGES };

/** The form of a new process. */
export async function newProcessPage(ctx: TenantCtx) {
	authorize(ctx.actor, 'participation.manage', { tenantId: ctx.tenant.id });
	return {
		fields: await fieldOptions(ctx.db, ctx.tenant.id, ctx.locale),
		statuses: PROCESS_STATUSES
	};
}

/** A process with its dialogues and the forms of process and phases (staff). */
export async function processPage(ctx: TenantCtx, input: { processId: string }) {
	const process = await getProcess(ctx, input);
	return {
		canManage: canManageParticipation(ctx),
		process,
		dialogues: await dialoguesOf(ctx.db, ctx.tenant.id, process.id),
		fields: await fieldOptions(ctx.db, ctx.tenant.id, ctx.locale),
		statuses: PROCESS_STATUSES,
		phaseKinds: PHASE_KINDS
	};
}

/** The form of a new dialogue of a process. */
export async function newDialoguePage(ctx: TenantCtx, input: { processId: string }) {
	authorize(ctx.actor, 'participation.manage', { tenantId: ctx.tenant.id });
	return { process: await getProcess(ctx, input), ...vocabulary };
}

/** The contributions of a process for staff: filters, moderation, offline entry, clustering. */
export async function contributionsPage(
	ctx: TenantCtx,
	input: { processId: string; query: URLSearchParams }
) {
	const tenantId = ctx.tenant.id;
	const process = await getProcess(ctx, input);
	const filter = contributionFilter.parse(Object.fromEntries(input.query));
	const canManage = canManageParticipation(ctx);
	const [items, dialogues, fields, municipalities, recommendations, log] = await Promise.all([
		contributionsOf(ctx.db, tenantId, process.id, {
			staff: canManage,
			locale: ctx.locale,
			filter: { status: filter.status, fieldOfActionId: filter.feld, dialogueId: filter.dialog }
		}),
		dialoguesOf(ctx.db, tenantId, process.id),
		fieldOptions(ctx.db, tenantId, ctx.locale),
		municipalityOptions(ctx.db, tenantId),
		recommendationsOf(ctx.db, tenantId, process.id, ctx.locale),
		canManage ? processModerationLog(ctx, { processId: process.id }) : Promise.resolve([])
	]);
	return {
		canManage,
		process,
		filter,
		items,
		dialogues,
		fields,
		municipalities,
		recommendations: recommendations.map((r) => ({ id: r.id, title: r.title })),
		log,
		statuses: CONTRIBUTION_STATUSES,
		...vocabulary
	};
}

/**
 * The recommendations of a process for staff, with the contributions chosen on the contributions
 * page for a new one and, for concept managers, the goals and measures to turn one into a measure.
 */
export async function recommendationsPage(
	ctx: TenantCtx,
	input: { processId: string; chosenIds: string[] }
) {
	const tenantId = ctx.tenant.id;
	const process = await getProcess(ctx, input);
	const canManage = canManageParticipation(ctx);
	const recs = await recommendationsOf(ctx.db, tenantId, process.id, ctx.locale);
	const chosenIds = input.chosenIds.filter(isUuid);
	const chosen = chosenIds.length
		? (
				await contributionsOf(ctx.db, tenantId, process.id, { staff: true, locale: ctx.locale })
			).filter((c) => chosenIds.includes(c.id))
		: [];
	// "In Maßnahme überführen": goals and measures of the concept's working edition
	const canMakeMeasures = canManage && can(ctx.actor, 'concept.manage', { tenantId });
	const concept = canMakeMeasures ? await measureOptions(ctx.db, tenantId) : null;
	const goals = concept?.edition
		? (await measureFormOptions(ctx.db, tenantId, concept.edition.id, ctx.locale)).goals
		: [];
	const states = canMakeMeasures ? await statesOf(ctx.db, tenantId) : [];
	return {
		canManage,
		canMakeMeasures: canMakeMeasures && !!concept?.edition,
		edition: concept?.edition ? { id: concept.edition.id, title: concept.edition.title } : null,
		goals,
		measures: concept?.measures ?? [],
		states: states.map((s) => ({ id: s.id, name: s.name, proposed: s.category === 'proposed' })),
		canMakeNeeds: can(ctx.actor, 'needs.manage', { tenantId }),
		process,
		groups: groupByField(recs),
		fields: await fieldOptions(ctx.db, tenantId, ctx.locale),
		chosen,
		urgencies: NEED_URGENCIES
	};
}

/** A process on the public site: dialogues, contributions, recommendations, the forms. */
export async function publicProcessPage(
	ctx: TenantCtx,
	input: { processId: string; supporterKey: string | null }
) {
	const tenantId = ctx.tenant.id;
	const process = await getPublicProcess(ctx, { processId: requireUuid(input.processId) });
	const [dialogues, items, recs, fields, municipalities, mine] = await Promise.all([
		dialoguesOf(ctx.db, tenantId, process.id),
		contributionsOf(ctx.db, tenantId, process.id, {
			staff: false,
			locale: ctx.locale,
			supporterKey: input.supporterKey
		}),
		recommendationsOf(ctx.db, tenantId, process.id, ctx.locale),
		fieldOptions(ctx.db, tenantId, ctx.locale),
		municipalityOptions(ctx.db, tenantId),
		myContributions(ctx, { processId: process.id })
	]);
	return {
		process,
		dialogues,
		items,
		groups: groupByField(recs),
		fields: process.fields.length > 0 ? process.fields : fields,
		municipalities,
		mine,
		...vocabulary
	};
}
