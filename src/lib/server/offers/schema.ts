import { sql } from 'drizzle-orm';
import {
	boolean,
	customType,
	date,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import {
	idColumn,
	updatedAtColumn,
	timestampColumns,
	requiredRefColumn,
	optionalRefColumn
} from '../db/columns';
import { tenantTable } from '../tenants/schema';
import { contacts, organizations } from '../organizations/schema';
import { fieldsOfAction } from '../fields-of-action/schema';
import { userRefColumn } from '../auth/schema';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Angebote. Texts live in offer_texts, one row per language. */
export const offers = tenantTable(
	'offers',
	{
		organizationId: requiredRefColumn('organization_id', () => organizations.id),
		fieldOfActionId: optionalRefColumn('field_of_action_id', () => fieldsOfAction.id),
		/** keys from TARGET_GROUPS */
		targetGroups: text('target_groups').array().notNull().default([]),
		/** ISO 639-1 codes of the languages in which the offer is given */
		languages: text('languages').array().notNull().default([]),
		/** municipalities (tenants) where the offer is available; empty = the whole tenant */
		municipalityIds: uuid('municipality_ids').array().notNull().default([]),
		/** place | mobile | online */
		locationKind: text('location_kind', { enum: ['place', 'mobile', 'online'] })
			.notNull()
			.default('place'),
		onlineUrl: text('online_url'),
		/** once | recurring | appointment */
		scheduleKind: text('schedule_kind', { enum: ['once', 'recurring', 'appointment'] })
			.notNull()
			.default('appointment'),
		startsAt: timestamp('starts_at', { withTimezone: true }),
		endsAt: timestamp('ends_at', { withTimezone: true }),
		/** RFC 5545 RRULE for recurring offers, e.g. FREQ=WEEKLY;BYDAY=TU */
		rrule: text('rrule'),
		/** ISO weekdays 1 (Monday) … 7 (Sunday) on which it takes place, for the day filter */
		weekdays: integer('weekdays').array().notNull().default([]),
		costKind: text('cost_kind', { enum: ['free', 'paid'] })
			.notNull()
			.default('free'),
		registrationRequired: boolean('registration_required').notNull().default(false),
		childcare: boolean('childcare').notNull().default(false),
		accessible: boolean('accessible').notNull().default(false),
		validFrom: date('valid_from'),
		validTo: date('valid_to'),
		contactId: optionalRefColumn('contact_id', () => contacts.id),
		status: text('status', { enum: ['draft', 'in_review', 'published', 'archived'] })
			.notNull()
			.default('draft'),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		lastConfirmedAt: timestamp('last_confirmed_at', { withTimezone: true }),
		confirmationRemindedAt: timestamp('confirmation_reminded_at', { withTimezone: true }),
		needsReviewedAt: timestamp('needs_reviewed_at', { withTimezone: true }),
		needsReviewNote: text('needs_review_note'),
		needsReviewedBy: userRefColumn('needs_reviewed_by'),
		...timestampColumns()
	},
	(t) => [
		index('offers_tenant_status_idx').on(t.tenantId, t.status),
		index('offers_organization_idx').on(t.organizationId),
		index('offers_target_groups_idx').using('gin', t.targetGroups),
		index('offers_languages_idx').using('gin', t.languages),
		index('offers_municipalities_idx').using('gin', t.municipalityIds)
	]
);
export type Offer = typeof offers.$inferSelect;

/** An offer's texts in one language, with its search vector. */
export const offerTexts = pgTable(
	'offer_texts',
	{
		offerId: requiredRefColumn('offer_id', () => offers.id),
		locale: text('locale').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		costNote: text('cost_note'),
		registrationNote: text('registration_note'),
		scheduleNote: text('schedule_note'),
		accessibilityNote: text('accessibility_note'),
		/** original | draft | machine (machine-translated) | reviewed | outdated */
		state: text('state', { enum: ['original', 'draft', 'machine', 'reviewed', 'outdated'] })
			.notNull()
			.default('draft'),
		/** hash of the German fields this translation was made from (translations/source-hash.ts); null: unknown */
		sourceHash: text('source_hash'),
		search: tsvector('search').generatedAlwaysAs(
			sql`setweight(to_tsvector(CASE locale WHEN 'de' THEN 'german'::regconfig WHEN 'en' THEN 'english'::regconfig WHEN 'ru' THEN 'russian'::regconfig WHEN 'tr' THEN 'turkish'::regconfig WHEN 'ar' THEN 'arabic'::regconfig ELSE 'simple'::regconfig END, coalesce(title, '')), 'A') || setweight(to_tsvector(CASE locale WHEN 'de' THEN 'german'::regconfig WHEN 'en' THEN 'english'::regconfig WHEN 'ru' THEN 'russian'::regconfig WHEN 'tr' THEN 'turkish'::regconfig WHEN 'ar' THEN 'arabic'::regconfig ELSE 'simple'::regconfig END, coalesce(description, '')), 'B')`
		),
		updatedAt: updatedAtColumn()
	},
	(t) => [
		primaryKey({ columns: [t.offerId, t.locale] }),
		index('offer_texts_search_idx').using('gin', t.search),
		index('offer_texts_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`)
	]
);

/** Places where an offer takes place (several possible). */
export const offerPlaces = pgTable(
	'offer_places',
	{
		id: idColumn(),
		offerId: requiredRefColumn('offer_id', () => offers.id),
		name: text('name'),
		street: text('street'),
		postalCode: text('postal_code'),
		city: text('city'),
		latitude: doublePrecision('latitude'),
		longitude: doublePrecision('longitude'),
		room: text('room')
	},
	(t) => [index('offer_places_offer_idx').on(t.offerId)]
);

/**
 * A change to a published offer (or organisation) proposed by an editor, waiting for the
 * coordinator. `proposed` holds the whole new state; the live record changes on approval.
 */
export const revisions = tenantTable(
	'revisions',
	{
		entityType: text('entity_type', { enum: ['offer', 'organization'] }).notNull(),
		entityId: uuid('entity_id').notNull(),
		proposed: jsonb('proposed').notNull(),
		status: text('status', { enum: ['pending', 'approved', 'rejected', 'superseded'] })
			.notNull()
			.default('pending'),
		submittedBy: userRefColumn('submitted_by'),
		submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
		decidedBy: userRefColumn('decided_by'),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		decisionNote: text('decision_note')
	},
	(t) => [
		index('revisions_queue_idx').on(t.tenantId, t.status, t.submittedAt),
		index('revisions_entity_idx').on(t.entityType, t.entityId)
	]
);
