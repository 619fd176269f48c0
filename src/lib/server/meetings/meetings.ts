/**
 * Meetings of a body: create (by hand or from a series proposal, see series.ts), change, mark as
 * held, cancel with a reason. Only those who may manage the body's meetings
 * (policy 'meeting.manage': the coordinator, the body's speakers, deputies and moderators).
 * A change to an invited meeting tells the invited members (invitations/notify.ts), in the same
 * transaction.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { organizations } from '../organizations/schema';
import { bodyHosts } from '../bodies/schema';
import { canSeeBody, findBody } from '../bodies/access';
import { isTenantOrganization, isTenantPerson } from '../bodies/lookups';
import { notifyMeetingChange } from '../invitations/notify';
import { LOCATION_KINDS, meetings, type Meeting } from './schema';
import { loadMeetingToManage, lockMeeting } from './access';
import { isLocalDate, isLocalTime } from './schedule';
import { berlinDateOf, berlinInstant, berlinTimeOf } from '../shared';
import { addressLine } from '../organizations/queries';
import { fieldErrors, parseOrThrow, requireUuid } from '../shared';

const blank = (v: unknown) =>
	typeof v === 'string' && v.trim() === '' ? undefined : (v ?? undefined);
const optionalText = (max: number, key: string) =>
	z.preprocess(blank, z.string().trim().max(max, { error: key }).optional());

/** The meeting form; one schema for the form action, the use case and a later API. */
export const meetingInput = z
	.object({
		title: optionalText(200, 'meetings_error_title_too_long'),
		date: z
			.string({ error: 'meetings_error_date_invalid' })
			.trim()
			.refine(isLocalDate, { error: 'meetings_error_date_invalid' }),
		startTime: z
			.string({ error: 'meetings_error_time_invalid' })
			.trim()
			.refine(isLocalTime, { error: 'meetings_error_time_invalid' }),
		endTime: z
			.string({ error: 'meetings_error_time_invalid' })
			.trim()
			.refine(isLocalTime, { error: 'meetings_error_time_invalid' }),
		locationKind: z.enum(LOCATION_KINDS, { error: 'meetings_error_location_kind_invalid' }),
		location: optionalText(500, 'meetings_error_location_too_long'),
		onlineUrl: optionalText(500, 'meetings_error_online_url_invalid').refine(
			(v) => v === undefined || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v),
			{ error: 'meetings_error_online_url_invalid' }
		),
		hostOrganizationId: z.preprocess(
			blank,
			z.uuid({ error: 'meetings_error_host_invalid' }).optional()
		),
		moderatorUserId: z.preprocess(
			blank,
			z.uuid({ error: 'meetings_error_moderator_invalid' }).optional()
		)
	})
	.superRefine((v, c) => {
		if (isLocalTime(v.startTime) && isLocalTime(v.endTime) && v.endTime <= v.startTime)
			c.addIssue({ code: 'custom', path: ['endTime'], message: 'meetings_error_end_before_start' });
		if (v.locationKind === 'room' && !v.location)
			c.addIssue({
				code: 'custom',
				path: ['location'],
				message: 'meetings_error_location_required'
			});
		if (v.locationKind === 'online' && !v.onlineUrl)
			c.addIssue({
				code: 'custom',
				path: ['onlineUrl'],
				message: 'meetings_error_online_url_required'
			});
		if (v.locationKind === 'host' && !v.hostOrganizationId)
			c.addIssue({
				code: 'custom',
				path: ['hostOrganizationId'],
				message: 'meetings_error_host_required'
			});
	});
export type MeetingInput = z.input<typeof meetingInput>;
type MeetingData = z.output<typeof meetingInput>;

/** Validates the form and checks host and moderator against the tenant; the row's columns. */
async function parseMeeting(db: Executor, tenantId: string, bodyId: string, raw: unknown) {
	const parsed = meetingInput.safeParse(raw);
	const errors = parsed.success ? {} : fieldErrors(parsed.error);
	if (parsed.success) {
		const d = parsed.data;
		if (d.hostOrganizationId && !(await isTenantOrganization(db, tenantId, d.hostOrganizationId)))
			errors.hostOrganizationId = 'meetings_error_host_invalid';
		if (d.moderatorUserId && !(await isTenantPerson(db, tenantId, d.moderatorUserId)))
			errors.moderatorUserId = 'meetings_error_moderator_invalid';
	}
	if (!parsed.success || Object.keys(errors).length > 0) throw new ValidationError(errors);
	return columns(db, tenantId, bodyId, parsed.data);
}

async function columns(db: Executor, tenantId: string, bodyId: string, d: MeetingData) {
	const startsAt = berlinInstant(d.date, d.startTime);
	const endsAt = berlinInstant(d.date, d.endTime);
	let location = d.location ?? null;
	if (d.locationKind === 'host' && !location && d.hostOrganizationId)
		location = await hostAddress(db, tenantId, bodyId, d.hostOrganizationId);
	return {
		title: d.title ?? null,
		startsAt,
		endsAt,
		locationKind: d.locationKind,
		location,
		onlineUrl: d.onlineUrl ?? null,
		hostOrganizationId: d.hostOrganizationId ?? null,
		moderatorUserId: d.moderatorUserId ?? null
	};
}

/** Where meetings take place at a host: its entry in the body's pool, else its address. */
export async function hostAddress(
	db: Executor,
	tenantId: string,
	bodyId: string,
	organizationId: string
): Promise<string | null> {
	const [pool] = await db
		.select({ location: bodyHosts.location })
		.from(bodyHosts)
		.where(
			and(
				eq(bodyHosts.tenantId, tenantId),
				eq(bodyHosts.bodyId, bodyId),
				eq(bodyHosts.organizationId, organizationId)
			)
		);
	if (pool?.location?.trim()) return pool.location.trim();
	const [org] = await db
		.select({
			name: organizations.name,
			street: organizations.street,
			postalCode: organizations.postalCode,
			city: organizations.city
		})
		.from(organizations)
		.where(eq(organizations.id, organizationId));
	return org ? (addressLine(org) ?? org.name) : null;
}

/** What the audit log keeps of a meeting. */
function auditView(row: Meeting, bodyName?: string) {
	return {
		name: row.title || `${bodyName ?? ''} ${berlinDateOf(row.startsAt)}`.trim(),
		bodyId: row.bodyId,
		startsAt: row.startsAt,
		endsAt: row.endsAt,
		locationKind: row.locationKind,
		location: row.location,
		onlineUrl: row.onlineUrl,
		hostOrganizationId: row.hostOrganizationId,
		moderatorUserId: row.moderatorUserId,
		state: row.state,
		cancelReason: row.cancelReason
	};
}

/** The values of the meeting form for an existing meeting. */
export function meetingFormValues(row: Meeting): Record<string, string> {
	return {
		title: row.title ?? '',
		date: berlinDateOf(row.startsAt),
		startTime: berlinTimeOf(row.startsAt),
		endTime: berlinTimeOf(row.endsAt),
		locationKind: row.locationKind,
		location: row.location ?? '',
		onlineUrl: row.onlineUrl ?? '',
		hostOrganizationId: row.hostOrganizationId ?? '',
		moderatorUserId: row.moderatorUserId ?? ''
	};
}

/**
 * Whether members were told about the meeting (and it is still ahead of them), so changes must
 * reach them too. Corrections to a held meeting are not mailed.
 */
function wasInvited(row: Meeting): boolean {
	if (row.state === 'held' || row.state === 'cancelled') return false;
	return row.state === 'invited' || row.invitedAt !== null;
}

/** A new planned meeting of the body (input.bodyId), planned by hand. */
export async function createMeeting(
	ctx: TenantCtx,
	input: Record<string, unknown> & { bodyId: string }
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	const body = await findBody(ctx.db, tenantId, requireUuid(input.bodyId));
	if (!body || !canSeeBody(ctx.actor, body)) throw new NotFoundError();
	authorize(ctx.actor, 'meeting.manage', { tenantId, bodyId: body.id });
	const actor = ctx.actor;
	const values = await parseMeeting(ctx.db, tenantId, body.id, input);
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(meetings)
			.values({ tenantId, bodyId: body.id, ...values, state: 'planned', createdBy: actor.userId })
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'meeting.create',
			entityType: 'meeting',
			entityId: row.id,
			after: auditView(row, body.shortName || body.name)
		});
		return { id: row.id };
	});
}

/** Changes date, time, place, host, moderator or title. A cancelled meeting stays as it is. */
export async function updateMeeting(
	ctx: TenantCtx,
	input: Record<string, unknown> & { meetingId: string }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	const { meeting, body } = await loadMeetingToManage(ctx, tenantId, input.meetingId);
	if (meeting.state === 'cancelled')
		throw new ValidationError({ form: 'meetings_error_cancelled' });
	const values = await parseMeeting(ctx.db, tenantId, body.id, input);
	await ctx.db.transaction(async (tx) => {
		const before = await lockMeeting(tx, tenantId, meeting.id);
		if (before.state === 'cancelled')
			throw new ValidationError({ form: 'meetings_error_cancelled' });
		const [after] = await tx
			.update(meetings)
			.set({ ...values, updatedAt: new Date() })
			.where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, meeting.id)))
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'meeting.update',
			entityType: 'meeting',
			entityId: meeting.id,
			before: auditView(before, body.shortName || body.name),
			after: auditView(after, body.shortName || body.name)
		});
		const changed =
			+before.startsAt !== +after.startsAt ||
			+before.endsAt !== +after.endsAt ||
			before.title !== after.title ||
			before.location !== after.location ||
			before.locationKind !== after.locationKind ||
			before.onlineUrl !== after.onlineUrl ||
			before.hostOrganizationId !== after.hostOrganizationId;
		if (changed && wasInvited(before))
			await notifyMeetingChange(tx, ctx, meeting.id, 'updated', { before });
	});
}

/** The meeting took place (it must have begun). */
export async function markMeetingHeld(
	ctx: TenantCtx,
	input: { meetingId: string },
	now: Date = new Date()
): Promise<void> {
	const tenantId = ctx.tenant.id;
	const { meeting, body } = await loadMeetingToManage(ctx, tenantId, input.meetingId);
	await ctx.db.transaction(async (tx) => {
		const before = await lockMeeting(tx, tenantId, meeting.id);
		if (before.state === 'held') return;
		if (before.state === 'cancelled')
			throw new ValidationError({ form: 'meetings_error_cancelled' });
		if (before.startsAt > now) throw new ValidationError({ form: 'meetings_error_not_started' });
		await tx
			.update(meetings)
			.set({ state: 'held', updatedAt: new Date() })
			.where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, meeting.id)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'meeting.held',
			entityType: 'meeting',
			entityId: meeting.id,
			before: { name: auditView(before, body.shortName || body.name).name, state: before.state },
			after: { name: auditView(before, body.shortName || body.name).name, state: 'held' }
		});
	});
}

const cancelInput = z.object({
	reason: z
		.string({ error: 'meetings_error_reason_required' })
		.trim()
		.min(1, { error: 'meetings_error_reason_required' })
		.max(1000, { error: 'meetings_error_reason_too_long' })
});

/** Cancels a meeting that has not taken place, with a reason (invited members get told). */
export async function cancelMeeting(
	ctx: TenantCtx,
	input: { meetingId: string; reason?: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	const { meeting, body } = await loadMeetingToManage(ctx, tenantId, input.meetingId);
	const cancel = parseOrThrow(cancelInput, input);
	await ctx.db.transaction(async (tx) => {
		const before = await lockMeeting(tx, tenantId, meeting.id);
		if (before.state === 'cancelled')
			throw new ValidationError({ form: 'meetings_error_cancelled' });
		if (before.state === 'held') throw new ValidationError({ form: 'meetings_error_already_held' });
		const [after] = await tx
			.update(meetings)
			.set({
				state: 'cancelled',
				cancelledAt: new Date(),
				cancelReason: cancel.reason,
				updatedAt: new Date()
			})
			.where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, meeting.id)))
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'meeting.cancel',
			entityType: 'meeting',
			entityId: meeting.id,
			before: { name: auditView(before, body.shortName || body.name).name, state: before.state },
			after: {
				name: auditView(after, body.shortName || body.name).name,
				state: 'cancelled',
				cancelReason: after.cancelReason
			}
		});
		if (wasInvited(before)) await notifyMeetingChange(tx, ctx, meeting.id, 'cancelled');
	});
}
