import {
	boolean,
	customType,
	doublePrecision,
	foreignKey,
	index,
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
	updatedAtColumn,
	timestampColumns,
	requiredRefColumn,
	optionalRefColumn
} from '../db/columns';
import { tenantIdColumn, tenantTable } from '../tenants/schema';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** Kinds of actors (Sprachschule, Beratungsstelle …); each tenant keeps its own list. */
export const organizationTypes = tenantTable(
	'organization_types',
	{
		key: text('key').notNull(),
		name: text('name').notNull(),
		createdAt: createdAtColumn()
	},
	(t) => [uniqueIndex('organization_types_tenant_key').on(t.tenantId, t.key)]
);

export const organizations = pgTable(
	'organizations',
	{
		id: idColumn(),
		/** the tenant that keeps the record */
		tenantId: tenantIdColumn(),
		typeId: optionalRefColumn('type_id', () => organizationTypes.id),
		name: text('name').notNull(),
		/** German description; other languages in organization_texts */
		description: text('description'),
		website: text('website'),
		phone: text('phone'),
		/** the organisation's public e-mail (not a person's) */
		email: text('email'),
		street: text('street'),
		postalCode: text('postal_code'),
		city: text('city'),
		latitude: doublePrecision('latitude'),
		longitude: doublePrecision('longitude'),
		/** ISO 639-1 codes of the languages spoken there */
		languages: text('languages').array().notNull().default([]),
		wheelchairAccessible: boolean('wheelchair_accessible'),
		/** free text on the accessibility of the premises */
		accessibilityNote: text('accessibility_note'),
		/** changes by the organisation's editors go live without review */
		trusted: boolean('trusted').notNull().default(false),
		isPublic: boolean('is_public').notNull().default(true),
		...timestampColumns()
	},
	(t) => [index('organizations_tenant_idx').on(t.tenantId, t.name)]
);

/** Further tenants an organisation takes part in / serves (e.g. the municipalities of a district). */
export const organizationTenants = pgTable(
	'organization_tenants',
	{
		organizationId: uuid('organization_id').notNull(),
		tenantId: tenantIdColumn()
	},
	(t) => [
		primaryKey({ columns: [t.organizationId, t.tenantId] }),
		foreignKey({ columns: [t.organizationId], foreignColumns: [organizations.id] }).onDelete(
			'cascade'
		),
		index('organization_tenants_tenant_idx').on(t.tenantId)
	]
);

/** An organisation's description in further languages. */
export const organizationTexts = pgTable(
	'organization_texts',
	{
		organizationId: requiredRefColumn('organization_id', () => organizations.id),
		locale: text('locale').notNull(),
		description: text('description').notNull(),
		/** original | draft | machine (machine-translated) | reviewed | outdated */
		state: text('state', { enum: ['original', 'draft', 'machine', 'reviewed', 'outdated'] })
			.notNull()
			.default('draft'),
		/** hash of the German fields this translation was made from (translations/source-hash.ts); null: unknown */
		sourceHash: text('source_hash'),
		updatedAt: updatedAtColumn()
	},
	(t) => [primaryKey({ columns: [t.organizationId, t.locale] })]
);

export const organizationLogos = pgTable('organization_logos', {
	organizationId: uuid('organization_id')
		.primaryKey()
		.references(() => organizations.id, { onDelete: 'cascade' }),
	contentType: text('content_type').notNull(),
	content: bytea('content').notNull(),
	updatedAt: updatedAtColumn()
});

/**
 * Ansprechpartner:innen. Shown publicly only while consent is recorded and not withdrawn.
 */
export const contacts = tenantTable(
	'contacts',
	{
		organizationId: requiredRefColumn('organization_id', () => organizations.id),
		name: text('name').notNull(),
		role: text('role'),
		phone: text('phone'),
		email: text('email'),
		/** the consent text the person agreed to, as shown at the time */
		consentText: text('consent_text'),
		consentGivenAt: timestamp('consent_given_at', { withTimezone: true }),
		consentWithdrawnAt: timestamp('consent_withdrawn_at', { withTimezone: true }),
		...timestampColumns()
	},
	(t) => [index('contacts_organization_idx').on(t.organizationId)]
);
