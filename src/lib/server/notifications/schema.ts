/**
 * Personal notifications: each person's setting per kind (immediately, weekly digest, off) and
 * the log of notifications given, which makes every trigger idempotent (one row per person and
 * key) and holds the entries of the coming weekly digest.
 */
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAtColumn, updatedAtColumn } from '../db/columns';
import { tenantTable } from '../tenants/schema';
import { requiredUserRefColumn } from '../auth/schema';

/** action items assigned or due, minutes naming the person, papers decided for the person's body, messages assigned */
export const NOTIFICATION_KINDS = ['action_item', 'minutes', 'paper', 'inquiry'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_MODES = ['immediate', 'weekly', 'off'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

/** A person's choice per kind; without a row: immediately. */
export const notificationSettings = pgTable(
	'notification_settings',
	{
		userId: requiredUserRefColumn('user_id'),
		kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
		mode: text('mode', { enum: NOTIFICATION_MODES }).notNull(),
		updatedAt: updatedAtColumn()
	},
	(t) => [primaryKey({ columns: [t.userId, t.kind] })]
);

/**
 * One notification given to a person (mailed at once, or waiting for the weekly digest until
 * digestedAt). `key` names the event, e.g. "action_item.assigned:<item>"; a second notification
 * with the same key for the same person is never given.
 */
export const notifications = tenantTable(
	'notifications',
	{
		userId: requiredUserRefColumn('user_id'),
		kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
		key: text('key').notNull(),
		mode: text('mode', { enum: ['immediate', 'weekly'] }).notNull(),
		/** the mail's subject in the person's language: the digest's line */
		subject: text('subject').notNull(),
		link: text('link').notNull(),
		createdAt: createdAtColumn(),
		/** when a weekly notification went out in a digest */
		digestedAt: timestamp('digested_at', { withTimezone: true })
	},
	(t) => [
		uniqueIndex('notifications_user_key').on(t.userId, t.key),
		index('notifications_digest_idx').on(t.mode, t.digestedAt, t.userId)
	]
);
