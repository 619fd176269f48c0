/**
 * Issue 16: when the database refuses a citizen's message, the log must not hold the submitted
 * name, e-mail address or text (drizzle and postgres errors carry the query parameters), and
 * the answer must not either.
 */
import { sql } from 'drizzle-orm';
import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { useTestDb, testTenantCtx } from '../db/testing/test-db';
import { buildTenant } from '../factories';
import { issueChallenge } from '../inquiries/spam';
import { capturedLogger } from './testing';
import { actions } from '../../../routes/(public)/[tenant]/anliegen/+page.server';
import { handleError } from '../../../hooks.server';

const database = useTestDb();

const SUBMITTED = {
	name: 'Zofia Wiśniewska-Testperson',
	email: 'zofia.wisniewska@beispiel-mail.example',
	body: 'Mein Sohn Jakub braucht einen Kitaplatz in der Schillerstraße 17.'
};

describe('a submission of the public message form that the database refuses', () => {
	it('logs code, constraint and table, but no name, e-mail address or text', async () => {
		const db = database.db;
		const tenant = await buildTenant(db);
		// The database refuses every new message (as it would a row breaking a constraint).
		await db.execute(
			sql.raw('ALTER TABLE inquiries ADD CONSTRAINT test_refuses_rows CHECK (false) NOT VALID')
		);
		const { log, output: logged } = capturedLogger();
		const form = new FormData();
		for (const [k, v] of Object.entries({
			kind: 'question',
			subject: 'Kitaplatz',
			...SUBMITTED,
			consent: 'on',
			website: '',
			challenge: issueChallenge(new Date(Date.now() - 60_000), 8)
		}))
			form.set(k, v);
		const url = new URL(`https://miteinander.example/${tenant.slug}/anliegen`);
		const event = {
			request: new Request(url, { method: 'POST', body: form }),
			url,
			params: { tenant: tenant.slug },
			route: { id: '/(public)/[tenant]/anliegen' },
			locals: {
				ctx: testTenantCtx(db, tenant, null, { ip: '198.51.100.7' }),
				log: log.child({ requestId: 'r-1' }),
				requestId: 'r-1'
			}
		} as unknown as RequestEvent & Parameters<typeof actions.default>[0];

		const error = await Promise.resolve()
			.then(() => actions.default(event))
			.then(
				() => null,
				(e: unknown) => e
			);
		expect(error).toBeInstanceOf(Error);
		const answer = await handleError({
			error,
			event,
			status: 500,
			message: 'Internal Error'
		} as Parameters<typeof handleError>[0]);

		const output = logged();
		expect(output).toContain('unhandled error');
		expect(output).toContain('23514'); // check_violation
		expect(output).toContain('test_refuses_rows');
		expect(output).toContain('inquiries');
		for (const value of Object.values(SUBMITTED)) {
			expect(output).not.toContain(value);
			expect(JSON.stringify(answer)).not.toContain(value);
		}
		expect(output.toLowerCase()).not.toContain('zofia');
		expect(output).not.toContain('Kitaplatz');
	});
});
