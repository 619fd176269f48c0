import type { Actions, PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { orNotFound, runAction } from '$lib/server/http';
import { loadMeeting } from '$lib/server/meetings/access';
import { invitationPreview, sendInvitations } from '$lib/server/invitations/invitations';
import { answerInApp, listAnswers, myAnswer } from '$lib/server/invitations/answers';
import { responseLabel } from '$lib/server/invitations/mails';
import { m } from '$lib/paraglide/messages';
import { keepValues } from '$lib/server/shared';

type Event = Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0];

async function tenantFor(event: Event) {
	requireActor(event);
	return orNotFound(() => getTenantForActor(event.locals.ctx, event.params.tenant!));
}

export const load: PageServerLoad = async (event) => {
	const tenant = await tenantFor(event);
	const ctx = event.locals.ctx;
	const meetingId = event.params.meeting;
	const { canManage } = await orNotFound(() => loadMeeting(ctx, tenant.id, meetingId));
	const mine = await myAnswer(ctx, tenant.id, meetingId);
	let manage = null;
	if (canManage) {
		const [preview, answers] = await Promise.all([
			invitationPreview(ctx, tenant.id, meetingId),
			listAnswers(ctx, tenant.id, meetingId)
		]);
		manage = {
			preview,
			answers: {
				counts: answers.counts,
				invitedAt: answers.invitedAt?.toISOString() ?? null,
				notInvited: answers.notInvited,
				rows: answers.rows.map((r) => ({
					userId: r.userId,
					name: r.name,
					organization: r.organization,
					response: r.response,
					comment: r.comment,
					respondedAt: r.respondedAt?.toISOString() ?? null,
					invitedAt: r.invitedAt.toISOString(),
					current: r.current,
					mailed: r.mailed
				}))
			}
		};
	}
	return {
		mine: {
			canAnswer: mine.canAnswer,
			concerned: mine.concerned,
			response: mine.response,
			comment: mine.comment,
			respondedAt: mine.respondedAt?.toISOString() ?? null,
			phase: mine.phase
		},
		manage
	};
};

function sentMessage(r: { mailed: number; speakers: number }): string {
	if (r.mailed === 0 && r.speakers === 0) return m.invitations_sent_none();
	if (r.speakers > 0) return m.invitations_sent_speakers({ count: r.mailed, speakers: r.speakers });
	return m.invitations_sent({ count: r.mailed });
}

export const actions: Actions = {
	send: async (event) => {
		const tenant = await tenantFor(event);
		const result = await runAction({ action: 'send' }, () =>
			sendInvitations(event.locals.ctx, tenant.id, event.params.meeting)
		);
		if (!('mailed' in result)) return result;
		return { sent: sentMessage(result) };
	},
	sendAll: async (event) => {
		const tenant = await tenantFor(event);
		const result = await runAction({ action: 'send' }, () =>
			sendInvitations(event.locals.ctx, tenant.id, event.params.meeting, { all: true })
		);
		if (!('mailed' in result)) return result;
		return { sent: sentMessage(result) };
	},
	answer: async (event) => {
		const tenant = await tenantFor(event);
		const form = await event.request.formData();
		const values = { ...keepValues(form), action: 'answer' };
		const result = await runAction(values, () =>
			answerInApp(
				event.locals.ctx,
				tenant.id,
				event.params.meeting,
				form.get('response'),
				form.get('comment')
			)
		);
		if (!('response' in result)) return result;
		return {
			answered: m.invitations_mine_saved({
				answer: responseLabel(result.response, event.locals.ctx.locale)
			})
		};
	}
};
