import { describe, expect, it } from 'vitest';
import { useTestSetup } from '../db/testing/test-db';
import { withTenant } from '../context';
import { NotFoundError, ValidationError } from '../errors';
import { addGuest, getAttendance, removeGuest, saveAttendance } from './attendance';
import { setupMinutes } from './testing';

const setup = useTestSetup(setupMinutes);

describe('attendance', () => {
	it('is prefilled from the members and their RSVP, and saved per member', async () => {
		const s = await setup();
		const ctx = await s.ctxOf(s.people.speaker);
		const before = await getAttendance(withTenant(ctx, s.tenant), { meetingId: s.meeting.id });
		const byName = Object.fromEntries(before.members.map((m) => [m.name, m]));
		expect(Object.keys(byName).sort()).toEqual(
			['Erik Excused', 'Max Moderator', 'Paula Present', 'Sabine Sprecherin'].sort()
		);
		expect(byName['Paula Present']).toMatchObject({
			suggested: 'present',
			status: null,
			affiliation: 'Caritas Testhausen'
		});
		expect(byName['Erik Excused'].suggested).toBe('excused');
		expect(byName['Sabine Sprecherin'].suggested).toBe('absent');
		expect(before.recorded).toBe(false);

		await saveAttendance(withTenant(ctx, s.tenant), {
			meetingId: s.meeting.id,
			[`status_${s.people.present.id}`]: 'present',
			[`status_${s.people.speaker.id}`]: 'present'
		});
		const after = await getAttendance(withTenant(ctx, s.tenant), { meetingId: s.meeting.id });
		expect(after.members.find((m) => m.name === 'Sabine Sprecherin')?.status).toBe('present');
		expect(after.members.find((m) => m.name === 'Erik Excused')?.status).toBeNull();

		// someone who is not a member cannot be put on the list
		await expect(
			saveAttendance(withTenant(ctx, s.tenant), {
				meetingId: s.meeting.id,
				[`status_${s.people.outsider.id}`]: 'present'
			})
		).rejects.toMatchObject({ fieldErrors: { form: 'minutes_error_not_a_member' } });
		await expect(
			saveAttendance(withTenant(ctx, s.tenant), {
				meetingId: s.meeting.id,
				[`status_${s.people.present.id}`]: 'sleeping'
			})
		).rejects.toBeInstanceOf(ValidationError);

		const { id } = await addGuest(withTenant(ctx, s.tenant), {
			meetingId: s.meeting.id,
			guestName: 'Gerda Gast',
			guestAffiliation: 'Jobcenter'
		});
		await expect(
			addGuest(withTenant(ctx, s.tenant), { meetingId: s.meeting.id, guestName: ' ' })
		).rejects.toMatchObject({ fieldErrors: { guestName: 'minutes_error_guest_name_required' } });
		expect(
			(await getAttendance(withTenant(ctx, s.tenant), { meetingId: s.meeting.id })).guests
		).toEqual([{ id, name: 'Gerda Gast', affiliation: 'Jobcenter', status: 'present' }]);
		await removeGuest(withTenant(ctx, s.tenant), { meetingId: s.meeting.id, guestId: id });
		expect(
			(await getAttendance(withTenant(ctx, s.tenant), { meetingId: s.meeting.id })).guests
		).toEqual([]);

		// a plain member may not keep the list
		const member = await s.ctxOf(s.people.present);
		await expect(
			saveAttendance(withTenant(member, s.tenant), {
				meetingId: s.meeting.id,
				[`status_${s.people.present.id}`]: 'absent'
			})
		).rejects.toBeInstanceOf(NotFoundError);
	});
});
