/**
 * Writing news in the signed-in area. Coordinators write and publish; editors write for their
 * own organisations and send the item to review, as for offers: a coordinator publishes it or
 * sends it back with a note. An editor's change to a published item goes back to review (the
 * item is hidden until a coordinator publishes it again).
 */
import { eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize, can } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { findOrganization } from '../organizations/queries';
import { detectImageType, LOGO_MAX_BYTES } from '../organizations/logos';
import { contentMatchesType } from '../shared/file-content';
import { parseOrThrow, requireUuid } from '../shared';
import { newsImages, newsItems, type NewsItem, type NewsStatus } from './schema';
import { newsInputSchema, type NewsInput } from './validation';
import { sanitizeNewsHtml, htmlToText } from './rich-text';

export const NEWS_IMAGE_MAX_BYTES = LOGO_MAX_BYTES;

/** The item in the tenant, locked for the change; NotFoundError when missing or not writable. */
export async function findWritableNews(
	ctx: TenantCtx,
	tx: Executor,
	id: string,
	lock = false
): Promise<NewsItem> {
	requireUuid(id);
	const q = tx.select().from(newsItems).where(eq(newsItems.id, id));
	const [row] = lock ? await q.for('update') : await q;
	if (!row || row.tenantId !== ctx.tenant.id) throw new NotFoundError();
	authorize(ctx.actor, 'news.write', {
		tenantId: ctx.tenant.id,
		organizationId: row.organizationId ?? undefined
	});
	return row;
}

export interface SaveNewsInput extends NewsInput {
	id?: string;
	/** an uploaded image; empty or absent keeps the current one */
	image?: Uint8Array;
	removeImage?: boolean;
}

async function checkedImage(bytes: Uint8Array | undefined) {
	if (!bytes || bytes.byteLength === 0) return null;
	if (bytes.byteLength > NEWS_IMAGE_MAX_BYTES)
		throw new ValidationError({ image: 'news_error_image_too_large' });
	const contentType = detectImageType(bytes);
	if (!contentType || !(await contentMatchesType(contentType, bytes)))
		throw new ValidationError({ image: 'news_error_image_type' });
	return { contentType, content: Buffer.from(bytes) };
}

/** Creates or changes a news item (with its image). Returns the id. */
export async function saveNews(ctx: TenantCtx, input: SaveNewsInput): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'news.write', {
		tenantId,
		organizationId:
			typeof input.organizationId === 'string' && input.organizationId
				? input.organizationId
				: undefined
	});
	const actor = ctx.actor;
	const data = parseOrThrow(newsInputSchema, input);
	const body = sanitizeNewsHtml(data.body);
	if (!htmlToText(body)) throw new ValidationError({ body: 'news_error_body_required' });
	const image = await checkedImage(input.image);
	const reviewer = can(actor, 'news.publish', { tenantId });

	return ctx.db.transaction(async (tx) => {
		if (data.organizationId) await findOrganization(tx, tenantId, data.organizationId);
		const before = input.id ? await findWritableNews(ctx, tx, input.id, true) : null;
		const [existingImage] = before
			? await tx
					.select({ newsId: newsImages.newsId })
					.from(newsImages)
					.where(eq(newsImages.newsId, before.id))
			: [];
		const willHaveImage = !!image || (!!existingImage && !input.removeImage);
		if (willHaveImage && !data.imageAlt)
			throw new ValidationError({ imageAlt: 'news_error_alt_required' });

		let status: NewsStatus = before?.status ?? 'draft';
		if (!reviewer && status === 'published') status = 'in_review';
		const values = {
			title: data.title,
			summary: data.summary,
			body,
			imageAlt: willHaveImage ? data.imageAlt : null,
			organizationId: data.organizationId ?? null,
			publishAt: data.publishAt,
			unpublishAt: data.unpublishAt,
			status
		};
		let id: string;
		if (before) {
			id = before.id;
			await tx
				.update(newsItems)
				.set({ ...values, updatedAt: new Date() })
				.where(eq(newsItems.id, id));
		} else {
			const [row] = await tx
				.insert(newsItems)
				.values({ ...values, tenantId, authorId: actor.userId })
				.returning({ id: newsItems.id });
			id = row.id;
		}
		if (image) {
			await tx
				.insert(newsImages)
				.values({ newsId: id, ...image })
				.onConflictDoUpdate({
					target: newsImages.newsId,
					set: { ...image, updatedAt: new Date() }
				});
		} else if (input.removeImage && existingImage) {
			await tx.delete(newsImages).where(eq(newsImages.newsId, id));
		}
		await recordAudit(tx, ctx, {
			tenantId,
			action: before ? 'news.update' : 'news.create',
			entityType: 'news',
			entityId: id,
			before: before && auditView(before),
			after: { ...auditView(values), image: image ? image.contentType : undefined }
		});
		return { id };
	});
}

function auditView(v: {
	title: string;
	status: string;
	publishAt: Date | null;
	unpublishAt: Date | null;
	organizationId: string | null;
}) {
	return {
		title: v.title,
		status: v.status,
		publishAt: v.publishAt,
		unpublishAt: v.unpublishAt,
		organizationId: v.organizationId
	};
}

async function changeStatus(
	ctx: TenantCtx,
	id: string,
	action: string,
	decide: (row: NewsItem) => Partial<NewsItem>
): Promise<void> {
	await ctx.db.transaction(async (tx) => {
		const row = await findWritableNews(ctx, tx, id, true);
		const change = decide(row);
		await tx
			.update(newsItems)
			.set({ ...change, updatedAt: new Date() })
			.where(eq(newsItems.id, row.id));
		await recordAudit(tx, ctx, {
			tenantId: ctx.tenant.id,
			action,
			entityType: 'news',
			entityId: row.id,
			before: { status: row.status },
			after: { status: change.status ?? row.status, reviewNote: change.reviewNote }
		});
	});
}

/** An editor sends a draft to review. */
export async function submitNews(ctx: TenantCtx, input: { id: string }): Promise<void> {
	authorize(ctx.actor, 'tenant.view', { tenantId: ctx.tenant.id });
	await changeStatus(ctx, input.id, 'news.submit', (row) => {
		if (row.status !== 'draft') throw new ValidationError({ form: 'news_error_not_draft' });
		return { status: 'in_review', reviewNote: null };
	});
}

/** A coordinator publishes (within the item's window). */
export async function publishNews(ctx: TenantCtx, input: { id: string }): Promise<void> {
	authorize(ctx.actor, 'news.publish', { tenantId: ctx.tenant.id });
	await changeStatus(ctx, input.id, 'news.publish', (row) => ({
		status: 'published',
		reviewNote: null,
		publishedAt: row.publishedAt ?? new Date()
	}));
}

/** A coordinator sends an item in review back to its author with a note. */
export async function returnNews(
	ctx: TenantCtx,
	input: { id: string; note?: string }
): Promise<void> {
	authorize(ctx.actor, 'news.publish', { tenantId: ctx.tenant.id });
	const note = (input.note ?? '').trim();
	if (!note) throw new ValidationError({ note: 'news_error_note_required' });
	if (note.length > 2000) throw new ValidationError({ note: 'news_error_note_too_long' });
	await changeStatus(ctx, input.id, 'news.return', (row) => {
		if (row.status !== 'in_review') throw new ValidationError({ form: 'news_error_not_in_review' });
		return { status: 'draft', reviewNote: note };
	});
}

/** A coordinator takes a published item off the public pages (back to draft). */
export async function withdrawNews(ctx: TenantCtx, input: { id: string }): Promise<void> {
	authorize(ctx.actor, 'news.publish', { tenantId: ctx.tenant.id });
	await changeStatus(ctx, input.id, 'news.withdraw', () => ({ status: 'draft' }));
}

/** Deletes an item (editors: their unpublished ones; coordinators: any). */
export async function deleteNews(ctx: TenantCtx, input: { id: string }): Promise<void> {
	const tenantId = ctx.tenant.id;
	await ctx.db.transaction(async (tx) => {
		const row = await findWritableNews(ctx, tx, input.id, true);
		if (row.status === 'published' && !can(ctx.actor, 'news.publish', { tenantId }))
			throw new NotFoundError();
		await tx.delete(newsItems).where(eq(newsItems.id, row.id));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'news.delete',
			entityType: 'news',
			entityId: row.id,
			before: auditView(row),
			after: null
		});
	});
}
