/**
 * The district-wide view (/app/<tenant>/landkreis): offers, needs, organisations with their
 * contacts, meetings and figures of the district's municipalities in one place.
 *
 * - In a district, its coordinator (`district.view`) sees every municipality: the district's own
 *   records tagged with a municipality (offers, needs, indicator values, organisations serving
 *   it) and the municipalities' own records (their tenants' offers, needs, meetings), with a
 *   filter per municipality.
 * - In a municipality, its coordinator sees the municipality's own records and what the district
 *   shares with it: the district's published offers for it or for the whole district, the
 *   district's needs and figures about this municipality (public indicators), the meetings of
 *   the district's public and networking bodies. Never another municipality's records: the
 *   filter is fixed to the own municipality.
 *
 * Every list is bounded (LIMIT) and counted.
 */
import {
	and,
	arrayContains,
	asc,
	count,
	desc,
	eq,
	inArray,
	isNull,
	ne,
	or,
	sql,
	type SQL
} from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError } from '../errors';
import { tenants } from '../tenants/schema';
import { offers, offerTexts } from '../offers/schema';
import { needs } from '../needs/schema';
import { contacts, organizations, organizationTenants } from '../organizations/schema';
import { bodies } from '../bodies/schema';
import { meetings } from '../meetings/schema';
import { indicators, indicatorValues } from '../concept/indicator-schema';
import { berlinToday } from '../shared';
import { municipalitiesOf, EXCHANGE_BODY_KIND } from './exchange';

export const OVERVIEW_LIMIT = 50;

export interface Scope {
	id: string;
	name: string;
	slug: string;
}

export interface OverviewList<T> {
	items: T[];
	total: number;
}

export interface DistrictOverview {
	mode: 'district' | 'municipality';
	district: Scope;
	municipalities: Scope[];
	/** the municipality the view is filtered to; null: all (district only) */
	selected: Scope | null;
	offers: OverviewList<{
		id: string;
		title: string;
		status: string;
		scope: string;
		organization: string;
	}>;
	needs: OverviewList<{
		id: string;
		title: string;
		status: string;
		urgency: string;
		scope: string;
	}>;
	organizations: OverviewList<{
		id: string;
		name: string;
		scope: string;
		contacts: { name: string; role: string | null }[];
	}>;
	meetings: OverviewList<{
		id: string;
		tenantSlug: string;
		body: string;
		title: string | null;
		startsAt: string;
		state: string;
		scope: string;
	}>;
	figures: OverviewList<{
		indicator: string;
		unit: string;
		value: number;
		date: string;
		scope: string;
	}>;
}

async function tenantScope(db: Executor, id: string): Promise<Scope | null> {
	const [row] = await db
		.select({ id: tenants.id, name: tenants.name, slug: tenants.slug })
		.from(tenants)
		.where(eq(tenants.id, id));
	return row ?? null;
}

interface Plan {
	mode: 'district' | 'municipality';
	district: Scope;
	municipalities: Scope[];
	selected: Scope | null;
	/** municipalities whose records are shown (all of the district's, or one) */
	shown: Scope[];
}

/** Who sees what: authorises and fixes the municipality filter. */
async function plan(ctx: TenantCtx, filter: string | null | undefined): Promise<Plan> {
	const tenant = ctx.tenant;
	authorize(ctx.actor, 'district.view', { tenantId: tenant.id });
	if (tenant.kind === 'district') {
		const municipalities = await municipalitiesOf(ctx.db, tenant.id);
		const district = { id: tenant.id, name: tenant.name, slug: tenant.slug };
		const selected = filter ? (municipalities.find((m) => m.slug === filter) ?? null) : null;
		if (filter && !selected) throw new NotFoundError();
		return {
			mode: 'district',
			district,
			municipalities,
			selected,
			shown: selected ? [selected] : municipalities
		};
	}
	if (!tenant.parentId) throw new NotFoundError();
	const district = await tenantScope(ctx.db, tenant.parentId);
	if (!district) throw new NotFoundError();
	const own = { id: tenant.id, name: tenant.name, slug: tenant.slug };
	return { mode: 'municipality', district, municipalities: [own], selected: own, shown: [own] };
}

function scopeName(p: Plan, tenantId: string, municipalityIds: string[] | null): string {
	if (tenantId !== p.district.id) return p.shown.find((m) => m.id === tenantId)?.name ?? '';
	const named = (municipalityIds ?? [])
		.map((id) => p.municipalities.find((m) => m.id === id)?.name)
		.filter((n): n is string => !!n);
	return named.length ? `${p.district.name}: ${named.join(', ')}` : p.district.name;
}

async function offerList(db: Executor, p: Plan): Promise<DistrictOverview['offers']> {
	const ids = p.shown.map((m) => m.id);
	const fromDistrict =
		p.mode === 'district'
			? p.selected
				? or(
						arrayContains(offers.municipalityIds, [p.selected.id]),
						sql`cardinality(${offers.municipalityIds}) = 0`
					)
				: undefined
			: and(
					eq(offers.status, 'published'),
					or(
						arrayContains(offers.municipalityIds, [p.selected!.id]),
						sql`cardinality(${offers.municipalityIds}) = 0`
					)
				);
	const where = or(
		and(eq(offers.tenantId, p.district.id), ne(offers.status, 'archived'), fromDistrict),
		ids.length ? and(inArray(offers.tenantId, ids), ne(offers.status, 'archived')) : undefined
	);
	const [rows, [{ n }]] = await Promise.all([
		db
			.select({
				id: offers.id,
				tenantId: offers.tenantId,
				status: offers.status,
				municipalityIds: offers.municipalityIds,
				title: offerTexts.title,
				organization: organizations.name
			})
			.from(offers)
			.innerJoin(organizations, eq(organizations.id, offers.organizationId))
			.leftJoin(offerTexts, and(eq(offerTexts.offerId, offers.id), eq(offerTexts.locale, 'de')))
			.where(where)
			.orderBy(asc(offerTexts.title))
			.limit(OVERVIEW_LIMIT),
		db.select({ n: count() }).from(offers).where(where)
	]);
	return {
		total: Number(n),
		items: rows.map((r) => ({
			id: r.id,
			title: r.title ?? '–',
			status: r.status,
			organization: r.organization,
			scope: scopeName(p, r.tenantId, r.municipalityIds)
		}))
	};
}

async function needList(db: Executor, p: Plan): Promise<DistrictOverview['needs']> {
	const ids = p.shown.map((m) => m.id);
	const fromDistrict =
		p.mode === 'district' && !p.selected
			? undefined
			: p.mode === 'district'
				? or(eq(needs.municipalityId, p.selected!.id), isNull(needs.municipalityId))
				: eq(needs.municipalityId, p.selected!.id);
	const where = or(
		and(eq(needs.tenantId, p.district.id), fromDistrict),
		ids.length ? inArray(needs.tenantId, ids) : undefined
	);
	const [rows, [{ n }]] = await Promise.all([
		db
			.select()
			.from(needs)
			.where(where)
			.orderBy(asc(needs.status), desc(needs.createdAt))
			.limit(OVERVIEW_LIMIT),
		db.select({ n: count() }).from(needs).where(where)
	]);
	return {
		total: Number(n),
		items: rows.map((r) => ({
			id: r.id,
			title: r.title,
			status: r.status,
			urgency: r.urgency,
			scope: scopeName(p, r.tenantId, r.municipalityId ? [r.municipalityId] : [])
		}))
	};
}

async function organizationList(db: Executor, p: Plan): Promise<DistrictOverview['organizations']> {
	const ids = p.shown.map((m) => m.id);
	if (!ids.length) return { items: [], total: 0 };
	// the municipalities' own organisations and the district's that serve them
	const serving = db
		.select({ id: organizationTenants.organizationId })
		.from(organizationTenants)
		.where(inArray(organizationTenants.tenantId, ids));
	const districtOwn =
		p.mode === 'district' && !p.selected
			? eq(organizations.tenantId, p.district.id)
			: and(eq(organizations.tenantId, p.district.id), inArray(organizations.id, serving));
	const where = or(
		inArray(organizations.tenantId, ids),
		p.mode === 'municipality' ? and(districtOwn, eq(organizations.isPublic, true)) : districtOwn
	);
	const [rows, [{ n }]] = await Promise.all([
		db
			.select({ id: organizations.id, name: organizations.name, tenantId: organizations.tenantId })
			.from(organizations)
			.where(where)
			.orderBy(asc(organizations.name))
			.limit(OVERVIEW_LIMIT),
		db.select({ n: count() }).from(organizations).where(where)
	]);
	const orgIds = rows.map((r) => r.id);
	const people = orgIds.length
		? await db
				.select({
					organizationId: contacts.organizationId,
					name: contacts.name,
					role: contacts.role,
					consent: contacts.consentGivenAt,
					withdrawn: contacts.consentWithdrawnAt
				})
				.from(contacts)
				.where(inArray(contacts.organizationId, orgIds))
				.orderBy(asc(contacts.name))
		: [];
	return {
		total: Number(n),
		items: rows.map((r) => ({
			id: r.id,
			name: r.name,
			scope: scopeName(p, r.tenantId, null),
			// a municipality sees the district's contacts only where they agreed to be shown
			contacts: people
				.filter(
					(c) =>
						c.organizationId === r.id &&
						(p.mode === 'district' || r.tenantId !== p.district.id || (!!c.consent && !c.withdrawn))
				)
				.map((c) => ({ name: c.name, role: c.role }))
		}))
	};
}

async function meetingList(db: Executor, p: Plan): Promise<DistrictOverview['meetings']> {
	const ids = p.shown.map((m) => m.id);
	const today = berlinToday();
	const districtBodies =
		p.mode === 'district'
			? eq(bodies.tenantId, p.district.id)
			: and(
					eq(bodies.tenantId, p.district.id),
					or(eq(bodies.visibility, 'public'), eq(bodies.kind, EXCHANGE_BODY_KIND))
				);
	const where = and(
		or(districtBodies, ids.length ? inArray(bodies.tenantId, ids) : undefined),
		ne(meetings.state, 'cancelled'),
		// the current half year: from 183 days back, upcoming ones included
		sql`${meetings.startsAt} >= (${today}::date - 183)`
	) as SQL;
	const [rows, [{ n }]] = await Promise.all([
		db
			.select({
				id: meetings.id,
				tenantId: meetings.tenantId,
				body: bodies.name,
				title: meetings.title,
				startsAt: meetings.startsAt,
				state: meetings.state,
				slug: tenants.slug
			})
			.from(meetings)
			.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
			.innerJoin(tenants, eq(tenants.id, meetings.tenantId))
			.where(where)
			.orderBy(asc(meetings.startsAt))
			.limit(OVERVIEW_LIMIT),
		db
			.select({ n: count() })
			.from(meetings)
			.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
			.where(where)
	]);
	return {
		total: Number(n),
		items: rows.map((r) => ({
			id: r.id,
			tenantSlug: r.slug,
			body: r.body,
			title: r.title,
			startsAt: r.startsAt.toISOString(),
			state: r.state,
			scope: scopeName(p, r.tenantId, null)
		}))
	};
}

/** The newest value of each indicator per shown municipality (and the district's totals). */
async function figureList(db: Executor, p: Plan): Promise<DistrictOverview['figures']> {
	const ids = p.shown.map((m) => m.id);
	const where = and(
		eq(indicatorValues.tenantId, p.district.id),
		isNull(indicatorValues.breakdownDimension),
		or(
			ids.length ? inArray(indicatorValues.municipalityId, ids) : undefined,
			isNull(indicatorValues.municipalityId)
		),
		p.mode === 'municipality' ? eq(indicators.isPublic, true) : undefined
	);
	const rows = await db
		.selectDistinctOn([indicatorValues.indicatorId, indicatorValues.municipalityId], {
			indicator: indicators.name,
			unit: indicators.unit,
			value: indicatorValues.value,
			date: indicatorValues.date,
			municipalityId: indicatorValues.municipalityId
		})
		.from(indicatorValues)
		.innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
		.where(where)
		.orderBy(
			indicatorValues.indicatorId,
			indicatorValues.municipalityId,
			desc(indicatorValues.date)
		)
		.limit(500);
	const items = rows
		.map((r) => ({
			indicator: r.indicator,
			unit: r.unit,
			value: r.value,
			date: r.date,
			scope: r.municipalityId
				? (p.municipalities.find((m) => m.id === r.municipalityId)?.name ?? '')
				: p.district.name
		}))
		.sort(
			(a, b) => a.indicator.localeCompare(b.indicator, 'de') || a.scope.localeCompare(b.scope, 'de')
		);
	return { total: items.length, items: items.slice(0, OVERVIEW_LIMIT * 2) };
}

/** The district-wide view; `municipality` is a slug (district only). */
export async function districtOverview(
	ctx: TenantCtx,
	input: { municipality?: string | null } = {}
): Promise<DistrictOverview> {
	const p = await plan(ctx, input.municipality);
	const [offerRows, needRows, orgRows, meetingRows, figureRows] = await Promise.all([
		offerList(ctx.db, p),
		needList(ctx.db, p),
		organizationList(ctx.db, p),
		meetingList(ctx.db, p),
		figureList(ctx.db, p)
	]);
	return {
		mode: p.mode,
		district: p.district,
		municipalities: p.municipalities,
		selected: p.selected,
		offers: offerRows,
		needs: needRows,
		organizations: orgRows,
		meetings: meetingRows,
		figures: figureRows
	};
}
