import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import type { TenantCtx } from '$lib/server/context';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { transitionPaper } from '$lib/server/papers/transition';
import { scheduleConsultation } from '$lib/server/papers/schedule';
import { addPaperComment } from '$lib/server/papers/comments';
import { addPaperLink } from '$lib/server/papers/links';
import { attachPaperFile } from '$lib/server/papers/attachments';
import { getPaper } from '$lib/server/papers/paper-view';
import { measureOptions } from '$lib/server/concept/views';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const view = await orNotFound(() => getPaper(ctx, { paperId: event.params.id }));
	// the measure picker: measures of the concept's working edition ("Ziel › Maßnahme")
	const measures = view.canEdit ? (await measureOptions(ctx.db, ctx.tenant.id)).measures : [];
	return {
		tenant: ctx.tenant,
		...view,
		measures,
		created: event.url.searchParams.has('angelegt'),
		saved: event.url.searchParams.has('gespeichert')
	};
};

export const actions: Actions = {
	transition: formAction(
		async (ctx: TenantCtx, input: { paperId: string; to: unknown }) => {
			await transitionPaper(ctx, input);
			return getPaper(ctx, input);
		},
		{
			input: ({ values, params }) => ({ paperId: params.id, to: values.to ?? '' }),
			onSuccess: (view) => ({ success: m.papers_transition_done({ state: view.paper.stateLabel }) })
		}
	),
	schedule: formAction(
		async (ctx: TenantCtx, input: { paperId: string; meetingId?: unknown; role?: unknown }) => {
			const { consultationId } = await scheduleConsultation(ctx, input);
			const view = await getPaper(ctx, input);
			return view.consultations.find((c) => c.id === consultationId)!;
		},
		{
			input: ({ values, params }) => ({ ...values, paperId: params.id }),
			onSuccess: (c) => ({ success: m.papers_schedule_done({ position: c.agendaPosition ?? '' }) })
		}
	),
	comment: formAction(addPaperComment, {
		input: ({ values, params }) => ({ ...values, paperId: params.id }),
		onSuccess: () => ({ success: m.papers_commented() })
	}),
	link: formAction(addPaperLink, {
		form: 'link',
		input: ({ values, params }) => ({
			paperId: params.id,
			kind: 'measure',
			targetId: (values.measureId as string) || null,
			label: ''
		}),
		onSuccess: () => ({ success: m.papers_link_added() })
	}),
	attach: formAction(attachPaperFile, {
		input: async ({ form, params }) => {
			const file = form.get('file');
			return {
				paperId: params.id,
				file:
					file instanceof File && file.size > 0
						? { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }
						: null
			};
		},
		onSuccess: () => ({ success: m.papers_attached() })
	})
};
