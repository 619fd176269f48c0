import { sql } from 'drizzle-orm';
import {
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import {
	idColumn,
	createdAtColumn,
	timestampColumns,
	requiredRefColumn,
	optionalRefColumn
} from '../db/columns';
import { tenantIdColumn, tenantTable } from '../tenants/schema';
import { organizations } from '../organizations/schema';

/** A nullable reference to a user, cleared when the user is deleted (created_by, decided_by …). */
export function userRefColumn<N extends string>(name: N) {
	return optionalRefColumn(name, () => users.id);
}

/** A required reference to a user; the row goes with the user. */
export function requiredUserRefColumn<N extends string>(name: N) {
	return requiredRefColumn(name, () => users.id);
}

export const ROLES = ['coordinator', 'editor', 'member', 'steering', 'guest'] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable(
	'users',
	{
		id: idColumn(),
		/** stored lower-case */
		email: text('email').notNull(),
		name: text('name').notNull(),
		/** argon2id; null until the invitation is accepted */
		passwordHash: text('password_hash'),
		isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
		locale: text('locale'),
		disabledAt: timestamp('disabled_at', { withTimezone: true }),
		...timestampColumns()
	},
	(t) => [uniqueIndex('users_email_key').on(t.email)]
);

/** A user's role in a tenant. One row per user and tenant. */
export const tenantMembers = pgTable(
	'tenant_members',
	{
		tenantId: tenantIdColumn(),
		userId: requiredUserRefColumn('user_id'),
		role: text('role', { enum: ROLES }).notNull(),
		createdAt: createdAtColumn()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.userId] }),
		index('tenant_members_user_idx').on(t.userId)
	]
);

/** A claim value of a network's own sign-on and the role it gives in that network. */
export interface TenantSsoRoleMapping {
	value: string;
	role: Role;
}

/**
 * A network's own single sign-on (auth/tenant-sso.ts), kept by its coordinators: the OpenID
 * Connect provider and client, and which claim values give which role in this network only.
 */
export const tenantSsoProviders = pgTable('tenant_sso_providers', {
	tenantId: tenantIdColumn().primaryKey(),
	issuer: text('issuer').notNull(),
	clientId: text('client_id').notNull(),
	/** AES-256-GCM under SECRETS_KEY (shared/secrets.ts), never the plain secret; null: public client */
	clientSecretEncrypted: text('client_secret_encrypted'),
	roleClaim: text('role_claim'),
	roleMap: jsonb('role_map').$type<TenantSsoRoleMapping[]>().notNull().default([]),
	/** the provider's name on the sign-in button */
	label: text('label').notNull(),
	...timestampColumns()
});

/** The organisations an editor may keep, per tenant. */
export const editorOrganizations = pgTable(
	'editor_organizations',
	{
		tenantId: tenantIdColumn(),
		userId: requiredUserRefColumn('user_id'),
		organizationId: requiredRefColumn('organization_id', () => organizations.id)
	},
	(t) => [primaryKey({ columns: [t.tenantId, t.userId, t.organizationId] })]
);

export const sessions = pgTable(
	'sessions',
	{
		/** SHA-256 of the session token (hex); the token itself lives only in the cookie */
		id: text('id').primaryKey(),
		userId: requiredUserRefColumn('user_id'),
		createdAt: createdAtColumn(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)]
);

export const invitations = tenantTable(
	'invitations',
	{
		email: text('email').notNull(),
		name: text('name').notNull(),
		role: text('role', { enum: ROLES }).notNull(),
		/** organisations an editor will keep */
		organizationIds: uuid('organization_ids')
			.array()
			.notNull()
			.default(sql`'{}'::uuid[]`),
		tokenHash: text('token_hash').notNull(),
		invitedBy: userRefColumn('invited_by'),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		createdAt: createdAtColumn()
	},
	(t) => [
		uniqueIndex('invitations_token_key').on(t.tokenHash),
		index('invitations_tenant_idx').on(t.tenantId, t.createdAt)
	]
);

export const passwordResets = pgTable(
	'password_resets',
	{
		tokenHash: text('token_hash').primaryKey(),
		userId: requiredUserRefColumn('user_id'),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: createdAtColumn()
	},
	(t) => [index('password_resets_user_idx').on(t.userId)]
);

/** Failed sign-in attempts, for rate limiting; rows older than the window are pruned. */
export const signInAttempts = pgTable(
	'sign_in_attempts',
	{
		id: idColumn(),
		/** e.g. "email:a@b.de" or "ip:127.0.0.1" */
		key: text('key').notNull(),
		attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
		count: integer('count').notNull().default(1)
	},
	(t) => [index('sign_in_attempts_key_idx').on(t.key, t.attemptedAt)]
);

/**
 * Sign-in throttling (see throttle.ts): one row per (account, client address) pair
 * ("pair:<email>|<address>") and per client address ("address:<address>"). `failures` counts
 * attempts since the last success (an attempt is counted before the password is checked, so that
 * concurrent attempts cannot pass the limit); from the free number on, `blocked_until` holds the
 * end of the exponential back-off. Rows quiet for a day start again and are pruned.
 */
export const signInThrottles = pgTable(
	'sign_in_throttles',
	{
		key: text('key').primaryKey(),
		failures: integer('failures').notNull(),
		blockedUntil: timestamp('blocked_until', { withTimezone: true }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull()
	},
	(t) => [index('sign_in_throttles_updated_idx').on(t.updatedAt)]
);

export type User = typeof users.$inferSelect;
