import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestSetup } from '../db/testing/test-db';
import type { Db } from '../db/client';
import { inBody, tenantScenario, type BodyRef, type TestRole } from '../db/testing/test-actors';
import { buildBody, buildBodyHost, buildMeeting, buildOrganization } from '../factories';
import { buildCaritas } from './testing';
import { auditLog } from '../audit/schema';
import type { MembershipRole } from '../bodies/schema';
import { NotFoundError, ValidationError } from '../errors';
import { meetings } from './schema';
import { berlinInstant } from '../shared';
import {
	cancelMeeting,
	createMeeting,
	markMeetingHeld,
	meetingFormValues,
	updateMeeting
} from './meetings';

const setup = useTestSetup(async (db: Db) => {
	const { tenant, other, ctxFor: actor } = await tenantScenario(db);
	const body = await buildBody(db, tenant.id, { name: 'AK Bildung' });
	const otherBody = await buildBody(db, tenant.id, { name: 'AK Arbeit' });
	const host = await buildCaritas(db, tenant.id);
	const foreignOrg = await buildOrganization(db, other.id, { name: 'Fremd' });
	await buildBodyHost(db, body, host.id);
	const ctxFor = (role: TestRole, bodyRole?: MembershipRole, of: BodyRef = body) =>
		actor(role, inBody(of, bodyRole));
	return { db, tenant, other, body, otherBody, host, foreignOrg, ctxFor };
});

const form = (extra: Record<string, unknown> = {}) => ({
	title: '',
	date: '2026-10-27',
	startTime: '18:00',
	endTime: '20:00',
	locationKind: 'room',
	location: 'Rathaus, Raum 1',
	onlineUrl: '',
	hostOrganizationId: '',
	moderatorUserId: '',
	...extra
});

describe('createMeeting', () => {
	it('a coordinator plans a meeting; times are Berlin local time; audited', async () => {
		const { db, body, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		const { id } = await createMeeting(ctx, { bodyId: body.id, ...form() });
		const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
		expect(row).toMatchObject({
			bodyId: body.id,
			state: 'planned',
			locationKind: 'room',
			location: 'Rathaus, Raum 1',
			title: null
		});
		// 27 October 2026 is after the change to winter time: UTC+1
		expect(row.startsAt.toISOString()).toBe('2026-10-27T17:00:00.000Z');
		expect(row.endsAt.toISOString()).toBe('2026-10-27T19:00:00.000Z');
		const [audit] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'meeting.create')));
		expect(audit.actorId).toBe(ctx.actor!.userId);
		expect(meetingFormValues(row)).toMatchObject({
			date: '2026-10-27',
			startTime: '18:00',
			endTime: '20:00'
		});
	});

	it('at the host: the host address is taken when no place is given', async () => {
		const { db, body, host, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		const { id } = await createMeeting(ctx, {
			bodyId: body.id,
			...form({ locationKind: 'host', location: '', hostOrganizationId: host.id })
		});
		const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
		expect(row.location).toBe('Seligenthaler Str. 1, 84034 Landshut');
		expect(row.hostOrganizationId).toBe(host.id);
	});

	it('validates the form with field messages', async () => {
		const { body, foreignOrg, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		const attempt = (extra: Record<string, unknown>) =>
			createMeeting(ctx, { bodyId: body.id, ...form(extra) }).then(
				() => ({}),
				(e) => {
					expect(e).toBeInstanceOf(ValidationError);
					return (e as ValidationError).fieldErrors;
				}
			);
		expect(await attempt({ date: '2026-02-30' })).toEqual({ date: 'meetings_error_date_invalid' });
		expect(await attempt({ endTime: '17:00' })).toEqual({
			endTime: 'meetings_error_end_before_start'
		});
		expect(await attempt({ location: '' })).toEqual({
			location: 'meetings_error_location_required'
		});
		expect(await attempt({ locationKind: 'online', onlineUrl: '' })).toEqual({
			onlineUrl: 'meetings_error_online_url_required'
		});
		expect(await attempt({ locationKind: 'online', onlineUrl: 'javascript:alert(1)' })).toEqual({
			onlineUrl: 'meetings_error_online_url_invalid'
		});
		expect(await attempt({ locationKind: 'host' })).toEqual({
			hostOrganizationId: 'meetings_error_host_required'
		});
		// an organisation of another tenant is not a host here
		expect(await attempt({ hostOrganizationId: foreignOrg.id })).toEqual({
			hostOrganizationId: 'meetings_error_host_invalid'
		});
	});

	it('only those who manage the body: not members, not managers of another body, not other tenants', async () => {
		const { body, otherBody, ctxFor } = await setup();
		const denied = [
			await ctxFor('member'),
			await ctxFor('member', 'member'),
			await ctxFor('member', 'speaker', otherBody),
			await ctxFor('steering'),
			await ctxFor('other'),
			await ctxFor('none')
		];
		for (const ctx of denied)
			await expect(createMeeting(ctx, { bodyId: body.id, ...form() })).rejects.toThrow(
				NotFoundError
			);
		for (const role of ['speaker', 'deputy', 'moderator'] as const) {
			const ctx = await ctxFor('member', role);
			await expect(createMeeting(ctx, { bodyId: body.id, ...form() })).resolves.toHaveProperty(
				'id'
			);
		}
	});

	it('a body of another tenant is not found', async () => {
		const { db, other, ctxFor } = await setup();
		const foreignBody = await buildBody(db, other.id);
		const ctx = await ctxFor('coordinator');
		await expect(createMeeting(ctx, { bodyId: foreignBody.id, ...form() })).rejects.toThrow(
			NotFoundError
		);
	});
});

describe('updateMeeting', () => {
	it('changes the meeting; a planned meeting does not raise the sequence', async () => {
		const { db, body, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		const meeting = await buildMeeting(db, body);
		await updateMeeting(ctx, {
			...form({ title: 'Sondersitzung', date: '2026-03-31' }),
			meetingId: meeting.id
		});
		const [row] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
		expect(row.title).toBe('Sondersitzung');
		expect(row.startsAt.toISOString()).toBe('2026-03-31T16:00:00.000Z');
		expect(row.sequence).toBe(0);
		const [audit] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, meeting.id), eq(auditLog.action, 'meeting.update')));
		expect(audit.after).toMatchObject({ name: 'Sondersitzung' });
	});

	it('a change to an invited meeting tells the members (sequence raised)', async () => {
		const { db, body, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		const meeting = await buildMeeting(db, body, { state: 'invited', invitedAt: new Date() });
		await updateMeeting(ctx, { ...form({ location: 'Rathaus, Raum 2' }), meetingId: meeting.id });
		const [row] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
		expect(row.location).toBe('Rathaus, Raum 2');
		expect(row.sequence).toBe(1);
		// a correction after the meeting took place is not mailed
		const held = await buildMeeting(db, body, { state: 'held', invitedAt: new Date() });
		await updateMeeting(ctx, { ...form({ location: 'Rathaus, Raum 3' }), meetingId: held.id });
		const [after] = await db.select().from(meetings).where(eq(meetings.id, held.id));
		expect(after).toMatchObject({ location: 'Rathaus, Raum 3', sequence: 0 });
	});

	it('others cannot change it; a cancelled meeting cannot change', async () => {
		const { db, body, ctxFor } = await setup();
		const meeting = await buildMeeting(db, body);
		for (const ctx of [await ctxFor('member', 'member'), await ctxFor('other')])
			await expect(updateMeeting(ctx, { ...form(), meetingId: meeting.id })).rejects.toThrow(
				NotFoundError
			);
		const cancelled = await buildMeeting(db, body, { state: 'cancelled' });
		await expect(
			updateMeeting(await ctxFor('coordinator'), { ...form(), meetingId: cancelled.id })
		).rejects.toThrow(ValidationError);
	});
});

describe('state changes', () => {
	it('marks a begun meeting as held, not a future one', async () => {
		const { db, body, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		const past = await buildMeeting(db, body, { startsAt: berlinInstant('2026-01-15', '18:00') });
		const future = await buildMeeting(db, body, {
			startsAt: new Date(Date.now() + 3 * 86_400_000)
		});
		await markMeetingHeld(ctx, { meetingId: past.id });
		const [row] = await db.select().from(meetings).where(eq(meetings.id, past.id));
		expect(row.state).toBe('held');
		await expect(markMeetingHeld(ctx, { meetingId: future.id })).rejects.toThrow(ValidationError);
		const member = await ctxFor('member', 'member');
		await expect(markMeetingHeld(member, { meetingId: future.id })).rejects.toThrow(NotFoundError);
	});

	it('cancels with a reason; invited members are told; held meetings cannot be cancelled', async () => {
		const { db, body, ctxFor } = await setup();
		const ctx = await ctxFor('coordinator');
		const invited = await buildMeeting(db, body, { state: 'invited', invitedAt: new Date() });
		await expect(cancelMeeting(ctx, { reason: ' ', meetingId: invited.id })).rejects.toThrow(
			ValidationError
		);
		await cancelMeeting(ctx, { reason: 'Zu wenige Zusagen', meetingId: invited.id });
		const [row] = await db.select().from(meetings).where(eq(meetings.id, invited.id));
		expect(row).toMatchObject({ state: 'cancelled', cancelReason: 'Zu wenige Zusagen' });
		expect(row.cancelledAt).toBeInstanceOf(Date);
		expect(row.sequence).toBe(1);
		const [audit] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, invited.id), eq(auditLog.action, 'meeting.cancel')));
		expect(audit.after).toMatchObject({ state: 'cancelled', cancelReason: 'Zu wenige Zusagen' });
		// twice: refused
		await expect(cancelMeeting(ctx, { reason: 'nochmal', meetingId: invited.id })).rejects.toThrow(
			ValidationError
		);
		const held = await buildMeeting(db, body, { state: 'held' });
		await expect(cancelMeeting(ctx, { reason: 'x', meetingId: held.id })).rejects.toThrow(
			ValidationError
		);
		// a member of the body cannot cancel
		const planned = await buildMeeting(db, body);
		await expect(
			cancelMeeting(await ctxFor('member', 'member'), { reason: 'x', meetingId: planned.id })
		).rejects.toThrow(NotFoundError);
		const [still] = await db.select().from(meetings).where(eq(meetings.id, planned.id));
		expect(still.state).toBe('planned');
	});
});
