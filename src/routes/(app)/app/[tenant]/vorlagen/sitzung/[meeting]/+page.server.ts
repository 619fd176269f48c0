import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import type { TenantCtx } from '$lib/server/context';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { scheduleConsultation } from '$lib/server/papers/schedule';
import { instructionsFromForm, recordConsultationResult } from '$lib/server/papers/result';
import { meetingPapers } from '$lib/server/papers/meeting-papers';

/** Instruction rows offered in the result form (no JavaScript needed). */
const INSTRUCTION_ROWS = 3;

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const view = await orNotFound(() => meetingPapers(ctx, { meetingId: event.params.meeting }));
	return { tenant: ctx.tenant, ...view, instructionRows: INSTRUCTION_ROWS };
};

export const actions: Actions = {
	schedule: formAction(
		async (ctx: TenantCtx, input: { paperId: unknown; meetingId: string; role?: unknown }) => {
			const { consultationId } = await scheduleConsultation(ctx, input);
			const view = await meetingPapers(ctx, input);
			return view.onAgenda.find((c) => c.consultationId === consultationId);
		},
		{
			input: ({ values, params }) => ({
				paperId: values.paperId ?? '',
				meetingId: params.meeting,
				role: values.role
			}),
			onSuccess: (item) => ({ success: m.papers_schedule_done({ position: item?.position ?? '' }) })
		}
	),
	// the consultation must be on this meeting's agenda (404 otherwise)
	result: formAction(recordConsultationResult, {
		input: ({ values, params }) => ({
			consultationId: values.consultationId ?? '',
			meetingId: params.meeting,
			result: values.result,
			resultText: values.resultText,
			instructions: instructionsFromForm(values)
		}),
		onSuccess: () => ({ success: m.papers_result_saved() })
	})
};
