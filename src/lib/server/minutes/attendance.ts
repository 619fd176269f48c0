/**
 * Anwesenheitsliste: the body's members with their status (present, excused, absent) and
 * guests without an account (name and affiliation). Kept by the body's managers while the
 * minutes can still change; read by whoever may read the minutes.
 */
import { and, asc, eq, isNotNull, or, type Column } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { users } from '../auth/schema';
import { organizations } from '../organizations/schema';
import { bodyMemberships, type MembershipRole } from '../bodies/schema';
import { type Meeting } from '../meetings/schema';
import { meetingInvitations } from '../invitations/schema';
import { ATTENDANCE_STATES, meetingAttendance } from './schema';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { lockEditableMeeting, loadMinutesToManage, loadMinutesToRead } from './access';
import { isCurrentMembership } from '../bodies/membership-rule';
import { berlinDateOf, berlinToday, parseOrThrow, isUuid, requireUuid } from '../shared';

export type AttendanceStatus = (typeof ATTENDANCE_STATES)[number];

export interface MemberAttendance {
	userId: string;
	name: string;
	/** the organisation the person represents (kept with the entry once saved) */
	affiliation: string | null;
	role: MembershipRole | null;
	/** saved status; null while not recorded */
	status: AttendanceStatus | null;
	/** what the form proposes: the saved status, else from the RSVP (yes → present, no → excused) */
	suggested: AttendanceStatus;
}

export interface GuestAttendance {
	id: string;
	name: string;
	affiliation: string | null;
	status: AttendanceStatus;
}

export interface AttendanceView {
	members: MemberAttendance[];
	guests: GuestAttendance[];
	/** whether anything has been saved yet */
	recorded: boolean;
}

/**
 * Members of the body — current ones and those of the meeting's day —, with the organisation
 * they represent.
 */
async function membersOn(db: Executor, meeting: Meeting) {
	const day = berlinDateOf(meeting.startsAt);
	const rows = await db
		.select({
			userId: bodyMemberships.userId,
			name: users.name,
			role: bodyMemberships.role,
			organization: organizations.name
		})
		.from(bodyMemberships)
		.innerJoin(users, eq(users.id, bodyMemberships.userId))
		.leftJoin(organizations, eq(organizations.id, bodyMemberships.organizationId))
		.where(
			and(
				eq(bodyMemberships.tenantId, meeting.tenantId),
				eq(bodyMemberships.bodyId, meeting.bodyId),
				or(isCurrentMembership(berlinToday()), isCurrentMembership(day))
			)
		)
		.orderBy(asc(users.name));
	const seen = new Set<string>();
	return rows.filter((r) => (seen.has(r.userId) ? false : (seen.add(r.userId), true)));
}

/** The rows of a meeting's table (attendance, invitations) that belong to `meeting`, in its tenant. */
function rowsOfMeeting(
	table: { tenantId: Column; meetingId: Column },
	meeting: Pick<Meeting, 'id' | 'tenantId'>
) {
	return and(eq(table.tenantId, meeting.tenantId), eq(table.meetingId, meeting.id));
}

/** The attendance list as stored plus, for managers, the members not yet recorded. */
export async function attendanceOf(
	db: Executor,
	meeting: Meeting,
	withSuggestions: boolean
): Promise<AttendanceView> {
	const saved = await db
		.select({
			id: meetingAttendance.id,
			userId: meetingAttendance.userId,
			guestName: meetingAttendance.guestName,
			affiliation: meetingAttendance.affiliation,
			status: meetingAttendance.status,
			name: users.name
		})
		.from(meetingAttendance)
		.leftJoin(users, eq(users.id, meetingAttendance.userId))
		.where(rowsOfMeeting(meetingAttendance, meeting))
		.orderBy(asc(meetingAttendance.createdAt), asc(meetingAttendance.id));
	const guests = saved
		.filter((r) => r.guestName !== null)
		.map((r) => ({
			id: r.id,
			name: r.guestName!,
			affiliation: r.affiliation,
			status: r.status
		}));
	const savedMembers = new Map(saved.filter((r) => r.userId).map((r) => [r.userId!, r]));
	const members: MemberAttendance[] = [];
	const current = await membersOn(db, meeting);
	// a row saved without the organisation shows the one the membership represents
	const organizationOf = new Map(current.map((m) => [m.userId, m.organization]));
	if (withSuggestions) {
		const answers = await db
			.select({ userId: meetingInvitations.userId, response: meetingInvitations.response })
			.from(meetingInvitations)
			.where(rowsOfMeeting(meetingInvitations, meeting));
		const rsvp = new Map(answers.map((a) => [a.userId, a.response]));
		for (const m of current) {
			const s = savedMembers.get(m.userId);
			const answer = rsvp.get(m.userId);
			members.push({
				userId: m.userId,
				name: m.name,
				affiliation: s ? (s.affiliation ?? m.organization) : m.organization,
				role: m.role,
				status: s?.status ?? null,
				suggested:
					s?.status ?? (answer === 'yes' ? 'present' : answer === 'no' ? 'excused' : 'absent')
			});
			savedMembers.delete(m.userId);
		}
	}
	// recorded people who are no longer members stay on the list
	for (const s of savedMembers.values()) {
		members.push({
			userId: s.userId!,
			name: s.name ?? '',
			affiliation: s.affiliation ?? organizationOf.get(s.userId!) ?? null,
			role: null,
			status: s.status,
			suggested: s.status
		});
	}
	return { members, guests, recorded: saved.length > 0 };
}

/** The attendance list for those who may read the minutes. */
export async function getAttendance(
	ctx: TenantCtx,
	input: { meetingId: string }
): Promise<AttendanceView & { canEdit: boolean }> {
	const access = await loadMinutesToRead(ctx, ctx.tenant.id, input.meetingId);
	const view = await attendanceOf(ctx.db, access.meeting, access.canManage);
	return { ...view, canEdit: access.canManage };
}

const statusSchema = z.enum(ATTENDANCE_STATES, { error: 'minutes_error_status_invalid' });

/**
 * Saves the status of each member: `status_<userId>` → present | excused | absent. Members not
 * in the form keep their entry; people who are neither members nor on the list are refused.
 */
export async function saveAttendance(
	ctx: TenantCtx,
	input: { meetingId: string } & Record<string, unknown>
): Promise<void> {
	const tenantId = ctx.tenant.id;
	const { meetingId, ...raw } = input;
	await loadMinutesToManage(ctx, tenantId, meetingId);
	const wanted = new Map<string, AttendanceStatus>();
	const errors: Record<string, string> = {};
	for (const [key, value] of Object.entries(raw)) {
		if (!key.startsWith('status_')) continue;
		const userId = key.slice('status_'.length);
		const parsed = statusSchema.safeParse(value);
		if (!isUuid(userId)) continue;
		if (!parsed.success) errors[key] = 'minutes_error_status_invalid';
		else wanted.set(userId, parsed.data);
	}
	if (Object.keys(errors).length > 0) throw new ValidationError(errors);
	await ctx.db.transaction(async (tx) => {
		const meeting = await lockEditableMeeting(tx, tenantId, meetingId);
		const view = await attendanceOf(tx, meeting, true);
		const known = new Map(view.members.map((m) => [m.userId, m]));
		const before: Record<string, string | null> = {};
		const after: Record<string, string> = {};
		for (const [userId, status] of wanted) {
			const member = known.get(userId);
			if (!member) throw new ValidationError({ form: 'minutes_error_not_a_member' });
			if (member.status === status) continue;
			before[member.name] = member.status;
			after[member.name] = status;
			if (member.status === null) {
				await tx.insert(meetingAttendance).values({
					tenantId,
					meetingId: meeting.id,
					userId,
					affiliation: member.affiliation,
					status
				});
			} else {
				await tx
					.update(meetingAttendance)
					.set({ status })
					.where(
						and(eq(meetingAttendance.meetingId, meeting.id), eq(meetingAttendance.userId, userId))
					);
			}
		}
		if (Object.keys(after).length === 0) return;
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'minutes.attendance_update',
			entityType: 'minutes',
			entityId: meeting.id,
			before: { name: meeting.title ?? null, attendance: before },
			after: { name: meeting.title ?? null, attendance: after }
		});
	});
}

const guestInput = z.object({
	guestName: z
		.string({ error: 'minutes_error_guest_name_required' })
		.trim()
		.min(1, { error: 'minutes_error_guest_name_required' })
		.max(200, { error: 'minutes_error_too_long' }),
	guestAffiliation: z
		.string()
		.trim()
		.max(200, { error: 'minutes_error_too_long' })
		.optional()
		.transform((v) => (v ? v : null)),
	guestStatus: z.preprocess(
		(v) => (v === '' || v == null ? undefined : v),
		statusSchema.default('present')
	)
});

/** Adds a guest (no account): name, affiliation, status (present unless given). */
export async function addGuest(
	ctx: TenantCtx,
	input: { meetingId: string } & Record<string, unknown>
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	const { meetingId } = input;
	await loadMinutesToManage(ctx, tenantId, meetingId);
	const data = parseOrThrow(guestInput, input);
	return ctx.db.transaction(async (tx) => {
		const meeting = await lockEditableMeeting(tx, tenantId, meetingId);
		const [row] = await tx
			.insert(meetingAttendance)
			.values({
				tenantId,
				meetingId: meeting.id,
				guestName: data.guestName,
				affiliation: data.guestAffiliation,
				status: data.guestStatus
			})
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'minutes.guest_add',
			entityType: 'minutes',
			entityId: meeting.id,
			after: { name: data.guestName, affiliation: data.guestAffiliation, status: row.status }
		});
		return { id: row.id };
	});
}

/** Removes a guest of the meeting the URL names (a guest of another meeting: NotFoundError). */
export async function removeGuest(
	ctx: TenantCtx,
	input: { meetingId: string; guestId: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	const { meetingId } = input;
	await loadMinutesToManage(ctx, tenantId, meetingId);
	const guestId = requireUuid(input.guestId);
	await ctx.db.transaction(async (tx) => {
		const meeting = await lockEditableMeeting(tx, tenantId, meetingId);
		const [row] = await tx
			.delete(meetingAttendance)
			.where(
				and(
					eq(meetingAttendance.tenantId, tenantId),
					eq(meetingAttendance.meetingId, meeting.id),
					eq(meetingAttendance.id, guestId),
					isNotNull(meetingAttendance.guestName)
				)
			)
			.returning();
		if (!row) throw new NotFoundError();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'minutes.guest_remove',
			entityType: 'minutes',
			entityId: meeting.id,
			before: { name: row.guestName, affiliation: row.affiliation, status: row.status }
		});
	});
}

/** Present members' user ids (recipients of the draft). */
export async function presentMemberIds(db: Executor, meetingId: string): Promise<string[]> {
	const rows = await db
		.select({ userId: meetingAttendance.userId })
		.from(meetingAttendance)
		.where(
			and(
				eq(meetingAttendance.meetingId, meetingId),
				eq(meetingAttendance.status, 'present'),
				isNotNull(meetingAttendance.userId)
			)
		);
	return rows.map((r) => r.userId!);
}
