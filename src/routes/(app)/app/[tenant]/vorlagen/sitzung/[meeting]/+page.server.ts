import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { orNotFound, runAction } from '$lib/server/http';
import {
	instructionsFromForm,
	recordConsultationResult,
	scheduleConsultation
} from '$lib/server/papers/service';
import { meetingPapers } from '$lib/server/papers/views';
import { papersTenant } from '../../_shared/tenant.server';
import { keepValues } from '$lib/server/shared';

/** Instruction rows offered in the result form (no JavaScript needed). */
const INSTRUCTION_ROWS = 3;

export const load: PageServerLoad = async (event) => {
	const tenant = await papersTenant(event);
	const view = await orNotFound(() =>
		meetingPapers(event.locals.ctx, tenant.id, event.params.meeting)
	);
	return { tenant, ...view, instructionRows: INSTRUCTION_ROWS };
};

export const actions: Actions = {
	schedule: async (event) => {
		const tenant = await papersTenant(event);
		const form = await event.request.formData();
		const values = keepValues(form);
		const result = await runAction(values, () =>
			scheduleConsultation(event.locals.ctx, tenant.id, String(values.paperId ?? ''), {
				meetingId: event.params.meeting,
				role: values.role
			})
		);
		if (!('consultationId' in result)) return result;
		const view = await meetingPapers(event.locals.ctx, tenant.id, event.params.meeting);
		const item = view.onAgenda.find((c) => c.consultationId === result.consultationId);
		return { success: m.papers_schedule_done({ position: item?.position ?? '' }) };
	},
	result: async (event) => {
		const tenant = await papersTenant(event);
		const form = await event.request.formData();
		const values = keepValues(form);
		const consultationId = String(values.consultationId ?? '');
		const result = await runAction(values, async () => {
			await recordConsultationResult(event.locals.ctx, tenant.id, consultationId, {
				result: values.result,
				resultText: values.resultText,
				instructions: instructionsFromForm(values)
			});
			return { ok: true as const };
		});
		if (!('ok' in result)) return fail(result.status, { ...result.data, consultationId });
		return { success: m.papers_result_saved() };
	}
};
