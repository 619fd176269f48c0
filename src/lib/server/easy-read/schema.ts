import { customType, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { requiredRefColumn, updatedAtColumn } from '../db/columns';
import { tenants, tenantIdColumn } from '../tenants/schema';
import { offers } from '../offers/schema';
import { newsItems } from '../news/schema';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * The Leichte Sprache text of an offer (BITV 2.0 § 4): plain text with paragraphs, shown on the
 * public offer page in its own section. One per offer; it goes with the offer.
 */
export const offerEasyReadTexts = pgTable('offer_easy_read_texts', {
	offerId: requiredRefColumn('offer_id', () => offers.id).primaryKey(),
	tenantId: tenantIdColumn(),
	text: text('text').notNull(),
	updatedAt: updatedAtColumn()
});

/** The Leichte Sprache text of a news item, shown on the public news page. */
export const newsEasyReadTexts = pgTable('news_easy_read_texts', {
	newsId: requiredRefColumn('news_id', () => newsItems.id).primaryKey(),
	tenantId: tenantIdColumn(),
	text: text('text').notNull(),
	updatedAt: updatedAtColumn()
});

/**
 * A tenant's sign-language (DGS) video for its Leichte Sprache page, with its WebVTT captions.
 * The content type is checked against the bytes when it is uploaded (easy-read/video.ts).
 */
export const signLanguageVideos = pgTable('sign_language_videos', {
	tenantId: uuid('tenant_id')
		.primaryKey()
		.references(() => tenants.id, { onDelete: 'cascade' }),
	mediaType: text('media_type').notNull(),
	size: integer('size').notNull(),
	sha256: text('sha256').notNull(),
	content: bytea('content').notNull(),
	/** WebVTT captions (text), null until uploaded */
	captions: text('captions'),
	updatedAt: updatedAtColumn()
});
