/**
 * "Geprüft gegen Bedarfe": a coordinator notes that an offer was checked against the recorded
 * needs (is it what people need?), with a date and a note.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { NotFoundError } from '../errors';
import { recordAudit } from '../audit/record';
import { users } from '../auth/schema';
import { fieldsOfAction, type LocalizedNames } from '../fields-of-action/schema';
import { organizations } from '../organizations/schema';
import { offers, offerTexts } from '../offers/schema';
import { isPubliclyVisible } from '../offers/visibility';
import { localName } from './views';
import { parseOrThrow, requireUuid } from '../shared';

export const REVIEW_PAGE_SIZE = 25;

export const reviewInput = z.object({
	note: z.preprocess(
		(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
		z.string().trim().max(2000, { error: 'coverage_error_note_too_long' }).optional()
	)
});

export interface OfferReviewView {
	id: string;
	title: string;
	organizationName: string;
	fieldOfActionName: string | null;
	targetGroups: string[];
	languages: string[];
	needsReviewedAt: Date | null;
	needsReviewNote: string | null;
	needsReviewedByName: string | null;
}

/**
 * The tenant's published offers for the review against needs: never reviewed first, then the
 * longest ago. Paginated.
 */
export async function listOffersForNeedsReview(
	ctx: TenantCtx,
	input: { page?: number } = {}
): Promise<{ rows: OfferReviewView[]; hasMore: boolean }> {
	const tenantId = ctx.tenant.id;
	const page = input.page ?? 1;
	authorize(ctx.actor, 'needs.manage', { tenantId });
	const rows = await ctx.db
		.select({
			id: offers.id,
			title: offerTexts.title,
			organizationName: organizations.name,
			fieldNames: fieldsOfAction.names,
			targetGroups: offers.targetGroups,
			languages: offers.languages,
			needsReviewedAt: offers.needsReviewedAt,
			needsReviewNote: offers.needsReviewNote,
			needsReviewedByName: users.name
		})
		.from(offers)
		.innerJoin(offerTexts, and(eq(offerTexts.offerId, offers.id), eq(offerTexts.locale, 'de')))
		.innerJoin(organizations, eq(organizations.id, offers.organizationId))
		.leftJoin(fieldsOfAction, eq(fieldsOfAction.id, offers.fieldOfActionId))
		.leftJoin(users, eq(users.id, offers.needsReviewedBy))
		.where(and(eq(offers.tenantId, tenantId), isPubliclyVisible()))
		.orderBy(sql`${offers.needsReviewedAt} ASC NULLS FIRST`, asc(offerTexts.title), asc(offers.id))
		.limit(REVIEW_PAGE_SIZE + 1)
		.offset((page - 1) * REVIEW_PAGE_SIZE);
	return {
		rows: rows.slice(0, REVIEW_PAGE_SIZE).map((r) => ({
			id: r.id,
			title: r.title,
			organizationName: r.organizationName,
			fieldOfActionName: r.fieldNames
				? localName(r.fieldNames as LocalizedNames, ctx.locale)
				: null,
			targetGroups: r.targetGroups,
			languages: r.languages,
			needsReviewedAt: r.needsReviewedAt,
			needsReviewNote: r.needsReviewNote,
			needsReviewedByName: r.needsReviewedByName
		})),
		hasMore: rows.length > REVIEW_PAGE_SIZE
	};
}

/** Marks one of the tenant's offers as reviewed against the needs, now, with a note. */
export async function markOfferReviewed(
	ctx: TenantCtx,
	raw: { offerId: string; note?: unknown }
): Promise<{ reviewedAt: Date; title: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'needs.manage', { tenantId });
	const actor = ctx.actor;
	const offerId = requireUuid(raw.offerId);
	const parsed = parseOrThrow(reviewInput, raw);
	return ctx.db.transaction(async (tx) => {
		const [before] = await tx
			.select({
				id: offers.id,
				needsReviewedAt: offers.needsReviewedAt,
				needsReviewNote: offers.needsReviewNote
			})
			.from(offers)
			.where(and(eq(offers.tenantId, tenantId), eq(offers.id, offerId)))
			.for('update');
		if (!before) throw new NotFoundError();
		const [title] = await tx
			.select({ title: offerTexts.title })
			.from(offerTexts)
			.where(and(eq(offerTexts.offerId, offerId), eq(offerTexts.locale, 'de')));
		const reviewedAt = new Date();
		const note = parsed.note ?? null;
		await tx
			.update(offers)
			.set({ needsReviewedAt: reviewedAt, needsReviewNote: note, needsReviewedBy: actor.userId })
			.where(and(eq(offers.tenantId, tenantId), eq(offers.id, offerId)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'offer.needs_review',
			entityType: 'offer',
			entityId: offerId,
			before: {
				name: title?.title,
				needsReviewedAt: before.needsReviewedAt,
				needsReviewNote: before.needsReviewNote
			},
			after: { name: title?.title, needsReviewedAt: reviewedAt, needsReviewNote: note }
		});
		return { reviewedAt, title: title?.title ?? '' };
	});
}
