import type { Actions, PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { runAction } from '$lib/server/http';
import {
	answerByToken,
	findInvitationByToken,
	parseResponse
} from '$lib/server/invitations/answers';
import { responseLabel } from '$lib/server/invitations/mails';
import { keepValues } from '$lib/server/shared';

// The answer link of an invitation mail. GET only shows (mail scanners follow links); the
// answer is recorded by the POST. No sign-in: the token identifies the person and the meeting.
export const load: PageServerLoad = async ({ locals, params, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	const view = await findInvitationByToken(locals.ctx.db, params.token);
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
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values = keepValues(form);
		const meeting = form.get('meeting');
		const result = await runAction(values, () =>
			answerByToken(locals.ctx.db, params.token, form.get('response'), form.get('comment'), {
				meetingId: typeof meeting === 'string' ? meeting : undefined,
				requestId: locals.ctx.requestId
			})
		);
		if (!('response' in result)) return result;
		return {
			success: m.invitations_answer_saved({
				answer: responseLabel(result.response, locals.ctx.locale)
			})
		};
	}
};
