/**
 * The minutes' state machine after the first save:
 *
 *   draft → shared (draft mailed to the present members) → approved (by a speaker, deputy or the
 *   coordination; or "approved in the meeting of …", a later meeting of the same body) →
 *   published (readable with the body's visibility; the meeting counts as held).
 */
import { and, eq, gt, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantCtx } from '../context';
import { users } from '../auth/schema';
import { meetings } from '../meetings/schema';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { enqueueMail } from '../mail/enqueue';
import { presentMemberIds } from './attendance';
import { loadMinutesAccess, loadMinutesToManage, lockMeeting } from './access';
import { canApproveMinutes } from './visibility';
import { minutesDraftMail } from './mails';
import { notifyMinutesPublished } from './notify';

function transitionError(): never {
	throw new ValidationError({ form: 'minutes_error_transition' });
}

/** draft → shared: the draft is mailed to the members marked present. Returns how many mails. */
export async function shareMinutes(
	ctx: TenantCtx,
	input: { meetingId: string }
): Promise<{ mails: number }> {
	const tenantId = ctx.tenant.id;
	const { meetingId } = input;
	const { body } = await loadMinutesToManage(ctx, tenantId, meetingId);
	const actor = ctx.actor!;
	return ctx.db.transaction(async (tx) => {
		const meeting = await lockMeeting(tx, tenantId, meetingId);
		if (meeting.minutesState !== 'draft') transitionError();
		const now = new Date();
		await tx
			.update(meetings)
			.set({ minutesState: 'shared', minutesSharedAt: now, updatedAt: now })
			.where(eq(meetings.id, meeting.id));
		const ids = await presentMemberIds(tx, meeting.id);
		const people = ids.length
			? await tx
					.select({
						id: users.id,
						email: users.email,
						name: users.name,
						locale: users.locale,
						disabledAt: users.disabledAt
					})
					.from(users)
					.where(inArray(users.id, ids))
			: [];
		let mails = 0;
		for (const p of people) {
			if (p.disabledAt) continue;
			await enqueueMail(
				tx,
				tenantId,
				minutesDraftMail({
					to: p.email,
					name: p.name,
					bodyName: body.name,
					meetingDate: meeting.startsAt,
					sharedBy: actor.name,
					link: `${ctx.origin}/app/${ctx.tenant.slug}/sitzungen/${meeting.id}/protokoll`,
					locale: p.locale === 'en' ? 'en' : 'de'
				})
			);
			mails++;
		}
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'minutes.share',
			entityType: 'minutes',
			entityId: meeting.id,
			before: { name: meeting.title, state: meeting.minutesState },
			after: { name: meeting.title, state: 'shared', recipients: mails }
		});
		return { mails };
	});
}

const approveInput = z.object({
	inMeetingId: z.preprocess(
		(v) => (v === '' || v == null ? undefined : v),
		z.uuid({ error: 'minutes_error_approval_meeting_invalid' }).optional()
	)
});

/**
 * draft or shared → approved, by a speaker, deputy or the coordination. With `inMeetingId`: the
 * minutes were approved in that (later, not cancelled) meeting of the same body.
 */
export async function approveMinutes(
	ctx: TenantCtx,
	input: { meetingId: string; inMeetingId?: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	const { meetingId } = input;
	const access = await loadMinutesAccess(ctx, tenantId, meetingId);
	if (!access.canManage && !access.canApprove) throw new NotFoundError();
	if (!canApproveMinutes(ctx.actor, access.body))
		throw new ValidationError({ form: 'minutes_error_not_approver' });
	const parsed = approveInput.safeParse(input);
	if (!parsed.success)
		throw new ValidationError({ inMeetingId: 'minutes_error_approval_meeting_invalid' });
	const inMeetingId = parsed.data.inMeetingId ?? null;
	await ctx.db.transaction(async (tx) => {
		const meeting = await lockMeeting(tx, tenantId, meetingId);
		if (meeting.minutesState !== 'draft' && meeting.minutesState !== 'shared') transitionError();
		if (inMeetingId) {
			const [later] = await tx
				.select({ id: meetings.id })
				.from(meetings)
				.where(
					and(
						eq(meetings.tenantId, tenantId),
						eq(meetings.bodyId, meeting.bodyId),
						eq(meetings.id, inMeetingId),
						gt(meetings.startsAt, meeting.startsAt),
						ne(meetings.state, 'cancelled')
					)
				);
			if (!later)
				throw new ValidationError({ inMeetingId: 'minutes_error_approval_meeting_invalid' });
		}
		const now = new Date();
		await tx
			.update(meetings)
			.set({
				minutesState: 'approved',
				minutesApprovedAt: now,
				minutesApprovedBy: ctx.actor!.userId,
				minutesApprovedInMeetingId: inMeetingId,
				updatedAt: now
			})
			.where(eq(meetings.id, meeting.id));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'minutes.approve',
			entityType: 'minutes',
			entityId: meeting.id,
			before: { name: meeting.title, state: meeting.minutesState },
			after: { name: meeting.title, state: 'approved', approvedInMeetingId: inMeetingId }
		});
	});
}

/** approved → published; the meeting counts as held from now on. */
export async function publishMinutes(ctx: TenantCtx, input: { meetingId: string }): Promise<void> {
	const tenantId = ctx.tenant.id;
	const { meetingId } = input;
	await loadMinutesToManage(ctx, tenantId, meetingId);
	await ctx.db.transaction(async (tx) => {
		const meeting = await lockMeeting(tx, tenantId, meetingId);
		if (meeting.minutesState !== 'approved' || meeting.state === 'cancelled') transitionError();
		const now = new Date();
		await tx
			.update(meetings)
			.set({
				minutesState: 'published',
				minutesPublishedAt: now,
				state: 'held',
				updatedAt: now
			})
			.where(eq(meetings.id, meeting.id));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'minutes.publish',
			entityType: 'minutes',
			entityId: meeting.id,
			before: { name: meeting.title, state: meeting.minutesState, meetingState: meeting.state },
			after: { name: meeting.title, state: 'published', meetingState: 'held' }
		});
		await notifyMinutesPublished(tx, ctx, meeting);
	});
}
