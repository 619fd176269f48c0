import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testCtx, useTestDb } from '../db/testing/test-db';
import { buildMeeting } from '../factories';
import { auditLog } from '../audit/schema';
import { NotFoundError, ValidationError } from '../errors';
import { meetings } from '../meetings/schema';
import { meetingInvitations } from './schema';
import { sendInvitations } from './invitations';
import {
	answerByToken,
	answerInApp,
	findInvitationByToken,
	listAnswers,
	myAnswer
} from './answers';
import { mailsOf as mailsIn, setupInvitations, START, tokenOf } from './invitations-setup';

const database = useTestDb();

const setup = () => setupInvitations(database.db);
const mailsOf = (tenantId: string) => mailsIn(database.db, tenantId);

describe('answers', () => {
	it('a member answers from the mail link without signing in, and can change the answer', async () => {
		const { db, tenant, meeting, coordinator, member, ctxOf } = await setup();
		await sendInvitations(await ctxOf(coordinator), { meetingId: meeting.id });
		const mail = (await mailsOf(tenant.id)).find((m) => m.to === member.email)!;
		const token = tokenOf(mail.text);
		const view = await findInvitationByToken(testCtx(db), { token });
		expect(view).toMatchObject({
			meetingId: meeting.id,
			personName: 'Mia Mitglied',
			response: null,
			phase: 'open',
			place: 'Rathaus, Raum 1'
		});
		expect(view!.agenda.map((a) => a.title)).toEqual(['Begrüßung', 'Sprachkurse für Eltern']);
		await answerByToken(testCtx(db), {
			token,
			response: 'ja',
			comment: '  Ich bringe Flyer mit. '
		});
		let [row] = await db
			.select()
			.from(meetingInvitations)
			.where(
				and(eq(meetingInvitations.meetingId, meeting.id), eq(meetingInvitations.userId, member.id))
			);
		expect(row).toMatchObject({ response: 'yes', comment: 'Ich bringe Flyer mit.' });
		expect(row.respondedAt).not.toBeNull();
		await answerByToken(testCtx(db), { token, response: 'no', comment: '' });
		[row] = await db
			.select()
			.from(meetingInvitations)
			.where(
				and(eq(meetingInvitations.meetingId, meeting.id), eq(meetingInvitations.userId, member.id))
			);
		expect(row).toMatchObject({ response: 'no', comment: null });
		const audits = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, meeting.id), eq(auditLog.action, 'meeting.answer')));
		expect(audits).toHaveLength(2);
		expect(audits.every((a) => a.actorId === member.id)).toBe(true);
		await expect(answerByToken(testCtx(db), { token, response: 'egal' })).rejects.toMatchObject({
			fieldErrors: { response: 'invitations_error_response' }
		});
	});

	it('an unknown token answers nothing; a token cannot answer another meeting', async () => {
		const { db, tenant, body, meeting, coordinator, member, ctxOf } = await setup();
		const other = await buildMeeting(db, body, {
			startsAt: new Date(START.getTime() + 14 * 86_400_000)
		});
		const ctx = await ctxOf(coordinator);
		await sendInvitations(ctx, { meetingId: meeting.id });
		await sendInvitations(ctx, { meetingId: other.id });
		const mails = (await mailsOf(tenant.id)).filter((m) => m.to === member.email);
		const tokenA = tokenOf(mails[0].text);
		expect(await findInvitationByToken(testCtx(db), { token: 'x'.repeat(43) })).toBeNull();
		await expect(
			answerByToken(testCtx(db), { token: 'x'.repeat(43), response: 'yes' })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			answerByToken(testCtx(db), {
				meetingId: other.id,
				token: tokenA,
				response: 'yes',
				comment: null
			})
		).rejects.toBeInstanceOf(NotFoundError);
		const rows = await db
			.select()
			.from(meetingInvitations)
			.where(eq(meetingInvitations.userId, member.id));
		expect(rows.every((r) => r.response === null)).toBe(true);
		// the token answers its own meeting only
		await answerByToken(testCtx(db), {
			meetingId: meeting.id,
			token: tokenA,
			response: 'yes',
			comment: null
		});
		const after = await db
			.select()
			.from(meetingInvitations)
			.where(eq(meetingInvitations.userId, member.id));
		expect(after.find((r) => r.meetingId === meeting.id)?.response).toBe('yes');
		expect(after.find((r) => r.meetingId === other.id)?.response).toBeNull();
	});

	it('a new mail replaces the link of the earlier one', async () => {
		const { db, tenant, meeting, coordinator, member, ctxOf } = await setup();
		const ctx = await ctxOf(coordinator);
		await sendInvitations(ctx, { meetingId: meeting.id });
		const first = tokenOf((await mailsOf(tenant.id)).find((m) => m.to === member.email)!.text);
		await sendInvitations(ctx, { all: true, meetingId: meeting.id });
		const second = tokenOf((await mailsOf(tenant.id)).filter((m) => m.to === member.email)[1].text);
		expect(second).not.toBe(first);
		expect(await findInvitationByToken(testCtx(db), { token: first })).toBeNull();
		await expect(
			answerByToken(testCtx(db), { token: first, response: 'yes' })
		).rejects.toBeInstanceOf(NotFoundError);
		await answerByToken(testCtx(db), { token: second, response: 'maybe' });
	});

	it('answering a cancelled or past meeting gives a clear message', async () => {
		const { db, tenant, meeting, coordinator, member, ctxOf } = await setup();
		await sendInvitations(await ctxOf(coordinator), { meetingId: meeting.id });
		const token = tokenOf((await mailsOf(tenant.id)).find((m) => m.to === member.email)!.text);
		await db
			.update(meetings)
			.set({ state: 'cancelled', cancelReason: 'Krankheit' })
			.where(eq(meetings.id, meeting.id));
		expect((await findInvitationByToken(testCtx(db), { token }))?.phase).toBe('cancelled');
		await expect(answerByToken(testCtx(db), { token, response: 'yes' })).rejects.toMatchObject({
			fieldErrors: { form: 'invitations_error_answer_cancelled' }
		});
		await db
			.update(meetings)
			.set({
				state: 'invited',
				startsAt: new Date(Date.now() - 3 * 3_600_000),
				endsAt: new Date(Date.now() - 3_600_000)
			})
			.where(eq(meetings.id, meeting.id));
		expect((await findInvitationByToken(testCtx(db), { token }))?.phase).toBe('past');
		await expect(answerByToken(testCtx(db), { token, response: 'yes' })).rejects.toMatchObject({
			fieldErrors: { form: 'invitations_error_answer_past' }
		});
		await expect(
			answerInApp(await ctxOf(member), { meetingId: meeting.id, response: 'yes' })
		).rejects.toBeInstanceOf(ValidationError);
	});

	it('members answer in the app (row created when missing); others cannot', async () => {
		const { db, tenant, meeting, member, outsider, coordinator, ctxOf } = await setup();
		const ctx = await ctxOf(member);
		expect(await myAnswer(ctx, { meetingId: meeting.id })).toMatchObject({
			canAnswer: true,
			response: null
		});
		await answerInApp(ctx, {
			meetingId: meeting.id,
			response: 'maybe',
			comment: 'Vielleicht später'
		});
		expect(await myAnswer(ctx, { meetingId: meeting.id })).toMatchObject({
			canAnswer: true,
			response: 'maybe',
			comment: 'Vielleicht später'
		});
		const [row] = await db
			.select()
			.from(meetingInvitations)
			.where(eq(meetingInvitations.userId, member.id));
		expect(row).toMatchObject({ meetingId: meeting.id, response: 'maybe', mailedSequence: null });
		// the body is members-only: an outsider does not even see the meeting
		await expect(
			answerInApp(await ctxOf(outsider), { meetingId: meeting.id, response: 'yes' })
		).rejects.toBeInstanceOf(NotFoundError);
		// the coordinator sees it but is not a member
		await expect(
			answerInApp(await ctxOf(coordinator), { meetingId: meeting.id, response: 'yes' })
		).rejects.toMatchObject({
			fieldErrors: { form: 'invitations_error_not_member' }
		});
		// a later invitation mails the member and keeps the answer
		await sendInvitations(await ctxOf(coordinator), { meetingId: meeting.id });
		const [after] = await db
			.select()
			.from(meetingInvitations)
			.where(eq(meetingInvitations.userId, member.id));
		expect(after).toMatchObject({ response: 'maybe', mailedSequence: 0 });
		const mail = (await mailsOf(tenant.id)).find((m) => m.to === member.email)!;
		expect(mail.text).toContain('Ihre bisherige Rückmeldung: Vielleicht.');
	});

	it('managers see who answered what, with counts; members do not', async () => {
		const { meeting, coordinator, member, guest, speaker, ctxOf } = await setup();
		await sendInvitations(await ctxOf(coordinator), { meetingId: meeting.id });
		await answerInApp(await ctxOf(member), {
			meetingId: meeting.id,
			response: 'yes',
			comment: 'Gern'
		});
		await answerInApp(await ctxOf(guest), { meetingId: meeting.id, response: 'no' });
		const overview = await listAnswers(await ctxOf(speaker), { meetingId: meeting.id });
		expect(overview.counts).toEqual({ yes: 1, no: 1, maybe: 0, none: 1 });
		expect(overview.rows.map((r) => [r.name, r.response, r.organization])).toEqual([
			['Gerd Gast', 'no', null],
			['Mia Mitglied', 'yes', 'VHS Landshut'],
			['Sven Sprecher', null, null]
		]);
		expect(overview.rows.find((r) => r.name === 'Mia Mitglied')?.comment).toBe('Gern');
		expect(overview.notInvited).toEqual([]);
		await expect(
			listAnswers(await ctxOf(member), { meetingId: meeting.id })
		).rejects.toBeInstanceOf(NotFoundError);
	});
});
