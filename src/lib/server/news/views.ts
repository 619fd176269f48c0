/** What pages show of news: the app's list and form, the preview, the public list, page and feed. */
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize, can } from '../auth/policy';
import { NotFoundError } from '../errors';
import { organizations } from '../organizations/schema';
import { requireUuid, pageOf, pageOffset } from '../shared';
import { toBerlinDateTime } from '../shared/berlin-datetime';
import { newsImages, newsItems, newsTexts, type NewsItem, type NewsStatus } from './schema';
import { shownToReaders, sourceHash } from '../translations/content';
import { NEWS_TRANSLATABLE_FIELDS } from './translatable';
import { publicNewsWhere, isPubliclyVisible } from './visibility';
import { findWritableNews } from './manage';
import { htmlToText } from './rich-text';

export const NEWS_PAGE_SIZE = 10;

export interface NewsCard {
	id: string;
	title: string;
	summary: string;
	/** the language of title and summary: the reader's where translated, else German */
	lang: string;
	/** the reader's language has no (current) translation, so German is shown */
	isFallback: boolean;
	/** the reader's language is shown, machine-translated */
	machine: boolean;
	/** when it counts as published: the start of its window, else when it was approved */
	date: Date;
	organizationName: string | null;
	hasImage: boolean;
	imageAlt: string | null;
	imageVersion: number | null;
}

export interface NewsPage extends NewsCard {
	/** safe HTML, sanitised when it was saved */
	body: string;
	/** the language of the body (German when a translation left it empty) */
	bodyLang: string;
	updatedAt: Date;
}

const SUMMARY_CHARS = 280;

function summaryOf(row: Pick<NewsItem, 'summary' | 'body'>): string {
	if (row.summary) return row.summary;
	const text = htmlToText(row.body);
	return text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS - 1).trimEnd()}…` : text;
}

const cardColumns = {
	id: newsItems.id,
	title: newsItems.title,
	summary: newsItems.summary,
	body: newsItems.body,
	imageAlt: newsItems.imageAlt,
	publishAt: newsItems.publishAt,
	publishedAt: newsItems.publishedAt,
	updatedAt: newsItems.updatedAt,
	createdAt: newsItems.createdAt,
	organizationName: organizations.name,
	imageUpdatedAt: newsImages.updatedAt
};

type CardRow = {
	id: string;
	title: string;
	summary: string | null;
	body: string;
	imageAlt: string | null;
	publishAt: Date | null;
	publishedAt: Date | null;
	updatedAt: Date;
	createdAt: Date;
	organizationName: string | null;
	imageUpdatedAt: Date | null;
};

const dateExpr = sql<Date>`coalesce(${newsItems.publishAt}, ${newsItems.publishedAt}, ${newsItems.createdAt})`;

/** A translation of an item as readers get it. */
interface ReaderText {
	locale: string;
	title: string;
	summary: string | null;
	body: string;
	machine: boolean;
}

function toPage(r: CardRow, t?: ReaderText | null, locale = 'de'): NewsPage {
	const body = t?.body ? t.body : r.body;
	return {
		id: r.id,
		title: t ? t.title : r.title,
		summary: t ? summaryOf({ summary: t.summary, body }) : summaryOf(r),
		lang: t ? t.locale : 'de',
		isFallback: locale !== 'de' && !t,
		machine: !!t?.machine,
		bodyLang: t?.body ? t.locale : 'de',
		date: r.publishAt ?? r.publishedAt ?? r.createdAt,
		organizationName: r.organizationName,
		hasImage: !!r.imageUpdatedAt,
		imageAlt: r.imageUpdatedAt ? r.imageAlt : null,
		imageVersion: r.imageUpdatedAt ? r.imageUpdatedAt.getTime() : null,
		body,
		updatedAt: r.updatedAt
	};
}

/**
 * The reader's language of each item where a translation is shown to readers (made from the
 * current German text); missing ids fall back to German.
 */
async function readerTexts(
	db: Executor,
	rows: CardRow[],
	locale: string
): Promise<Map<string, ReaderText>> {
	const out = new Map<string, ReaderText>();
	if (locale === 'de' || rows.length === 0) return out;
	const texts = await db
		.select()
		.from(newsTexts)
		.where(
			and(
				eq(newsTexts.locale, locale),
				inArray(
					newsTexts.newsId,
					rows.map((r) => r.id)
				)
			)
		);
	for (const r of rows) {
		const t = texts.find((x) => x.newsId === r.id);
		if (!t || !shownToReaders(t, sourceHash(r, NEWS_TRANSLATABLE_FIELDS))) continue;
		out.set(r.id, {
			locale,
			title: t.title,
			summary: t.summary,
			body: t.body,
			machine: t.state === 'machine'
		});
	}
	return out;
}

/** The rows as readers of `locale` get them. */
async function localized(db: Executor, rows: CardRow[], locale: string): Promise<NewsPage[]> {
	const texts = await readerTexts(db, rows, locale);
	return rows.map((r) => toPage(r, texts.get(r.id), locale));
}

function selectCards(db: Executor, where: SQL) {
	return db
		.select(cardColumns)
		.from(newsItems)
		.leftJoin(organizations, eq(organizations.id, newsItems.organizationId))
		.leftJoin(newsImages, eq(newsImages.newsId, newsItems.id))
		.where(where);
}

/** A page of the tenant's public news, newest first. Public data; no sign-in needed. */
export async function listPublicNews(
	ctx: TenantCtx,
	input: { page?: number; size?: number } = {},
	now: Date = new Date()
): Promise<{ items: NewsCard[]; page: number; hasMore: boolean }> {
	const page = input.page ?? 1;
	const size = input.size ?? NEWS_PAGE_SIZE;
	const rows = await selectCards(ctx.db, publicNewsWhere(ctx.tenant.id, now))
		.orderBy(desc(dateExpr), desc(newsItems.id))
		.limit(size + 1)
		.offset(pageOffset(page, size));
	const { rows: items, hasMore } = pageOf(await localized(ctx.db, rows, ctx.locale), size);
	return {
		items: items.map(({ body: _b, bodyLang: _l, updatedAt: _u, ...card }) => card),
		page,
		hasMore
	};
}

/** The public page of one visible news item; NotFoundError otherwise. */
export async function getPublicNews(
	ctx: TenantCtx,
	input: { id: string },
	now: Date = new Date()
): Promise<NewsPage> {
	requireUuid(input.id);
	const [row] = await selectCards(
		ctx.db,
		and(publicNewsWhere(ctx.tenant.id, now), eq(newsItems.id, input.id))!
	);
	if (!row) throw new NotFoundError();
	const [page] = await localized(ctx.db, [row], ctx.locale);
	return page;
}

/** The latest visible items with their whole text, for the Atom feed. */
export async function newsForFeed(
	ctx: TenantCtx,
	limit = 20,
	now: Date = new Date()
): Promise<NewsPage[]> {
	const rows = await selectCards(ctx.db, publicNewsWhere(ctx.tenant.id, now))
		.orderBy(desc(dateExpr), desc(newsItems.id))
		.limit(limit);
	return localized(ctx.db, rows, ctx.locale);
}

/** The image of a visible news item; null when the item is not visible or has none. */
export async function publicNewsImage(
	ctx: TenantCtx,
	input: { id: string },
	now: Date = new Date()
): Promise<{ contentType: string; content: Uint8Array; updatedAt: Date } | null> {
	try {
		await getPublicNews(ctx, input, now);
	} catch (e) {
		if (e instanceof NotFoundError) return null;
		throw e;
	}
	return readImage(ctx.db, input.id);
}

async function readImage(db: Executor, newsId: string) {
	const [row] = await db.select().from(newsImages).where(eq(newsImages.newsId, newsId));
	if (!row) return null;
	return {
		contentType: row.contentType,
		content: new Uint8Array(row.content),
		updatedAt: row.updatedAt
	};
}

/** The image for the signed-in area (preview, form) of an item the actor may write. */
export async function appNewsImage(ctx: TenantCtx, input: { id: string }) {
	await findWritableNews(ctx, ctx.db, input.id);
	const image = await readImage(ctx.db, input.id);
	if (!image) throw new NotFoundError();
	return image;
}

export interface AppNewsRow {
	id: string;
	title: string;
	status: NewsStatus;
	organizationName: string | null;
	publishAt: Date | null;
	unpublishAt: Date | null;
	visibleNow: boolean;
	updatedAt: Date;
}

/** The news the actor may write: all for coordinators, those of their organisations for editors. */
export async function listAppNews(
	ctx: TenantCtx,
	input: { page?: number } = {},
	now: Date = new Date()
): Promise<{ items: AppNewsRow[]; page: number; hasMore: boolean; canPublish: boolean }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'news.write', {
		tenantId,
		organizationId: ctx.actor?.editorOf[tenantId]?.[0]
	});
	const canPublish = can(ctx.actor, 'news.publish', { tenantId });
	const own = ctx.actor.editorOf[tenantId] ?? [];
	const where = canPublish
		? eq(newsItems.tenantId, tenantId)
		: and(
				eq(newsItems.tenantId, tenantId),
				own.length ? inArray(newsItems.organizationId, own) : sql`false`
			)!;
	const page = input.page ?? 1;
	const rows = await ctx.db
		.select({
			id: newsItems.id,
			title: newsItems.title,
			status: newsItems.status,
			organizationName: organizations.name,
			publishAt: newsItems.publishAt,
			unpublishAt: newsItems.unpublishAt,
			updatedAt: newsItems.updatedAt
		})
		.from(newsItems)
		.leftJoin(organizations, eq(organizations.id, newsItems.organizationId))
		.where(where)
		.orderBy(desc(newsItems.updatedAt), desc(newsItems.id))
		.limit(NEWS_PAGE_SIZE * 2 + 1)
		.offset(pageOffset(page, NEWS_PAGE_SIZE * 2));
	const { rows: items, hasMore } = pageOf(rows, NEWS_PAGE_SIZE * 2);
	return {
		items: items.map((r) => ({ ...r, visibleNow: isPubliclyVisible(r, now) })),
		page,
		hasMore,
		canPublish
	};
}

export interface NewsFormView {
	id: string;
	status: NewsStatus;
	reviewNote: string | null;
	visibleNow: boolean;
	hasImage: boolean;
	imageVersion: number | null;
	canPublish: boolean;
	values: Record<string, string>;
	preview: NewsPage;
}

/** One item for its form and preview in the signed-in area. */
export async function getNewsForEdit(
	ctx: TenantCtx,
	input: { id: string },
	now: Date = new Date()
): Promise<NewsFormView> {
	const row = await findWritableNews(ctx, ctx.db, input.id);
	const [[org], image] = await Promise.all([
		row.organizationId
			? ctx.db
					.select({ name: organizations.name })
					.from(organizations)
					.where(
						and(eq(organizations.id, row.organizationId), eq(organizations.tenantId, ctx.tenant.id))
					)
			: Promise.resolve([]),
		ctx.db
			.select({ updatedAt: newsImages.updatedAt })
			.from(newsImages)
			.where(eq(newsImages.newsId, row.id))
	]);
	const imageUpdatedAt = image[0]?.updatedAt ?? null;
	return {
		id: row.id,
		status: row.status,
		reviewNote: row.reviewNote,
		visibleNow: isPubliclyVisible(row, now),
		hasImage: !!imageUpdatedAt,
		imageVersion: imageUpdatedAt?.getTime() ?? null,
		canPublish: can(ctx.actor, 'news.publish', { tenantId: ctx.tenant.id }),
		values: {
			title: row.title,
			summary: row.summary ?? '',
			body: row.body,
			imageAlt: row.imageAlt ?? '',
			organizationId: row.organizationId ?? '',
			publishAt: toBerlinDateTime(row.publishAt),
			unpublishAt: toBerlinDateTime(row.unpublishAt)
		},
		preview: toPage({
			...row,
			organizationName: (org as { name: string } | undefined)?.name ?? null,
			imageUpdatedAt
		})
	};
}

/** The organisations the actor may write news for (editors: their own; coordinators: all). */
export async function newsOrganizationChoices(
	ctx: TenantCtx
): Promise<{ value: string; label: string }[]> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'news.write', {
		tenantId,
		organizationId: ctx.actor?.editorOf[tenantId]?.[0]
	});
	const all = can(ctx.actor, 'news.publish', { tenantId });
	const own = ctx.actor.editorOf[tenantId] ?? [];
	const rows = await ctx.db
		.select({ value: organizations.id, label: organizations.name })
		.from(organizations)
		.where(
			all
				? eq(organizations.tenantId, tenantId)
				: and(
						eq(organizations.tenantId, tenantId),
						own.length ? inArray(organizations.id, own) : sql`false`
					)
		)
		.orderBy(organizations.name);
	return rows;
}
