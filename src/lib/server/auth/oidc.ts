/**
 * Single sign-on with OpenID Connect (openid-client v6): authorisation code flow with PKCE,
 * state and nonce. A person signs in through the identity provider (Keycloak, Entra ID, BundID
 * through Keycloak) and is linked by a *verified* e-mail address (`email_verified: true`) to an
 * existing account or to an open invitation; nobody else gets in. A claim (groups or roles) can
 * give tenant roles through the configured mapping ("value=tenant-slug:role").
 */
import * as client from 'openid-client';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { tenants } from '../tenants/schema';
import { recordAudit } from '../audit/record';
import { editorOrganizations, invitations, ROLES, tenantMembers, users, type Role } from './schema';

export interface OidcRoleMapping {
	/** a value of the role claim (a group or role name) */
	value: string;
	tenantSlug: string;
	role: Role;
}

export interface OidcSettings {
	issuer: string;
	clientId: string;
	clientSecret?: string;
	/** the claim holding groups or roles (e.g. "groups", "roles") */
	roleClaim?: string;
	roleMap: OidcRoleMapping[];
	/** the provider's name on the sign-in button */
	label: string;
	/**
	 * Set for a network's own provider (auth/tenant-sso.ts): it gives roles only in this tenant,
	 * accepts only this tenant's invitations and links only accounts that belong to this tenant
	 * alone (no other network, no platform administrator), since the network's coordinators run
	 * it. Unset for the platform's provider (environment), which the operator runs.
	 */
	tenantId?: string;
}

/** Why a sign-in through the provider was refused; `code` names the message shown. */
export class OidcSignInError extends Error {
	constructor(public readonly code: 'failed' | 'unverified' | 'no_account' | 'elsewhere') {
		super(`oidc sign-in refused: ${code}`);
		this.name = 'OidcSignInError';
	}
}

/**
 * "value=slug:role" entries separated by commas or semicolons, e.g.
 * `integration-koordination=landshut:coordinator,integration=landshut:member`. A bad entry
 * throws (the configuration is checked at start).
 */
export function parseRoleMap(text: string | undefined): OidcRoleMapping[] {
	if (!text?.trim()) return [];
	return text
		.split(/[;,]/)
		.map((entry) => entry.trim())
		.filter(Boolean)
		.map((entry) => {
			const match = /^(.+)=([a-z0-9-]+):([a-z]+)$/.exec(entry);
			if (!match || !(ROLES as readonly string[]).includes(match[3]))
				throw new Error(`OIDC_ROLE_MAP: "${entry}" is not value=tenant-slug:role`);
			return { value: match[1].trim(), tenantSlug: match[2], role: match[3] as Role };
		});
}

/** The provider's configuration by discovery (plain http only for a local test provider). */
export function discoverProvider(settings: OidcSettings): Promise<client.Configuration> {
	const local = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(
		settings.issuer.endsWith('/') ? settings.issuer : `${settings.issuer}/`
	);
	return client.discovery(
		new URL(settings.issuer),
		settings.clientId,
		settings.clientSecret,
		undefined,
		local ? { execute: [client.allowInsecureRequests] } : undefined
	);
}

/** What the browser keeps (in an http-only cookie) between leaving and coming back. */
export interface PendingSignIn {
	state: string;
	nonce: string;
	verifier: string;
	next: string;
}

/** The provider's sign-in address for this attempt, and what to check on return. */
export async function beginOidcSignIn(
	config: client.Configuration,
	redirectUri: string,
	next: string
): Promise<{ url: URL; pending: PendingSignIn }> {
	const verifier = client.randomPKCECodeVerifier();
	const pending = {
		state: client.randomState(),
		nonce: client.randomNonce(),
		verifier,
		next
	};
	const url = client.buildAuthorizationUrl(config, {
		redirect_uri: redirectUri,
		scope: 'openid email profile',
		code_challenge: await client.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256',
		state: pending.state,
		nonce: pending.nonce
	});
	return { url, pending };
}

/** The tenant roles the claim's values give, by tenant id. */
async function mappedRoles(
	db: Db,
	settings: OidcSettings,
	claim: unknown
): Promise<{ tenantId: string; role: Role }[]> {
	const values = Array.isArray(claim)
		? claim.map(String)
		: typeof claim === 'string'
			? [claim]
			: [];
	const wanted = settings.roleMap.filter((mapping) => values.includes(mapping.value));
	const out: { tenantId: string; role: Role }[] = [];
	for (const mapping of wanted) {
		const [tenant] = await db
			.select({ id: tenants.id })
			.from(tenants)
			.where(eq(tenants.slug, mapping.tenantSlug));
		// a network's own provider gives roles in that network only
		if (settings.tenantId && tenant?.id !== settings.tenantId) continue;
		// the first mapping per tenant wins (list the stronger role first)
		if (tenant && !out.some((r) => r.tenantId === tenant.id))
			out.push({ tenantId: tenant.id, role: mapping.role });
	}
	return out;
}

/**
 * Finishes the sign-in with the provider's answer (`currentUrl`, the callback address with code
 * and state): the code is exchanged with the PKCE verifier, state and nonce are checked, then the
 * person is linked by verified e-mail to their account or an open invitation (which is accepted)
 * and gets the mapped roles. Returns the account and the ID token (for the sign-out).
 */
export async function completeOidcSignIn(
	db: Db,
	config: client.Configuration,
	settings: OidcSettings,
	currentUrl: URL,
	pending: PendingSignIn
): Promise<{ userId: string; idToken: string | undefined }> {
	let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
	try {
		tokens = await client.authorizationCodeGrant(config, currentUrl, {
			pkceCodeVerifier: pending.verifier,
			expectedState: pending.state,
			expectedNonce: pending.nonce,
			idTokenExpected: true
		});
	} catch {
		throw new OidcSignInError('failed');
	}
	const claims = tokens.claims();
	if (!claims) throw new OidcSignInError('failed');
	if (typeof claims.email !== 'string' || claims.email_verified !== true)
		throw new OidcSignInError('unverified');
	const email = claims.email.trim().toLowerCase();
	const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email;
	const roles = settings.roleClaim
		? await mappedRoles(db, settings, claims[settings.roleClaim])
		: [];
	const now = new Date();

	const userId = await db.transaction(async (tx) => {
		let [user] = await tx
			.select({
				id: users.id,
				disabledAt: users.disabledAt,
				isPlatformAdmin: users.isPlatformAdmin
			})
			.from(users)
			.where(eq(users.email, email));
		if (user && settings.tenantId) {
			// a network's provider signs in only accounts of that network alone
			const memberOf = await tx
				.select({ tenantId: tenantMembers.tenantId })
				.from(tenantMembers)
				.where(eq(tenantMembers.userId, user.id));
			if (
				user.isPlatformAdmin ||
				memberOf.length === 0 ||
				memberOf.some((r) => r.tenantId !== settings.tenantId)
			)
				throw new OidcSignInError('elsewhere');
		}
		if (!user) {
			const [invitation] = await tx
				.select()
				.from(invitations)
				.where(
					and(
						eq(sql`lower(${invitations.email})`, email),
						settings.tenantId ? eq(invitations.tenantId, settings.tenantId) : undefined,
						isNull(invitations.acceptedAt),
						isNull(invitations.revokedAt),
						gt(invitations.expiresAt, now)
					)
				)
				.orderBy(invitations.createdAt)
				.limit(1)
				.for('update');
			if (!invitation) throw new OidcSignInError('no_account');
			[user] = await tx
				.insert(users)
				.values({ email, name: invitation.name || name })
				.returning({
					id: users.id,
					disabledAt: users.disabledAt,
					isPlatformAdmin: users.isPlatformAdmin
				});
			await tx
				.insert(tenantMembers)
				.values({ tenantId: invitation.tenantId, userId: user.id, role: invitation.role })
				.onConflictDoNothing();
			if (invitation.role === 'editor' && invitation.organizationIds.length > 0)
				await tx
					.insert(editorOrganizations)
					.values(
						invitation.organizationIds.map((organizationId) => ({
							tenantId: invitation.tenantId,
							userId: user.id,
							organizationId
						}))
					)
					.onConflictDoNothing();
			await tx
				.update(invitations)
				.set({ acceptedAt: now })
				.where(eq(invitations.id, invitation.id));
			await recordAudit(
				tx,
				{ actor: { userId: user.id } },
				{
					tenantId: invitation.tenantId,
					action: 'invitation.accept',
					entityType: 'invitation',
					entityId: invitation.id
				}
			);
		}
		if (user.disabledAt) throw new OidcSignInError('no_account');
		for (const { tenantId, role } of roles) {
			await tx
				.insert(tenantMembers)
				.values({ tenantId, userId: user.id, role })
				.onConflictDoUpdate({
					target: [tenantMembers.tenantId, tenantMembers.userId],
					set: { role }
				});
			await recordAudit(
				tx,
				{ actor: { userId: user.id } },
				{
					tenantId,
					action: 'member.role_from_sign_on',
					entityType: 'user',
					entityId: user.id,
					after: { role }
				}
			);
		}
		return user.id;
	});
	return { userId, idToken: tokens.id_token };
}

/** The provider's sign-out address (RP-initiated logout), or null when it offers none. */
export function oidcSignOutUrl(
	config: client.Configuration,
	idToken: string,
	postLogoutRedirectUri: string
): URL | null {
	if (!config.serverMetadata().end_session_endpoint) return null;
	return client.buildEndSessionUrl(config, {
		id_token_hint: idToken,
		post_logout_redirect_uri: postLogoutRedirectUri
	});
}
