/** Delivers outbox mail to a real SMTP server (smtp-server) on a random local port. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import type { Database } from '../db/client';
import { createTestDb, testTenantCtx } from '../db/testing/test-db';
import { buildTenant, buildUser, grantRole } from '../factories';
import { loadActor } from '../auth/sessions';
import { inviteUser } from '../auth/invitations';
import { outbox } from './schema';
import { enqueueMail } from './enqueue';
import { deliverBatch } from './worker';
import { smtpTransport, type MailTransport } from './transport';

const FROM = 'Miteinander <noreply@miteinander.example>';
const REJECTED = 'abgelehnt@example.org';
const log = pino({ level: 'silent' });

interface Received {
	from: string;
	to: string[];
	raw: string;
}

let database: Database;
let server: SMTPServer;
let transport: MailTransport;
const received: Received[] = [];

beforeAll(async () => {
	database = await createTestDb();
	server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onRcptTo(address, _session, callback) {
			if (address.address === REJECTED) {
				const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
				return callback(error);
			}
			callback();
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				received.push({
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					raw: Buffer.concat(chunks).toString('latin1')
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.server.address() as AddressInfo;
	transport = smtpTransport(`smtp://127.0.0.1:${port}`);
});

afterAll(async () => {
	transport?.close?.();
	if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
	await database?.close();
});

beforeEach(async () => {
	received.length = 0;
	await database.db.delete(outbox);
});

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=) in a header value. */
function decodeHeader(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(
			/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
			(_, _charset: string, encoding: string, text: string) =>
				encoding.toUpperCase() === 'B'
					? Buffer.from(text, 'base64').toString('utf8')
					: Buffer.from(
							text
								.replace(/_/g, ' ')
								.replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) =>
									String.fromCharCode(parseInt(hex, 16))
								),
							'latin1'
						).toString('utf8')
		);
}

/** Splits a single-part message into decoded headers and body text. */
function parseMessage(raw: string): { headers: Record<string, string>; body: string } {
	const split = raw.indexOf('\r\n\r\n');
	const headers: Record<string, string> = {};
	for (const line of raw
		.slice(0, split)
		.replace(/\r\n[ \t]+/g, ' ')
		.split('\r\n')) {
		const colon = line.indexOf(':');
		headers[line.slice(0, colon).toLowerCase()] = decodeHeader(line.slice(colon + 1).trim());
	}
	let body = raw.slice(split + 4);
	const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
	if (encoding === 'quoted-printable') {
		body = Buffer.from(
			body
				.replace(/=\r\n/g, '')
				.replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
			'latin1'
		).toString('utf8');
	} else if (encoding === 'base64') {
		body = Buffer.from(body, 'base64').toString('utf8');
	} else {
		body = Buffer.from(body, 'latin1').toString('utf8');
	}
	return { headers, body: body.replace(/\r\n/g, '\n') };
}

describe('SMTP delivery', () => {
	it('delivers an invitation with recipient, subject and link', async () => {
		const tenant = await buildTenant(database.db, {
			name: 'Landkreis Günzburg – Integrationsnetz'
		});
		const user = await buildUser(database.db, { name: 'Jürgen Müller' });
		await grantRole(database.db, tenant.id, user.id, 'coordinator');
		const ctx = testTenantCtx(database.db, tenant, await loadActor(database.db, user.id));
		const { token } = await inviteUser(ctx, {
			email: 'neu@example.org',
			name: 'Ayşe Yılmaz',
			role: 'member'
		});
		const [queued] = await database.db.select().from(outbox);

		expect(await deliverBatch(database.db, transport, FROM, log)).toBe(1);

		expect(received).toHaveLength(1);
		expect(received[0].to).toEqual(['neu@example.org']);
		expect(received[0].from).toBe('noreply@miteinander.example');
		const { headers, body } = parseMessage(received[0].raw);
		expect(headers.to).toBe('neu@example.org');
		expect(headers.from).toBe(FROM);
		expect(headers.subject).toBe(queued.payload.subject);
		expect(headers.subject).toContain('Landkreis Günzburg – Integrationsnetz');
		expect(body).toContain(`http://localhost:3000/einladung/${token}`);
		expect(body).toContain('Ayşe Yılmaz');
		expect(body).toContain('Jürgen Müller');

		const [sent] = await database.db.select().from(outbox).where(eq(outbox.id, queued.id));
		expect(sent).toMatchObject({ status: 'sent', transport: 'smtp', attempts: 1, lastError: null });
	});

	it('keeps a mail the server refuses for a later attempt, with the server’s answer', async () => {
		const id = await enqueueMail(database.db, null, {
			to: REJECTED,
			subject: 'Test',
			text: 'Hallo'
		});
		expect(await deliverBatch(database.db, transport, FROM, log)).toBe(1);
		expect(received).toHaveLength(0);
		const [row] = await database.db.select().from(outbox).where(eq(outbox.id, id));
		expect(row).toMatchObject({ status: 'pending', attempts: 1, sentAt: null });
		expect(row.lastError).toContain('550');
	});
});
