/**
 * Access to a meeting's minutes for pages and use cases: the meeting with its body (via
 * meetings/access.ts, so hidden bodies answer 404), the reader flags and what the actor may do.
 */
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { NotFoundError, ValidationError } from '../errors';
import { loadMeeting, type MeetingAccess } from '../meetings/access';
import { meetings, type Meeting } from '../meetings/schema';
import { meetingAttendance } from './schema';
import {
	canApproveMinutes,
	canReadMinutes,
	canReadNonPublicItems,
	minutesReader,
	type MinutesReader
} from './visibility';

export interface MinutesAccess extends MeetingAccess {
	reader: MinutesReader;
	/** may read the minutes in their current state */
	canRead: boolean;
	/** sees non-public agenda items and what is recorded under them */
	canReadNonPublic: boolean;
	/** may approve (speaker, deputy, coordination) */
	canApprove: boolean;
}

export async function wasPresent(db: Executor, meetingId: string, userId: string) {
	const [row] = await db
		.select({ id: meetingAttendance.id })
		.from(meetingAttendance)
		.where(
			and(
				eq(meetingAttendance.meetingId, meetingId),
				eq(meetingAttendance.userId, userId),
				eq(meetingAttendance.status, 'present')
			)
		);
	return !!row;
}

export async function loadMinutesAccess(
	ctx: Ctx,
	tenantId: string,
	meetingId: string
): Promise<MinutesAccess> {
	const access = await loadMeeting(ctx, tenantId, meetingId);
	const present = ctx.actor ? await wasPresent(ctx.db, access.meeting.id, ctx.actor.userId) : false;
	const reader = minutesReader(ctx.actor, access.body, present);
	return {
		...access,
		reader,
		canRead: canReadMinutes(access.meeting.minutesState, reader),
		canReadNonPublic: canReadNonPublicItems(reader),
		canApprove: canApproveMinutes(ctx.actor, access.body)
	};
}

/** As loadMinutesAccess, but NotFoundError unless the actor may read the minutes now. */
export async function loadMinutesToRead(ctx: Ctx, tenantId: string, meetingId: string) {
	const access = await loadMinutesAccess(ctx, tenantId, meetingId);
	if (!access.canRead) throw new NotFoundError();
	return access;
}

export const EDITABLE_STATES = ['none', 'draft', 'shared'] as const;

export function isEditable(meeting: Pick<Meeting, 'minutesState'>): boolean {
	return (EDITABLE_STATES as readonly string[]).includes(meeting.minutesState);
}

/** The meeting row of the tenant locked for a change; NotFoundError when there is none. */
export async function lockMeeting(tx: Executor, tenantId: string, meetingId: string) {
	const [meeting] = await tx
		.select()
		.from(meetings)
		.where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, meetingId)))
		.for('update');
	if (!meeting) throw new NotFoundError();
	return meeting;
}

/**
 * The meeting row locked for a change of its minutes, attendance or action items, checked to be
 * editable: after approval nothing may change (the approved text is the record), and a
 * cancelled meeting has no minutes.
 */
export async function lockEditableMeeting(
	tx: Executor,
	tenantId: string,
	meetingId: string
): Promise<Meeting> {
	const meeting = await lockMeeting(tx, tenantId, meetingId);
	if (meeting.state === 'cancelled') throw new ValidationError({ form: 'minutes_error_cancelled' });
	if (!isEditable(meeting)) throw new ValidationError({ form: 'minutes_error_locked' });
	return meeting;
}

/** Checks that the actor may manage the meeting (NotFoundError otherwise) and returns the access. */
export async function loadMinutesToManage(ctx: Ctx, tenantId: string, meetingId: string) {
	const access = await loadMinutesAccess(ctx, tenantId, meetingId);
	if (!access.canManage) throw new NotFoundError();
	return access;
}
