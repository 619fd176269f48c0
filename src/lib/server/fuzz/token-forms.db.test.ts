/**
 * Issue 16, property-based fuzzing of the public form actions that carry a token in the address
 * (through their real server code, as public-forms.db.test.ts does for the other public forms):
 * accepting an invitation, setting a new password, cancelling a dialogue registration, answering
 * a meeting invitation, and signing out (with a session cookie instead of an address token). Each
 * submission comes with a valid token (fresh for the run) or a wrong one (unknown but well-formed,
 * empty, control characters, huge), and with generated field values. The action never fails with
 * anything but a SvelteKit answer below 500; a refused form carries messages in the visitor's
 * language; and a refused form writes nothing: neither rows (the counts of the tables the actions
 * write) nor changes (a fingerprint of the token, password, answer and registration columns).
 *
 * It also fails when a new public form action (any route outside `(app)`) appears that neither
 * this file nor public-forms.db.test.ts fuzzes.
 */
import fc from 'fast-check';
import { isActionFailure, isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import type { Database } from '../db/client';
import { createTestDb, testCtx } from '../db/testing/test-db';
import { seedDemo } from '../demo/seed';
import { createSession, loadActor } from '../auth/sessions';
import type { Actor } from '../auth/actor';
import { hashToken, newToken } from '../auth/tokens';
import { resolveRequestTenant, tenantArea } from '../tenants/resolve';
import { createLogger } from '../log/logger';
import { concretePath, routeIdOf } from '../crawl/routes';
import { formValue, fuzzSeed, isTranslatedText, messageTexts, nastyString } from './arbitraries';
import * as invitationPage from '../../../routes/(auth)/einladung/[token]/+page.server';
import * as newPasswordPage from '../../../routes/(auth)/passwort-zuruecksetzen/[token]/+page.server';
import * as signOutPage from '../../../routes/(auth)/abmelden/+page.server';
import * as cancelPage from '../../../routes/(public)/[tenant]/beteiligung/abmelden/[token]/+page.server';
import * as answerPage from '../../../routes/antwort/[token]/+page.server';

const seed = fuzzSeed('token-forms');
const RUNS = Number(process.env.FUZZ_RUNS_FORMS ?? 60);
const ORIGIN = 'http://localhost:3000';
const silentLog = createLogger(
	'fatal',
	new Writable({
		write(_c, _e, done) {
			done();
		}
	})
);

/** Tables these forms write rows to: a refused form leaves their counts as they were. */
const TABLES = [
	'users',
	'sessions',
	'invitations',
	'tenant_members',
	'editor_organizations',
	'password_resets',
	'meeting_invitations',
	'dialogue_registrations',
	'audit_log',
	'outbox'
];

/** The columns these forms change in place: a refused form leaves the fingerprint as it was. */
const FINGERPRINT = sql.raw(`SELECT md5(concat_ws('|',
	(SELECT string_agg(id || ':' || coalesce(password_hash, '') || ':' || updated_at, ',' ORDER BY id) FROM users),
	(SELECT string_agg(id || ':' || coalesce(accepted_at::text, ''), ',' ORDER BY id) FROM invitations),
	(SELECT string_agg(token_hash || ':' || coalesce(used_at::text, ''), ',' ORDER BY token_hash) FROM password_resets),
	(SELECT string_agg(id || ':' || token_hash || ':' || coalesce(response, '') || ':' || coalesce(comment, '') || ':' || coalesce(responded_at::text, ''), ',' ORDER BY id) FROM meeting_invitations),
	(SELECT string_agg(id || ':' || status || ':' || coalesce(cancelled_at::text, ''), ',' ORDER BY id) FROM dialogue_registrations),
	(SELECT string_agg(tenant_id || ':' || user_id || ':' || role, ',' ORDER BY tenant_id, user_id) FROM tenant_members)
)) AS fingerprint`);

let database: Database;
const ids: Record<string, string> = {};
let memberActor: Actor;
const tally = { inputs: 0, refused: 0, accepted: 0, validToken: 0 };
const perForm: Record<string, { inputs: number; refused: number; ms: number }> = {};

async function query<T>(q: ReturnType<typeof sql>): Promise<T[]> {
	const result = (await database.db.execute(q)) as unknown as { rows?: T[] } | T[];
	return Array.isArray(result) ? result : (result.rows ?? []);
}

async function snapshot(): Promise<Record<string, number | string>> {
	const [row] = await query<Record<string, number | string>>(
		sql.raw(`SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`)
	);
	const [print] = await query<{ fingerprint: string }>(FINGERPRINT);
	return {
		...Object.fromEntries(TABLES.map((t) => [t, Number(row[t])])),
		fingerprint: print.fingerprint
	};
}

beforeAll(async () => {
	database = await createTestDb();
	await seedDemo(database.db);
	const [member] = await query<{ id: string }>(
		sql`SELECT id::text AS id FROM users WHERE email = 'mitglied@landshut.example'`
	);
	ids.member = member.id;
	memberActor = (await loadActor(database.db, member.id))!;
	const [tenant] = await query<{ id: string }>(
		sql`SELECT id::text AS id FROM tenants WHERE slug = 'landshut'`
	);
	ids.tenant = tenant.id;
	// an invitation to a meeting still to come, whose answer link the fuzz uses
	const [invited] = await query<{ id: string; meeting: string }>(
		sql`SELECT i.id::text AS id, i.meeting_id::text AS meeting FROM meeting_invitations i
		    JOIN meetings m ON m.id = i.meeting_id JOIN users u ON u.id = i.user_id
		    WHERE m.state <> 'cancelled' AND m.state <> 'held' AND m.ends_at > now() AND u.disabled_at IS NULL
		    ORDER BY m.starts_at LIMIT 1`
	);
	expect(invited, 'the demo has an invitation to a coming meeting').toBeDefined();
	Object.assign(ids, { meetingInvitation: invited.id, meeting: invited.meeting });
	const [registration] = await query<{ id: string; slug: string }>(
		sql`SELECT r.id::text AS id, t.slug FROM dialogue_registrations r JOIN tenants t ON t.id = r.tenant_id
		    JOIN dialogues d ON d.id = r.dialogue_id WHERE t.is_public ORDER BY d.starts_at DESC LIMIT 1`
	);
	expect(registration, 'the demo has a dialogue registration').toBeDefined();
	Object.assign(ids, { registration: registration.id, registrationTenant: registration.slug });
}, 240_000);
afterAll(() => database?.close());

interface Outcome {
	status: number;
	location?: string;
	errors?: Record<string, string>;
	error?: unknown;
}

/** Calls an action as the server would: the hook's context and tenant, the form as posted. */
async function call(
	action: (event: never) => unknown,
	routeId: string,
	params: Record<string, string>,
	fields: Record<string, string | string[]>,
	sessionToken: string | null,
	ip: string,
	actor: Actor | null = null
): Promise<Outcome> {
	const url = new URL(`${ORIGIN}${concretePath(routeId, params)}`);
	const form = new FormData();
	for (const [k, v] of Object.entries(fields))
		for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
	const ctx = testCtx(database.db, actor, { ip, requestId: 'fuzz', locale: getLocale() });
	const event = {
		request: new Request(url, { method: 'POST', body: form, headers: { origin: ORIGIN } }),
		url,
		params,
		route: { id: routeId },
		locals: { ctx, actor, sessionToken, tenant: null, requestId: 'fuzz', log: silentLog },
		cookies: { get: () => undefined, getAll: () => [], set: () => {}, delete: () => {} },
		getClientAddress: () => ip,
		setHeaders: () => {}
	} as unknown as RequestEvent;
	const area = tenantArea(routeId);
	if (area && params.tenant) {
		const tenant = await resolveRequestTenant(database.db, area, params.tenant, actor);
		(event.locals as unknown as { tenant: unknown }).tenant = tenant;
		ctx.tenant = tenant;
	}
	try {
		const result = await action(event as never);
		if (isActionFailure(result)) {
			const data = result.data as unknown as { errors?: Record<string, string> } | undefined;
			return { status: result.status, errors: data?.errors ?? {} };
		}
		return { status: 200 };
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, location: e.location };
		if (isHttpError(e)) return { status: e.status };
		return { status: 500, error: e };
	}
}

interface TokenFormUnderTest {
	name: string;
	routeId: string;
	actionName: string;
	action: () => (event: never) => unknown;
	/** the address parameters for a token */
	params: (token: string) => Record<string, string>;
	fields: string[];
	/** right values the generator may put in place of a field's generated one */
	hints?: () => Record<string, string>;
	/** makes a valid token for the next submission (before the snapshot is taken) */
	fresh: (run: number) => Promise<string>;
	/** the token goes into the session cookie, not the address */
	session?: boolean;
	locales: Locale[];
}

async function freshInvitation(run: number): Promise<string> {
	const token = newToken();
	// every third one for a person who has an account (confirms with the password), else new
	const email = run % 3 === 0 ? 'mitglied@landshut.example' : `fuzz-${run}@example.org`;
	await database.db.execute(
		sql`INSERT INTO invitations (tenant_id, email, name, role, token_hash, expires_at)
		    VALUES (${ids.tenant}, ${email}, ${'Fuzz ' + run}, 'member', ${hashToken(token)}, now() + interval '1 day')`
	);
	return token;
}

const TOKEN_FORMS: TokenFormUnderTest[] = [
	{
		name: 'invitation acceptance',
		routeId: '/(auth)/einladung/[token]',
		actionName: 'default',
		action: () => invitationPage.actions.default,
		params: (token) => ({ token }),
		fields: ['password', 'passwordConfirm'],
		hints: () => ({ password: 'Ein langes Passwort 2026!' }),
		fresh: freshInvitation,
		locales: ['de', 'en']
	},
	{
		name: 'new password (reset link)',
		routeId: '/(auth)/passwort-zuruecksetzen/[token]',
		actionName: 'default',
		action: () => newPasswordPage.actions.default,
		params: (token) => ({ token }),
		fields: ['password', 'passwordConfirm'],
		hints: () => ({ password: 'Ein langes Passwort 2026!' }),
		fresh: async () => {
			const token = newToken();
			await database.db.execute(
				sql`INSERT INTO password_resets (token_hash, user_id, expires_at)
				    VALUES (${hashToken(token)}, ${ids.member}, now() + interval '1 hour')`
			);
			return token;
		},
		locales: ['de', 'en']
	},
	{
		name: 'dialogue registration cancellation',
		routeId: '/(public)/[tenant]/beteiligung/abmelden/[token]',
		actionName: 'default',
		action: () => cancelPage.actions.default,
		params: (token) => ({ tenant: ids.registrationTenant, token }),
		fields: ['token', 'status'],
		fresh: async () => {
			const token = newToken();
			await database.db.execute(
				sql`UPDATE dialogue_registrations SET cancel_token_hash = ${hashToken(token)}
				    WHERE id = ${ids.registration}`
			);
			return token;
		},
		locales: ['de', 'ar']
	},
	{
		name: 'meeting answer link',
		routeId: '/antwort/[token]',
		actionName: 'default',
		action: () => answerPage.actions.default,
		params: (token) => ({ token }),
		fields: ['response', 'comment', 'meeting'],
		hints: () => ({ response: 'yes', meeting: ids.meeting }),
		fresh: async () => {
			const token = newToken();
			await database.db.execute(
				sql`UPDATE meeting_invitations SET token_hash = ${hashToken(token)}
				    WHERE id = ${ids.meetingInvitation}`
			);
			return token;
		},
		locales: ['de', 'ar']
	},
	{
		name: 'sign-out',
		routeId: '/(auth)/abmelden',
		actionName: 'signout',
		action: () => signOutPage.actions.signout,
		params: () => ({}),
		fields: ['everywhere', 'next'],
		session: true,
		fresh: async () => (await createSession(database.db, ids.member)).token,
		locales: ['de', 'en']
	},
	{
		name: 'sign-out everywhere',
		routeId: '/(auth)/abmelden',
		actionName: 'everywhere',
		action: () => signOutPage.actions.everywhere,
		params: () => ({}),
		fields: ['next'],
		session: true,
		fresh: async () => (await createSession(database.db, ids.member)).token,
		locales: ['de', 'en']
	}
];

/** A wrong token: unknown but well-formed, empty, or hostile (control characters, huge, RTL). */
const wrongToken: fc.Arbitrary<string> = fc.oneof(
	fc.constant(''),
	fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
	nastyString,
	fc.string({ minLength: 20, maxLength: 120 })
);

const texts = { de: messageTexts('de'), en: messageTexts('en'), ar: messageTexts('ar') };

describe('token form actions under generated input', () => {
	for (const form of TOKEN_FORMS) {
		it(`${form.name}: no 5xx, messages in the visitor's language, nothing written when refused`, async () => {
			const started = Date.now();
			const stats = (perForm[form.name] = { inputs: 0, refused: 0, ms: 0 });
			await fc.assert(
				fc.asyncProperty(
					fc.record(Object.fromEntries(form.fields.map((f) => [f, formValue]))),
					fc.record(Object.fromEntries(form.fields.map((f) => [f, fc.boolean()]))),
					fc.option(wrongToken, { freq: 2 }),
					fc.constantFrom(...form.locales),
					fc.integer({ min: 1, max: 250 }),
					async (raw, useHint, wrong, locale, host) => {
						tally.inputs += 1;
						stats.inputs += 1;
						const hints = form.hints?.() ?? {};
						const fields = Object.fromEntries(
							Object.entries(raw)
								.map(([k, v]) => [k, useHint[k] && k in hints ? hints[k] : v])
								.filter(([, v]) => v !== undefined)
						) as Record<string, string | string[]>;
						// the confirmation repeats the hinted password now and then
						if (useHint.passwordConfirm && fields.password !== undefined)
							fields.passwordConfirm = fields.password;
						// a token as the router hands it over: decoded, so always well-formed text
						const token = wrong === null ? await form.fresh(tally.inputs) : wrong.toWellFormed();
						if (wrong === null) tally.validToken += 1;
						const before = await snapshot();
						const previous = getLocale;
						overwriteGetLocale(() => locale);
						let outcome: Outcome;
						try {
							outcome = await call(
								form.action(),
								form.routeId,
								form.session ? {} : form.params(token),
								fields,
								form.session ? token : null,
								`198.18.${Math.floor(tally.inputs / 250) % 250}.${host}`,
								// a valid session cookie belongs to a signed-in person; a wrong one to nobody
								form.session && wrong === null ? memberActor : null
							);
						} finally {
							overwriteGetLocale(previous);
						}
						const shown = JSON.stringify({ token: token.slice(0, 60), fields }).slice(0, 240);
						expect(outcome.error, `threw for ${shown}`).toBeUndefined();
						expect(outcome.status, `answered ${outcome.status} for ${shown}`).toBeLessThan(500);
						if (form.session) {
							// signing out always ends in the sign-out page; it ends only a known session
							expect(outcome.status, shown).toBe(303);
							const after = await snapshot();
							if (wrong !== null) expect(after, `a wrong session wrote (${shown})`).toEqual(before);
							else expect(after.sessions).toBeLessThan(before.sessions as number);
							return;
						}
						const refused = outcome.errors !== undefined || outcome.status >= 400;
						if (!refused) {
							expect(wrong, `accepted a wrong token (${shown})`).toBeNull();
							tally.accepted += 1;
							return;
						}
						tally.refused += 1;
						stats.refused += 1;
						for (const [field, message] of Object.entries(outcome.errors ?? {}))
							expect(
								isTranslatedText(message, texts[locale as 'de' | 'en' | 'ar']),
								`${field}: "${message}" is no ${locale} message (input ${shown})`
							).toBe(true);
						expect(await snapshot(), `a refused form wrote (input ${shown})`).toEqual(before);
					}
				),
				{ seed, numRuns: RUNS }
			);
			stats.ms = Date.now() - started;
		}, 120_000);
	}

	it('counts its inputs', () => {
		console.log(
			`[fuzz] token forms: ${TOKEN_FORMS.length} actions, ${tally.inputs} generated submissions (${tally.validToken} with a valid token; ${tally.refused} refused, ${tally.accepted} accepted)\n` +
				Object.entries(perForm)
					.map(([n, s]) => `  ${n}: ${s.inputs} inputs, ${s.refused} refused, ${s.ms} ms`)
					.join('\n')
		);
		expect(tally.inputs).toBeGreaterThanOrEqual(TOKEN_FORMS.length * RUNS);
		expect(tally.refused).toBeGreaterThan(0);
		expect(tally.accepted).toBeGreaterThan(0);
	});
});

/** The public form actions public-forms.db.test.ts fuzzes (route id and action name). */
const FUZZED_ELSEWHERE = [
	'/(public)/[tenant]/anliegen#default',
	'/(public)/[tenant]/anliegen/status/[token]#default',
	'/(public)/[tenant]/beteiligung/[id]#contribute',
	'/(public)/[tenant]/beteiligung/[id]#support',
	'/(public)/[tenant]/beteiligung/[id]#comment',
	'/(public)/[tenant]/beteiligung/[id]/dialoge/[dialogue]#default',
	'/(auth)/anmelden#default',
	'/(auth)/passwort-vergessen#default'
];

describe('coverage of the public form actions', () => {
	it('every form action outside the signed-in area is fuzzed', async () => {
		const pages = import.meta.glob<{ actions?: Record<string, unknown> }>(
			'/src/routes/**/+page.server.ts'
		);
		const fuzzed = new Set([
			...FUZZED_ELSEWHERE,
			...TOKEN_FORMS.map((f) => `${f.routeId}#${f.actionName}`)
		]);
		const found: string[] = [];
		for (const [file, load] of Object.entries(pages)) {
			const routeId = routeIdOf(file);
			if (routeId.startsWith('/(app)/')) continue;
			const { actions } = await load();
			for (const name of Object.keys(actions ?? {})) found.push(`${routeId}#${name}`);
		}
		expect(found.length).toBeGreaterThanOrEqual(fuzzed.size - 1);
		const missing = found.filter((a) => !fuzzed.has(a));
		expect(
			missing,
			'public form actions without a fuzz test (add them to TOKEN_FORMS or FORMS)'
		).toEqual([]);
	}, 60_000);
});
