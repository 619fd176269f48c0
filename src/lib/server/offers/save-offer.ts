/** Creating and changing offers (changes to published offers may wait for review). */
import { and, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { contacts, organizations } from '../organizations/schema';
import { fieldsOfAction } from '../fields-of-action/schema';
import { municipalitiesOf } from '../organizations/state';
import { offers } from './schema';
import { offerInput, type OfferInput } from './validation';
import { applyOfferState, loadOfferState, offerStateFrom } from './state';
import { proposeRevision, supersedePending } from './propose';
import { findOffer, needsReview } from './queries';
import { markConfirmed } from './status';
import { isUuid, nestedFieldErrors, requireUuid, sameValue } from '../shared';

/** Field of action, contact and municipalities must belong to the tenant / organisation. */
async function validateReferences(
	db: Executor,
	tenantId: string,
	organizationId: string,
	input: OfferInput
) {
	const errors: Record<string, string> = {};
	if (input.fieldOfActionId) {
		const [f] = await db
			.select({ id: fieldsOfAction.id })
			.from(fieldsOfAction)
			.where(
				and(eq(fieldsOfAction.id, input.fieldOfActionId), eq(fieldsOfAction.tenantId, tenantId))
			);
		if (!f) errors.fieldOfActionId = 'offers_error_field_invalid';
	}
	if (input.contactId) {
		const [c] = await db
			.select({ id: contacts.id })
			.from(contacts)
			.where(
				and(
					eq(contacts.id, input.contactId),
					eq(contacts.tenantId, tenantId),
					eq(contacts.organizationId, organizationId)
				)
			);
		if (!c) errors.contactId = 'offers_error_contact_invalid';
	}
	if (input.municipalityIds.length > 0) {
		const allowed = new Set((await municipalitiesOf(db, tenantId)).map((m) => m.id));
		if (input.municipalityIds.some((id) => !allowed.has(id)))
			errors.municipalityIds = 'org_error_municipality_invalid';
	}
	if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

function parseOffer(raw: unknown): OfferInput {
	const parsed = offerInput.safeParse(raw);
	if (!parsed.success) throw new ValidationError(nestedFieldErrors(parsed.error));
	return parsed.data;
}

/**
 * An editor (for their organisation) or a coordinator creates an offer as a draft. `input` is
 * the offer (offerInputFromForm) and the organisation it belongs to.
 */
export async function createOffer(
	ctx: TenantCtx,
	raw: { organizationId: string } & Record<string, unknown>
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	const organizationId = raw.organizationId;
	authorize(ctx.actor, 'organization.edit', { tenantId, organizationId });
	if (!isUuid(organizationId))
		throw new ValidationError({ organizationId: 'offers_error_organization_invalid' });
	const input = parseOffer(raw);
	return ctx.db.transaction(async (tx) => {
		const [org] = await tx
			.select({ id: organizations.id })
			.from(organizations)
			.where(and(eq(organizations.id, organizationId), eq(organizations.tenantId, tenantId)));
		if (!org) throw new ValidationError({ organizationId: 'offers_error_organization_invalid' });
		await validateReferences(tx, tenantId, organizationId, input);
		const state = offerStateFrom(input, null);
		const [row] = await tx
			.insert(offers)
			.values({ tenantId, organizationId, status: 'draft' })
			.returning({ id: offers.id });
		await applyOfferState(tx, tenantId, row.id, state);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'offer.create',
			entityType: 'offer',
			entityId: row.id,
			after: { organizationId, status: 'draft', ...state }
		});
		return { id: row.id };
	});
}

export type OfferChangeOutcome = 'live' | 'pending' | 'unchanged';

/**
 * Changes an offer. An editor's change to a published offer of an untrusted organisation is
 * stored as a pending revision (the live offer stays as it is) until a coordinator approves
 * it; every other change goes live at once.
 */
export async function updateOffer(
	ctx: TenantCtx,
	raw: { offerId: string } & Record<string, unknown>
): Promise<{ outcome: OfferChangeOutcome }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'organization.view', { tenantId });
	const id = requireUuid(raw.offerId);
	return ctx.db.transaction(async (tx) => {
		const { offer, org } = await findOffer(tx, tenantId, id, true);
		authorize(ctx.actor, 'organization.edit', { tenantId, organizationId: org.id });
		const input = parseOffer(raw);
		await validateReferences(tx, tenantId, org.id, input);
		const before = await loadOfferState(tx, offer);
		const next = offerStateFrom(input, before);
		if (needsReview(ctx, offer, org.trusted)) {
			if (sameValue(before, next)) {
				await supersedePending(tx, tenantId, 'offer', offer.id);
				return { outcome: 'unchanged' as const };
			}
			await proposeRevision(tx, ctx, {
				tenantId,
				entityType: 'offer',
				entityId: offer.id,
				before,
				proposed: { state: next }
			});
			return { outcome: 'pending' as const };
		}
		if (sameValue(before, next)) return { outcome: 'unchanged' as const };
		await applyOfferState(tx, tenantId, offer.id, next);
		// whoever keeps an offer up to date has confirmed it
		await markConfirmed(tx, tenantId, offer.id);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'offer.update',
			entityType: 'offer',
			entityId: offer.id,
			before,
			after: next
		});
		return { outcome: 'live' as const };
	});
}
