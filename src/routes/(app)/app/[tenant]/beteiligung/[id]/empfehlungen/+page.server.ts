import type { Actions, PageServerLoad } from './$types';
import { tenantFor } from '$lib/server/participation/routes';
import { getProcess } from '$lib/server/participation/processes';
import { listContributions } from '$lib/server/participation/contributions';
import {
	createRecommendation,
	deleteRecommendation,
	groupByField,
	listRecommendations,
	setRecommendationOutcome,
	turnRecommendationIntoMeasure,
	turnRecommendationIntoNeed,
	unlinkContribution,
	updateRecommendation
} from '$lib/server/participation/recommendations';
import { isUuid } from '$lib/server/participation/validation';
import { can } from '$lib/server/auth/policy';
import { fieldOptions } from '$lib/server/needs/views';
import { NEED_URGENCIES } from '$lib/server/needs/validation';
import { orNotFound, runAction } from '$lib/server/http';
import { formValues } from '$lib/server/participation/forms';
import { measureFormOptions, measureOptions } from '$lib/server/concept/views';
import { statesOf } from '$lib/server/concept/measures';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const { tenant, canManage, actor } = await tenantFor(event, 'participation.view');
	const ctx = event.locals.ctx;
	const process = await orNotFound(() => getProcess(ctx, tenant.id, event.params.id));
	const recs = await listRecommendations(ctx.db, tenant.id, process.id, ctx.locale);
	// contributions chosen on the contributions page for a new recommendation
	const chosenIds = event.url.searchParams.getAll('contributionIds').filter(isUuid);
	const chosen = chosenIds.length
		? (
				await listContributions(ctx.db, tenant.id, process.id, { staff: true, locale: ctx.locale })
			).filter((c) => chosenIds.includes(c.id))
		: [];
	// "In Maßnahme überführen": goals and measures of the concept's working edition
	const canMakeMeasures = canManage && can(actor, 'concept.manage', { tenantId: tenant.id });
	const concept = canMakeMeasures ? await measureOptions(ctx.db, tenant.id) : null;
	const goals = concept?.edition
		? (await measureFormOptions(ctx.db, tenant.id, concept.edition.id, ctx.locale)).goals
		: [];
	const states = canMakeMeasures ? await statesOf(ctx.db, tenant.id) : [];
	return {
		tenant,
		canManage,
		canMakeMeasures: canMakeMeasures && !!concept?.edition,
		edition: concept?.edition ? { id: concept.edition.id, title: concept.edition.title } : null,
		goals,
		measures: concept?.measures ?? [],
		states: states.map((s) => ({ id: s.id, name: s.name, proposed: s.category === 'proposed' })),
		canMakeNeeds: can(actor, 'needs.manage', { tenantId: tenant.id }),
		process,
		groups: groupByField(recs),
		fields: await fieldOptions(ctx.db, tenant.id, ctx.locale),
		chosen,
		urgencies: NEED_URGENCIES
	};
};

async function manage(event: Parameters<Actions[string]>[0]) {
	const { tenant } = await tenantFor(event, 'participation.manage');
	return { tenant, ctx: event.locals.ctx, form: await event.request.formData() };
}

export const actions: Actions = {
	create: async (event) => {
		const { tenant, ctx, form } = await manage(event);
		const values: Record<string, string | string[]> = {
			...formValues(form, ['contributionIds']),
			createForm: '1'
		};
		const r = await runAction(values, () =>
			createRecommendation(ctx, tenant.id, event.params.id, values)
		);
		if (!('id' in r)) return r;
		return { success: m.participation_recommendation_created({ title: String(values.title) }) };
	},
	update: async (event) => {
		const { tenant, ctx, form } = await manage(event);
		const values = formValues(form, ['contributionIds']);
		const r = await runAction({ ...values, editId: String(values.id) }, () =>
			updateRecommendation(ctx, tenant.id, String(values.id ?? ''), values)
		);
		return r ?? { success: m.participation_saved() };
	},
	outcome: async (event) => {
		const { tenant, ctx, form } = await manage(event);
		const r = await runAction({}, () =>
			setRecommendationOutcome(ctx, tenant.id, String(form.get('id') ?? ''), {
				kind: form.get('kind'),
				note: form.get('note') ?? ''
			})
		);
		return r ?? { success: m.participation_outcome_saved() };
	},
	need: async (event) => {
		const { tenant, ctx, form } = await manage(event);
		const r = await runAction({}, () =>
			turnRecommendationIntoNeed(ctx, tenant.id, String(form.get('id') ?? ''), {
				urgency: form.get('urgency'),
				note: form.get('note')
			})
		);
		if (!('needId' in r)) return r;
		return { success: m.participation_need_created(), needId: r.needId };
	},
	measure: async (event) => {
		const { tenant, ctx, form } = await manage(event);
		const id = String(form.get('id') ?? '');
		const values: Record<string, string> = { measureForm: id };
		for (const k of ['mode', 'goalId', 'stateId', 'isPublic', 'measureId', 'note'])
			if (typeof form.get(k) === 'string') values[k] = String(form.get(k));
		const r = await runAction(values, () =>
			turnRecommendationIntoMeasure(ctx, tenant.id, id, values)
		);
		if (!('measureId' in r)) return r;
		return { success: m.participation_measure_done(), measureId: r.measureId };
	},
	unlink: async (event) => {
		const { tenant, ctx, form } = await manage(event);
		const r = await runAction({}, () =>
			unlinkContribution(
				ctx,
				tenant.id,
				String(form.get('id') ?? ''),
				String(form.get('contributionId') ?? '')
			)
		);
		return r ?? { success: m.participation_unlinked() };
	},
	delete: async (event) => {
		const { tenant, ctx, form } = await manage(event);
		const r = await runAction({}, () =>
			deleteRecommendation(ctx, tenant.id, String(form.get('id') ?? ''))
		);
		return r ?? { success: m.participation_recommendation_deleted() };
	}
};
