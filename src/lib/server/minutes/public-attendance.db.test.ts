import { describe, expect, it } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import { useTestSetup } from '../db/testing/test-db';
import { withTenant } from '../context';
import { approveMinutes, publishMinutes, shareMinutes } from './minutes-states';
import { addGuest } from './attendance';
import { renderHtml } from '../documents/html';
import { meetingAttendance } from './schema';
import { draft, publicMinutesAt, setupMinutes } from './testing';

const setup = useTestSetup(setupMinutes);

describe('the public minutes’ represented organisations', () => {
	it('lists the organisations of all present members and guests, once each, sorted', async () => {
		const s = await setup('public');
		const ctx = await draft(s);
		const tctx = withTenant(ctx, s.tenant);
		await addGuest(tctx, {
			meetingId: s.meeting.id,
			guestName: 'Anna Andere',
			guestAffiliation: 'Jobcenter'
		});
		await addGuest(tctx, {
			meetingId: s.meeting.id,
			guestName: 'Bernd Beirat',
			guestAffiliation: 'Beirat für Migration'
		});
		// attendance recorded without the member's organisation (as the demo and older lists were)
		await s.db
			.update(meetingAttendance)
			.set({ affiliation: null })
			.where(
				and(eq(meetingAttendance.meetingId, s.meeting.id), isNotNull(meetingAttendance.userId))
			);
		await shareMinutes(tctx, { meetingId: s.meeting.id });
		await approveMinutes(tctx, { meetingId: s.meeting.id });
		await publishMinutes(tctx, { meetingId: s.meeting.id });

		const html = renderHtml((await publicMinutesAt(s.db, s.tenant.slug, s.meeting.id)).model);
		expect(html).toContain(
			'<strong>Vertretene Organisationen:</strong> Beirat für Migration, Caritas Testhausen, Jobcenter</p>'
		);
		expect(html).not.toContain('Paula Present');
	});
});
