import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDb } from '../db/testing/test-db';
import { withTenant } from '../context';
import { users } from '../auth/schema';
import { buildTenant, buildUser, grantRole } from '../factories';
import { loadActor } from '../auth/sessions';
import { testTenantCtx } from '../db/testing/test-db';
import { mailsTo } from '../bodies/testing';
import { setupActionItems, setupMinutes, draft, day } from '../minutes/testing';
import { createActionItem, updateActionItem } from '../minutes/action-item-changes';
import { sendActionItemReminders } from '../minutes/action-item-reminders';
import { approveMinutes, publishMinutes, shareMinutes } from '../minutes/minutes-states';
import { notifyMinutesPublished } from '../minutes/notify';
import { meetings } from '../meetings/schema';
import { inquiries } from '../inquiries/schema';
import { assignInquiry } from '../inquiries/handling';
import { ValidationError } from '../errors';
import { notifications } from './schema';
import { getNotificationSettings, saveNotificationSettings } from './settings';
import { sendWeeklyDigests } from './digest';

const database = useTestDb();
const ORIGIN = 'http://localhost:3000';

async function setMode(userId: string, mode: string, kind = 'action_item') {
	const ctx = testTenantCtx(
		database.db,
		await buildTenant(database.db),
		await loadActor(database.db, userId)
	);
	const all = {
		action_item: 'immediate',
		minutes: 'immediate',
		paper: 'immediate',
		inquiry: 'immediate'
	};
	await saveNotificationSettings(ctx, { ...all, [kind]: mode });
}

describe('action item assigned', () => {
	it('mails the assignee once, with the task link, the German date and the settings link', async () => {
		const s = await setupActionItems(database.db);
		const speaker = await s.ctxIn(s.people.speaker);
		const { id } = await createActionItem(speaker, {
			meetingId: s.meeting.id,
			agendaItemId: s.top.id,
			title: 'Getränke besorgen',
			assigneeUserId: s.people.assignee.id,
			dueDate: '2027-01-10'
		});
		const mails = await mailsTo(s.db, s.people.assignee.email);
		expect(mails).toHaveLength(1);
		expect(mails[0].subject).toBe('Neue Aufgabe für Sie: Getränke besorgen');
		expect(mails[0].text).toContain('10. Januar 2027');
		expect(mails[0].text).not.toContain('2027-01-10');
		expect(mails[0].text).toContain(`/app/${s.tenant.slug}/aufgaben#task-${id}`);
		expect(mails[0].text).toContain(`${ORIGIN}/konto#benachrichtigungen`);
		// nobody else hears of it, not the speaker who assigned it
		expect(await mailsTo(s.db, s.people.speaker.email)).toEqual([]);
		expect(await mailsTo(s.db, s.people.bystander.email)).toEqual([]);

		// a change that keeps the assignee sends nothing; a new assignee gets one mail
		const ref = { actionItemId: id, bodyId: s.body.id };
		await updateActionItem(speaker, {
			...ref,
			title: 'Getränke und Becher besorgen',
			assigneeUserId: s.people.assignee.id
		});
		expect(await mailsTo(s.db, s.people.assignee.email)).toHaveLength(1);
		await updateActionItem(speaker, {
			...ref,
			title: 'Getränke und Becher besorgen',
			assigneeUserId: s.people.bystander.id
		});
		expect(await mailsTo(s.db, s.people.bystander.email)).toHaveLength(1);
	});

	it('writes in the recipient’s language', async () => {
		const s = await setupActionItems(database.db);
		await database.db.update(users).set({ locale: 'en' }).where(eq(users.id, s.people.assignee.id));
		await createActionItem(await s.ctxIn(s.people.speaker), {
			meetingId: s.meeting.id,
			agendaItemId: s.top.id,
			title: 'Drinks',
			assigneeUserId: s.people.assignee.id,
			dueDate: '2027-01-10'
		});
		const [mail] = await mailsTo(s.db, s.people.assignee.email);
		expect(mail.subject).toBe('New action item for you: Drinks');
		expect(mail.text).toContain('10 January 2027');
		expect(mail.text).toContain('Change your notifications');
	});

	it('sends nothing when the person turned the kind off', async () => {
		const s = await setupActionItems(database.db);
		await setMode(s.people.assignee.id, 'off');
		await createActionItem(await s.ctxIn(s.people.speaker), {
			meetingId: s.meeting.id,
			agendaItemId: s.top.id,
			title: 'Still',
			assigneeUserId: s.people.assignee.id,
			dueDate: day(1)
		});
		expect(await mailsTo(s.db, s.people.assignee.email)).toEqual([]);
		// the due-date reminder respects the setting too
		await sendActionItemReminders(s.db, ORIGIN);
		expect(await mailsTo(s.db, s.people.assignee.email)).toEqual([]);
	});

	it('the reminder job mails the assignee once, however often it runs', async () => {
		const s = await setupActionItems(database.db);
		await setMode(s.people.assignee.id, 'off');
		await createActionItem(await s.ctxIn(s.people.speaker), {
			meetingId: s.meeting.id,
			agendaItemId: s.top.id,
			title: 'Bald fällig',
			assigneeUserId: s.people.assignee.id,
			dueDate: day(2)
		});
		await setMode(s.people.assignee.id, 'immediate');
		await sendActionItemReminders(s.db, ORIGIN);
		await sendActionItemReminders(s.db, ORIGIN);
		const mails = await mailsTo(s.db, s.people.assignee.email);
		expect(mails).toHaveLength(1);
		expect(mails[0].subject).toContain('Bald fällig');
		expect(mails[0].text).toContain('/konto#benachrichtigungen');
	});
});

describe('weekly digest', () => {
	it('collects the week’s notifications in one mail, once', async () => {
		const s = await setupActionItems(database.db);
		await setMode(s.people.assignee.id, 'weekly');
		const speaker = await s.ctxIn(s.people.speaker);
		for (const title of ['Erste Aufgabe', 'Zweite Aufgabe'])
			await createActionItem(speaker, {
				meetingId: s.meeting.id,
				agendaItemId: s.top.id,
				title,
				assigneeUserId: s.people.assignee.id
			});
		expect(await mailsTo(s.db, s.people.assignee.email)).toEqual([]);
		// not a week yet: nothing
		await sendWeeklyDigests(s.db, ORIGIN);
		expect(await mailsTo(s.db, s.people.assignee.email)).toEqual([]);
		const nextWeek = new Date(Date.now() + 8 * 86_400_000);
		const result = await sendWeeklyDigests(s.db, ORIGIN, nextWeek);
		expect(result.entries).toBeGreaterThanOrEqual(2);
		const mails = await mailsTo(s.db, s.people.assignee.email);
		expect(mails).toHaveLength(1);
		expect(mails[0].subject).toBe('Ihre Wochenübersicht: 2 Benachrichtigungen');
		expect(mails[0].text).toContain('Neue Aufgabe für Sie: Erste Aufgabe');
		expect(mails[0].text).toContain('Neue Aufgabe für Sie: Zweite Aufgabe');
		expect(mails[0].text).toContain('/konto#benachrichtigungen');
		// a rerun sends nothing twice
		await sendWeeklyDigests(s.db, ORIGIN, nextWeek);
		expect(await mailsTo(s.db, s.people.assignee.email)).toHaveLength(1);
	});
});

describe('minutes published', () => {
	it('mails the members present once, not the excused ones', async () => {
		const s = await setupMinutes(database.db);
		const ctx = withTenant(await draft(s), s.tenant);
		await shareMinutes(ctx, { meetingId: s.meeting.id });
		const sharedMails = (await mailsTo(s.db, s.people.present.email)).length;
		await approveMinutes(ctx, { meetingId: s.meeting.id });
		await publishMinutes(ctx, { meetingId: s.meeting.id });
		const mails = (await mailsTo(s.db, s.people.present.email)).slice(sharedMails);
		expect(mails).toHaveLength(1);
		expect(mails[0].subject).toMatch(/^Protokoll veröffentlicht: AK Bildung vom /);
		expect(mails[0].text).toContain(`/sitzungen/${s.meeting.id}/protokoll`);
		expect(
			(await mailsTo(s.db, s.people.excused.email)).filter((m) =>
				m.subject.startsWith('Protokoll veröffentlicht')
			)
		).toEqual([]);
		// a second run of the trigger gives nothing more
		const [meeting] = await s.db.select().from(meetings).where(eq(meetings.id, s.meeting.id));
		await notifyMinutesPublished(s.db, ctx, meeting);
		expect((await mailsTo(s.db, s.people.present.email)).slice(sharedMails)).toHaveLength(1);
	});
});

describe('citizens’ message assigned', () => {
	it('mails the new assignee once; assigning oneself sends nothing', async () => {
		const tenant = await buildTenant(database.db);
		const [a, b] = [await buildUser(database.db), await buildUser(database.db)];
		for (const u of [a, b]) await grantRole(database.db, tenant.id, u.id, 'coordinator');
		const [row] = await database.db
			.insert(inquiries)
			.values({
				tenantId: tenant.id,
				reference: 'A-2026-TEST01',
				kind: 'question',
				subject: 'Sprachkurs',
				body: 'Frage',
				consentVersion: '1',
				consentAt: new Date(),
				dueOn: '2027-01-10'
			})
			.returning();
		const ctxA = testTenantCtx(database.db, tenant, await loadActor(database.db, a.id));
		await assignInquiry(ctxA, { inquiryId: row.id, assigneeId: a.id });
		expect(await mailsTo(database.db, a.email)).toEqual([]);
		await assignInquiry(ctxA, { inquiryId: row.id, assigneeId: b.id });
		const mails = await mailsTo(database.db, b.email);
		expect(mails).toHaveLength(1);
		expect(mails[0].subject).toBe('Anliegen A-2026-TEST01 ist Ihnen zugewiesen');
		expect(mails[0].text).toContain('10. Januar 2027');
		expect(mails[0].text).toContain(`/app/${tenant.slug}/anliegen/${row.id}`);
		// back and forth: the same person is told once
		await assignInquiry(ctxA, { inquiryId: row.id, assigneeId: a.id });
		await assignInquiry(ctxA, { inquiryId: row.id, assigneeId: b.id });
		expect(await mailsTo(database.db, b.email)).toHaveLength(1);
		expect(
			await database.db.select().from(notifications).where(eq(notifications.userId, b.id))
		).toHaveLength(1);
	});
});

describe('settings', () => {
	it('default to immediately, are saved per kind and refuse unknown values', async () => {
		const user = await buildUser(database.db);
		const tenant = await buildTenant(database.db);
		const ctx = testTenantCtx(database.db, tenant, await loadActor(database.db, user.id));
		expect(await getNotificationSettings(ctx)).toEqual({
			action_item: 'immediate',
			minutes: 'immediate',
			paper: 'immediate',
			inquiry: 'immediate'
		});
		await saveNotificationSettings(ctx, {
			action_item: 'weekly',
			minutes: 'off',
			paper: 'immediate',
			inquiry: 'weekly'
		});
		expect(await getNotificationSettings(ctx)).toMatchObject({
			action_item: 'weekly',
			minutes: 'off'
		});
		await expect(
			saveNotificationSettings(ctx, { action_item: 'sometimes' })
		).rejects.toBeInstanceOf(ValidationError);
		expect((await getNotificationSettings(ctx)).action_item).toBe('weekly');
	});
});
