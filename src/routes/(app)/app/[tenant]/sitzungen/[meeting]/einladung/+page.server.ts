import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { sendInvitations } from '$lib/server/invitations/invitations';
import { getInvitationPage } from '$lib/server/invitations/views';
import { answerInApp } from '$lib/server/invitations/answers';
import { responseLabel } from '$lib/server/invitations/mails';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	return orNotFound(() => getInvitationPage(ctx, { meetingId: event.params.meeting }));
};

function sentMessage(r: { mailed: number; speakers: number; municipalities: number }): string {
	if (r.mailed === 0 && r.speakers === 0 && r.municipalities === 0)
		return m.invitations_sent_none();
	const members =
		r.speakers > 0
			? m.invitations_sent_speakers({ count: r.mailed, speakers: r.speakers })
			: m.invitations_sent({ count: r.mailed });
	return r.municipalities > 0
		? `${members} ${m.i17_sent_municipalities({ count: r.municipalities })}`
		: members;
}

export const actions: Actions = {
	send: formAction(sendInvitations, {
		input: ({ values, params }) => {
			values.action = 'send';
			return { meetingId: params.meeting };
		},
		onSuccess: (result) => ({ sent: sentMessage(result) })
	}),
	sendAll: formAction(sendInvitations, {
		input: ({ values, params }) => {
			values.action = 'send';
			return { meetingId: params.meeting, all: true };
		},
		onSuccess: (result) => ({ sent: sentMessage(result) })
	}),
	answer: formAction(answerInApp, {
		input: ({ values, params }) => {
			values.action = 'answer';
			return { ...values, meetingId: params.meeting };
		},
		onSuccess: (result, { ctx }) => ({
			answered: m.invitations_mine_saved({ answer: responseLabel(result.response, ctx.locale) })
		})
	})
};
