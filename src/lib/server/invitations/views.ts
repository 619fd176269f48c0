/**
 * The invitation page of a meeting: the actor's own answer and, for those who manage the
 * meeting, the preview of the invitation and who answered how. One load of the meeting.
 */
import type { TenantCtx } from '../context';
import { loadMeeting } from '../meetings/access';
import { answerOfActor, answersOf } from './answers';
import { previewOf } from './invitations';

export async function getInvitationPage(ctx: TenantCtx, input: { meetingId: string }) {
	const access = await loadMeeting(ctx, ctx.tenant.id, input.meetingId);
	const mine = await answerOfActor(ctx, access);
	let manage = null;
	if (access.canManage) {
		const [preview, answers] = await Promise.all([
			previewOf(ctx, access.meeting),
			answersOf(ctx, access.meeting)
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
}
