/**
 * The public face of touring projects: the confirmed stops of published projects, as dates in
 * the finder and on the start page of the municipality they visit and of the district, with an
 * .ics file per stop and the tenant's feed (`/<tenant>/unterwegs.ics`). Public data only.
 */
import { and, asc, eq, gte, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { NotFoundError } from '../errors';
import { containsPattern, requireUuid } from '../shared';
import { tenants } from '../tenants/schema';
import { buildCalendar, type CalendarEvent } from '../offers/ical';
import { finderScope, type FinderScope } from '../offers/public';
import { touringProjects, touringStops } from './schema';

export const touringPath = (slug: string) => `/${slug}/unterwegs`;
export const touringFeedPath = (slug: string) => `/${slug}/unterwegs.ics`;
export const touringStopIcsPath = (slug: string, stopId: string) =>
	`/${slug}/unterwegs/${stopId}/termin.ics`;

/** The feed reaches this far back, so a subscribed calendar keeps what just happened. */
const FEED_PAST_DAYS = 90;
const FEED_LIMIT = 500;

export interface PublicTouringStop {
	id: string;
	projectId: string;
	projectTitle: string;
	projectDescription: string | null;
	municipalityId: string;
	municipalityName: string;
	municipalitySlug: string;
	place: string;
	startsAt: Date;
	endsAt: Date | null;
}

/**
 * Which stops a scope shows: a district its own projects' stops in its public municipalities; a
 * municipality of a public district the district's stops in that municipality; else none.
 */
function scopeCondition(scope: FinderScope, municipalityIds?: string[]): SQL | null {
	let districtId: string;
	let ids: string[];
	if (scope.tenant.kind === 'district') {
		districtId = scope.tenant.id;
		ids = scope.municipalities.map((m) => m.id);
		if (municipalityIds && municipalityIds.length > 0)
			ids = ids.filter((id) => municipalityIds.includes(id));
	} else if (scope.district) {
		districtId = scope.district.id;
		ids = [scope.tenant.id];
	} else return null;
	if (ids.length === 0) return null;
	return and(
		eq(touringStops.tenantId, districtId),
		inArray(touringStops.municipalityId, ids),
		eq(touringStops.status, 'confirmed'),
		eq(touringProjects.status, 'published'),
		eq(tenants.isPublic, true)
	) as SQL;
}

function notOver(since: Date): SQL {
	return or(
		gte(touringStops.endsAt, since),
		and(isNull(touringStops.endsAt), gte(touringStops.startsAt, since))
	) as SQL;
}

const columns = {
	id: touringStops.id,
	projectId: touringStops.projectId,
	projectTitle: touringProjects.title,
	projectDescription: touringProjects.description,
	municipalityId: touringStops.municipalityId,
	municipalityName: tenants.name,
	municipalitySlug: tenants.slug,
	place: touringStops.place,
	startsAt: touringStops.startsAt,
	endsAt: touringStops.endsAt
};

async function selectStops(db: Executor, where: SQL, limit: number): Promise<PublicTouringStop[]> {
	const rows = await db
		.select(columns)
		.from(touringStops)
		.innerJoin(touringProjects, eq(touringProjects.id, touringStops.projectId))
		.innerJoin(tenants, eq(tenants.id, touringStops.municipalityId))
		.where(where)
		.orderBy(asc(touringStops.startsAt), asc(touringStops.id))
		.limit(limit);
	// confirmed stops always have a start (stopInput requires it)
	return rows.filter((r): r is PublicTouringStop => r.startsAt !== null);
}

/**
 * The next confirmed stops a scope shows, soonest first. `q` keeps those whose project title,
 * description, place or municipality contains every word; `municipalityIds` narrows a district's
 * stops to those municipalities (the finder's filter).
 */
export async function upcomingTouringStops(
	db: Executor,
	scope: FinderScope,
	input: { q?: string; municipalityIds?: string[]; limit?: number } = {},
	now: Date = new Date()
): Promise<PublicTouringStop[]> {
	const inScope = scopeCondition(scope, input.municipalityIds);
	if (!inScope) return [];
	const words = (input.q ?? '')
		.split(/\s+/)
		.map((w) => w.trim())
		.filter((w) => w.length > 1)
		.slice(0, 8);
	const matches = words.map(
		(w) =>
			or(
				ilike(touringProjects.title, containsPattern(w)),
				ilike(touringProjects.description, containsPattern(w)),
				ilike(touringStops.place, containsPattern(w)),
				ilike(tenants.name, containsPattern(w))
			) as SQL
	);
	return selectStops(
		db,
		and(inScope, notOver(now), ...matches) as SQL,
		Math.min(input.limit ?? 10, 100)
	);
}

/** The request tenant's next stops (start page, the /unterwegs page). */
export async function publicTouringStops(
	ctx: TenantCtx,
	input: { limit?: number } = {},
	now: Date = new Date()
): Promise<PublicTouringStop[]> {
	return upcomingTouringStops(ctx.db, await finderScope(ctx), input, now);
}

function calendarEvent(ctx: TenantCtx, s: PublicTouringStop): CalendarEvent {
	return {
		uid: `touring-stop-${s.id}@miteinander`,
		summary: `${s.projectTitle} – ${s.municipalityName}`,
		description: s.projectDescription,
		location: `${s.place}, ${s.municipalityName}`,
		url: `${ctx.origin}${touringPath(ctx.tenant.slug)}#stop-${s.id}`,
		start: s.startsAt,
		end: s.endsAt
	};
}

/** The .ics file of one confirmed stop the request's tenant shows (else NotFoundError). */
export async function touringStopIcs(ctx: TenantCtx, input: { stopId: string }): Promise<string> {
	const id = requireUuid(input.stopId);
	const inScope = scopeCondition(await finderScope(ctx));
	if (!inScope) throw new NotFoundError();
	const [stop] = await selectStops(ctx.db, and(inScope, eq(touringStops.id, id)) as SQL, 1);
	if (!stop) throw new NotFoundError();
	return buildCalendar([calendarEvent(ctx, stop)]);
}

/** The iCalendar feed of the stops the request's tenant shows (from 90 days back). */
export async function touringFeed(ctx: TenantCtx, now: Date = new Date()): Promise<string> {
	const inScope = scopeCondition(await finderScope(ctx));
	const since = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
	const stops = inScope
		? await selectStops(ctx.db, and(inScope, notOver(since)) as SQL, FEED_LIMIT)
		: [];
	return buildCalendar(
		stops.map((s) => calendarEvent(ctx, s)),
		now
	);
}

/** A stop as public pages list it, with its .ics address on the page's tenant. */
export type PublicTouringStopItem = PublicTouringStop & { icsHref: string };

export function withIcsLinks(slug: string, stops: PublicTouringStop[]): PublicTouringStopItem[] {
	return stops.map((s) => ({ ...s, icsHref: touringStopIcsPath(slug, s.id) }));
}

/** What a public start page shows: the next stops in the tenant and the page with all of them. */
export async function touringStartSection(ctx: TenantCtx, now: Date = new Date()) {
	const stops = await publicTouringStops(ctx, { limit: 3 }, now);
	return {
		stops: withIcsLinks(ctx.tenant.slug, stops),
		allHref: touringPath(ctx.tenant.slug),
		feedHref: touringFeedPath(ctx.tenant.slug)
	};
}

/**
 * The finder's dates of touring projects: the next confirmed stops of the scope that match the
 * finder's words and, in a district, its municipality filter (slugs).
 */
export async function finderTouringStops(
	db: Executor,
	scope: FinderScope,
	query: { q: string; municipality: string[] },
	now: Date = new Date()
) {
	const municipalityIds = scope.municipalities
		.filter((m) => query.municipality.includes(m.slug))
		.map((m) => m.id);
	const stops = await upcomingTouringStops(
		db,
		scope,
		{ q: query.q, municipalityIds, limit: 5 },
		now
	);
	return {
		stops: withIcsLinks(scope.tenant.slug, stops),
		allHref: touringPath(scope.tenant.slug),
		feedHref: touringFeedPath(scope.tenant.slug)
	};
}
