import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type * as client from 'openid-client';
import type { Database } from '../db/client';
import { createTestDb } from '../db/testing/test-db';
import { buildTenant, buildUser } from '../factories';
import { invitations, tenantMembers, users } from './schema';
import {
	beginOidcSignIn,
	completeOidcSignIn,
	discoverProvider,
	oidcSignOutUrl,
	OidcSignInError,
	parseRoleMap,
	type OidcSettings
} from './oidc';
import { signInAtProvider, startTestProvider, type TestProvider } from './testing/oidc-provider';

const APP = 'http://app.test';
const CALLBACK = `${APP}/anmelden/oidc/callback`;
const AFTER_SIGN_OUT = `${APP}/abmelden?done`;

let database: Database;
let provider: TestProvider;
let settings: OidcSettings;
let config: client.Configuration;
let tenantId: string;

beforeAll(async () => {
	database = await createTestDb();
	const tenant = await buildTenant(database.db, { slug: 'sso-stadt', name: 'SSO-Stadt' });
	tenantId = tenant.id;
	await buildUser(database.db, { email: 'vorhanden@example.org', name: 'Vera Vorhanden' });
	await database.db.insert(invitations).values({
		tenantId,
		email: 'Eingeladen@Example.org',
		name: 'Ida Eingeladen',
		role: 'editor',
		tokenHash: 'invitation-token-hash',
		expiresAt: new Date(Date.now() + 86_400_000)
	});
	provider = await startTestProvider(
		{
			vera: {
				email: 'Vorhanden@example.org',
				email_verified: true,
				name: 'Vera V.',
				groups: ['integration-koordination']
			},
			ida: { email: 'eingeladen@example.org', email_verified: true, name: 'Ida E.' },
			ungeprueft: { email: 'vorhanden@example.org', email_verified: false, name: 'Falsch' },
			fremd: { email: 'fremd@example.org', email_verified: true, name: 'Fremd' }
		},
		CALLBACK,
		AFTER_SIGN_OUT
	);
	settings = {
		issuer: provider.issuer,
		clientId: provider.clientId,
		clientSecret: provider.clientSecret,
		roleClaim: 'groups',
		roleMap: parseRoleMap('integration-koordination=sso-stadt:coordinator'),
		label: 'Test-IdP'
	};
	config = await discoverProvider(settings);
});
afterAll(async () => {
	await provider?.close();
	await database?.close();
});

/** The whole round trip: the app's start, the provider's pages, the app's callback. */
async function signInAs(accountId: string) {
	const { url, pending } = await beginOidcSignIn(config, CALLBACK, '/app');
	const back = await signInAtProvider(url, accountId, CALLBACK);
	return {
		url,
		pending,
		back,
		done: () => completeOidcSignIn(database.db, config, settings, back, pending)
	};
}

describe('sign-in through OpenID Connect', () => {
	it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
		const { url, pending } = await beginOidcSignIn(config, CALLBACK, '/app');
		expect(url.origin).toBe(provider.issuer);
		expect(url.searchParams.get('code_challenge_method')).toBe('S256');
		expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
		expect(url.searchParams.get('state')).toBe(pending.state);
		expect(url.searchParams.get('nonce')).toBe(pending.nonce);
		expect(url.searchParams.get('redirect_uri')).toBe(CALLBACK);
	});

	it('links an existing account by verified e-mail and gives the mapped role', async () => {
		const { done } = await signInAs('vera');
		const { userId, idToken } = await done();
		const [vera] = await database.db.select().from(users).where(eq(users.id, userId));
		expect(vera).toMatchObject({ email: 'vorhanden@example.org', name: 'Vera Vorhanden' });
		expect(
			await database.db.select().from(tenantMembers).where(eq(tenantMembers.userId, userId))
		).toEqual([expect.objectContaining({ tenantId, role: 'coordinator' })]);
		// sign-out at the provider with the ID token
		const out = oidcSignOutUrl(config, idToken!, AFTER_SIGN_OUT)!;
		expect(out.origin).toBe(provider.issuer);
		expect(out.searchParams.get('id_token_hint')).toBe(idToken);
		expect(out.searchParams.get('post_logout_redirect_uri')).toBe(AFTER_SIGN_OUT);
		const page = await fetch(out, { redirect: 'manual' });
		expect(page.status).toBe(200);
	});

	it('accepts an open invitation on the first sign-in', async () => {
		const { userId } = await (await signInAs('ida')).done();
		const [ida] = await database.db.select().from(users).where(eq(users.id, userId));
		expect(ida).toMatchObject({ email: 'eingeladen@example.org', name: 'Ida Eingeladen' });
		expect(ida.passwordHash).toBeNull();
		expect(
			await database.db.select().from(tenantMembers).where(eq(tenantMembers.userId, userId))
		).toEqual([expect.objectContaining({ tenantId, role: 'editor' })]);
		const [invitation] = await database.db.select().from(invitations);
		expect(invitation.acceptedAt).not.toBeNull();
	});

	it('refuses an unverified address, an unknown person and a replayed or foreign answer', async () => {
		await expect((await signInAs('ungeprueft')).done()).rejects.toEqual(
			new OidcSignInError('unverified')
		);
		await expect((await signInAs('fremd')).done()).rejects.toEqual(
			new OidcSignInError('no_account')
		);
		expect(
			await database.db.select().from(users).where(eq(users.email, 'fremd@example.org'))
		).toEqual([]);
		// the answer of another attempt (other state, nonce and verifier) is refused
		const first = await signInAs('vera');
		const other = await beginOidcSignIn(config, CALLBACK, '/app');
		await expect(
			completeOidcSignIn(database.db, config, settings, first.back, other.pending)
		).rejects.toEqual(new OidcSignInError('failed'));
		// and a code is good for one sign-in only
		await first.done();
		await expect(first.done()).rejects.toEqual(new OidcSignInError('failed'));
	});

	it('reads the role mapping and refuses a bad entry', () => {
		expect(parseRoleMap('a=x-y:member; b c=z:coordinator')).toEqual([
			{ value: 'a', tenantSlug: 'x-y', role: 'member' },
			{ value: 'b c', tenantSlug: 'z', role: 'coordinator' }
		]);
		expect(() => parseRoleMap('a=x:king')).toThrow(/OIDC_ROLE_MAP/);
	});
});
