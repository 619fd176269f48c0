import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { assigneeOptions, getInquiry } from '$lib/server/inquiries/inbox';
import {
	addInquiryNote,
	assignInquiry,
	replyToInquiry,
	setInquiryDue,
	setInquiryState
} from '$lib/server/inquiries/handling';
import { listTemplates } from '$lib/server/inquiries/templates';
import { INQUIRY_STATES } from '$lib/server/inquiries/validation';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const [inquiry, people, templates] = await orNotFound(() =>
		Promise.all([
			getInquiry(ctx, { inquiryId: event.params.id }),
			assigneeOptions(ctx),
			listTemplates(ctx)
		])
	);
	// "Insert template" works without JavaScript: a GET form puts the template's id in the URL.
	const templateId = event.url.searchParams.get('vorlage');
	const template = templates.find((t) => t.id === templateId) ?? null;
	return { tenant: ctx.tenant, inquiry, people, templates, template, states: INQUIRY_STATES };
};

const withInquiry = ({
	values,
	params
}: {
	values: Record<string, string | string[]>;
	params: { id: string };
}) => ({ ...values, inquiryId: params.id });

export const actions: Actions = {
	state: formAction(setInquiryState, {
		input: withInquiry,
		onSuccess: () => ({ success: m.inquiries_saved_state() })
	}),
	assign: formAction(assignInquiry, {
		input: withInquiry,
		onSuccess: () => ({ success: m.inquiries_saved_assignee() })
	}),
	due: formAction(setInquiryDue, {
		input: withInquiry,
		onSuccess: () => ({ success: m.inquiries_saved_due() })
	}),
	note: formAction(addInquiryNote, {
		input: withInquiry,
		onSuccess: () => ({ success: m.inquiries_saved_note() })
	}),
	reply: formAction(replyToInquiry, {
		input: withInquiry,
		onSuccess: ({ mailed }) => ({
			success: mailed ? m.inquiries_reply_sent_mail() : m.inquiries_reply_sent_no_mail()
		})
	})
};
