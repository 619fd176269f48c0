/**
 * A network's own single sign-on: its coordinators (and the platform's administrators) name an
 * OpenID Connect provider (Keycloak, Entra ID, BundID through Keycloak) for the network, the
 * claim that carries groups or roles, and which values give which role - in this network only.
 * The client secret is kept encrypted (shared/secrets.ts, SECRETS_KEY), never shown again and
 * never written to the audit log. The sign-in itself is auth/oidc.ts, limited by `tenantId`:
 * such a provider links only accounts of this network alone and its open invitations, and
 * gives roles only here (never in another network, never platform administration).
 */
import { eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import type { TenantCtx } from '../context';
import { env } from '../env';
import { authorize } from './policy';
import { recordAudit } from '../audit/record';
import { tenants } from '../tenants/schema';
import { ValidationError } from '../errors';
import { blankOptionalText, isChecked, parseOrThrow } from '../shared';
import { decryptSecret, encryptSecret } from '../shared/secrets';
import { ROLES, tenantSsoProviders, type Role, type TenantSsoRoleMapping } from './schema';
import type { OidcSettings } from './oidc';

/** The address the provider sends the browser back to, for a network (register it there). */
export function tenantSsoCallbackPath(slug: string): string {
	return `/anmelden/sso/netzwerk/${slug}/callback`;
}

/** "value=role" entries, one a line (or separated by ";"); a bad entry is a field error. */
export function parseTenantRoleMap(text: string): TenantSsoRoleMapping[] | null {
	const out: TenantSsoRoleMapping[] = [];
	for (const entry of text
		.split(/[\n;]/)
		.map((e) => e.trim())
		.filter(Boolean)) {
		const at = entry.lastIndexOf('=');
		const value = entry.slice(0, at).trim();
		const role = entry.slice(at + 1).trim();
		if (at < 1 || !value || !(ROLES as readonly string[]).includes(role)) return null;
		out.push({ value, role: role as Role });
	}
	return out;
}

export function formatTenantRoleMap(map: TenantSsoRoleMapping[]): string {
	return map.map((r) => `${r.value}=${r.role}`).join('\n');
}

const issuerUrl = z
	.string()
	.trim()
	.min(1, { error: 'tenant_sso_error_issuer' })
	.max(500, { error: 'tenant_sso_error_issuer' })
	.refine(
		(v) => {
			try {
				const url = new URL(v);
				// plain http only for a provider on this machine (tests, a local Keycloak)
				return (
					url.protocol === 'https:' ||
					(url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname))
				);
			} catch {
				return false;
			}
		},
		{ error: 'tenant_sso_error_issuer' }
	);

export const tenantSsoInput = z.object({
	issuer: issuerUrl,
	clientId: z
		.string()
		.trim()
		.min(1, { error: 'tenant_sso_error_client_id' })
		.max(200, { error: 'tenant_sso_error_client_id' }),
	/** blank: the stored secret stays (or there is none) */
	clientSecret: blankOptionalText(500, 'tenant_sso_error_secret_too_long'),
	removeSecret: z.unknown().optional().transform(isChecked),
	roleClaim: blankOptionalText(100, 'tenant_sso_error_role_claim'),
	roleMap: z
		.string()
		.max(5000, { error: 'tenant_sso_error_role_map' })
		.optional()
		.transform((v, c) => {
			const map = parseTenantRoleMap(v ?? '');
			if (!map) {
				c.addIssue({ code: 'custom', message: 'tenant_sso_error_role_map' });
				return z.NEVER;
			}
			return map;
		}),
	label: z
		.string()
		.trim()
		.min(1, { error: 'tenant_sso_error_label' })
		.max(60, { error: 'tenant_sso_error_label' })
});

/** What the settings page shows: everything but the secret (only whether one is set). */
export interface TenantSsoView {
	issuer: string;
	clientId: string;
	secretSet: boolean;
	roleClaim: string;
	roleMap: string;
	label: string;
}

async function row(db: Db, tenantId: string) {
	const [found] = await db
		.select()
		.from(tenantSsoProviders)
		.where(eq(tenantSsoProviders.tenantId, tenantId));
	return found ?? null;
}

/** The network's sign-on for its settings page, or null when none is configured. */
export async function getTenantSso(ctx: TenantCtx): Promise<TenantSsoView | null> {
	authorize(ctx.actor, 'tenant.settings.edit', { tenantId: ctx.tenant.id });
	const found = await row(ctx.db, ctx.tenant.id);
	if (!found) return null;
	return {
		issuer: found.issuer,
		clientId: found.clientId,
		secretSet: found.clientSecretEncrypted !== null,
		roleClaim: found.roleClaim ?? '',
		roleMap: formatTenantRoleMap(found.roleMap),
		label: found.label
	};
}

/** What the audit log keeps of a configuration: no secret, only whether there is one. */
function audited(r: {
	issuer: string;
	clientId: string;
	roleClaim: string | null;
	roleMap: TenantSsoRoleMapping[];
	label: string;
	clientSecretEncrypted: string | null;
}) {
	return {
		issuer: r.issuer,
		clientId: r.clientId,
		roleClaim: r.roleClaim,
		roleMap: r.roleMap,
		label: r.label,
		clientSecretSet: r.clientSecretEncrypted !== null
	};
}

/**
 * A coordinator configures (or changes) the network's sign-on. A new client secret is encrypted
 * with SECRETS_KEY (`secretsKey`, null: not set); without the key it is refused with a message
 * naming it.
 */
export async function saveTenantSso(
	ctx: TenantCtx,
	raw: unknown,
	secretsKey: string | null = env().SECRETS_KEY ?? null
): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'tenant.settings.edit', { tenantId });
	const input = parseOrThrow(tenantSsoInput, raw);
	if (input.clientSecret && !secretsKey)
		throw new ValidationError({ clientSecret: 'tenant_sso_error_secrets_key' });
	await ctx.db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(tenantSsoProviders)
			.where(eq(tenantSsoProviders.tenantId, tenantId))
			.for('update');
		const clientSecretEncrypted = input.clientSecret
			? encryptSecret(input.clientSecret, tenantId, secretsKey)
			: input.removeSecret
				? null
				: (before?.clientSecretEncrypted ?? null);
		const values = {
			issuer: input.issuer,
			clientId: input.clientId,
			clientSecretEncrypted,
			roleClaim: input.roleClaim ?? null,
			roleMap: input.roleMap,
			label: input.label
		};
		await tx
			.insert(tenantSsoProviders)
			.values({ tenantId, ...values })
			.onConflictDoUpdate({
				target: tenantSsoProviders.tenantId,
				set: { ...values, updatedAt: new Date() }
			});
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'tenant.sso_update',
			entityType: 'tenant',
			entityId: tenantId,
			before: before ? audited(before) : null,
			after: {
				...audited(values),
				clientSecret: input.clientSecret
					? 'replaced'
					: input.removeSecret && before?.clientSecretEncrypted
						? 'removed'
						: 'unchanged'
			}
		});
	});
}

/** A coordinator switches the network's own sign-on off (the settings are deleted). */
export async function removeTenantSso(ctx: TenantCtx): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'tenant.settings.edit', { tenantId });
	await ctx.db.transaction(async (tx) => {
		const [gone] = await tx
			.delete(tenantSsoProviders)
			.where(eq(tenantSsoProviders.tenantId, tenantId))
			.returning();
		if (!gone) return;
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'tenant.sso_remove',
			entityType: 'tenant',
			entityId: tenantId,
			before: audited(gone)
		});
	});
}

/** The sign-in page's button of a network, by its address: its id, name and the label. */
export async function tenantSsoButton(
	db: Db,
	slug: string
): Promise<{ slug: string; tenantName: string; label: string } | null> {
	const [found] = await db
		.select({ slug: tenants.slug, tenantName: tenants.name, label: tenantSsoProviders.label })
		.from(tenantSsoProviders)
		.innerJoin(tenants, eq(tenants.id, tenantSsoProviders.tenantId))
		.where(eq(tenants.slug, slug));
	return found ?? null;
}

/**
 * The settings for a sign-in through a network's provider (the secret decrypted), or null when
 * the network has none. Throws SecretsKeyMissingError when a secret is kept but SECRETS_KEY is
 * not set. The role map names only this network; `tenantId` limits the sign-in to it.
 */
export async function tenantSsoSettings(
	db: Db,
	slug: string,
	secretsKey: string | null = env().SECRETS_KEY ?? null
): Promise<OidcSettings | null> {
	const [found] = await db
		.select({ provider: tenantSsoProviders, slug: tenants.slug })
		.from(tenantSsoProviders)
		.innerJoin(tenants, eq(tenants.id, tenantSsoProviders.tenantId))
		.where(eq(tenants.slug, slug));
	if (!found) return null;
	const p = found.provider;
	return {
		issuer: p.issuer,
		clientId: p.clientId,
		clientSecret: p.clientSecretEncrypted
			? decryptSecret(p.clientSecretEncrypted, p.tenantId, secretsKey)
			: undefined,
		roleClaim: p.roleClaim ?? undefined,
		roleMap: p.roleMap.map((r) => ({ value: r.value, tenantSlug: found.slug, role: r.role })),
		label: p.label,
		tenantId: p.tenantId
	};
}

/** Whether any network keeps an encrypted secret (checked at start against SECRETS_KEY). */
export async function tenantSecretsKept(db: Db): Promise<boolean> {
	const rows = await db
		.select({ tenantId: tenantSsoProviders.tenantId })
		.from(tenantSsoProviders)
		.where(isNotNull(tenantSsoProviders.clientSecretEncrypted))
		.limit(1);
	return rows.length > 0;
}
