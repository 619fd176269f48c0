/**
 * A network's own single sign-on, end to end through the route handlers (start, the real
 * provider's pages, callback, sign-out) against a real OpenID Connect provider
 * (testing/oidc-provider.ts), next to the platform's provider from the environment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { isRedirect, type Cookies } from '@sveltejs/kit';
import { rowsOf, type Database } from '../db/client';
import { createTestDb } from '../db/testing/test-db';
import { actorCtx } from '../db/testing/test-actors';
import { buildTenant, buildUser, grantRole } from '../factories';
import { auditLog } from '../audit/schema';
import type { TenantCtx } from '../context';
import { ValidationError } from '../errors';
import { resetEnv } from '../env';
import { SecretsKeyMissingError, decryptSecret, encryptSecret } from '../shared/secrets';
import { invitations, tenantMembers, tenantSsoProviders, users } from './schema';
import { beginOidcSignIn, completeOidcSignIn, discoverProvider } from './oidc';
import {
	getTenantSso,
	removeTenantSso,
	saveTenantSso,
	tenantSecretsKept,
	tenantSsoSettings
} from './tenant-sso';
import { SESSION_COOKIE } from './sessions';
import {
	PROVIDER_SIGN_OUT_COOKIE,
	SSO_ID_TOKEN_COOKIE,
	SSO_PENDING_COOKIE,
	SSO_TENANT_COOKIE
} from './sso';
import { signInAtProvider, startTestProvider, type TestProvider } from './testing/oidc-provider';
import * as networkStart from '../../../routes/(auth)/anmelden/sso/netzwerk/[slug]/+server';
import * as networkCallback from '../../../routes/(auth)/anmelden/sso/netzwerk/[slug]/callback/+server';
import * as platformStart from '../../../routes/(auth)/anmelden/sso/+server';
import * as platformCallback from '../../../routes/(auth)/anmelden/sso/callback/+server';
import * as signOutPage from '../../../routes/(auth)/abmelden/+page.server';
import * as signInPage from '../../../routes/(auth)/anmelden/+page.server';

const APP = 'http://app.test';
const SLUG = 'sso-netz';
const NETWORK_CALLBACK = `${APP}/anmelden/sso/netzwerk/${SLUG}/callback`;
const PLATFORM_CALLBACK = `${APP}/anmelden/sso/callback`;
const KEY = 'test-secrets-key-0123456789-0123456789';

let database: Database;
let provider: TestProvider;
let network: { id: string; slug: string };
let other: { id: string; slug: string };
let coordinator: TenantCtx;
const logs: unknown[] = [];
const log = {
	info: (...args: unknown[]) => logs.push(args),
	warn: (...args: unknown[]) => logs.push(args),
	error: (...args: unknown[]) => logs.push(args),
	debug: (...args: unknown[]) => logs.push(args)
};

const ENV_KEYS = [
	'OIDC_ISSUER',
	'OIDC_CLIENT_ID',
	'OIDC_CLIENT_SECRET',
	'OIDC_ROLE_CLAIM',
	'OIDC_ROLE_MAP',
	'OIDC_NAME',
	'SECRETS_KEY'
] as const;
const savedEnv: Partial<Record<(typeof ENV_KEYS)[number], string>> = {};

beforeAll(async () => {
	database = await createTestDb();
	network = await buildTenant(database.db, { slug: SLUG, name: 'SSO-Netz' });
	other = await buildTenant(database.db, { slug: 'andere-stadt', name: 'Andere Stadt' });
	coordinator = await actorCtx(database.db, network as never, 'coordinator');
	// Nina: a member of the network alone; Mia: of both networks; Ada: platform administrator
	const nina = await buildUser(database.db, { email: 'nina@example.org', name: 'Nina Netz' });
	await grantRole(database.db, network.id, nina.id, 'member');
	const mia = await buildUser(database.db, { email: 'mia@example.org', name: 'Mia Mehrfach' });
	await grantRole(database.db, network.id, mia.id, 'member');
	await grantRole(database.db, other.id, mia.id, 'member');
	await buildUser(database.db, { email: 'ada@example.org', isPlatformAdmin: true });
	// open invitations: one of the network, one of the other network
	const expiresAt = new Date(Date.now() + 86_400_000);
	await database.db.insert(invitations).values([
		{
			tenantId: network.id,
			email: 'ivo@example.org',
			name: 'Ivo Eingeladen',
			role: 'editor',
			tokenHash: 'h-ivo',
			expiresAt
		},
		{
			tenantId: other.id,
			email: 'otto@example.org',
			name: 'Otto Anderswo',
			role: 'coordinator',
			tokenHash: 'h-otto',
			expiresAt
		}
	]);
	const groups = ['netz-koordination', 'andere-koordination'];
	provider = await startTestProvider(
		{
			nina: { email: 'nina@example.org', email_verified: true, name: 'Nina', groups },
			mia: { email: 'mia@example.org', email_verified: true, name: 'Mia', groups },
			ada: { email: 'ada@example.org', email_verified: true, name: 'Ada', groups },
			ivo: { email: 'ivo@example.org', email_verified: true, name: 'Ivo' },
			otto: { email: 'otto@example.org', email_verified: true, name: 'Otto' }
		},
		[NETWORK_CALLBACK, PLATFORM_CALLBACK],
		`${APP}/abmelden?done`
	);
	// the platform's provider (environment): the same test provider, other role map; the previous
	// values come back after the file (other test files share this process)
	for (const key of ENV_KEYS) savedEnv[key] = process.env[key];
	Object.assign(process.env, {
		OIDC_ISSUER: provider.issuer,
		OIDC_CLIENT_ID: provider.clientId,
		OIDC_CLIENT_SECRET: provider.clientSecret,
		OIDC_ROLE_CLAIM: 'groups',
		OIDC_ROLE_MAP: 'andere-koordination=andere-stadt:coordinator',
		OIDC_NAME: 'Land-Konto',
		SECRETS_KEY: KEY
	});
	resetEnv();
});
afterAll(async () => {
	for (const key of ENV_KEYS) {
		if (savedEnv[key] === undefined) delete process.env[key];
		else process.env[key] = savedEnv[key];
	}
	resetEnv();
	await provider?.close();
	await database?.close();
});

function fakeCookies(initial: Record<string, string> = {}) {
	const jar = new Map(Object.entries(initial));
	return {
		jar,
		get: (name: string) => jar.get(name),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set: (name: string, value: string) => void jar.set(name, value),
		delete: (name: string) => void jar.delete(name),
		serialize: () => ''
	} as unknown as Cookies & { jar: Map<string, string> };
}

/** Where a handler sends the browser (it throws SvelteKit's redirect). */
async function redirectOf(run: () => unknown): Promise<string> {
	try {
		await run();
	} catch (e) {
		if (isRedirect(e)) return e.location;
		throw e;
	}
	throw new Error('no redirect');
}

function event(url: string, cookies: Cookies, params: Record<string, string> = {}) {
	return {
		url: new URL(url),
		cookies,
		params,
		locals: { ctx: { db: database.db }, log, actor: null, sessionToken: null }
	} as never;
}

/** The whole round trip through the routes; returns where the app finally sends the browser. */
async function signInThrough(kind: 'network' | 'platform', account: string) {
	const cookies = fakeCookies();
	const params: Record<string, string> = kind === 'network' ? { slug: SLUG } : {};
	const start = kind === 'network' ? networkStart.GET : platformStart.GET;
	const callback = kind === 'network' ? networkCallback.GET : platformCallback.GET;
	const base = kind === 'network' ? `${APP}/anmelden/sso/netzwerk/${SLUG}` : `${APP}/anmelden/sso`;
	const toProvider = await redirectOf(() =>
		start(event(`${base}?next=/app/${SLUG}`, cookies, params))
	);
	expect(toProvider.startsWith(provider.issuer)).toBe(true);
	expect(cookies.jar.has(SSO_PENDING_COOKIE)).toBe(true);
	const back = await signInAtProvider(
		new URL(toProvider),
		account,
		kind === 'network' ? NETWORK_CALLBACK : PLATFORM_CALLBACK
	);
	const location = await redirectOf(() => callback(event(back.href, cookies, params)));
	return { location, cookies };
}

async function rolesOf(email: string) {
	return database.db
		.select({ tenantId: tenantMembers.tenantId, role: tenantMembers.role })
		.from(tenantMembers)
		.innerJoin(users, eq(users.id, tenantMembers.userId))
		.where(eq(users.email, email))
		.orderBy(tenantMembers.tenantId);
}

const settingsForm = {
	label: 'Stadtverwaltung',
	issuer: '',
	clientId: '',
	clientSecret: '',
	roleClaim: 'groups',
	roleMap: 'netz-koordination=coordinator\nnetz=member'
};

describe("a network's own sign-on", () => {
	it('is kept by the coordinator with the client secret encrypted, never shown or audited', async () => {
		await saveTenantSso(
			coordinator,
			{
				...settingsForm,
				issuer: provider.issuer,
				clientId: provider.clientId,
				clientSecret: provider.clientSecret
			},
			KEY
		);
		const [row] = await database.db.select().from(tenantSsoProviders);
		expect(row).toMatchObject({
			tenantId: network.id,
			issuer: provider.issuer,
			label: 'Stadtverwaltung'
		});
		expect(row.roleMap).toEqual([
			{ value: 'netz-koordination', role: 'coordinator' },
			{ value: 'netz', role: 'member' }
		]);
		// at rest: not the secret, but what decrypts to it (with the key, for this network only)
		const rowText = JSON.stringify(
			rowsOf(await database.db.execute(sql`SELECT * FROM tenant_sso_providers`))
		);
		expect(rowText).not.toContain(provider.clientSecret);
		expect(row.clientSecretEncrypted).toMatch(/^v1\./);
		expect(decryptSecret(row.clientSecretEncrypted!, network.id, KEY)).toBe(provider.clientSecret);
		expect(() => decryptSecret(row.clientSecretEncrypted!, other.id, KEY)).toThrow();
		expect(() => decryptSecret(row.clientSecretEncrypted!, network.id, `${KEY}x`)).toThrow();
		// the settings page learns only that a secret is set
		const view = await getTenantSso(coordinator);
		expect(view).toMatchObject({
			secretSet: true,
			roleMap: 'netz-koordination=coordinator\nnetz=member'
		});
		expect(JSON.stringify(view)).not.toContain(provider.clientSecret);
		// saving again with a blank secret keeps it
		await saveTenantSso(
			coordinator,
			{ ...settingsForm, issuer: provider.issuer, clientId: provider.clientId },
			KEY
		);
		const [kept] = await database.db.select().from(tenantSsoProviders);
		expect(kept.clientSecretEncrypted).toBe(row.clientSecretEncrypted);
		const audits = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.tenantId, network.id), eq(auditLog.action, 'tenant.sso_update')));
		expect(audits).toHaveLength(2);
		expect(audits[0].after).toMatchObject({ clientSecretSet: true });
		expect(JSON.stringify(audits)).not.toContain(provider.clientSecret);
		expect(JSON.stringify(audits)).not.toContain(row.clientSecretEncrypted!);
	});

	it('is refused to others, and refuses a role map naming another network or a bad issuer', async () => {
		for (const role of ['member', 'editor', 'other'] as const) {
			const ctx = await actorCtx(database.db, network as never, role, { other: other as never });
			await expect(getTenantSso(ctx)).rejects.toThrow('not found');
			await expect(
				saveTenantSso(ctx, { ...settingsForm, issuer: provider.issuer, clientId: 'x' }, KEY)
			).rejects.toThrow('not found');
		}
		const refused = (form: Record<string, string>) =>
			saveTenantSso(
				coordinator,
				{ ...settingsForm, issuer: provider.issuer, clientId: 'x', ...form },
				KEY
			).then(
				() => null,
				(e: ValidationError) => e.fieldErrors
			);
		expect(await refused({ roleMap: 'andere-koordination=andere-stadt:coordinator' })).toEqual({
			roleMap: 'tenant_sso_error_role_map'
		});
		expect(await refused({ roleMap: 'admins=platform-admin' })).toEqual({
			roleMap: 'tenant_sso_error_role_map'
		});
		expect(await refused({ issuer: 'http://id.example.de/realm' })).toEqual({
			issuer: 'tenant_sso_error_issuer'
		});
		// the stored settings did not change
		expect((await getTenantSso(coordinator))?.clientId).toBe(provider.clientId);
	});

	it('signs in a member of the network alone through the routes and gives the mapped role there only', async () => {
		const { location, cookies } = await signInThrough('network', 'nina');
		expect(location).toBe(`/app/${SLUG}`);
		expect(cookies.jar.get(SESSION_COOKIE)).toBeTruthy();
		expect(cookies.jar.get(SSO_ID_TOKEN_COOKIE)).toBeTruthy();
		expect(cookies.jar.get(SSO_TENANT_COOKIE)).toBe(SLUG);
		// the groups claim also carries the other network's group: no role there
		expect(await rolesOf('nina@example.org')).toEqual([
			{ tenantId: network.id, role: 'coordinator' }
		]);

		// signing out ends the session at the network's provider: the page after the sign-out
		// forwards there (the form itself may only send to this site)
		const outCookies = fakeCookies({
			[SSO_ID_TOKEN_COOKIE]: cookies.jar.get(SSO_ID_TOKEN_COOKIE)!,
			[SSO_TENANT_COOKIE]: SLUG
		});
		expect(
			await redirectOf(() =>
				signOutPage.actions.signout(event(`${APP}/abmelden?/signout`, outCookies))
			)
		).toBe('/abmelden?done');
		const page = (await signOutPage.load(event(`${APP}/abmelden?done`, outCookies))) as {
			providerSignOut: string | null;
		};
		const out = new URL(page.providerSignOut!);
		expect(out.origin).toBe(provider.issuer);
		expect(out.searchParams.get('post_logout_redirect_uri')).toBe(`${APP}/abmelden?done`);
		expect(outCookies.jar.has(PROVIDER_SIGN_OUT_COOKIE)).toBe(false);
		expect(outCookies.jar.has(SSO_TENANT_COOKIE)).toBe(false);
		expect(JSON.stringify(logs)).not.toContain(provider.clientSecret);
	});

	it('cannot give a role in another network even when its settings name one', async () => {
		// defence in depth: settings with a foreign mapping (not possible through the form)
		const settings = (await tenantSsoSettings(database.db, SLUG, KEY))!;
		const forged = {
			...settings,
			roleMap: [
				{ value: 'andere-koordination', tenantSlug: 'andere-stadt', role: 'coordinator' as const }
			]
		};
		const config = await discoverProvider(forged);
		const { url, pending } = await beginOidcSignIn(config, NETWORK_CALLBACK, '/app');
		const back = await signInAtProvider(url, 'nina', NETWORK_CALLBACK);
		await completeOidcSignIn(database.db, config, forged, back, pending);
		expect((await rolesOf('nina@example.org')).map((r) => r.tenantId)).toEqual([network.id]);
	});

	it('accepts only its own invitations and refuses accounts of other networks and administrators', async () => {
		expect((await signInThrough('network', 'ivo')).location).toBe(`/app/${SLUG}`);
		expect(await rolesOf('ivo@example.org')).toEqual([{ tenantId: network.id, role: 'editor' }]);
		// the other network's invitation does not open an account through this provider
		expect((await signInThrough('network', 'otto')).location).toBe('/anmelden?sso=no_account');
		expect(
			await database.db.select().from(users).where(eq(users.email, 'otto@example.org'))
		).toEqual([]);
		// a person also in another network, and a platform administrator, must use another way
		expect((await signInThrough('network', 'mia')).location).toBe('/anmelden?sso=elsewhere');
		expect((await signInThrough('network', 'ada')).location).toBe('/anmelden?sso=elsewhere');
		expect(await rolesOf('mia@example.org')).toHaveLength(2);
		expect((await rolesOf('mia@example.org')).every((r) => r.role === 'member')).toBe(true);
		expect(await rolesOf('ada@example.org')).toEqual([]);
	});

	it("shows the network's button on the sign-in page named by the network or the next address", async () => {
		const load = (query: string) =>
			signInPage.load({
				...(event(`${APP}/anmelden${query}`, fakeCookies()) as object),
				locals: { ctx: { db: database.db }, actor: null }
			} as never) as Promise<{ networkSso: unknown; sso: unknown }>;
		const button = { slug: SLUG, tenantName: 'SSO-Netz', label: 'Stadtverwaltung' };
		expect((await load(`?netzwerk=${SLUG}`)).networkSso).toEqual(button);
		expect((await load(`?next=/app/${SLUG}/gremien`)).networkSso).toEqual(button);
		expect((await load('?netzwerk=andere-stadt')).networkSso).toBeNull();
		expect((await load('')).networkSso).toBeNull();
		expect((await load('')).sso).toBe('Land-Konto');
	});

	it("keeps the platform's provider from the environment working beside it", async () => {
		// Mia (two networks) signs in through the platform's provider; its map gives the other role
		const { location, cookies } = await signInThrough('platform', 'mia');
		expect(location).toBe(`/app/${SLUG}`);
		expect(cookies.jar.has(SSO_TENANT_COOKIE)).toBe(false);
		expect(await rolesOf('mia@example.org')).toEqual(
			expect.arrayContaining([
				{ tenantId: network.id, role: 'member' },
				{ tenantId: other.id, role: 'coordinator' }
			])
		);
	});

	it('needs SECRETS_KEY for a kept secret, with a clear message', async () => {
		const form = { ...settingsForm, issuer: provider.issuer, clientId: provider.clientId };
		await expect(
			saveTenantSso(coordinator, { ...form, clientSecret: 'neu-geheim' }, null)
		).rejects.toEqual(new ValidationError({ clientSecret: 'tenant_sso_error_secrets_key' }));
		await expect(tenantSsoSettings(database.db, SLUG, null)).rejects.toThrow(
			SecretsKeyMissingError
		);
		expect(new SecretsKeyMissingError().message).toMatch(/SECRETS_KEY is not set/);
		expect(() => encryptSecret('x', network.id, null)).toThrow(/SECRETS_KEY/);
		expect(await tenantSecretsKept(database.db)).toBe(true);
		// a public client (no secret) needs no key
		await saveTenantSso(coordinator, { ...form, removeSecret: 'on' }, null);
		expect(await tenantSecretsKept(database.db)).toBe(false);
		expect((await tenantSsoSettings(database.db, SLUG, null))?.clientSecret).toBeUndefined();
	});

	it('is switched off by the coordinator: the routes answer 404 then', async () => {
		await removeTenantSso(coordinator);
		expect(await getTenantSso(coordinator)).toBeNull();
		await expect(
			networkStart.GET(event(`${APP}/anmelden/sso/netzwerk/${SLUG}`, fakeCookies(), { slug: SLUG }))
		).rejects.toMatchObject({ status: 404 });
		const [removed] = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'tenant.sso_remove'));
		expect(removed.tenantId).toBe(network.id);
	});
});
