import { boolean, date, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import {
	createdAtColumn,
	timestampColumns,
	requiredRefColumn,
	tenantIdKey,
	tenantParentKey
} from '../db/columns';
import { tenantTable } from '../tenants/schema';
import { userRefColumn } from '../auth/schema';

/**
 * Frage, Wunsch, Anregung, Beschwerde; Barriere (feedback on accessibility, BITV 2.0 § 7: to be
 * answered within a month, so it gets a due date on arrival).
 */
export const INQUIRY_KINDS = [
	'question',
	'wish',
	'suggestion',
	'complaint',
	'accessibility'
] as const;
export type InquiryKind = (typeof INQUIRY_KINDS)[number];

export const INQUIRY_STATES = ['new', 'in_progress', 'answered', 'closed'] as const;
export type InquiryState = (typeof INQUIRY_STATES)[number];

/**
 * Anliegen: a citizen's message from the public form. Name, e-mail and text are personal data:
 * they are deleted (set null) after the tenant's retention period once the message is closed;
 * kind, state and dates stay for anonymous statistics.
 */
export const inquiries = tenantTable(
	'inquiries',
	{
		/** shown to the sender and staff, e.g. A-2026-7KQ3MX */
		reference: text('reference').notNull(),
		kind: text('kind', { enum: INQUIRY_KINDS }).notNull(),
		subject: text('subject'),
		body: text('body'),
		name: text('name'),
		email: text('email'),
		/** UI language of the sender, for mails */
		locale: text('locale').notNull().default('de'),
		/** the version of the privacy notice the sender agreed to, and when */
		consentVersion: text('consent_version').notNull(),
		consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
		/** SHA-256 of the private status link's token; null after deletion */
		statusTokenHash: text('status_token_hash'),
		state: text('state', { enum: INQUIRY_STATES }).notNull().default('new'),
		assigneeId: userRefColumn('assignee_id'),
		dueOn: date('due_on'),
		/** whether the browser solved the proof-of-work challenge */
		proofOfWork: boolean('proof_of_work').notNull().default(false),
		answeredAt: timestamp('answered_at', { withTimezone: true }),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		/** when the personal data was deleted */
		purgedAt: timestamp('purged_at', { withTimezone: true }),
		...timestampColumns()
	},
	(t) => [
		uniqueIndex('inquiries_reference_key').on(t.tenantId, t.reference),
		uniqueIndex('inquiries_status_token_key').on(t.statusTokenHash),
		index('inquiries_tenant_state_idx').on(t.tenantId, t.state, t.createdAt),
		index('inquiries_closed_idx').on(t.state, t.closedAt),
		tenantIdKey('inquiries', t)
	]
);

/**
 * The thread of a message: replies (sent by mail, shown behind the status link), internal notes
 * (staff only) and follow-ups from the sender.
 */
export const INQUIRY_ENTRY_KINDS = ['reply', 'note', 'followup'] as const;
export type InquiryEntryKind = (typeof INQUIRY_ENTRY_KINDS)[number];

export const inquiryEntries = tenantTable(
	'inquiry_entries',
	{
		inquiryId: requiredRefColumn('inquiry_id', () => inquiries.id),
		kind: text('kind', { enum: INQUIRY_ENTRY_KINDS }).notNull(),
		body: text('body').notNull(),
		authorId: userRefColumn('author_id'),
		/** what the sender sees of staff: first name and role, fixed when written */
		authorLabel: text('author_label'),
		createdAt: createdAtColumn()
	},
	(t) => [
		index('inquiry_entries_inquiry_idx').on(t.inquiryId, t.createdAt),
		tenantParentKey('inquiry_entries_tenant_inquiry_fk', t, t.inquiryId, inquiries)
	]
);

/** Textbausteine: answers to frequent messages. */
export const inquiryTemplates = tenantTable(
	'inquiry_templates',
	{
		title: text('title').notNull(),
		body: text('body').notNull(),
		...timestampColumns()
	},
	(t) => [index('inquiry_templates_tenant_idx').on(t.tenantId)]
);

/**
 * Spam challenges already redeemed (see spam.ts `redeemChallenge`): a challenge with its proof
 * of work is accepted once only, across app instances. Rows are purged once the challenge has
 * expired anyway (`expires_at`, the end of the form's validity).
 */
export const redeemedChallenges = pgTable(
	'redeemed_challenges',
	{
		/** the challenge's random nonce */
		nonce: text('nonce').primaryKey(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('redeemed_challenges_expires_idx').on(t.expiresAt)]
);
