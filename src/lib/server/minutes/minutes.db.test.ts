import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestSetup } from '../db/testing/test-db';
import { withTenant } from '../context';
import { agendaItems } from '../meetings/schema';
import { outbox } from '../mail/schema';
import { auditLog } from '../audit/schema';
import { NotFoundError, ValidationError } from '../errors';
import { getMinutesPage } from './minutes';
import { saveMinutes } from './save-minutes';
import { approveMinutes, publishMinutes, shareMinutes } from './minutes-states';
import { addGuest, saveAttendance } from './attendance';
import { minutesDocument } from './print';
import { renderHtml } from '../documents/html';
import { draft, setupMinutes, stateOf } from './testing';

const setup = useTestSetup(setupMinutes);

describe('minutes state machine', () => {
	it('none → draft → shared → approved → published; nothing else, no edits after approval', async () => {
		const s = await setup();
		const ctx = await s.ctxOf(s.people.speaker);
		expect((await stateOf(s)).minutesState).toBe('none');
		// nothing to share, approve or publish yet
		await expect(
			shareMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id })
		).rejects.toMatchObject({
			fieldErrors: { form: 'minutes_error_transition' }
		});
		await expect(
			approveMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id })
		).rejects.toMatchObject({
			fieldErrors: { form: 'minutes_error_transition' }
		});
		await expect(
			publishMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id })
		).rejects.toMatchObject({
			fieldErrors: { form: 'minutes_error_transition' }
		});

		await draft(s);
		let row = await stateOf(s);
		expect(row.minutesState).toBe('draft');
		expect(row.minutesIntro).toBe('Begrüßung durch die Sprecherin.');
		const [item] = await s.db.select().from(agendaItems).where(eq(agendaItems.id, s.top1.id));
		expect(item).toMatchObject({
			notes: 'Die Wartelisten sind lang.',
			decision: 'Der AK schreibt an das BAMF.'
		});
		await expect(
			publishMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id })
		).rejects.toBeInstanceOf(ValidationError);

		await shareMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id });
		row = await stateOf(s);
		expect(row.minutesState).toBe('shared');
		expect(row.minutesSharedAt).not.toBeNull();
		await expect(
			shareMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id })
		).rejects.toBeInstanceOf(ValidationError);
		// still editable while shared
		await saveMinutes(withTenant(ctx, s.tenant), {
			meetingId: s.meeting.id,
			[`notes_${s.top1.id}`]: 'Die Wartelisten sind sehr lang.'
		});
		expect((await stateOf(s)).minutesState).toBe('shared');

		await approveMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id });
		row = await stateOf(s);
		expect(row).toMatchObject({
			minutesState: 'approved',
			minutesApprovedBy: s.people.speaker.id,
			minutesApprovedInMeetingId: null
		});
		// after approval: no change of text, attendance or guests, and no second approval
		await expect(
			saveMinutes(withTenant(ctx, s.tenant), {
				meetingId: s.meeting.id,
				[`notes_${s.top1.id}`]: 'geändert'
			})
		).rejects.toMatchObject({ fieldErrors: { form: 'minutes_error_locked' } });
		await expect(
			saveAttendance(withTenant(ctx, s.tenant), {
				meetingId: s.meeting.id,
				[`status_${s.people.present.id}`]: 'absent'
			})
		).rejects.toMatchObject({ fieldErrors: { form: 'minutes_error_locked' } });
		await expect(
			addGuest(withTenant(ctx, s.tenant), { meetingId: s.meeting.id, guestName: 'Spät' })
		).rejects.toMatchObject({ fieldErrors: { form: 'minutes_error_locked' } });
		await expect(
			approveMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id })
		).rejects.toBeInstanceOf(ValidationError);
		const [unchanged] = await s.db.select().from(agendaItems).where(eq(agendaItems.id, s.top1.id));
		expect(unchanged.notes).toBe('Die Wartelisten sind sehr lang.');

		await publishMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id });
		row = await stateOf(s);
		expect(row.minutesState).toBe('published');
		expect(row.minutesPublishedAt).not.toBeNull();
		expect(row.state).toBe('held');
		await expect(
			publishMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id })
		).rejects.toBeInstanceOf(ValidationError);
		await expect(
			saveMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id, intro: 'x' })
		).rejects.toMatchObject({ fieldErrors: { form: 'minutes_error_locked' } });

		const actions = (
			await s.db.select().from(auditLog).where(eq(auditLog.entityId, s.meeting.id))
		).map((a) => a.action);
		expect(actions).toEqual(
			expect.arrayContaining([
				'minutes.attendance_update',
				'minutes.guest_add',
				'minutes.update',
				'minutes.share',
				'minutes.approve',
				'minutes.publish'
			])
		);
	});

	it('sharing mails the draft to the members marked present only', async () => {
		const s = await setup();
		const ctx = await draft(s);
		const before = await s.db.select().from(outbox).where(eq(outbox.tenantId, s.tenant.id));
		const { mails } = await shareMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id });
		expect(mails).toBe(1);
		const sent = (await s.db.select().from(outbox).where(eq(outbox.tenantId, s.tenant.id))).slice(
			before.length
		);
		expect(sent.map((o) => o.payload.to)).toEqual([s.people.present.email]);
		expect(sent[0].payload.subject).toContain('Entwurf zur Durchsicht');
		expect(sent[0].payload.text).toContain(
			`http://localhost:3000/app/${s.tenant.slug}/sitzungen/${s.meeting.id}/protokoll`
		);
	});

	it('a moderator writes but cannot approve; a plain member cannot even ask', async () => {
		const s = await setup();
		await draft(s);
		const moderator = await s.ctxOf(s.people.moderator);
		await saveMinutes(withTenant(moderator, s.tenant), {
			meetingId: s.meeting.id,
			intro: 'Von der Moderation'
		});
		await expect(
			approveMinutes(withTenant(moderator, s.tenant), { meetingId: s.meeting.id })
		).rejects.toMatchObject({
			fieldErrors: { form: 'minutes_error_not_approver' }
		});
		const member = await s.ctxOf(s.people.present);
		await expect(
			approveMinutes(withTenant(member, s.tenant), { meetingId: s.meeting.id })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			saveMinutes(withTenant(member, s.tenant), { meetingId: s.meeting.id, intro: 'Hack' })
		).rejects.toBeInstanceOf(NotFoundError);
		expect((await stateOf(s)).minutesState).toBe('draft');
		// the coordination may approve
		await approveMinutes(withTenant(await s.ctxOf(s.people.coordinator), s.tenant), {
			meetingId: s.meeting.id
		});
		expect((await stateOf(s)).minutesState).toBe('approved');
	});

	it('approval in a later meeting of the same body only', async () => {
		const s = await setup();
		const ctx = await draft(s);
		for (const wrong of [s.earlier.id, s.otherBodyMeeting.id, s.meeting.id, 'not-a-uuid']) {
			await expect(
				approveMinutes(withTenant(ctx, s.tenant), { meetingId: s.meeting.id, inMeetingId: wrong })
			).rejects.toMatchObject({
				fieldErrors: { inMeetingId: 'minutes_error_approval_meeting_invalid' }
			});
		}
		const page = await getMinutesPage(withTenant(ctx, s.tenant), { meetingId: s.meeting.id });
		expect(page.laterMeetings.map((m) => m.id)).toEqual([s.later.id]);
		await approveMinutes(withTenant(ctx, s.tenant), {
			meetingId: s.meeting.id,
			inMeetingId: s.later.id
		});
		const row = await stateOf(s);
		expect(row).toMatchObject({
			minutesState: 'approved',
			minutesApprovedInMeetingId: s.later.id
		});
		const doc = await minutesDocument(ctx, s.tenant.id, s.meeting.id);
		expect(renderHtml(doc.model)).toContain('Genehmigt in der Sitzung vom');
	});
});
