/**
 * Leichte Sprache texts of offers and news items: one optional plain text each, shown on the
 * public page under the heading "Leichte Sprache". Only those who publish may write them
 * (offers: `offer.review`, news: `news.publish`), so the text never bypasses the review of an
 * editor's change. A blank text removes it.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../db/client';
import type { TenantCtx } from '../context';
import { authorize, can } from '../auth/policy';
import { NotFoundError } from '../errors';
import { recordAudit } from '../audit/record';
import { blankOptionalText, parseOrThrow, requireUuid } from '../shared';
import { offers } from '../offers/schema';
import { newsItems } from '../news/schema';
import { newsEasyReadTexts, offerEasyReadTexts } from './schema';

export const EASY_READ_ITEM_MAX = 10_000;

const itemInput = z.object({
	text: blankOptionalText(EASY_READ_ITEM_MAX, 'easy_read_error_too_long')
});

export type EasyReadSubject = 'offer' | 'news';

const SUBJECTS = {
	offer: { action: 'offer.review', parent: offers, table: offerEasyReadTexts },
	news: { action: 'news.publish', parent: newsItems, table: newsEasyReadTexts }
} as const;

function keyOf(kind: EasyReadSubject) {
	return kind === 'offer' ? offerEasyReadTexts.offerId : newsEasyReadTexts.newsId;
}

/** Whether the actor may write the Leichte Sprache text of this kind of item. */
export function canWriteEasyRead(ctx: TenantCtx, kind: EasyReadSubject): boolean {
	return can(ctx.actor, SUBJECTS[kind].action, { tenantId: ctx.tenant.id });
}

async function textOf(db: Executor, kind: EasyReadSubject, id: string): Promise<string | null> {
	const table = SUBJECTS[kind].table;
	const [row] = await db
		.select({ text: table.text })
		.from(table)
		.where(eq(keyOf(kind), id));
	return row?.text ?? null;
}

/**
 * The public Leichte Sprache text of an item. The caller has already shown that the item itself
 * is public on this tenant's site (getPublicOffer, getPublicNews).
 */
export async function publicEasyReadText(
	ctx: TenantCtx,
	kind: EasyReadSubject,
	id: string
): Promise<string | null> {
	// no tenant condition: a district's finder shows its municipalities' offers too
	return textOf(ctx.db, kind, requireUuid(id));
}

/** The text for the signed-in item page: null when the actor may not write it. */
export async function easyReadTextForEdit(
	ctx: TenantCtx,
	kind: EasyReadSubject,
	id: string
): Promise<{ text: string } | null> {
	if (!canWriteEasyRead(ctx, kind)) return null;
	return { text: (await textOf(ctx.db, kind, requireUuid(id))) ?? '' };
}

/** Sets (or with a blank text removes) the Leichte Sprache text of an offer or news item. */
export async function saveEasyReadText(
	ctx: TenantCtx,
	kind: EasyReadSubject,
	input: { id: string; text?: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	const { action, parent, table } = SUBJECTS[kind];
	authorize(ctx.actor, action, { tenantId });
	const id = requireUuid(input.id);
	const { text } = parseOrThrow(itemInput, { text: input.text });
	await ctx.db.transaction(async (tx) => {
		const [item] = await tx
			.select({ id: parent.id })
			.from(parent)
			.where(and(eq(parent.id, id), eq(parent.tenantId, tenantId)))
			.for('update');
		if (!item) throw new NotFoundError();
		const before = await textOf(tx, kind, id);
		if (text === undefined) {
			await tx.delete(table).where(eq(keyOf(kind), id));
		} else if (kind === 'offer') {
			await tx
				.insert(offerEasyReadTexts)
				.values({ offerId: id, tenantId, text })
				.onConflictDoUpdate({
					target: offerEasyReadTexts.offerId,
					set: { text, updatedAt: new Date() }
				});
		} else {
			await tx
				.insert(newsEasyReadTexts)
				.values({ newsId: id, tenantId, text })
				.onConflictDoUpdate({
					target: newsEasyReadTexts.newsId,
					set: { text, updatedAt: new Date() }
				});
		}
		await recordAudit(tx, ctx, {
			tenantId,
			action: `${kind}.easy_read_update`,
			entityType: kind,
			entityId: id,
			before: { text: before },
			after: { text: text ?? null }
		});
	});
}

/** The Leichte Sprache text of an offer (form action of the signed-in offer page). */
export function saveOfferEasyRead(ctx: TenantCtx, input: { id: string; text?: unknown }) {
	return saveEasyReadText(ctx, 'offer', input);
}

/** The Leichte Sprache text of a news item (form action of the signed-in news page). */
export function saveNewsEasyRead(ctx: TenantCtx, input: { id: string; text?: unknown }) {
	return saveEasyReadText(ctx, 'news', input);
}
