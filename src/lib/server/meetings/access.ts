import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { NotFoundError } from '../errors';
import { bodies, type Body } from '../bodies/schema';
import { canManageMeetings, canSeeBody } from '../bodies/access';
import { meetings, type Meeting } from './schema';
import { isUuid } from '../shared';

export interface MeetingAccess {
	meeting: Meeting;
	body: Body;
	/** may plan, invite, keep attendance and write minutes */
	canManage: boolean;
}

/**
 * A meeting of the tenant with its body, for a signed-in page or use case. NotFoundError when it
 * does not exist in the tenant or its body is hidden from the actor.
 */
export async function loadMeeting(
	ctx: Ctx,
	tenantId: string,
	meetingId: string
): Promise<MeetingAccess> {
	if (!isUuid(meetingId)) throw new NotFoundError();
	const [row] = await ctx.db
		.select({ meeting: meetings, body: bodies })
		.from(meetings)
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, meetingId)));
	if (!row || !canSeeBody(ctx.actor, row.body)) throw new NotFoundError();
	return { ...row, canManage: canManageMeetings(ctx.actor, row.body) };
}

/** As loadMeeting, but only for those who may manage the body's meetings. */
export async function loadMeetingToManage(
	ctx: Ctx,
	tenantId: string,
	meetingId: string
): Promise<MeetingAccess> {
	const access = await loadMeeting(ctx, tenantId, meetingId);
	if (!access.canManage) throw new NotFoundError();
	return access;
}

/** The meeting row of the tenant locked for a change; NotFoundError when there is none. */
export async function lockMeeting(tx: Executor, tenantId: string, meetingId: string) {
	const [row] = await tx
		.select()
		.from(meetings)
		.where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, meetingId)))
		.for('update');
	if (!row) throw new NotFoundError();
	return row;
}
