/**
 * Bedarfsgerechtigkeit: open needs against published offers.
 *
 * An offer matches a need when all of these hold:
 * - field of action: the same (compared by key, so a municipality's own list counts too); a need
 *   without a field matches any field;
 * - target group: the need's group is among the offer's groups, or the offer is for "all"; a need
 *   without a group matches any offer;
 * - language: the need's language is among the offer's languages; a need without one matches any;
 * - municipality: the need's municipality is among the offer's municipalities, or the offer names
 *   none (= the whole tenant that keeps it), or the offer belongs to the municipality's own tenant;
 *   a need without a municipality matches offers anywhere in the tenant.
 * Offers count from the tenant, its municipalities (for a district) and, for a municipality, its
 * district. "Published" means visible to the public today (offers/visibility.ts); the queries
 * name the table `offers` without an alias, as `isPubliclyVisible()` refers to it.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { rowsOf, type Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { TARGET_GROUPS } from '../offers/vocabulary';
import type { LocalizedNames } from '../fields-of-action/schema';
import { isPubliclyVisible } from '../offers/visibility';
import { localName } from './views';
import type { NeedSourceKind, NeedUrgency } from './validation';

export const COVERAGE_PAGE_SIZE = 50;
/** At most this many matching offers are named per need. */
export const MATCH_EXAMPLES = 5;
/** The CSV holds at most this many needs (a tenant has far fewer). */
export const COVERAGE_CSV_LIMIT = 10_000;

export interface CoverageNeed {
	id: string;
	title: string;
	fieldOfActionName: string | null;
	targetGroup: string | null;
	language: string | null;
	municipalityName: string | null;
	sourceKind: NeedSourceKind;
	sourceNote: string | null;
	urgency: NeedUrgency;
	createdAt: Date;
	matches: number;
	/** German titles of the first matching offers, alphabetically */
	examples: string[];
}

export interface CoverageSummary {
	openNeeds: number;
	gaps: number;
	publishedOffers: number;
}

export interface MatrixRow {
	/** field key, or null for "no field of action" */
	key: string | null;
	name: string | null;
	cells: { offers: number; needs: number }[];
}

export interface CoverageMatrix {
	/** target-group keys, or null for "no target group given" */
	columns: (string | null)[];
	rows: MatrixRow[];
}

/** Tenants whose published offers count for `tenantId`: itself, its municipalities, its district. */
function scopeCte(tenantId: string): SQL {
	return sql`scope AS (
		SELECT t.id FROM tenants t WHERE t.id = ${tenantId}::uuid OR t.parent_id = ${tenantId}::uuid
		UNION
		SELECT t.parent_id FROM tenants t WHERE t.id = ${tenantId}::uuid AND t.parent_id IS NOT NULL
	)`;
}

/** Published offers in scope, with their field key and German title. */
function publishedCte(): SQL {
	return sql`pub AS (
		SELECT offers.id, offers.tenant_id, offers.target_groups, offers.languages,
			offers.municipality_ids, f.key AS field_key, ot.title
		FROM offers
		JOIN offer_texts ot ON ot.offer_id = offers.id AND ot.locale = 'de'
		LEFT JOIN fields_of_action f ON f.id = offers.field_of_action_id
		WHERE offers.tenant_id IN (SELECT id FROM scope) AND ${isPubliclyVisible()}
	)`;
}

/**
 * Open needs with their number of matching offers. `em` is the municipality a need is about: its
 * own, or, in a municipality's tenant, the municipality itself.
 */
function needsWithMatches(tenantId: string): SQL {
	return sql`WITH ${scopeCte(tenantId)}, ${publishedCte()},
	n AS (
		SELECT n.*, nf.key AS field_key, nf.names AS field_names, mt.name AS municipality_name,
			COALESCE(n.municipality_id,
				CASE WHEN (SELECT parent_id FROM tenants WHERE id = ${tenantId}::uuid) IS NOT NULL
					THEN n.tenant_id END) AS em
		FROM needs n
		LEFT JOIN fields_of_action nf ON nf.id = n.field_of_action_id
		LEFT JOIN tenants mt ON mt.id = n.municipality_id
		WHERE n.tenant_id = ${tenantId}::uuid AND n.status = 'open'
	),
	matched AS (
		SELECT n.*, m.matches, m.examples
		FROM n
		LEFT JOIN LATERAL (
			SELECT count(*)::int AS matches,
				(array_agg(p.title ORDER BY p.title))[1:${MATCH_EXAMPLES}] AS examples
			FROM pub p
			WHERE (n.field_key IS NULL OR p.field_key = n.field_key)
				AND (n.target_group IS NULL OR n.target_group = ANY(p.target_groups)
					OR 'all' = ANY(p.target_groups))
				AND (n.language IS NULL OR n.language = ANY(p.languages))
				AND (n.em IS NULL OR n.em = ANY(p.municipality_ids) OR p.tenant_id = n.em
					OR (cardinality(p.municipality_ids) = 0
						AND p.tenant_id = (SELECT parent_id FROM tenants WHERE id = n.em)))
		) m ON true
	)`;
}

interface MatchedRow {
	id: string;
	title: string;
	field_names: LocalizedNames | null;
	target_group: string | null;
	language: string | null;
	municipality_name: string | null;
	source_kind: NeedSourceKind;
	source_note: string | null;
	urgency: NeedUrgency;
	created_at: Date | string;
	matches: number;
	examples: string[] | null;
}

async function selectMatched(
	db: Executor,
	tenantId: string,
	locale: string,
	limit: number,
	offset: number
): Promise<CoverageNeed[]> {
	const result = await db.execute(sql`${needsWithMatches(tenantId)}
		SELECT id, title, field_names, target_group, language, municipality_name, source_kind,
			source_note, urgency, created_at, matches, examples
		FROM matched
		ORDER BY (matches = 0) DESC,
			CASE urgency WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END,
			matches, created_at DESC, id
		LIMIT ${limit} OFFSET ${offset}`);
	return rowsOf<MatchedRow>(result).map((r) => ({
		id: r.id,
		title: r.title,
		fieldOfActionName: r.field_names ? localName(r.field_names, locale) : null,
		targetGroup: r.target_group,
		language: r.language,
		municipalityName: r.municipality_name,
		sourceKind: r.source_kind,
		sourceNote: r.source_note,
		urgency: r.urgency,
		createdAt: new Date(r.created_at),
		matches: Number(r.matches),
		examples: r.examples ?? []
	}));
}

/** Open needs with their matching offers: gaps (no match) first, then by urgency. Paginated. */
export async function listCoverage(
	ctx: TenantCtx,
	input: { page?: number } = {}
): Promise<{ rows: CoverageNeed[]; hasMore: boolean; summary: CoverageSummary }> {
	const tenantId = ctx.tenant.id;
	const page = input.page ?? 1;
	authorize(ctx.actor, 'needs.manage', { tenantId });
	const rows = await selectMatched(
		ctx.db,
		tenantId,
		ctx.locale,
		COVERAGE_PAGE_SIZE + 1,
		(page - 1) * COVERAGE_PAGE_SIZE
	);
	const [summary] = rowsOf<{ open_needs: number; gaps: number; published: number }>(
		await ctx.db.execute(sql`${needsWithMatches(tenantId)}
			SELECT (SELECT count(*)::int FROM matched) AS open_needs,
				(SELECT count(*)::int FROM matched WHERE matches = 0) AS gaps,
				(SELECT count(*)::int FROM pub WHERE tenant_id = ${tenantId}::uuid
					OR tenant_id IN (SELECT id FROM tenants WHERE parent_id = ${tenantId}::uuid)) AS published`)
	);
	return {
		rows: rows.slice(0, COVERAGE_PAGE_SIZE),
		hasMore: rows.length > COVERAGE_PAGE_SIZE,
		summary: {
			openNeeds: Number(summary.open_needs),
			gaps: Number(summary.gaps),
			publishedOffers: Number(summary.published)
		}
	};
}

/** Every open need with its matches, in the order of the view, for the CSV download. */
export async function allCoverage(ctx: TenantCtx): Promise<CoverageNeed[]> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'needs.manage', { tenantId });
	return selectMatched(ctx.db, tenantId, ctx.locale, COVERAGE_CSV_LIMIT, 0);
}

/**
 * Field of action × target group: published offers (of the tenant and its municipalities) and
 * open needs per cell. An offer counts once in each of its target groups; offers "for all" count
 * in the column "all". Fields of a municipality's own list join the tenant's field with the same
 * key. Only target groups with any offer or need become columns.
 */
export async function coverageMatrix(ctx: TenantCtx): Promise<CoverageMatrix> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'needs.manage', { tenantId });
	const result = await ctx.db.execute(sql`
		WITH own AS (
			SELECT t.id FROM tenants t WHERE t.id = ${tenantId}::uuid OR t.parent_id = ${tenantId}::uuid
		),
		po AS (
			SELECT f.key AS field_key, f.names AS field_names, tg AS target_group, count(*)::int AS n
			FROM offers
			LEFT JOIN fields_of_action f ON f.id = offers.field_of_action_id
			CROSS JOIN LATERAL unnest(offers.target_groups) AS tg
			WHERE offers.tenant_id IN (SELECT id FROM own) AND ${isPubliclyVisible()}
			GROUP BY f.key, f.names, tg
		),
		nd AS (
			SELECT f.key AS field_key, f.names AS field_names, n.target_group, count(*)::int AS n
			FROM needs n
			LEFT JOIN fields_of_action f ON f.id = n.field_of_action_id
			WHERE n.tenant_id = ${tenantId}::uuid AND n.status = 'open'
			GROUP BY f.key, f.names, n.target_group
		)
		SELECT 'offer' AS kind, field_key, field_names, target_group, n FROM po
		UNION ALL
		SELECT 'need' AS kind, field_key, field_names, target_group, n FROM nd`);
	const cells = rowsOf<{
		kind: 'offer' | 'need';
		field_key: string | null;
		field_names: LocalizedNames | null;
		target_group: string | null;
		n: number;
	}>(result);
	const fields = await ctx.db.execute(
		sql`SELECT key, names FROM fields_of_action WHERE tenant_id = ${tenantId}::uuid
			ORDER BY position, key`
	);
	const rowOrder: { key: string | null; name: string | null }[] = rowsOf<{
		key: string;
		names: LocalizedNames;
	}>(fields).map((f) => ({ key: f.key, name: localName(f.names, ctx.locale) }));
	// Fields only municipalities use, then "no field of action", when anything falls there.
	for (const c of cells) {
		if (c.field_key && !rowOrder.some((r) => r.key === c.field_key))
			rowOrder.push({ key: c.field_key, name: localName(c.field_names, ctx.locale) });
	}
	if (cells.some((c) => c.field_key === null)) rowOrder.push({ key: null, name: null });

	const present = new Set(cells.map((c) => c.target_group));
	const columns: (string | null)[] = TARGET_GROUPS.filter((g) => present.has(g));
	if (present.has(null)) columns.push(null);

	const rows: MatrixRow[] = rowOrder.map((r) => ({
		key: r.key,
		name: r.name,
		cells: columns.map((col) => {
			const pick = (kind: 'offer' | 'need') =>
				cells
					.filter((c) => c.kind === kind && c.field_key === r.key && c.target_group === col)
					.reduce((sum, c) => sum + Number(c.n), 0);
			return { offers: pick('offer'), needs: pick('need') };
		})
	}));
	return { columns, rows };
}
