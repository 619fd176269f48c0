import { describe, expect, it } from 'vitest';
import { capturedLogger } from './testing';
import { loggablePath, redactFields } from './logger';

const capture = capturedLogger;

describe('logger redaction (issue 16)', () => {
	it('censors personal fields at the top level and in nested objects', () => {
		const { log, entries } = capture();
		log.info(
			{
				email: 'a@b.example',
				message: 'Hallo, ich bin Ayşe',
				values: { name: 'Ayşe Demir' },
				form: { name: 'Ayşe Demir', 'e-mail': 'a@b.example', phone: '0871 123' },
				inquiry: { data: { body: 'Mein Text', address: 'Altstadt 1' } },
				to: 'a@b.example',
				mailId: 'm-1'
			},
			'something'
		);
		const [e] = entries();
		const text = JSON.stringify(e);
		for (const value of ['a@b.example', 'Ayşe', 'Mein Text', 'Altstadt 1', '0871 123'])
			expect(text).not.toContain(value);
		expect(e.mailId).toBe('m-1');
		expect(e.form.name).toBe('[redacted]');
		expect(e.msg).toBe('something');
	});

	it('censors request credentials, leaves the caller’s object alone, and stops two levels down', () => {
		const { log, entries } = capture();
		const logged = {
			req: {
				headers: { cookie: 'mt_session=abc', authorization: 'Bearer x', accept: 'text/html' }
			},
			deep: { a: { b: { email: 'a@b.example' } } }
		};
		log.info(logged, 'x');
		const [e] = entries();
		expect(e.req.headers).toEqual({
			cookie: '[redacted]',
			authorization: '[redacted]',
			accept: 'text/html'
		});
		expect(logged.req.headers.cookie).toBe('mt_session=abc');
		// like the former redact paths (top level, `*.x`, `*.*.x`): three levels down is not walked
		expect(e.deep.a.b.email).toBe('a@b.example');
	});

	it('returns a log object without personal fields as it is (a request’s line costs no copy)', () => {
		const line = { method: 'GET', path: '/landshut', status: 200, ms: 3, nested: { ok: 1 } };
		expect(redactFields(line)).toBe(line);
	});

	it('censors personal fields an error carries', () => {
		const { log, entries } = capture();
		const err = Object.assign(new Error('send failed'), { to: 'a@b.example', code: 'EENVELOPE' });
		log.error({ err }, 'failed');
		const [e] = entries();
		expect(e.err.to).toBe('[redacted]');
		expect(e.err.code).toBe('EENVELOPE');
		expect(e.err.message).toBe('send failed');
	});

	it('reduces a database error to code, constraint and table', () => {
		const { log, entries } = capture();
		const cause = Object.assign(new Error('duplicate key: Key (email)=(a@b.example)'), {
			code: '23505',
			severity: 'ERROR',
			constraint: 'users_email_unique',
			table: 'users',
			detail: 'Key (email)=(a@b.example) already exists.'
		});
		const err = Object.assign(new Error('Failed query: insert …\nparams: Ayşe,a@b.example'), {
			params: ['Ayşe', 'a@b.example'],
			cause
		});
		log.error({ err }, 'failed');
		const [e] = entries();
		expect(e.err).toMatchObject({
			code: '23505',
			severity: 'ERROR',
			constraint: 'users_email_unique',
			table: 'users'
		});
		expect(JSON.stringify(e)).not.toContain('a@b.example');
		expect(JSON.stringify(e)).not.toContain('Ayşe');
	});

	it('keeps the message and stack of other errors, without e-mail addresses', () => {
		const { log, entries } = capture();
		log.error({ err: new TypeError('550 <a@b.example> mailbox unknown') }, 'failed');
		const [e] = entries();
		expect(e.err.type).toBe('TypeError');
		expect(e.err.message).toBe('550 <[e-mail]> mailbox unknown');
		expect(e.err.stack).toContain('logger.test.ts');
	});
});

describe('loggablePath', () => {
	it('replaces a secret token in the path by its name', () => {
		expect(loggablePath('/landshut/anliegen/status/abc123XYZ', { token: 'abc123XYZ' })).toBe(
			'/landshut/anliegen/status/[token]'
		);
		expect(loggablePath('/antwort/t0k3n', { token: 't0k3n' })).toBe('/antwort/[token]');
	});

	it('also replaces the percent-encoded form of a token', () => {
		expect(loggablePath('/kalender/a%20b.ics', { token: 'a b.ics' })).toBe('/kalender/[token]');
	});

	it('leaves paths without secret parameters alone', () => {
		expect(loggablePath('/landshut/angebote', { tenant: 'landshut' })).toBe('/landshut/angebote');
	});
});
