import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import type { Database } from '../db/client';
import { createTestDb, testTenantCtx } from '../db/testing/test-db';
import { buildTenant, buildUser, grantRole } from '../factories';
import { loadActor } from '../auth/sessions';
import { NotFoundError, ValidationError } from '../errors';
import { auditLog } from '../audit/schema';
import { outbox } from '../mail/schema';
import { dataArchive } from '../privacy/archive';
import { inquiries, inquiryEntries } from './schema';
import { eraseSenderMessages, senderMessages } from './sender-requests';

let database: Database;
beforeAll(async () => {
	database = await createTestDb();
});
afterAll(() => database?.close());

const SENDER = 'Sender.Person@Example.org';

async function message(tenantId: string, reference: string, email = SENDER) {
	const [row] = await database.db
		.insert(inquiries)
		.values({
			tenantId,
			reference,
			kind: 'question',
			body: `Text ${reference}`,
			name: 'Sina Sender',
			email,
			consentVersion: '1',
			consentAt: new Date()
		})
		.returning();
	await database.db.insert(inquiryEntries).values([
		{
			tenantId,
			inquiryId: row.id,
			kind: 'reply',
			body: `Antwort ${reference}`,
			authorLabel: 'Kim'
		},
		{ tenantId, inquiryId: row.id, kind: 'note', body: `Interne Notiz ${reference}` }
	]);
	await database.db.insert(outbox).values({
		tenantId,
		payload: { to: email.toLowerCase(), subject: `Ihr Anliegen ${reference}`, text: 'Hallo' },
		status: 'sent'
	});
	return row;
}

describe('a sender’s access and erasure request', () => {
	let alpha: Awaited<ReturnType<typeof buildTenant>>;
	let beta: Awaited<ReturnType<typeof buildTenant>>;
	let coordinator: NonNullable<Awaited<ReturnType<typeof loadActor>>>;
	let member: NonNullable<Awaited<ReturnType<typeof loadActor>>>;
	beforeAll(async () => {
		const db = database.db;
		alpha = await buildTenant(db, { name: 'Stadt Alpha' });
		beta = await buildTenant(db, { name: 'Stadt Beta' });
		const c = await buildUser(db);
		await grantRole(db, alpha.id, c.id, 'coordinator');
		coordinator = (await loadActor(db, c.id))!;
		const mb = await buildUser(db);
		await grantRole(db, alpha.id, mb.id, 'member');
		member = (await loadActor(db, mb.id))!;
		await message(alpha.id, 'A-1');
		await message(alpha.id, 'A-2');
		await message(alpha.id, 'A-3', 'someone.else@example.org');
		await message(beta.id, 'B-1');
	});

	it("exports the tenant's messages from the address (any case) with replies, without notes", async () => {
		const ctx = testTenantCtx(database.db, alpha, coordinator);
		const found = await senderMessages(ctx, { email: ' sender.person@EXAMPLE.org ' });
		expect(found.email).toBe('sender.person@example.org');
		expect(found.messages.map((r) => r.reference)).toEqual(['A-1', 'A-2']);
		expect(found.messages[0]).toMatchObject({ name: 'Sina Sender', body: 'Text A-1' });
		expect(found.entries.map((r) => r.body)).toEqual(['Antwort A-1', 'Antwort A-2']);
		expect(JSON.stringify(found)).not.toContain('Interne Notiz');
		expect(JSON.stringify(found)).not.toContain('B-1');

		// the archive holds the JSON and a CSV table per part
		const files = unzipSync(
			dataArchive('auskunft', found, { messages: found.messages, replies: found.entries })
		);
		expect(Object.keys(files).sort()).toEqual(['auskunft.json', 'messages.csv', 'replies.csv']);
		const csv = strFromU8(files['messages.csv']);
		expect(csv.split('\r\n')[0]).toContain('reference;kind;subject;body;name;email');
		expect(csv).toContain('A-2;question;;Text A-2;Sina Sender;Sender.Person@Example.org');
		expect(JSON.parse(strFromU8(files['auskunft.json'])).messages).toHaveLength(2);
	});

	it('refuses anyone but the coordinator and a bad address', async () => {
		await expect(
			senderMessages(testTenantCtx(database.db, alpha, member), { email: SENDER })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			senderMessages(testTenantCtx(database.db, beta, coordinator), { email: SENDER })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			eraseSenderMessages(testTenantCtx(database.db, alpha, member), {
				email: SENDER,
				confirm: 'on'
			})
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			senderMessages(testTenantCtx(database.db, alpha, coordinator), { email: 'kein' })
		).rejects.toEqual(new ValidationError({ email: 'privacy_sender_email_invalid' }));
		await expect(
			eraseSenderMessages(testTenantCtx(database.db, alpha, coordinator), { email: SENDER })
		).rejects.toEqual(new ValidationError({ confirm: 'privacy_erasure_confirm_required' }));
	});

	it("erases the personal data of the tenant's messages only, and audits the count", async () => {
		const db = database.db;
		const ctx = testTenantCtx(db, alpha, coordinator);
		expect(await eraseSenderMessages(ctx, { email: SENDER, confirm: 'on' })).toBe(2);

		const rows = await db.select().from(inquiries).orderBy(inquiries.reference);
		expect(rows.map((r) => [r.reference, r.email, r.name, r.body, r.purgedAt !== null])).toEqual([
			['A-1', null, null, null, true],
			['A-2', null, null, null, true],
			['A-3', 'someone.else@example.org', 'Sina Sender', 'Text A-3', false],
			['B-1', SENDER, 'Sina Sender', 'Text B-1', false]
		]);
		expect((await db.select().from(inquiryEntries)).map((r) => r.body).sort()).toEqual([
			'Antwort A-3',
			'Antwort B-1',
			'Interne Notiz A-3',
			'Interne Notiz B-1'
		]);
		const mails = await db.select().from(outbox);
		expect(mails.map((r) => r.tenantId).sort()).toEqual([alpha.id, beta.id].sort());
		const [entry] = await db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'inquiry.sender_erase'));
		expect(entry).toMatchObject({ tenantId: alpha.id, actorId: coordinator.userId });
		expect(entry.after).toEqual({ messages: 2 });
		expect(
			await db
				.select()
				.from(auditLog)
				.where(sql`lower(${auditLog.after}::text) LIKE '%sender.person%'`)
		).toEqual([]);
		// nothing left to find
		expect((await senderMessages(ctx, { email: SENDER })).messages).toEqual([]);
	});
});
