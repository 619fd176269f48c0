/**
 * The status workflow draft → in_review → published → archived, and confirmation ("Angebot ist
 * aktuell").
 */
import { and, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize, can } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { enqueueMail } from '../mail/enqueue';
import { editorsOf } from '../organizations/editors';
import { offers, offerTexts } from './schema';
import type { OfferStatus } from './vocabulary';
import { offerReturnedMail } from './mails';
import { findOffer } from './queries';
import { requireUuid } from '../shared';

export const STATUS_ACTIONS = ['submit', 'publish', 'return', 'archive', 'reopen'] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];

const TRANSITIONS: Record<
	StatusAction,
	{ from: OfferStatus[]; to: OfferStatus; right: 'organization.edit' | 'offer.review' }
> = {
	submit: { from: ['draft'], to: 'in_review', right: 'organization.edit' },
	publish: { from: ['draft', 'in_review', 'archived'], to: 'published', right: 'offer.review' },
	return: { from: ['in_review'], to: 'draft', right: 'offer.review' },
	archive: { from: ['draft', 'in_review', 'published'], to: 'archived', right: 'offer.review' },
	reopen: { from: ['archived'], to: 'draft', right: 'organization.edit' }
};

/** Which status actions the actor may take on an offer now. */
export function allowedStatusActions(
	ctx: TenantCtx,
	offer: { status: OfferStatus; organizationId: string }
): StatusAction[] {
	const tenantId = ctx.tenant.id;
	return STATUS_ACTIONS.filter((a) => {
		const t = TRANSITIONS[a];
		if (!t.from.includes(offer.status)) return false;
		if (t.right === 'offer.review') return can(ctx.actor, 'offer.review', { tenantId });
		return can(ctx.actor, 'organization.edit', { tenantId, organizationId: offer.organizationId });
	});
}

/**
 * The status workflow: editors submit drafts for review (and reopen archived offers);
 * coordinators publish, send back to draft (with a note, mailed to the editors) and archive.
 */
export async function changeOfferStatus(
	ctx: TenantCtx,
	input: { offerId: string; action: string; note?: string | null }
): Promise<{ status: OfferStatus }> {
	const tenantId = ctx.tenant.id;
	const { action, note = null } = input;
	authorize(ctx.actor, 'organization.view', { tenantId });
	const id = requireUuid(input.offerId);
	if (!(STATUS_ACTIONS as readonly string[]).includes(action)) throw new NotFoundError();
	const t = TRANSITIONS[action as StatusAction];
	const cleanNote = typeof note === 'string' && note.trim() ? note.trim().slice(0, 2000) : null;
	return ctx.db.transaction(async (tx) => {
		const { offer, org } = await findOffer(tx, tenantId, id, true);
		if (t.right === 'offer.review') authorize(ctx.actor, 'offer.review', { tenantId });
		else authorize(ctx.actor, 'organization.edit', { tenantId, organizationId: org.id });
		if (!t.from.includes(offer.status))
			throw new ValidationError({ form: 'offers_error_transition' });
		const now = new Date();
		const set: Partial<typeof offers.$inferInsert> = { status: t.to, updatedAt: now };
		if (t.to === 'published') {
			set.publishedAt = offer.publishedAt ?? now;
			set.lastConfirmedAt = now;
			set.confirmationRemindedAt = null;
		}
		await tx
			.update(offers)
			.set(set)
			.where(and(eq(offers.id, offer.id), eq(offers.tenantId, tenantId)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: `offer.${action}`,
			entityType: 'offer',
			entityId: offer.id,
			before: { status: offer.status },
			after: { status: t.to, note: cleanNote }
		});
		if (action === 'return') {
			const [de] = await tx
				.select({ title: offerTexts.title })
				.from(offerTexts)
				.where(and(eq(offerTexts.offerId, offer.id), eq(offerTexts.locale, 'de')));
			for (const r of await editorsOf(tx, tenantId, [org.id])) {
				await enqueueMail(
					tx,
					tenantId,
					offerReturnedMail({
						to: r.email,
						name: r.name,
						title: de?.title ?? '',
						note: cleanNote,
						link: `${ctx.origin}/app/${ctx.tenant.slug}/angebote/${offer.id}`,
						locale: r.locale
					})
				);
			}
		}
		return { status: t.to };
	});
}

/** Sets the offer's last confirmation to now (and forgets a sent reminder). */
export async function markConfirmed(tx: Executor, tenantId: string, offerId: string) {
	await tx
		.update(offers)
		.set({ lastConfirmedAt: new Date(), confirmationRemindedAt: null })
		.where(and(eq(offers.id, offerId), eq(offers.tenantId, tenantId)));
}

/** "Angebot ist aktuell": the owners confirm that the offer is still right. */
export async function confirmOffer(ctx: TenantCtx, input: { offerId: string }): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'organization.view', { tenantId });
	const id = requireUuid(input.offerId);
	await ctx.db.transaction(async (tx) => {
		const { offer, org } = await findOffer(tx, tenantId, id, true);
		authorize(ctx.actor, 'organization.edit', { tenantId, organizationId: org.id });
		const now = new Date();
		await tx
			.update(offers)
			.set({ lastConfirmedAt: now, confirmationRemindedAt: null })
			.where(and(eq(offers.id, offer.id), eq(offers.tenantId, tenantId)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'offer.confirm',
			entityType: 'offer',
			entityId: offer.id,
			before: { lastConfirmedAt: offer.lastConfirmedAt },
			after: { lastConfirmedAt: now }
		});
	});
}
