/** The network's offers in the signed-in area: the list and the queue of offers in review. */
import { and, desc, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { authorize, can } from '../auth/policy';
import { organizations } from '../organizations/schema';
import { fieldsOfAction } from '../fields-of-action/schema';
import { fieldName } from '../fields-of-action/service';
import { offers } from './schema';
import { OFFER_STATUSES, type OfferStatus } from './vocabulary';
import {
	confirmationMonths,
	confirmationOverdue,
	expiredSql,
	pendingSql,
	titleSql,
	truthy
} from './queries';
import { isUuid, pageOf, pageOffset } from '../shared';

export const OFFERS_PAGE_SIZE = 25;

export interface OfferListItem {
	id: string;
	title: string;
	organizationId: string;
	organizationName: string;
	fieldName: string | null;
	status: OfferStatus;
	validTo: string | null;
	/** valid-to lies in the past (Europe/Berlin): not public even if published */
	expired: boolean;
	lastConfirmedAt: Date | null;
	confirmationOverdue: boolean;
	pendingChange: boolean;
	canEdit: boolean;
}

export interface OfferFilter {
	status?: string | null;
	organizationId?: string | null;
	overdue?: boolean;
	page?: number;
}

/** The network's offers, newest change first; filter by status, organisation, overdue. */
export async function listOffers(
	ctx: TenantCtx,
	filter: OfferFilter = {}
): Promise<{ items: OfferListItem[]; page: number; hasMore: boolean; months: number }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'organization.view', { tenantId });
	const actor = ctx.actor;
	const page = Math.max(1, Math.min(10_000, Math.floor(filter.page ?? 1)));
	const status = (OFFER_STATUSES as readonly string[]).includes(filter.status ?? '')
		? (filter.status as OfferStatus)
		: null;
	const organizationId = isUuid(filter.organizationId) ? filter.organizationId : null;
	const months = await confirmationMonths(ctx.db, tenantId);
	const rows = await ctx.db
		.select({
			id: offers.id,
			title: titleSql(ctx.locale),
			organizationId: offers.organizationId,
			organizationName: organizations.name,
			fieldNames: fieldsOfAction.names,
			status: offers.status,
			validTo: offers.validTo,
			expired: expiredSql(),
			lastConfirmedAt: offers.lastConfirmedAt,
			overdue: confirmationOverdue(months),
			pendingChange: pendingSql(tenantId)
		})
		.from(offers)
		.innerJoin(organizations, eq(organizations.id, offers.organizationId))
		.leftJoin(fieldsOfAction, eq(fieldsOfAction.id, offers.fieldOfActionId))
		.where(
			and(
				eq(offers.tenantId, tenantId),
				status ? eq(offers.status, status) : undefined,
				organizationId ? eq(offers.organizationId, organizationId) : undefined,
				filter.overdue ? confirmationOverdue(months) : undefined
			)
		)
		.orderBy(desc(offers.updatedAt), desc(offers.id))
		.limit(OFFERS_PAGE_SIZE + 1)
		.offset(pageOffset(page, OFFERS_PAGE_SIZE));
	const { rows: shown, hasMore } = pageOf(rows, OFFERS_PAGE_SIZE);
	return {
		page,
		months,
		hasMore,
		items: shown.map((r) => ({
			id: r.id,
			title: r.title,
			organizationId: r.organizationId,
			organizationName: r.organizationName,
			fieldName: r.fieldNames ? fieldName(r.fieldNames, ctx.locale) : null,
			status: r.status,
			validTo: r.validTo,
			expired: truthy(r.expired),
			lastConfirmedAt: r.lastConfirmedAt,
			confirmationOverdue: truthy(r.overdue),
			pendingChange: truthy(r.pendingChange),
			canEdit: can(actor, 'organization.edit', { tenantId, organizationId: r.organizationId })
		}))
	};
}

/** Offers in review (new offers waiting to be published), oldest first, for the queue. */
export async function listOffersInReview(
	ctx: TenantCtx,
	limit = 100
): Promise<{ id: string; title: string; organizationName: string; updatedAt: Date }[]> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'offer.review', { tenantId });
	return ctx.db
		.select({
			id: offers.id,
			title: titleSql(ctx.locale),
			organizationName: organizations.name,
			updatedAt: offers.updatedAt
		})
		.from(offers)
		.innerJoin(organizations, eq(organizations.id, offers.organizationId))
		.where(and(eq(offers.tenantId, tenantId), eq(offers.status, 'in_review')))
		.orderBy(offers.updatedAt)
		.limit(limit);
}
