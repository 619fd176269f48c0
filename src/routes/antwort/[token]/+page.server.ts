import type { Actions, PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { formAction, requestCtx } from '$lib/server/http';
import {
	answerByToken,
	findInvitationByToken,
	parseResponse
} from '$lib/server/invitations/answers';
import { responseLabel } from '$lib/server/invitations/mails';
import { mailLocale } from '$lib/server/context';

// The answer link of an invitation mail. GET only shows (mail scanners follow links); the
// answer is recorded by the POST. No sign-in: the token identifies the person and the meeting.
export const load: PageServerLoad = async (event) => {
	const { params, url, setHeaders } = event;
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	const view = await findInvitationByToken(requestCtx(event), { token: params.token });
	if (!view) error(404, m.invitations_token_unknown_text());
	const preselected = parseResponse(url.searchParams.get('antwort')) ?? view.response;
	return {
		invitation: {
			meetingId: view.meetingId,
			summary: view.summary,
			bodyName: view.bodyName,
			tenantName: view.tenantName,
			title: view.title,
			startsAt: view.startsAt.toISOString(),
			endsAt: view.endsAt.toISOString(),
			place: view.place,
			online: view.online,
			host: view.host,
			agenda: view.agenda,
			personName: view.personName,
			response: view.response,
			comment: view.comment,
			respondedAt: view.respondedAt?.toISOString() ?? null,
			phase: view.phase,
			cancelReason: view.cancelReason
		},
		preselected
	};
};

export const actions: Actions = {
	default: formAction(answerByToken, {
		input: ({ values, params }) => ({
			token: params.token,
			response: values.response,
			comment: values.comment,
			meetingId: values.meeting
		}),
		onSuccess: (result, { ctx }): { success: string } => ({
			success: m.invitations_answer_saved({
				answer: responseLabel(result.response, mailLocale(ctx.locale))
			})
		})
	})
};
