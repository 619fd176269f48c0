/** Queries the offer use cases share: confirmation period, title in the UI language, the row. */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { can } from '../auth/policy';
import { NotFoundError } from '../errors';
import { tenants } from '../tenants/schema';
import { DEFAULT_OFFER_CONFIRMATION_MONTHS } from '../tenants/settings';
import { organizations } from '../organizations/schema';
import { offers, offerTexts, revisions, type Offer } from './schema';
import { isPubliclyVisible } from './visibility';
import { berlinTodaySql } from '../shared';

/** The tenant's confirmation period in months (settings, default 6). */
export async function confirmationMonths(db: Executor, tenantId: string): Promise<number> {
	const [row] = await db
		.select({ settings: tenants.settings })
		.from(tenants)
		.where(eq(tenants.id, tenantId));
	return row?.settings.offerConfirmationMonths ?? DEFAULT_OFFER_CONFIRMATION_MONTHS;
}

/**
 * SQL: a publicly visible offer whose last confirmation (else its publication, else its
 * creation) is older than `months` months.
 */
export function confirmationOverdue(months: number): SQL {
	return sql`(${isPubliclyVisible()} and coalesce(${offers.lastConfirmedAt}, ${offers.publishedAt}, ${offers.createdAt}) < now() - make_interval(months => ${months}::int))`;
}

/** SQL: valid-to lies in the past (Europe/Berlin). */
export const expiredSql = () =>
	sql<boolean>`(${offers.validTo} is not null and ${offers.validTo} < ${berlinTodaySql()})`;

/** The title in the UI language if there is one, else German. */
export function titleSql(locale: string): SQL<string> {
	return sql<string>`coalesce((select ${offerTexts.title} from ${offerTexts} where ${offerTexts.offerId} = ${offers.id} and ${offerTexts.locale} = ${locale}), (select ${offerTexts.title} from ${offerTexts} where ${offerTexts.offerId} = ${offers.id} and ${offerTexts.locale} = 'de'), '')`;
}

export const pendingSql = (tenantId: string) =>
	sql<boolean>`exists (select 1 from ${revisions} where ${revisions.tenantId} = ${tenantId} and ${revisions.entityType} = 'offer' and ${revisions.entityId} = ${offers.id} and ${revisions.status} = 'pending')`;

export const truthy = (v: unknown) => v === true || v === 't' || v === 'true';

/** The offer of the tenant with its organisation; NotFoundError otherwise. */
export async function findOffer(db: Executor, tenantId: string, id: string, lock = false) {
	const q = db
		.select({ offer: offers, org: organizations })
		.from(offers)
		.innerJoin(organizations, eq(organizations.id, offers.organizationId))
		.where(and(eq(offers.id, id), eq(offers.tenantId, tenantId)));
	const [row] = lock ? await q.for('update', { of: offers }) : await q;
	if (!row) throw new NotFoundError();
	return row;
}

/** An editor's change to a published offer of an untrusted organisation waits for review. */
export function needsReview(ctx: TenantCtx, offer: Offer, orgTrusted: boolean) {
	return (
		offer.status === 'published' &&
		!orgTrusted &&
		!can(ctx.actor, 'offer.review', { tenantId: ctx.tenant.id })
	);
}
