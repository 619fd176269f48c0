/** One offer with its whole state, and what the offer form offers to choose from. */
import { and, eq, sql } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { authorize, can } from '../auth/policy';
import { listFieldsOfAction } from '../fields-of-action/service';
import { contactChoices } from '../organizations/contacts';
import { municipalitiesOf } from '../organizations/state';
import { offers } from './schema';
import { type OfferStatus, CONTENT_LOCALES, SPOKEN_LANGUAGES, TARGET_GROUPS } from './vocabulary';
import { MAX_PLACES } from './validation';
import { loadOfferState, offerFormValues, type OfferState } from './state';
import { pendingProposal } from './propose';
import { isPubliclyVisible } from './visibility';
import {
	confirmationMonths,
	confirmationOverdue,
	expiredSql,
	findOffer,
	needsReview,
	truthy
} from './queries';
import { requireUuid } from '../shared';

export interface OfferDetail {
	id: string;
	organizationId: string;
	organizationName: string;
	organizationTrusted: boolean;
	title: string;
	status: OfferStatus;
	createdAt: Date;
	updatedAt: Date;
	publishedAt: Date | null;
	lastConfirmedAt: Date | null;
	confirmationOverdue: boolean;
	expired: boolean;
	/** what the public finder shows: published and not expired */
	publiclyVisible: boolean;
	state: OfferState;
	/** an open proposal, shown to those who may edit */
	pending: {
		id: string;
		submittedAt: Date;
		submittedByName: string | null;
		proposed: OfferState;
	} | null;
	canEdit: boolean;
	canReview: boolean;
	/** an editor's change to this offer will wait for review */
	changesNeedReview: boolean;
}

/** One offer with its whole state (anyone who may see the network's offers). */
export async function getOffer(ctx: TenantCtx, input: { offerId: string }): Promise<OfferDetail> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'organization.view', { tenantId });
	const actor = ctx.actor;
	const id = requireUuid(input.offerId);
	const { offer, org } = await findOffer(ctx.db, tenantId, id);
	const months = await confirmationMonths(ctx.db, tenantId);
	const canEdit = can(actor, 'organization.edit', { tenantId, organizationId: org.id });
	const [state, flags, pending] = await Promise.all([
		loadOfferState(ctx.db, offer),
		ctx.db
			.select({
				overdue: confirmationOverdue(months),
				expired: expiredSql(),
				visible: sql<boolean>`${isPubliclyVisible()}`
			})
			.from(offers)
			.where(and(eq(offers.id, offer.id), eq(offers.tenantId, tenantId))),
		pendingProposal<OfferState>(ctx.db, tenantId, 'offer', offer.id)
	]);
	const de = state.texts.find((t) => t.locale === 'de');
	const own = state.texts.find((t) => t.locale === ctx.locale);
	return {
		id: offer.id,
		organizationId: org.id,
		organizationName: org.name,
		organizationTrusted: org.trusted,
		title: own?.title ?? de?.title ?? '',
		status: offer.status,
		createdAt: offer.createdAt,
		updatedAt: offer.updatedAt,
		publishedAt: offer.publishedAt,
		lastConfirmedAt: offer.lastConfirmedAt,
		confirmationOverdue: truthy(flags[0]?.overdue),
		expired: truthy(flags[0]?.expired),
		publiclyVisible: truthy(flags[0]?.visible),
		state,
		pending: pending && canEdit ? pending : null,
		canEdit,
		canReview: can(actor, 'offer.review', { tenantId }),
		changesNeedReview: needsReview(ctx, offer, org.trusted)
	};
}

/**
 * What the offer form of an organisation offers to choose from (fields of action, the
 * organisation's contacts, municipalities, vocabularies) with the form's starting values.
 */
export async function offerForm(
	ctx: TenantCtx,
	input: { organizationId: string; state: OfferState | null }
) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'organization.view', { tenantId });
	const organizationId = requireUuid(input.organizationId);
	const [fields, contacts, municipalities] = await Promise.all([
		listFieldsOfAction(ctx),
		contactChoices(ctx.db, tenantId, organizationId),
		municipalitiesOf(ctx.db, tenantId)
	]);
	return {
		values: offerFormValues(input.state),
		fields,
		contacts,
		municipalities,
		targetGroups: TARGET_GROUPS,
		spokenLanguages: SPOKEN_LANGUAGES,
		furtherLocales: CONTENT_LOCALES.filter((l) => l !== 'de'),
		maxPlaces: MAX_PLACES
	};
}
