import type { Actions, PageServerLoad } from './$types';
import { tenantFor } from '$lib/server/participation/routes';
import {
	addInquiryNote,
	assigneeOptions,
	assignInquiry,
	getInquiry,
	listTemplates,
	replyToInquiry,
	setInquiryDue,
	setInquiryState
} from '$lib/server/inquiries/inbox';
import { INQUIRY_STATES } from '$lib/server/inquiries/schema';
import { orNotFound, runAction } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { keepValues } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const { tenant } = await tenantFor(event, 'inquiries.manage');
	const ctx = event.locals.ctx;
	const [inquiry, people, templates] = await Promise.all([
		orNotFound(() => getInquiry(ctx, tenant.id, event.params.id)),
		assigneeOptions(ctx, tenant.id),
		listTemplates(ctx, tenant.id)
	]);
	// "Insert template" works without JavaScript: a GET form puts the template's id in the URL.
	const templateId = event.url.searchParams.get('vorlage');
	const template = templates.find((t) => t.id === templateId) ?? null;
	return { tenant, inquiry, people, templates, template, states: INQUIRY_STATES };
};

export const actions: Actions = {
	state: async (event) => {
		const { tenant } = await tenantFor(event, 'inquiries.manage');
		const form = await event.request.formData();
		const r = await runAction({}, () =>
			setInquiryState(event.locals.ctx, tenant.id, event.params.id, form.get('state'))
		);
		return r ?? { success: m.inquiries_saved_state() };
	},
	assign: async (event) => {
		const { tenant } = await tenantFor(event, 'inquiries.manage');
		const form = await event.request.formData();
		const r = await runAction({}, () =>
			assignInquiry(event.locals.ctx, tenant.id, event.params.id, form.get('assigneeId'))
		);
		return r ?? { success: m.inquiries_saved_assignee() };
	},
	due: async (event) => {
		const { tenant } = await tenantFor(event, 'inquiries.manage');
		const form = await event.request.formData();
		const values = keepValues(form);
		const r = await runAction(values, () =>
			setInquiryDue(event.locals.ctx, tenant.id, event.params.id, form.get('dueOn'))
		);
		return r ?? { success: m.inquiries_saved_due() };
	},
	note: async (event) => {
		const { tenant } = await tenantFor(event, 'inquiries.manage');
		const form = await event.request.formData();
		const values = keepValues(form);
		const r = await runAction(values, () =>
			addInquiryNote(event.locals.ctx, tenant.id, event.params.id, { body: form.get('note') })
		);
		return r ?? { success: m.inquiries_saved_note() };
	},
	reply: async (event) => {
		const { tenant } = await tenantFor(event, 'inquiries.manage');
		const form = await event.request.formData();
		const values = keepValues(form);
		const r = await runAction(values, () =>
			replyToInquiry(event.locals.ctx, tenant.id, event.params.id, {
				body: form.get('reply'),
				close: form.get('close')
			})
		);
		if (!('mailed' in r)) return r;
		return { success: r.mailed ? m.inquiries_reply_sent_mail() : m.inquiries_reply_sent_no_mail() };
	}
};
