import { type BuildExtraConfigColumns, sql } from 'drizzle-orm';
import {
	type AnyPgColumn,
	boolean,
	char,
	check,
	customType,
	index,
	integer,
	jsonb,
	type PgColumnBuilderBase,
	type PgTableExtraConfigValue,
	pgTable,
	primaryKey,
	text,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { idColumn, timestampColumns, requiredRefColumn, updatedAtColumn } from '../db/columns';

/** The tenant's own texts for its legal pages; a missing key means the default text (tenants/legal.ts). */
export interface LegalSettings {
	/** Impressum (§ 5 DDG): the whole text, plain text with paragraphs. */
	imprint?: string;
	/** Datenschutzerklärung: the controller (name and address of the authority). */
	controller?: string;
	/** Datenschutzerklärung: how to reach the data protection officer. */
	dataProtectionOfficer?: string;
	/** Datenschutzerklärung: what the tenant processes beyond the platform's own list. */
	privacyAddendum?: string;
	/** Erklärung zur Barrierefreiheit: full, partial or no conformity (default partial). */
	conformity?: 'full' | 'partial' | 'none';
	/** Erklärung zur Barrierefreiheit: content that is not accessible, and why. */
	notAccessible?: string;
	/** Erklärung zur Barrierefreiheit: date of the last review, YYYY-MM-DD. */
	reviewedOn?: string;
	/** Erklärung zur Barrierefreiheit: the Land's enforcement or arbitration body. */
	enforcementBody?: string;
}

/** Settings a tenant keeps for itself; grows with the capabilities. */
export interface TenantSettings {
	/** Impressum, privacy and accessibility texts (tenants/legal.ts). */
	legal?: LegalSettings;
	/** Months after which an offer's owner is asked to confirm it (offers capability). */
	offerConfirmationMonths?: number;
	/** Contact e-mail shown on the public site. */
	publicContactEmail?: string;
	/** About the network, shown on the public site (plain text, paragraphs separated by blank lines). */
	publicDescription?: string;
	/** Days after which the personal data of closed citizens' messages is deleted (default 180). */
	inquiryRetentionDays?: number;
	/** The start page in Leichte Sprache (easy-read/page.ts); missing: the default text. */
	easyReadText?: string;
	/** Accent colour of the public header (#rrggbb, at least 4.5:1 against white; tenants/branding.ts). */
	accentColor?: string;
}

export const tenants = pgTable(
	'tenants',
	{
		id: idColumn(),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		/** district (Landkreis), city (Stadt), municipality (Gemeinde) */
		kind: text('kind', { enum: ['district', 'city', 'municipality'] }).notNull(),
		/** ISO 3166-2 subdivision code without the country, e.g. BY, NI; used for public holidays */
		land: char('land', { length: 2 }).notNull(),
		/** Amtlicher Gemeindeschlüssel, 8 digits, where known */
		ags: char('ags', { length: 8 }),
		parentId: uuid('parent_id').references((): AnyPgColumn => tenants.id, { onDelete: 'restrict' }),
		/** Whether the tenant's public site is shown. */
		isPublic: boolean('is_public').notNull().default(true),
		settings: jsonb('settings').$type<TenantSettings>().notNull().default({}),
		...timestampColumns()
	},
	(t) => [
		uniqueIndex('tenants_slug_key').on(t.slug),
		uniqueIndex('tenants_ags_key').on(t.ags),
		index('tenants_parent_idx').on(t.parentId),
		check('tenants_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
		check('tenants_ags_format', sql`${t.ags} IS NULL OR ${t.ags} ~ '^[0-9]{8}$'`)
	]
);

/**
 * The network's own public texts in a further language (translations/content.ts;
 * tenants/translatable.ts): the "about the network" text (settings.publicDescription) of the start
 * page. The German text stays in the tenant's settings.
 */
export const tenantTexts = pgTable(
	'tenant_texts',
	{
		tenantId: requiredRefColumn('tenant_id', () => tenants.id),
		locale: text('locale').notNull(),
		/** the about text (settings.publicDescription) in this language */
		description: text('description').notNull(),
		/** draft | machine (machine-translated) | reviewed | outdated */
		state: text('state', { enum: ['original', 'draft', 'machine', 'reviewed', 'outdated'] })
			.notNull()
			.default('draft'),
		/** hash of the German fields this translation was made from; null: unknown */
		sourceHash: text('source_hash'),
		updatedAt: updatedAtColumn()
	},
	(t) => [primaryKey({ columns: [t.tenantId, t.locale] })]
);

/**
 * The network's own legal texts (settings.legal: imprint, privacyAddendum, notAccessible) per
 * language, kept apart from the about text so that each has its own translation state
 * (tenants/legal-translatable.ts). A field is null where the German text is blank (the page's
 * default applies, already in every language).
 */
export const tenantLegalTexts = pgTable(
	'tenant_legal_texts',
	{
		tenantId: requiredRefColumn('tenant_id', () => tenants.id),
		locale: text('locale').notNull(),
		imprint: text('imprint'),
		privacyAddendum: text('privacy_addendum'),
		notAccessible: text('not_accessible'),
		/** draft | machine (machine-translated) | reviewed | outdated */
		state: text('state', { enum: ['original', 'draft', 'machine', 'reviewed', 'outdated'] })
			.notNull()
			.default('draft'),
		/** hash of the German fields this translation was made from; null: unknown */
		sourceHash: text('source_hash'),
		updatedAt: updatedAtColumn()
	},
	(t) => [primaryKey({ columns: [t.tenantId, t.locale] })]
);

export type Tenant = typeof tenants.$inferSelect;

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * A network's logo in its public header (issue 13, item 9): PNG, JPEG or WebP, recognised by its
 * bytes when uploaded (tenants/logo.ts), stored like the sign-language video (easy-read/schema.ts).
 */
export const tenantLogos = pgTable('tenant_logos', {
	tenantId: uuid('tenant_id')
		.primaryKey()
		.references(() => tenants.id, { onDelete: 'cascade' }),
	mediaType: text('media_type').notNull(),
	size: integer('size').notNull(),
	sha256: text('sha256').notNull(),
	content: bytea('content').notNull(),
	/** the logo's alternative text; null: the network's name */
	altText: text('alt_text'),
	updatedAt: updatedAtColumn()
});

/** `tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE`: the tenant a row belongs to. */
export function tenantIdColumn() {
	return requiredRefColumn('tenant_id', () => tenants.id);
}

/** `id` and `tenantId`, the first columns of every row a tenant owns, to spread into a table. */
export function tenantRowColumns() {
	return { id: idColumn(), tenantId: tenantIdColumn() };
}

type TenantRowColumns = ReturnType<typeof tenantRowColumns>;

/**
 * `pgTable` for rows a tenant owns: the table starts with `id` and `tenant_id`
 * (tenantRowColumns), then the given columns; the SQL is that of the spelled-out table.
 */
export function tenantTable<
	TName extends string,
	TColumns extends Record<string, PgColumnBuilderBase>
>(
	name: TName,
	columns: TColumns,
	extraConfig?: (
		self: BuildExtraConfigColumns<TName, TenantRowColumns & TColumns, 'pg'>
	) => PgTableExtraConfigValue[]
) {
	const all: TenantRowColumns & TColumns = { ...tenantRowColumns(), ...columns };
	return pgTable<TName, TenantRowColumns & TColumns>(name, all, extraConfig);
}
