import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, testCtx } from '../db/testing/test-db';
import type { Database } from '../db/client';
import {
	buildAgendaItem,
	buildBody,
	buildMeeting,
	buildMembership,
	buildOrganization,
	buildTenant,
	buildUser,
	grantRole
} from '../factories';
import { loadActor } from '../auth/sessions';
import type { Role } from '../auth/schema';
import type { MembershipRole, BodyVisibility } from '../bodies/schema';
import { meetings, agendaItems } from '../meetings/schema';
import { meetingInvitations } from '../invitations/schema';
import { outbox } from '../mail/schema';
import { tenants } from '../tenants/schema';
import { auditLog } from '../audit/schema';
import { NotFoundError, ValidationError } from '../errors';
import {
	approveMinutes,
	getMinutesPage,
	publishMinutes,
	saveMinutes,
	shareMinutes
} from './minutes';
import { addGuest, getAttendance, removeGuest, saveAttendance } from './attendance';
import { getPublicMeeting } from './public';
import { agendaDocument, minutesDocument, publicMinutesDocument } from './print';
import { renderHtml } from '../documents/html';

let database: Database;
beforeAll(async () => {
	database = await createTestDb();
});
afterAll(() => database.close());

async function setup(visibility: BodyVisibility = 'public') {
	const db = database.db;
	const tenant = await buildTenant(db, { isPublic: true });
	const other = await buildTenant(db);
	const org = await buildOrganization(db, tenant.id, { name: 'Caritas Testhausen' });
	const body = await buildBody(db, tenant.id, { name: 'AK Bildung', visibility });
	const person = async (
		name: string,
		role: Role | null,
		bodyRole?: MembershipRole,
		organizationId?: string
	) => {
		const user = await buildUser(db, { name });
		if (role) await grantRole(db, tenant.id, user.id, role);
		if (bodyRole) await buildMembership(db, body, user.id, bodyRole, { organizationId });
		return user;
	};
	const speaker = await person('Sabine Sprecherin', 'member', 'speaker');
	const moderator = await person('Max Moderator', 'member', 'moderator');
	const present = await person('Paula Present', 'member', 'member', org.id);
	const excused = await person('Erik Excused', 'member', 'member');
	const outsider = await person('Otto Outsider', 'member');
	const coordinator = await person('Clara Koordination', 'coordinator');
	const otherCoordinator = await buildUser(db);
	await grantRole(db, other.id, otherCoordinator.id, 'coordinator');
	const meeting = await buildMeeting(db, body, {
		startsAt: new Date(Date.now() - 2 * 86_400_000),
		state: 'invited'
	});
	const later = await buildMeeting(db, body, { startsAt: new Date(Date.now() + 40 * 86_400_000) });
	const earlier = await buildMeeting(db, body, {
		startsAt: new Date(Date.now() - 60 * 86_400_000)
	});
	const otherBody = await buildBody(db, tenant.id);
	const otherBodyMeeting = await buildMeeting(db, otherBody, {
		startsAt: new Date(Date.now() + 10 * 86_400_000)
	});
	const top1 = await buildAgendaItem(db, meeting, 1, { title: 'Sprachkurse im Landkreis' });
	const top2 = await buildAgendaItem(db, meeting, 2, {
		title: 'Personalangelegenheit',
		isPublic: false
	});
	// RSVPs: present said yes, excused said no
	for (const [u, response] of [
		[present, 'yes'],
		[excused, 'no']
	] as const) {
		await db.insert(meetingInvitations).values({
			tenantId: tenant.id,
			meetingId: meeting.id,
			userId: u.id,
			tokenHash: `hash-${u.id}`,
			response
		});
	}
	const ctxOf = async (u: { id: string } | null) =>
		testCtx(db, u ? await loadActor(db, u.id) : null);
	return {
		db,
		tenant,
		other,
		org,
		body,
		meeting,
		later,
		earlier,
		otherBodyMeeting,
		top1,
		top2,
		people: { speaker, moderator, present, excused, outsider, coordinator, otherCoordinator },
		ctxOf
	};
}

/** Records attendance as the RSVPs suggest and writes notes for both items. */
async function draft(s: Awaited<ReturnType<typeof setup>>) {
	const ctx = await s.ctxOf(s.people.speaker);
	const att = await getAttendance(ctx, s.tenant.id, s.meeting.id);
	await saveAttendance(
		ctx,
		s.tenant.id,
		s.meeting.id,
		Object.fromEntries(att.members.map((m) => [`status_${m.userId}`, m.suggested]))
	);
	await addGuest(ctx, s.tenant.id, s.meeting.id, {
		guestName: 'Gerda Gast',
		guestAffiliation: 'Jobcenter'
	});
	await saveMinutes(ctx, s.tenant.id, s.meeting.id, {
		intro: 'Begrüßung durch die Sprecherin.',
		[`notes_${s.top1.id}`]: 'Die Wartelisten sind lang.',
		[`decision_${s.top1.id}`]: 'Der AK schreibt an das BAMF.',
		[`notes_${s.top2.id}`]: 'Vertrauliche Notiz',
		[`decision_${s.top2.id}`]: ''
	});
	return ctx;
}

async function stateOf(s: Awaited<ReturnType<typeof setup>>) {
	const [row] = await s.db.select().from(meetings).where(eq(meetings.id, s.meeting.id));
	return row;
}

describe('attendance', () => {
	it('is prefilled from the members and their RSVP, and saved per member', async () => {
		const s = await setup();
		const ctx = await s.ctxOf(s.people.speaker);
		const before = await getAttendance(ctx, s.tenant.id, s.meeting.id);
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

		await saveAttendance(ctx, s.tenant.id, s.meeting.id, {
			[`status_${s.people.present.id}`]: 'present',
			[`status_${s.people.speaker.id}`]: 'present'
		});
		const after = await getAttendance(ctx, s.tenant.id, s.meeting.id);
		expect(after.members.find((m) => m.name === 'Sabine Sprecherin')?.status).toBe('present');
		expect(after.members.find((m) => m.name === 'Erik Excused')?.status).toBeNull();

		// someone who is not a member cannot be put on the list
		await expect(
			saveAttendance(ctx, s.tenant.id, s.meeting.id, {
				[`status_${s.people.outsider.id}`]: 'present'
			})
		).rejects.toMatchObject({ fieldErrors: { form: 'minutes_error_not_a_member' } });
		await expect(
			saveAttendance(ctx, s.tenant.id, s.meeting.id, {
				[`status_${s.people.present.id}`]: 'sleeping'
			})
		).rejects.toBeInstanceOf(ValidationError);

		const { id } = await addGuest(ctx, s.tenant.id, s.meeting.id, {
			guestName: 'Gerda Gast',
			guestAffiliation: 'Jobcenter'
		});
		await expect(
			addGuest(ctx, s.tenant.id, s.meeting.id, { guestName: ' ' })
		).rejects.toMatchObject({ fieldErrors: { guestName: 'minutes_error_guest_name_required' } });
		expect((await getAttendance(ctx, s.tenant.id, s.meeting.id)).guests).toEqual([
			{ id, name: 'Gerda Gast', affiliation: 'Jobcenter', status: 'present' }
		]);
		await removeGuest(ctx, s.tenant.id, s.meeting.id, id);
		expect((await getAttendance(ctx, s.tenant.id, s.meeting.id)).guests).toEqual([]);

		// a plain member may not keep the list
		const member = await s.ctxOf(s.people.present);
		await expect(
			saveAttendance(member, s.tenant.id, s.meeting.id, {
				[`status_${s.people.present.id}`]: 'absent'
			})
		).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('minutes state machine', () => {
	it('none → draft → shared → approved → published; nothing else, no edits after approval', async () => {
		const s = await setup();
		const ctx = await s.ctxOf(s.people.speaker);
		expect((await stateOf(s)).minutesState).toBe('none');
		// nothing to share, approve or publish yet
		await expect(shareMinutes(ctx, s.tenant.id, s.meeting.id)).rejects.toMatchObject({
			fieldErrors: { form: 'minutes_error_transition' }
		});
		await expect(approveMinutes(ctx, s.tenant.id, s.meeting.id)).rejects.toMatchObject({
			fieldErrors: { form: 'minutes_error_transition' }
		});
		await expect(publishMinutes(ctx, s.tenant.id, s.meeting.id)).rejects.toMatchObject({
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
		await expect(publishMinutes(ctx, s.tenant.id, s.meeting.id)).rejects.toBeInstanceOf(
			ValidationError
		);

		await shareMinutes(ctx, s.tenant.id, s.meeting.id);
		row = await stateOf(s);
		expect(row.minutesState).toBe('shared');
		expect(row.minutesSharedAt).not.toBeNull();
		await expect(shareMinutes(ctx, s.tenant.id, s.meeting.id)).rejects.toBeInstanceOf(
			ValidationError
		);
		// still editable while shared
		await saveMinutes(ctx, s.tenant.id, s.meeting.id, {
			[`notes_${s.top1.id}`]: 'Die Wartelisten sind sehr lang.'
		});
		expect((await stateOf(s)).minutesState).toBe('shared');

		await approveMinutes(ctx, s.tenant.id, s.meeting.id);
		row = await stateOf(s);
		expect(row).toMatchObject({
			minutesState: 'approved',
			minutesApprovedBy: s.people.speaker.id,
			minutesApprovedInMeetingId: null
		});
		// after approval: no change of text, attendance or guests, and no second approval
		await expect(
			saveMinutes(ctx, s.tenant.id, s.meeting.id, { [`notes_${s.top1.id}`]: 'geändert' })
		).rejects.toMatchObject({ fieldErrors: { form: 'minutes_error_locked' } });
		await expect(
			saveAttendance(ctx, s.tenant.id, s.meeting.id, {
				[`status_${s.people.present.id}`]: 'absent'
			})
		).rejects.toMatchObject({ fieldErrors: { form: 'minutes_error_locked' } });
		await expect(
			addGuest(ctx, s.tenant.id, s.meeting.id, { guestName: 'Spät' })
		).rejects.toMatchObject({ fieldErrors: { form: 'minutes_error_locked' } });
		await expect(approveMinutes(ctx, s.tenant.id, s.meeting.id)).rejects.toBeInstanceOf(
			ValidationError
		);
		const [unchanged] = await s.db.select().from(agendaItems).where(eq(agendaItems.id, s.top1.id));
		expect(unchanged.notes).toBe('Die Wartelisten sind sehr lang.');

		await publishMinutes(ctx, s.tenant.id, s.meeting.id);
		row = await stateOf(s);
		expect(row.minutesState).toBe('published');
		expect(row.minutesPublishedAt).not.toBeNull();
		expect(row.state).toBe('held');
		await expect(publishMinutes(ctx, s.tenant.id, s.meeting.id)).rejects.toBeInstanceOf(
			ValidationError
		);
		await expect(saveMinutes(ctx, s.tenant.id, s.meeting.id, { intro: 'x' })).rejects.toMatchObject(
			{ fieldErrors: { form: 'minutes_error_locked' } }
		);

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
		const { mails } = await shareMinutes(ctx, s.tenant.id, s.meeting.id);
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
		await saveMinutes(moderator, s.tenant.id, s.meeting.id, { intro: 'Von der Moderation' });
		await expect(approveMinutes(moderator, s.tenant.id, s.meeting.id)).rejects.toMatchObject({
			fieldErrors: { form: 'minutes_error_not_approver' }
		});
		const member = await s.ctxOf(s.people.present);
		await expect(approveMinutes(member, s.tenant.id, s.meeting.id)).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(
			saveMinutes(member, s.tenant.id, s.meeting.id, { intro: 'Hack' })
		).rejects.toBeInstanceOf(NotFoundError);
		expect((await stateOf(s)).minutesState).toBe('draft');
		// the coordination may approve
		await approveMinutes(await s.ctxOf(s.people.coordinator), s.tenant.id, s.meeting.id);
		expect((await stateOf(s)).minutesState).toBe('approved');
	});

	it('approval in a later meeting of the same body only', async () => {
		const s = await setup();
		const ctx = await draft(s);
		for (const wrong of [s.earlier.id, s.otherBodyMeeting.id, s.meeting.id, 'not-a-uuid']) {
			await expect(
				approveMinutes(ctx, s.tenant.id, s.meeting.id, { inMeetingId: wrong })
			).rejects.toMatchObject({
				fieldErrors: { inMeetingId: 'minutes_error_approval_meeting_invalid' }
			});
		}
		const page = await getMinutesPage(ctx, s.tenant.id, s.meeting.id);
		expect(page.laterMeetings.map((m) => m.id)).toEqual([s.later.id]);
		await approveMinutes(ctx, s.tenant.id, s.meeting.id, { inMeetingId: s.later.id });
		const row = await stateOf(s);
		expect(row).toMatchObject({
			minutesState: 'approved',
			minutesApprovedInMeetingId: s.later.id
		});
		const doc = await minutesDocument(ctx, s.tenant.id, s.meeting.id);
		expect(renderHtml(doc.model)).toContain('Genehmigt in der Sitzung vom');
	});
});

describe('who reads the minutes', () => {
	it('grows with the state: managers → present members → body members → everyone', async () => {
		const s = await setup('network');
		const ctx = await draft(s);
		const readers = {
			speaker: ctx,
			present: await s.ctxOf(s.people.present),
			excused: await s.ctxOf(s.people.excused),
			outsider: await s.ctxOf(s.people.outsider)
		};
		const canRead = async () =>
			Object.fromEntries(
				await Promise.all(
					Object.entries(readers).map(async ([k, c]) => [
						k,
						(await getMinutesPage(c, s.tenant.id, s.meeting.id)).minutes !== null
					])
				)
			);
		expect(await canRead()).toEqual({
			speaker: true,
			present: false,
			excused: false,
			outsider: false
		});
		await shareMinutes(ctx, s.tenant.id, s.meeting.id);
		expect(await canRead()).toEqual({
			speaker: true,
			present: true,
			excused: false,
			outsider: false
		});
		await approveMinutes(ctx, s.tenant.id, s.meeting.id);
		expect(await canRead()).toEqual({
			speaker: true,
			present: true,
			excused: true,
			outsider: false
		});
		await expect(
			minutesDocument(readers.outsider, s.tenant.id, s.meeting.id)
		).rejects.toBeInstanceOf(NotFoundError);
		await publishMinutes(ctx, s.tenant.id, s.meeting.id);
		expect(await canRead()).toEqual({
			speaker: true,
			present: true,
			excused: true,
			outsider: true
		});

		// the outsider (network member, not in the body) does not see the non-public item
		const outsiderView = (await getMinutesPage(readers.outsider, s.tenant.id, s.meeting.id))
			.minutes!;
		expect(outsiderView.items.map((i) => i.title)).toEqual(['Sprachkurse im Landkreis']);
		expect(outsiderView.nonPublicHidden).toBe(true);
		const memberView = (await getMinutesPage(readers.excused, s.tenant.id, s.meeting.id)).minutes!;
		expect(memberView.items.map((i) => i.title)).toEqual([
			'Sprachkurse im Landkreis',
			'Personalangelegenheit'
		]);
		// a network body is not on the public site
		expect(await getPublicMeeting(s.db, s.tenant.slug, s.meeting.id)).toBeNull();
	});

	it('published minutes of a public body: public page and PDF without non-public items or names', async () => {
		const s = await setup('public');
		const ctx = await draft(s);
		// before publication the public page shows the public agenda only
		let pub = await getPublicMeeting(s.db, s.tenant.slug, s.meeting.id);
		expect(pub?.agenda.map((a) => a.title)).toEqual(['Sprachkurse im Landkreis']);
		expect(pub?.minutes).toBeNull();
		await expect(publicMinutesDocument(s.db, s.tenant.slug, s.meeting.id)).rejects.toBeInstanceOf(
			NotFoundError
		);

		await shareMinutes(ctx, s.tenant.id, s.meeting.id);
		await approveMinutes(ctx, s.tenant.id, s.meeting.id);
		expect((await getPublicMeeting(s.db, s.tenant.slug, s.meeting.id))?.minutes).toBeNull();
		await publishMinutes(ctx, s.tenant.id, s.meeting.id);

		pub = await getPublicMeeting(s.db, s.tenant.slug, s.meeting.id);
		expect(pub?.minutes?.items.map((i) => [i.title, i.notes, i.decision])).toEqual([
			['Sprachkurse im Landkreis', 'Die Wartelisten sind lang.', 'Der AK schreibt an das BAMF.']
		]);
		const html = renderHtml((await publicMinutesDocument(s.db, s.tenant.slug, s.meeting.id)).model);
		expect(html).toContain('Die Wartelisten sind lang.');
		expect(html).not.toContain('Vertrauliche Notiz');
		expect(html).not.toContain('Personalangelegenheit');
		for (const name of ['Paula Present', 'Erik Excused', 'Gerda Gast', 'Sabine Sprecherin'])
			expect(html).not.toContain(name);
		expect(html).toContain('Caritas Testhausen');
		expect(html).toContain('Jobcenter');
		expect(html).toContain('Anwesend: 2 (davon Gäste: 1)');

		// the signed-in document for a member has names and the non-public item
		const full = renderHtml(
			(await minutesDocument(await s.ctxOf(s.people.excused), s.tenant.id, s.meeting.id)).model
		);
		expect(full).toContain('Paula Present');
		expect(full).toContain('Vertrauliche Notiz');
		// agenda document: the public part for anonymous readers is what the public page shows
		const agenda = renderHtml((await agendaDocument(ctx, s.tenant.id, s.meeting.id)).model);
		expect(agenda).toContain('TOP 2: Personalangelegenheit (nicht öffentlich)');
		expect(agenda).toContain('TOP 3: Offene Aufgaben aus früheren Sitzungen');
	});

	it('another tenant cannot read or change anything', async () => {
		const s = await setup('network');
		const ctx = await draft(s);
		await shareMinutes(ctx, s.tenant.id, s.meeting.id);
		await approveMinutes(ctx, s.tenant.id, s.meeting.id);
		await publishMinutes(ctx, s.tenant.id, s.meeting.id);
		const stranger = await s.ctxOf(s.people.otherCoordinator);
		await expect(getMinutesPage(stranger, s.tenant.id, s.meeting.id)).rejects.toBeInstanceOf(
			NotFoundError
		);
		// through their own tenant the meeting does not exist
		await expect(getMinutesPage(stranger, s.other.id, s.meeting.id)).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(
			saveMinutes(stranger, s.other.id, s.meeting.id, { intro: 'x' })
		).rejects.toBeInstanceOf(NotFoundError);
		expect(await getPublicMeeting(s.db, s.other.slug, s.meeting.id)).toBeNull();
		// nor anonymous visitors (the body is not public)
		await expect(
			getMinutesPage(await s.ctxOf(null), s.tenant.id, s.meeting.id)
		).rejects.toBeInstanceOf(NotFoundError);
		expect(await getPublicMeeting(s.db, s.tenant.slug, s.meeting.id)).toBeNull();
	});

	it('a public body: visible to all, but public site only for a public tenant', async () => {
		const s = await setup('public');
		const ctx = await draft(s);
		await shareMinutes(ctx, s.tenant.id, s.meeting.id);
		await approveMinutes(ctx, s.tenant.id, s.meeting.id);
		await publishMinutes(ctx, s.tenant.id, s.meeting.id);
		expect(await getPublicMeeting(s.db, s.other.slug, s.meeting.id)).toBeNull();
		// anonymous: the public part of published minutes only
		const anonymous = await getMinutesPage(await s.ctxOf(null), s.tenant.id, s.meeting.id);
		expect(anonymous.minutes?.items.map((i) => i.title)).toEqual(['Sprachkurse im Landkreis']);
		expect(anonymous.canEdit).toBe(false);
		// a tenant that is not public shows nothing publicly
		await s.db.update(tenants).set({ isPublic: false }).where(eq(tenants.id, s.tenant.id));
		expect(await getPublicMeeting(s.db, s.tenant.slug, s.meeting.id)).toBeNull();
	});
});
