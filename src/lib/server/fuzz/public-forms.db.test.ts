/**
 * Issue 16, property-based fuzzing of the public form actions through their real server code
 * (the SvelteKit action with a request event as the server hook builds it): the message form,
 * its status page's follow-up, a participation contribution, its support and comment, a dialogue registration, a body's
 * join request, sign-in and the password-reset request. For generated field values (control
 * characters, NUL, RTL marks, huge strings, far-out dates, unicode, lists instead of texts) the
 * action never fails with anything but a SvelteKit answer below 500; a refused form carries
 * messages in the visitor's language (German and Arabic, or English in the signed-in area); and a
 * refused form writes nothing (the row counts of the forms' tables stay as they were).
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
import { loadActor } from '../auth/sessions';
import type { Actor } from '../auth/actor';
import { resolveRequestTenant, tenantArea } from '../tenants/resolve';
import { createLogger } from '../log/logger';
import { issueChallenge } from '../inquiries/spam';
import { concretePath } from '../crawl/routes';
import { formValue, fuzzSeed, isTranslatedText, messageTexts } from './arbitraries';
import * as inquiryPage from '../../../routes/(public)/[tenant]/anliegen/+page.server';
import * as statusPage from '../../../routes/(public)/[tenant]/anliegen/status/[token]/+page.server';
import * as processPage from '../../../routes/(public)/[tenant]/beteiligung/[id]/+page.server';
import * as dialoguePage from '../../../routes/(public)/[tenant]/beteiligung/[id]/dialoge/[dialogue]/+page.server';
import * as bodyPage from '../../../routes/(app)/app/[tenant]/gremien/[body]/+page.server';
import * as signInPage from '../../../routes/(auth)/anmelden/+page.server';
import * as resetPage from '../../../routes/(auth)/passwort-vergessen/+page.server';

const seed = fuzzSeed('public-forms');
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

/** Tables a public form writes to: a refused form leaves all of them as they were. */
const TABLES = [
	'inquiries',
	'inquiry_entries',
	'contributions',
	'contribution_comments',
	'contribution_supports',
	'dialogue_registrations',
	'body_join_requests',
	'password_resets',
	'users',
	'sessions',
	'outbox',
	'redeemed_challenges'
];

let database: Database;
const ids: Record<string, string> = {};
let member: Actor;
let statusToken = '';
const tally = { inputs: 0, refused: 0, accepted: 0 };

async function query<T>(q: ReturnType<typeof sql>): Promise<T[]> {
	const result = (await database.db.execute(q)) as unknown as { rows?: T[] } | T[];
	return Array.isArray(result) ? result : (result.rows ?? []);
}

async function counts(): Promise<Record<string, number>> {
	const [row] = await query<Record<string, number | string>>(
		sql.raw(`SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`)
	);
	return Object.fromEntries(TABLES.map((t) => [t, Number(row[t])]));
}

beforeAll(async () => {
	database = await createTestDb();
	const db = database.db;
	await seedDemo(db);
	const [dialogue] = await query<{ id: string; process: string; slug: string }>(
		sql`SELECT d.id::text AS id, d.process_id::text AS process, t.slug FROM dialogues d
		    JOIN consultation_processes p ON p.id = d.process_id JOIN tenants t ON t.id = d.tenant_id
		    WHERE p.status = 'published' AND t.is_public ORDER BY d.starts_at DESC LIMIT 1`
	);
	Object.assign(ids, { dialogue: dialogue.id, process: dialogue.process, slug: dialogue.slug });
	const [body] = await query<{ id: string }>(
		sql`SELECT b.id::text AS id FROM bodies b JOIN tenants t ON t.id = b.tenant_id WHERE t.slug = 'landshut' AND b.archived_at IS NULL LIMIT 1`
	);
	ids.body = body.id;
	const [contribution] = await query<{ id: string }>(
		sql`SELECT id::text AS id FROM contributions WHERE process_id = ${ids.process} AND status = 'published' LIMIT 1`
	);
	ids.contribution = contribution?.id ?? '';
	const [user] = await query<{ id: string }>(
		sql`SELECT id::text AS id FROM users WHERE email = 'mitglied@landshut.example'`
	);
	member = (await loadActor(db, user.id))!;
	// a message of a visitor, for its status page's follow-up form
	const sent = await call(
		inquiryPage.actions.default,
		'/(public)/[tenant]/anliegen',
		{
			tenant: 'landshut'
		},
		{
			kind: 'question',
			body: 'Wann beginnt der nächste Deutschkurs?',
			consent: 'on',
			challenge: issueChallenge(new Date(Date.now() - 60_000))
		},
		null,
		'198.51.100.1'
	);
	const location = sent.location ?? '';
	statusToken = /status\/([^/?]+)/.exec(location)?.[1] ?? '';
	expect(statusToken, `the message form answered ${JSON.stringify(sent)}`).not.toBe('');
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
	actor: Actor | null,
	ip: string
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
		locals: { ctx, actor, sessionToken: null, tenant: null, requestId: 'fuzz', log: silentLog },
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

interface FormUnderTest {
	name: string;
	routeId: string;
	action: () => (event: never) => unknown;
	params: () => Record<string, string>;
	fields: string[];
	/** spam-checked: a fresh challenge per submission, so that the fields get checked */
	challenge?: boolean;
	actor?: () => Actor;
	/** right values the generator may put in place of a field's generated one */
	hints?: () => Record<string, string>;
	locales: Locale[];
}

const FORMS: FormUnderTest[] = [
	{
		name: 'message form',
		routeId: '/(public)/[tenant]/anliegen',
		action: () => inquiryPage.actions.default,
		params: () => ({ tenant: 'landshut' }),
		fields: ['kind', 'subject', 'body', 'name', 'email', 'consent'],
		challenge: true,
		locales: ['de', 'ar']
	},
	{
		name: 'message status follow-up',
		routeId: '/(public)/[tenant]/anliegen/status/[token]',
		action: () => statusPage.actions.default,
		params: () => ({ tenant: 'landshut', token: statusToken }),
		fields: ['body'],
		locales: ['de', 'ar']
	},
	{
		name: 'participation contribution',
		routeId: '/(public)/[tenant]/beteiligung/[id]',
		action: () => processPage.actions.contribute,
		params: () => ({ tenant: ids.slug, id: ids.process }),
		fields: [
			'body',
			'fieldOfActionId',
			'targetGroup',
			'municipalityId',
			'dialogueId',
			'language',
			'authorName',
			'consent'
		],
		challenge: true,
		locales: ['de', 'ar']
	},
	{
		name: 'participation support',
		routeId: '/(public)/[tenant]/beteiligung/[id]',
		action: () => processPage.actions.support,
		params: () => ({ tenant: ids.slug, id: ids.process }),
		fields: ['id'],
		hints: () => ({ id: ids.contribution }),
		locales: ['de', 'ar']
	},
	{
		name: 'participation comment',
		routeId: '/(public)/[tenant]/beteiligung/[id]',
		action: () => processPage.actions.comment,
		params: () => ({ tenant: ids.slug, id: ids.process }),
		fields: ['id', 'body', 'authorName', 'consent'],
		hints: () => ({ id: ids.contribution }),
		challenge: true,
		locales: ['de', 'ar']
	},
	{
		name: 'dialogue registration',
		routeId: '/(public)/[tenant]/beteiligung/[id]/dialoge/[dialogue]',
		action: () => dialoguePage.actions.default,
		params: () => ({ tenant: ids.slug, id: ids.process, dialogue: ids.dialogue }),
		fields: ['name', 'email', 'consent'],
		challenge: true,
		locales: ['de', 'ar']
	},
	{
		name: 'join request',
		routeId: '/(app)/app/[tenant]/gremien/[body]',
		action: () => bodyPage.actions.join,
		params: () => ({ tenant: 'landshut', body: ids.body }),
		fields: ['message', 'organizationId'],
		actor: () => member,
		locales: ['de', 'en']
	},
	{
		name: 'sign-in',
		routeId: '/(auth)/anmelden',
		action: () => signInPage.actions.default,
		params: () => ({}),
		fields: ['email', 'password'],
		locales: ['de', 'en']
	},
	{
		name: 'password reset request',
		routeId: '/(auth)/passwort-vergessen',
		action: () => resetPage.actions.default,
		params: () => ({}),
		fields: ['email'],
		locales: ['de', 'en']
	}
];

const texts = { de: messageTexts('de'), en: messageTexts('en'), ar: messageTexts('ar') };

describe('public form actions under generated input', () => {
	for (const form of FORMS) {
		it(`${form.name}: no 5xx, messages in the visitor's language, nothing written when refused`, async () => {
			await fc.assert(
				fc.asyncProperty(
					fc.record(Object.fromEntries(form.fields.map((f) => [f, formValue]))),
					fc.record(Object.fromEntries(form.fields.map((f) => [f, fc.boolean()]))),
					fc.constantFrom(...form.locales),
					fc.integer({ min: 1, max: 250 }),
					async (raw, useHint, locale, host) => {
						tally.inputs += 1;
						const hints = form.hints?.() ?? {};
						const fields = Object.fromEntries(
							Object.entries(raw)
								.map(([k, v]) => [k, useHint[k] && k in hints ? hints[k] : v])
								.filter(([, v]) => v !== undefined)
						) as Record<string, string | string[]>;
						if (form.challenge) {
							fields.challenge = issueChallenge(new Date(Date.now() - 60_000));
							fields.website = '';
						}
						const before = await counts();
						const previous = getLocale;
						overwriteGetLocale(() => locale);
						let outcome: Outcome;
						try {
							outcome = await call(
								form.action(),
								form.routeId,
								form.params(),
								fields,
								form.actor?.() ?? null,
								`203.0.${Math.floor(tally.inputs / 250) % 250}.${host}`
							);
						} finally {
							overwriteGetLocale(previous);
						}
						const shown = JSON.stringify(fields).slice(0, 200);
						expect(outcome.error, `threw for ${shown}`).toBeUndefined();
						expect(outcome.status, `answered ${outcome.status} for ${shown}`).toBeLessThan(500);
						const refused = outcome.errors !== undefined || outcome.status >= 400;
						if (!refused) {
							tally.accepted += 1;
							return;
						}
						tally.refused += 1;
						for (const [field, message] of Object.entries(outcome.errors ?? {}))
							expect(
								isTranslatedText(message, texts[locale as 'de' | 'en' | 'ar']),
								`${field}: "${message}" is no ${locale} message (input ${shown})`
							).toBe(true);
						expect(await counts(), `a refused form wrote rows (input ${shown})`).toEqual(before);
					}
				),
				{ seed, numRuns: RUNS }
			);
		}, 120_000);
	}

	it('counts its inputs', () => {
		console.log(
			`[fuzz] public forms: ${FORMS.length} forms, ${tally.inputs} generated submissions (${tally.refused} refused, ${tally.accepted} accepted)`
		);
		expect(tally.inputs).toBeGreaterThanOrEqual(FORMS.length * RUNS);
		expect(tally.refused).toBeGreaterThan(0);
	});
});
