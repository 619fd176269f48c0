/**
 * News as translatable content (translations/content.ts): the title, summary and body of an item
 * in further languages, in news_texts. Items count once they are sent for review or published and
 * while they have not expired; drafts are still being written. A translated body is sanitised
 * like the German one (news/rich-text.ts).
 */
import { and, desc, eq, gt, inArray, isNull, ne, or } from 'drizzle-orm';
import { newsItems, newsTexts } from './schema';
import { sanitizeNewsHtml } from './rich-text';
import type {
	StoredTranslation,
	TranslatableItem,
	TranslatableKind
} from '../translations/content';

export const NEWS_TRANSLATABLE_FIELDS = ['title', 'summary', 'body'] as const;

export const newsTranslatable: TranslatableKind = {
	type: 'news',
	fields: NEWS_TRANSLATABLE_FIELDS,
	shortFields: ['title'],
	htmlFields: ['body'],
	async load(db, tenantId, filter) {
		if (filter.organizationIds && filter.organizationIds.length === 0) return [];
		const rows = await db
			.select({
				id: newsItems.id,
				organizationId: newsItems.organizationId,
				title: newsItems.title,
				summary: newsItems.summary,
				body: newsItems.body
			})
			.from(newsItems)
			.where(
				and(
					eq(newsItems.tenantId, tenantId),
					ne(newsItems.status, 'draft'),
					or(isNull(newsItems.unpublishAt), gt(newsItems.unpublishAt, new Date())),
					filter.id ? eq(newsItems.id, filter.id) : undefined,
					filter.organizationIds
						? inArray(newsItems.organizationId, filter.organizationIds)
						: undefined
				)
			)
			.orderBy(desc(newsItems.createdAt));
		if (rows.length === 0) return [];
		const texts = await db
			.select()
			.from(newsTexts)
			.where(
				inArray(
					newsTexts.newsId,
					rows.map((r) => r.id)
				)
			);
		return rows.map((r): TranslatableItem => {
			const translations = new Map<string, StoredTranslation>();
			for (const t of texts) {
				if (t.newsId !== r.id || t.locale === 'de') continue;
				translations.set(t.locale, {
					fields: { title: t.title, summary: t.summary, body: t.body },
					state: t.state,
					sourceHash: t.sourceHash
				});
			}
			return {
				type: 'news',
				id: r.id,
				tenantId,
				organizationId: r.organizationId,
				label: r.title,
				german: { title: r.title, summary: r.summary, body: r.body },
				translations
			};
		});
	},
	async write(tx, item, locale, fields, state, hash) {
		const values = {
			title: fields.title ?? '',
			summary: fields.summary || null,
			// left empty: readers get the German body (marked as German)
			body: sanitizeNewsHtml(fields.body ?? ''),
			state,
			sourceHash: hash,
			updatedAt: new Date()
		};
		await tx
			.insert(newsTexts)
			.values({ newsId: item.id, locale, ...values })
			.onConflictDoUpdate({ target: [newsTexts.newsId, newsTexts.locale], set: values });
	},
	editPath: (item) => `/neuigkeiten/${item.id}`
};
