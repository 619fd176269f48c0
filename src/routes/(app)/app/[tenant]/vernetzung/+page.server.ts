import type { Actions, PageServerLoad } from './$types';
import {
	municipalityExchange,
	recordAnswersForMunicipality,
	saveMunicipalityAnswers
} from '$lib/server/district/exchange';
import { districtExchange } from '$lib/server/district/exchange-rollup';
import { answerToActionItem, answerToMeasure } from '$lib/server/district/exchange-actions';
import { measureOptions } from '$lib/server/district/measure-options';
import { can } from '$lib/server/auth/policy';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

/**
 * The networking meeting's exchange: in a municipality its coordinator records the answers; in
 * the district the body's managers see them side by side and turn them into action items.
 */
export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	if (ctx.tenant.kind !== 'district' && ctx.tenant.parentId) {
		const view = await orNotFound(() => municipalityExchange(ctx));
		return { tenant: ctx.tenant, mode: 'municipality' as const, municipality: view };
	}
	const view = await orNotFound(() =>
		districtExchange(ctx, { bodyId: event.url.searchParams.get('gremium') })
	);
	const measures = can(ctx.actor, 'concept.manage', { tenantId: ctx.tenant.id })
		? await measureOptions(ctx.db, ctx.tenant.id)
		: null;
	return { tenant: ctx.tenant, mode: 'district' as const, district: view, measures };
};

export const actions: Actions = {
	answer: formAction(saveMunicipalityAnswers, {
		form: 'answer',
		onSuccess: () => ({ success: m.district_answers_saved() })
	}),
	record: formAction(recordAnswersForMunicipality, {
		form: 'record',
		onSuccess: () => ({ success: m.district_answers_saved() })
	}),
	action: formAction(answerToActionItem, {
		form: 'action',
		onSuccess: () => ({ success: m.district_action_created() })
	}),
	measure: formAction(answerToMeasure, {
		form: 'measure',
		// one select names the edition and the goal: "<editionId>:<goalId>"
		input: ({ values }) => {
			const [editionId, goalId] = String(values.goalId ?? '').split(':');
			return { ...values, answerId: values.answerId, field: values.field, editionId, goalId };
		},
		onSuccess: () => ({ success: m.district_measure_created() })
	})
};
