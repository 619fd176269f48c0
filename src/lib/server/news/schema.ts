import { customType, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
	optionalRefColumn,
	requiredRefColumn,
	timestampColumns,
	tenantIdKey,
	updatedAtColumn
} from '../db/columns';
import { tenantTable } from '../tenants/schema';
import { organizations } from '../organizations/schema';
import { users } from '../auth/schema';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const NEWS_STATUSES = ['draft', 'in_review', 'published'] as const;
export type NewsStatus = (typeof NEWS_STATUSES)[number];

/**
 * Neuigkeiten of a network. All texts of an item (title, summary, body, image alt text) live in
 * this one table, so translated versions can be added beside it later. `body` holds HTML that
 * was sanitised on the server when it was saved (news/rich-text.ts).
 *
 * Publicly visible while `status = 'published'` and now lies in [publish_at, unpublish_at)
 * (either end open when null).
 */
export const newsItems = tenantTable(
	'news_items',
	{
		/** the organisation the item is written for (editors write only for their own) */
		organizationId: optionalRefColumn('organization_id', () => organizations.id),
		authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
		title: text('title').notNull(),
		summary: text('summary'),
		body: text('body').notNull(),
		imageAlt: text('image_alt'),
		status: text('status', { enum: NEWS_STATUSES }).notNull().default('draft'),
		/** the reviewer's note when an item was sent back to its author */
		reviewNote: text('review_note'),
		publishAt: timestamp('publish_at', { withTimezone: true }),
		unpublishAt: timestamp('unpublish_at', { withTimezone: true }),
		/** when the item was first approved for publication */
		publishedAt: timestamp('published_at', { withTimezone: true }),
		...timestampColumns()
	},
	(t) => [
		tenantIdKey('news_items', t),
		index('news_items_tenant_status_idx').on(t.tenantId, t.status, t.publishAt)
	]
);

export type NewsItem = typeof newsItems.$inferSelect;

/** The image of a news item (PNG, JPEG or WebP, checked by content), stored like organisation logos. */
export const newsImages = pgTable('news_images', {
	newsId: uuid('news_id')
		.primaryKey()
		.references(() => newsItems.id, { onDelete: 'cascade' }),
	contentType: text('content_type').notNull(),
	content: bytea('content').notNull(),
	updatedAt: updatedAtColumn()
});

/**
 * A news item's texts in a further language (translations/content.ts; news/translatable.ts). The
 * German text stays in news_items; `body` is sanitised HTML like the German one.
 */
export const newsTexts = pgTable(
	'news_texts',
	{
		newsId: requiredRefColumn('news_id', () => newsItems.id),
		locale: text('locale').notNull(),
		title: text('title').notNull(),
		summary: text('summary'),
		body: text('body').notNull(),
		/** draft | machine (machine-translated) | reviewed | outdated */
		state: text('state', { enum: ['original', 'draft', 'machine', 'reviewed', 'outdated'] })
			.notNull()
			.default('draft'),
		/** hash of the German fields this translation was made from; null: unknown */
		sourceHash: text('source_hash'),
		updatedAt: updatedAtColumn()
	},
	(t) => [primaryKey({ columns: [t.newsId, t.locale] })]
);
