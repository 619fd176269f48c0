import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { orNotFound, runAction } from '$lib/server/http';
import {
	addPaperComment,
	addPaperLink,
	attachPaperFile,
	scheduleConsultation,
	transitionPaper
} from '$lib/server/papers/service';
import { getPaper } from '$lib/server/papers/views';
import { measureOptions } from '$lib/server/concept/views';
import { papersTenant } from '../_shared/tenant.server';
import { keepValues } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const tenant = await papersTenant(event);
	const view = await orNotFound(() => getPaper(event.locals.ctx, tenant.id, event.params.id));
	// the measure picker: measures of the concept's working edition ("Ziel › Maßnahme")
	const measures = view.canEdit
		? (await measureOptions(event.locals.ctx.db, tenant.id)).measures
		: [];
	return {
		tenant,
		...view,
		measures,
		created: event.url.searchParams.has('angelegt'),
		saved: event.url.searchParams.has('gespeichert')
	};
};

export const actions: Actions = {
	transition: async (event) => {
		const tenant = await papersTenant(event);
		const ctx = event.locals.ctx;
		const form = await event.request.formData();
		const to = String(form.get('to') ?? '');
		const result = await runAction({}, async () => {
			await transitionPaper(ctx, tenant.id, event.params.id, to);
			return getPaper(ctx, tenant.id, event.params.id);
		});
		if (!('paper' in result)) return result;
		return { success: m.papers_transition_done({ state: result.paper.stateLabel }) };
	},
	schedule: async (event) => {
		const tenant = await papersTenant(event);
		const ctx = event.locals.ctx;
		const form = await event.request.formData();
		const values = keepValues(form);
		const result = await runAction(values, async () => {
			const { consultationId } = await scheduleConsultation(
				ctx,
				tenant.id,
				event.params.id,
				values
			);
			const view = await getPaper(ctx, tenant.id, event.params.id);
			return { c: view.consultations.find((c) => c.id === consultationId)! };
		});
		if (!('c' in result)) return result;
		return { success: m.papers_schedule_done({ position: result.c.agendaPosition ?? '' }) };
	},
	comment: async (event) => {
		const tenant = await papersTenant(event);
		const form = await event.request.formData();
		const values = keepValues(form);
		const result = await runAction(values, () =>
			addPaperComment(event.locals.ctx, tenant.id, event.params.id, values)
		);
		if (!('id' in result)) return result;
		return { success: m.papers_commented() };
	},
	link: async (event) => {
		const tenant = await papersTenant(event);
		const form = await event.request.formData();
		const values = keepValues(form);
		const result = await runAction({ ...values, linkForm: '1' }, () =>
			addPaperLink(event.locals.ctx, tenant.id, event.params.id, {
				kind: 'measure',
				targetId: values.measureId || null,
				label: ''
			})
		);
		if (!('id' in result)) return result;
		return { success: m.papers_link_added() };
	},
	attach: async (event) => {
		const tenant = await papersTenant(event);
		const form = await event.request.formData();
		const file = form.get('file');
		const result = await runAction({}, async () =>
			attachPaperFile(
				event.locals.ctx,
				tenant.id,
				event.params.id,
				file instanceof File && file.size > 0
					? { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }
					: null
			)
		);
		if (!('fileId' in result)) return result;
		return { success: m.papers_attached() };
	}
};
