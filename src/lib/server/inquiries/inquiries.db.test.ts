import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDb, testTenantCtx } from '../db/testing/test-db';
import type { Database } from '../db/client';
import type { TenantLike } from '../context';
import { buildTenant, buildUser, grantRole } from '../factories';
import { loadActor } from '../auth/sessions';
import type { Role } from '../auth/schema';
import { outbox } from '../mail/schema';
import { auditLog } from '../audit/schema';
import { tenants } from '../tenants/schema';
import { NotFoundError, RateLimitError, ValidationError } from '../errors';
import { inquiries, inquiryEntries } from './schema';
import { addFollowup, getInquiryStatus, INQUIRY_LIMIT, submitInquiry } from './submit';
import { getInquiry, inquiryStatistics, listInquiries } from './inbox';
import {
	addInquiryNote,
	assignInquiry,
	replyToInquiry,
	setInquiryDue,
	setInquiryState
} from './handling';
import { deleteTemplate, listTemplates, saveTemplate } from './templates';
import { purgeExpiredInquiries } from './retention';
import { issueChallenge, solveProofOfWork, verifyProofOfWork } from './spam';
import { inboxFilter, INQUIRY_CONSENT_VERSION } from './validation';
import { getTenantSettings, updateTenantSettings } from '../tenants/settings';

const database = useTestDb();

const DAY = 24 * 3600 * 1000;

async function setup(settings: Record<string, unknown> = {}) {
	const db = database.db;
	const tenant = await buildTenant(db, { settings });
	const other = await buildTenant(db);
	const ctxFor = async (role: Role | 'none' | 'other', name = 'Anna Beispiel') => {
		if (role === 'none') return testTenantCtx(db, tenant, null);
		const user = await buildUser(db, { name });
		await grantRole(
			db,
			role === 'other' ? other.id : tenant.id,
			user.id,
			role === 'other' ? 'coordinator' : role
		);
		return testTenantCtx(db, tenant, await loadActor(db, user.id));
	};
	return { db, tenant, other, ctxFor };
}

let ipCounter = 0;
/** A form as a person sends it: issued a minute ago, honeypot empty. */
function form(extra: Record<string, unknown> = {}, now = new Date()) {
	return {
		kind: 'question',
		subject: 'Sprachkurs',
		body: 'Gibt es einen Sprachkurs am Abend?',
		name: 'Maria Muster',
		email: 'Maria@Example.org',
		consent: 'on',
		website: '',
		challenge: issueChallenge(new Date(now.getTime() - 60_000), 8),
		...extra
	};
}
const visitor = (db: Database['db'], tenant: TenantLike, ip = `198.51.100.${++ipCounter}`) =>
	testTenantCtx(db, tenant, null, { ip });

describe('submitInquiry', () => {
	it('stores the message with consent version and time, mails a reference and a status link', async () => {
		const { db, tenant } = await setup();
		const now = new Date();
		const result = await submitInquiry(visitor(db, tenant), { ...form({}, now) }, now);
		expect(result.reference).toMatch(/^A-\d{4}-[A-Z2-9]{6}$/);
		const [row] = await db.select().from(inquiries).where(eq(inquiries.id, result.id));
		expect(row).toMatchObject({
			kind: 'question',
			email: 'maria@example.org',
			name: 'Maria Muster',
			state: 'new',
			consentVersion: INQUIRY_CONSENT_VERSION,
			proofOfWork: false
		});
		expect(row.consentAt.getTime()).toBe(now.getTime());
		expect(row.statusTokenHash).not.toBe(result.token);
		const mails = await db.select().from(outbox).where(eq(outbox.tenantId, tenant.id));
		expect(mails).toHaveLength(1);
		expect(mails[0].payload.to).toBe('maria@example.org');
		expect(mails[0].payload.text).toContain(result.reference);
		expect(mails[0].payload.text).toContain(`/${tenant.slug}/anliegen/status/${result.token}`);
		const status = await getInquiryStatus(visitor(db, tenant), { token: result.token });
		expect(status).toMatchObject({ reference: result.reference, state: 'new', entries: [] });
		// the audit log holds no personal data
		const [audit] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, result.id), eq(auditLog.action, 'inquiry.submit')));
		expect(JSON.stringify(audit.after)).not.toContain('Maria');
		expect(JSON.stringify(audit.after)).not.toContain('example.org');
	});

	it('gives accessibility feedback the one-month answer deadline (BITV 2.0), others none', async () => {
		const { db, tenant } = await setup();
		// 31 January, 23:30 in Berlin: the deadline is the last day of February
		const now = new Date('2027-01-31T22:30:00Z');
		const barrier = await submitInquiry(
			visitor(db, tenant),
			{ ...form({ kind: 'accessibility' }, now) },
			now
		);
		const question = await submitInquiry(visitor(db, tenant), { ...form({}, now) }, now);
		const due = await db
			.select({ id: inquiries.id, kind: inquiries.kind, dueOn: inquiries.dueOn })
			.from(inquiries)
			.where(eq(inquiries.tenantId, tenant.id));
		expect(due).toEqual(
			expect.arrayContaining([
				{ id: barrier.id, kind: 'accessibility', dueOn: '2027-02-28' },
				{ id: question.id, kind: 'question', dueOn: null }
			])
		);
	});

	it('needs no name and no e-mail (then no mail is sent)', async () => {
		const { db, tenant } = await setup();
		const r = await submitInquiry(visitor(db, tenant), { ...form({ name: '', email: '' }) });
		const [row] = await db.select().from(inquiries).where(eq(inquiries.id, r.id));
		expect(row.name).toBeNull();
		expect(row.email).toBeNull();
		expect(await db.select().from(outbox).where(eq(outbox.tenantId, tenant.id))).toHaveLength(0);
	});

	it('validates the fields: kind, text, e-mail and consent', async () => {
		const { db, tenant } = await setup();
		const err = await submitInquiry(visitor(db, tenant), {
			...form({ kind: 'spam', body: ' ', email: 'kein-mail', consent: undefined })
		}).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fieldErrors).toEqual({
			kind: 'inquiries_error_kind_required',
			body: 'inquiries_error_body_required',
			email: 'inquiries_error_email_invalid',
			consent: 'inquiries_error_consent_required'
		});
		expect(await db.select().from(inquiries).where(eq(inquiries.tenantId, tenant.id))).toHaveLength(
			0
		);
	});

	it('rejects a filled honeypot and stores nothing', async () => {
		const { db, tenant } = await setup();
		const err = await submitInquiry(visitor(db, tenant), {
			...form({ website: 'https://cheap.example' })
		}).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fieldErrors).toEqual({ form: 'inquiries_error_spam_honeypot' });
		expect(await db.select().from(inquiries).where(eq(inquiries.tenantId, tenant.id))).toHaveLength(
			0
		);
	});

	it('rejects a form sent back within seconds, and one without our challenge', async () => {
		const { db, tenant } = await setup();
		const now = new Date();
		const fast = await submitInquiry(
			visitor(db, tenant),
			{ ...form({ challenge: issueChallenge(now, 8) }, now) },
			now
		).catch((e) => e);
		expect(fast.fieldErrors).toEqual({ form: 'inquiries_error_spam_too_fast' });
		const forged = await submitInquiry(visitor(db, tenant), {
			...form({ challenge: 'abc.1.0.def' })
		}).catch((e) => e);
		expect(forged.fieldErrors).toEqual({ form: 'inquiries_error_spam_expired' });
	});

	it('accepts a solved proof of work and rejects a wrong one', async () => {
		const { db, tenant } = await setup();
		const challenge = issueChallenge(new Date(Date.now() - 60_000), 8);
		const ok = await submitInquiry(visitor(db, tenant), {
			...form({ challenge, pow: solveProofOfWork(challenge, 8) })
		});
		const [row] = await db.select().from(inquiries).where(eq(inquiries.id, ok.id));
		expect(row.proofOfWork).toBe(true);
		let wrong = 0;
		while (verifyProofOfWork(challenge, String(wrong), 8)) wrong++;
		const err = await submitInquiry(visitor(db, tenant), {
			...form({ challenge, pow: String(wrong) })
		}).catch((e) => e);
		expect(err.fieldErrors).toEqual({ form: 'inquiries_error_spam_proof_of_work' });
	});

	it('limits messages per address and hour', async () => {
		const { db, tenant } = await setup();
		const ctx = visitor(db, tenant, '203.0.113.99');
		for (let i = 0; i < INQUIRY_LIMIT.max; i++) await submitInquiry(ctx, form());
		const err = await submitInquiry(ctx, form()).catch((e) => e);
		expect(err).toBeInstanceOf(RateLimitError);
		expect(await db.select().from(inquiries).where(eq(inquiries.tenantId, tenant.id))).toHaveLength(
			INQUIRY_LIMIT.max
		);
		// another address is not affected
		await submitInquiry(visitor(db, tenant, '203.0.113.100'), form());
	});

	it('does not take messages for a hidden tenant', async () => {
		const { db } = await setup();
		const hidden = await buildTenant(db, { isPublic: false });
		await expect(submitInquiry(visitor(db, hidden), form())).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('inbox', () => {
	it('is for coordinators of the tenant only', async () => {
		const { db, tenant, other: otherTenant, ctxFor } = await setup();
		const r = await submitInquiry(visitor(db, tenant), form());
		for (const role of ['member', 'editor', 'steering', 'guest', 'none', 'other'] as const) {
			const ctx = await ctxFor(role);
			await expect(getInquiry(ctx, { inquiryId: r.id })).rejects.toBeInstanceOf(NotFoundError);
			await expect(listInquiries(ctx, inboxFilter.parse({}))).rejects.toBeInstanceOf(NotFoundError);
		}
		// another tenant's coordinator asking under their own tenant does not find it either
		const other = testTenantCtx(db, otherTenant, (await ctxFor('other')).actor);
		await expect(getInquiry(other, { inquiryId: r.id })).rejects.toBeInstanceOf(NotFoundError);
	});

	it('assigns, notes, answers by mail; the sender sees the answer but not the note', async () => {
		const { db, tenant, ctxFor } = await setup();
		const staff = await ctxFor('coordinator', 'Anna Beispiel');
		const member = await ctxFor('member');
		const r = await submitInquiry(visitor(db, tenant), form());
		await assignInquiry(staff, { inquiryId: r.id, assigneeId: staff.actor!.userId });
		await expect(
			assignInquiry(staff, { inquiryId: r.id, assigneeId: member.actor!.userId })
		).rejects.toBeInstanceOf(ValidationError);
		await setInquiryDue(staff, { inquiryId: r.id, dueOn: '2026-12-01' });
		await addInquiryNote(staff, { inquiryId: r.id, note: 'Intern: VHS fragen' });
		let detail = await getInquiry(staff, { inquiryId: r.id });
		expect(detail).toMatchObject({
			state: 'in_progress',
			assigneeId: staff.actor!.userId,
			dueOn: '2026-12-01'
		});
		const mine = await listInquiries(staff, inboxFilter.parse({ assignee: 'me' }));
		expect(mine.rows.map((x) => x.id)).toEqual([r.id]);

		const result = await replyToInquiry(staff, {
			inquiryId: r.id,
			reply: 'Ja, dienstags um 18 Uhr in der VHS.'
		});
		expect(result.mailed).toBe(true);
		detail = await getInquiry(staff, { inquiryId: r.id });
		expect(detail.state).toBe('answered');
		expect(detail.entries.map((e) => e.kind)).toEqual(['note', 'reply']);
		const mails = await db.select().from(outbox).where(eq(outbox.tenantId, tenant.id));
		const reply = mails.find((x) => x.payload.text.includes('dienstags um 18 Uhr'));
		expect(reply?.payload.to).toBe('maria@example.org');

		const status = await getInquiryStatus(visitor(db, tenant), { token: r.token });
		expect(status.state).toBe('answered');
		expect(status.entries).toEqual([
			expect.objectContaining({
				kind: 'reply',
				author: 'Anna',
				body: 'Ja, dienstags um 18 Uhr in der VHS.'
			})
		]);
		expect(JSON.stringify(status)).not.toContain('Intern');
		expect(JSON.stringify(status)).not.toContain('Beispiel');

		// a follow-up from the sender reopens the message
		await addFollowup(visitor(db, tenant), {
			token: r.token,
			body: 'Danke! Gibt es auch samstags?'
		});
		detail = await getInquiry(staff, { inquiryId: r.id });
		expect(detail.state).toBe('in_progress');
		expect(detail.entries.at(-1)).toMatchObject({ kind: 'followup', authorName: null });
	});

	it('changes states and rejects unknown ones', async () => {
		const { db, tenant, ctxFor } = await setup();
		const staff = await ctxFor('coordinator');
		const r = await submitInquiry(visitor(db, tenant), form());
		await setInquiryState(staff, { inquiryId: r.id, state: 'closed' });
		const [row] = await db.select().from(inquiries).where(eq(inquiries.id, r.id));
		expect(row.state).toBe('closed');
		expect(row.closedAt).not.toBeNull();
		await expect(
			setInquiryState(staff, { inquiryId: r.id, state: 'deleted' })
		).rejects.toBeInstanceOf(ValidationError);
		await setInquiryState(staff, { inquiryId: r.id, state: 'in_progress' });
		const [again] = await db.select().from(inquiries).where(eq(inquiries.id, r.id));
		expect(again.closedAt).toBeNull();
	});

	it('keeps templates for frequent answers', async () => {
		const { ctxFor } = await setup();
		const staff = await ctxFor('coordinator');
		const { id } = await saveTemplate(staff, {
			id: null,
			title: 'Sprachkurse',
			body: 'Eine Übersicht der Sprachkurse finden Sie im Angebotsfinder.'
		});
		await saveTemplate(staff, { id, title: 'Sprachkurse (VHS)', body: 'Text' });
		expect(await listTemplates(staff)).toEqual([{ id, title: 'Sprachkurse (VHS)', body: 'Text' }]);
		await expect(saveTemplate(staff, { id: null, title: '', body: '' })).rejects.toBeInstanceOf(
			ValidationError
		);
		await deleteTemplate(staff, { id });
		expect(await listTemplates(staff)).toEqual([]);
	});
});

describe('purgeExpiredInquiries', () => {
	async function closedAgo(
		db: Database['db'],
		tenantId: string,
		staff: Awaited<ReturnType<Awaited<ReturnType<typeof setup>>['ctxFor']>>,
		days: number
	) {
		const r = await submitInquiry(visitor(db, staff.tenant), form());
		await replyToInquiry(staff, { inquiryId: r.id, reply: 'Antwort', close: 'on' });
		await db
			.update(inquiries)
			.set({ closedAt: new Date(Date.now() - days * DAY) })
			.where(eq(inquiries.id, r.id));
		return r;
	}

	it('writes the acknowledgement and the reply in the language the visitor wrote in', async () => {
		const { db, tenant, ctxFor } = await setup();
		const arabic = testTenantCtx(db, tenant, null, {
			ip: `198.51.100.${++ipCounter}`,
			locale: 'ar'
		});
		const sent = await submitInquiry(arabic, form({ email: 'sara@example.org' }));
		const staff = await ctxFor('coordinator');
		await replyToInquiry(staff, { inquiryId: sent.id, reply: 'Ja, dienstags um 18 Uhr.' });
		const mails = (await db.select().from(outbox).where(eq(outbox.tenantId, tenant.id))).filter(
			(mail) => mail.payload.to === 'sara@example.org'
		);
		expect(mails).toHaveLength(2);
		const { m } = await import('$lib/paraglide/messages');
		const footer = m.mail_footer({}, { locale: 'ar' });
		expect(footer).not.toBe(m.mail_footer({}, { locale: 'de' }));
		for (const mail of mails) {
			expect(mail.payload.text).toContain(footer);
			expect(mail.payload.text).toMatch(/[\u0600-\u06FF]/);
		}
		// a locale outside the seven falls back to German
		const other = testTenantCtx(db, tenant, null, {
			ip: `198.51.100.${++ipCounter}`,
			locale: 'xx' as never
		});
		await submitInquiry(other, form({ email: 'paul@example.org' }));
		const [german] = (await db.select().from(outbox).where(eq(outbox.tenantId, tenant.id))).filter(
			(mail) => mail.payload.to === 'paul@example.org'
		);
		expect(german.payload.text).toContain(m.mail_footer({}, { locale: 'de' }));
	});

	it('deletes the personal data of messages closed longer than 180 days, keeping statistics', async () => {
		const { db, tenant, ctxFor } = await setup();
		const staff = await ctxFor('coordinator');
		const old = await closedAgo(db, tenant.id, staff, 181);
		const recent = await closedAgo(db, tenant.id, staff, 10);
		const open = await submitInquiry(visitor(db, tenant), form());
		await db
			.update(inquiries)
			.set({ createdAt: new Date(Date.now() - 400 * DAY) })
			.where(eq(inquiries.id, open.id));

		// the mails to the sender have been sent
		await db.update(outbox).set({ status: 'sent' }).where(eq(outbox.tenantId, tenant.id));
		const [oldRow] = await db.select().from(inquiries).where(eq(inquiries.id, old.id));
		const mailsOf = async (reference: string) =>
			(await db.select().from(outbox).where(eq(outbox.tenantId, tenant.id))).filter((m) =>
				m.payload.subject.includes(reference)
			);
		expect(await mailsOf(oldRow.reference)).toHaveLength(2);

		expect(await purgeExpiredInquiries(db)).toBeGreaterThanOrEqual(1);
		expect(await mailsOf(oldRow.reference)).toHaveLength(0);
		const [recentRow] = await db.select().from(inquiries).where(eq(inquiries.id, recent.id));
		expect(await mailsOf(recentRow.reference)).toHaveLength(2);
		const [purged] = await db.select().from(inquiries).where(eq(inquiries.id, old.id));
		expect(purged).toMatchObject({
			name: null,
			email: null,
			subject: null,
			body: null,
			statusTokenHash: null,
			state: 'closed',
			kind: 'question'
		});
		expect(purged.purgedAt).not.toBeNull();
		expect(
			await db.select().from(inquiryEntries).where(eq(inquiryEntries.inquiryId, old.id))
		).toHaveLength(0);
		await expect(
			getInquiryStatus(visitor(db, tenant), { token: old.token })
		).rejects.toBeInstanceOf(NotFoundError);
		for (const keep of [recent, open]) {
			const [row] = await db.select().from(inquiries).where(eq(inquiries.id, keep.id));
			expect(row.email).toBe('maria@example.org');
			expect(row.purgedAt).toBeNull();
		}
		const stats = await inquiryStatistics(staff);
		expect(stats.find((s) => s.kind === 'question' && s.state === 'closed')?.count).toBe(2);
		// running again changes nothing
		const before = await db.select().from(inquiries).where(eq(inquiries.tenantId, tenant.id));
		await purgeExpiredInquiries(db);
		expect(await db.select().from(inquiries).where(eq(inquiries.tenantId, tenant.id))).toEqual(
			before
		);
	});

	it('follows the retention period the tenant sets', async () => {
		const { db, tenant, ctxFor } = await setup({ inquiryRetentionDays: 30 });
		const staff = await ctxFor('coordinator');
		const a = await closedAgo(db, tenant.id, staff, 31);
		const b = await closedAgo(db, tenant.id, staff, 29);
		await purgeExpiredInquiries(db);
		const rows = await db.select().from(inquiries).where(eq(inquiries.tenantId, tenant.id));
		expect(rows.find((r) => r.id === a.id)?.purgedAt).not.toBeNull();
		expect(rows.find((r) => r.id === b.id)?.purgedAt).toBeNull();
		// the time passed in decides, not the clock
		await purgeExpiredInquiries(db, new Date(Date.now() + 2 * DAY));
		const [later] = await db.select().from(inquiries).where(eq(inquiries.id, b.id));
		expect(later.purgedAt).not.toBeNull();
		const [t] = await db.select().from(tenants).where(eq(tenants.id, tenant.id));
		expect(t.settings.inquiryRetentionDays).toBe(30);
	});

	it('is a setting of the tenant: 7 to 3650 days, blank for the default', async () => {
		const { tenant, ctxFor } = await setup();
		const staff = await ctxFor('coordinator');
		expect(
			(await getTenantSettings(testTenantCtx(staff.db, tenant, staff.actor))).inquiryRetentionDays
		).toBe(180);
		const base = { offerConfirmationMonths: '6' };
		await updateTenantSettings(testTenantCtx(staff.db, tenant, staff.actor), {
			...base,
			inquiryRetentionDays: '30'
		});
		expect(
			(await getTenantSettings(testTenantCtx(staff.db, tenant, staff.actor))).inquiryRetentionDays
		).toBe(30);
		for (const bad of ['3', 'viele', '5000']) {
			const err = await updateTenantSettings(testTenantCtx(staff.db, tenant, staff.actor), {
				...base,
				inquiryRetentionDays: bad
			}).catch((e) => e);
			expect(err.fieldErrors).toEqual({
				inquiryRetentionDays: 'inquiries_error_retention_invalid'
			});
		}
		await updateTenantSettings(testTenantCtx(staff.db, tenant, staff.actor), {
			...base,
			inquiryRetentionDays: ''
		});
		expect(
			(await getTenantSettings(testTenantCtx(staff.db, tenant, staff.actor))).inquiryRetentionDays
		).toBe(180);
	});
});
