/**
 * The public offer finder: full-text search, filters with facet counts, sorting and pagination
 * over the offers a tenant's public site shows (see public.ts for the scope).
 *
 * Search: every word (or thesaurus group) of the query must match, in the offer's German text or its text in the
 * visitor's language (texts in other languages are not searched):
 * - as a prefix of a stemmed word (to_tsquery with :*), in the text's own configuration
 *   (german, english …); "Sprachkurs" finds "Sprachkurse". The German Snowball stemmer cuts a
 *   final s ("Sprachkurs" → sprachkur) but keeps it before an ending ("Sprachkurse" →
 *   sprachkurs), so a German stem ending in such an s is also tried without it;
 * - or by trigram word similarity to the title (pg_trgm), which forgives typos ("Sprachkurz").
 * Thesaurus (search/thesaurus.ts): words that spell a term of a concept ("Deutschkurs",
 * "german course", "курси німецької мови") form one group that matches any German term of the
 * concept (and the terms of the visitor's language); each other word is a group of its own, and
 * every group must match. The vocabulary (built-in plus the tenant's own terms) is loaded once.
 * Stop words ("für") are ignored. Hits are ranked by ts_rank plus the trigram similarity of
 * the whole query to the title, so a title that is just the query comes first.
 *
 * Facets: each filter's counts are computed with all other filters applied (and the search), so
 * a count says how many offers the finder shows after choosing that value too (values of one
 * filter are alternatives: "Monday or Tuesday").
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../db/client';
import { fieldsOfAction, type LocalizedNames } from '../fields-of-action/schema';
import { offerPlaces, offerTexts, offers } from './schema';
import { currentTranslationSql } from './translatable';
import { tenants } from '../tenants/schema';
import { berlinTodaySql } from '../shared';
import { SPOKEN_LANGUAGES, TARGET_GROUPS, TS_CONFIG } from './vocabulary';
import {
	availableInMunicipalities,
	localFieldName,
	PUBLIC_TRANSLATION_STATES,
	publicOfferCondition,
	scopeTenantIds,
	type FinderScope
} from './public';
import {
	FINDER_PAGE_SIZE,
	searchWords,
	TITLE_SIMILARITY,
	type FacetKey,
	type FinderFacets,
	type FinderQuery,
	type FinderResult,
	type FinderSort
} from './finder-query';
import { toCard, type ItemRow } from './finder-cards';
import { germanGroupQuery, localGroupQuery } from './search-words';
import { expandQuery, withoutStopwords, type QueryGroup } from '../search/thesaurus';
import { finderVocabulary } from '../search/synonyms';

/**
 * Sorting by title without a German collation (PGlite has only C): the first letter is folded
 * ("Ä" sorts with "A"), then the lower-case title. Folding only the first letter keeps it cheap
 * (translate() over whole titles cost more than the rest of the query).
 */
const FOLD_FROM = 'äöüàáâèéêìíîòóôùúûçñ';
const FOLD_TO = 'aouaaaeeeiiiooouuucn';
const sortKey = (title: SQL) =>
	sql`(translate(lower(left(${title}, 1)), ${FOLD_FROM}, ${FOLD_TO}) || lower(${title}))`;

function list(values: readonly (string | number)[]): SQL {
	return sql.join(
		values.map((v) => sql`${v}`),
		sql`, `
	);
}

/** Europe/Berlin calendar day of a timestamp column. */
const berlinDay = (column: SQL) => sql`((${column} AT TIME ZONE 'Europe/Berlin')::date)`;

/**
 * The next day (Berlin) an offer of the `offers` table takes place: a one-off offer's day
 * unless it is over; for a recurring one the next of its weekdays from today (or its start or
 * "valid from", whichever is later) up to its "valid to"; NULL for offers by appointment.
 */
function nextDateSql(): SQL {
	const startDay = berlinDay(sql`${offers.startsAt}`);
	return sql`(CASE ${offers.scheduleKind}
		WHEN 'once' THEN CASE WHEN ${berlinDay(sql`coalesce(${offers.endsAt}, ${offers.startsAt})`)} >= ${berlinTodaySql()} THEN greatest(${startDay}, ${berlinTodaySql()}) END
		WHEN 'recurring' THEN (
			SELECT CASE WHEN n.d <= coalesce(${offers.validTo}, n.d) THEN n.d END
			FROM (
				SELECT min(s.d + ((wd - extract(isodow FROM s.d)::int + 7) % 7)) AS d
				FROM (SELECT greatest(${berlinTodaySql()}, ${startDay}, ${offers.validFrom}) AS d) s
				CROSS JOIN unnest(CASE
					WHEN cardinality(${offers.weekdays}) > 0 THEN ${offers.weekdays}
					WHEN ${offers.startsAt} IS NOT NULL THEN ARRAY[extract(isodow FROM ${offers.startsAt} AT TIME ZONE 'Europe/Berlin')::int]
					ELSE ARRAY[]::int[] END) AS wd
			) n
		)
	END)`;
}

interface Plan {
	ctes: SQL;
	filters: Record<FacetKey, SQL | null>;
	groups: QueryGroup[];
}

/** The common table expressions: `base` holds every public offer in scope matching the words. */
function plan(
	scope: FinderScope,
	query: FinderQuery,
	municipalityIds: string[],
	locale: string,
	groups: QueryGroup[]
): Plan {
	const words = groups.flatMap((g) => g.words);
	const visitorConfig = TS_CONFIG[locale] ?? 'simple';
	const translated = locale !== 'de';
	const states = list(PUBLIC_TRANSLATION_STATES);
	const textLocales = sql`("offer_texts"."locale" = 'de' OR ("offer_texts"."locale" = ${locale} AND "offer_texts"."state" IN (${states})))`;
	const ctes: SQL[] = [];
	if (words.length > 0) {
		const columns: SQL[] = [];
		groups.forEach((g, i) => {
			columns.push(sql`${germanGroupQuery(g)} AS ${sql.raw(`d${i}`)}`);
			if (translated)
				columns.push(sql`${localGroupQuery(visitorConfig, g)} AS ${sql.raw(`l${i}`)}`);
		});
		ctes.push(sql`q AS (SELECT ${sql.join(columns, sql`, `)})`);
		const any = (prefix: 'd' | 'l') =>
			sql.raw(groups.map((_, i) => `q.${prefix}${i}`).join(' || '));
		const queryOf = (prefix: 'd' | 'l', i: number) => sql.raw(`q.${prefix}${i}`);
		const conditions = groups.map((g, i) => {
			const de = sql`(numnode(${queryOf('d', i)}) = 0 OR ${offerTexts.search} @@ ${queryOf('d', i)})`;
			const stemmed = translated
				? sql`(CASE WHEN ${offerTexts.locale} = 'de' THEN ${de} ELSE (numnode(${queryOf('l', i)}) = 0 OR ${offerTexts.search} @@ ${queryOf('l', i)}) END)`
				: de;
			return sql`bool_or(${stemmed} OR word_similarity(${g.words.join(' ')}::text, ${offerTexts.title}) >= ${TITLE_SIMILARITY})`;
		});
		const rankQuery = translated
			? sql`(CASE WHEN ${offerTexts.locale} = 'de' THEN ${any('d')} ELSE ${any('l')} END)`
			: any('d');
		ctes.push(sql`matched AS (
			SELECT ${offerTexts.offerId} AS offer_id,
				max(coalesce(ts_rank(${offerTexts.search}, ${rankQuery}), 0) + similarity(${words.join(' ')}::text, ${offerTexts.title})) AS rank
			FROM ${offerTexts}
			CROSS JOIN q
			JOIN ${offers} ON ${offers.id} = ${offerTexts.offerId}
			JOIN "organizations" ON "organizations"."id" = ${offers.organizationId}
			WHERE ${publicOfferCondition(scope)} AND ${textLocales}
			GROUP BY ${offerTexts.offerId}
			HAVING ${sql.join(conditions, sql` AND `)}
		)`);
	}
	const title = sql`coalesce(tl.title, td.title)`;
	// Materialized once, read by every facet count and the page: only what filters and sorting
	// need. What the list shows is loaded for the page's rows alone (offerDetails).
	ctes.push(sql`base AS MATERIALIZED (
		SELECT ${offers.id} AS id,
			${offers.tenantId} AS tenant_id,
			${offers.municipalityIds} AS municipality_ids,
			f.key AS field_key,
			${offers.targetGroups} AS target_groups,
			${offers.languages} AS languages,
			${offers.weekdays} AS weekdays,
			${offers.costKind} AS cost_kind,
			${offers.childcare} AS childcare,
			${offers.accessible} AS accessible,
			${offers.publishedAt} AS published_at,
			${offers.createdAt} AS created_at,
			${sortKey(title)} AS sort_title,
			${query.sort === 'date' ? nextDateSql() : sql`NULL::date`} AS next_date,
			${words.length > 0 ? sql`matched.rank` : sql`0`} AS rank
		FROM ${offers}
		JOIN "organizations" ON "organizations"."id" = ${offers.organizationId}
		JOIN ${offerTexts} td ON td.offer_id = ${offers.id} AND td.locale = 'de'
		LEFT JOIN ${offerTexts} tl ON ${translated ? sql`tl.offer_id = ${offers.id} AND tl.locale = ${locale} AND tl.state IN (${states})` : sql`false`}
		LEFT JOIN ${fieldsOfAction} f ON f.id = ${offers.fieldOfActionId}
		${words.length > 0 ? sql`JOIN matched ON matched.offer_id = ${offers.id}` : sql``}
		WHERE ${publicOfferCondition(scope)}
	)`);

	const filters: Record<FacetKey, SQL | null> = {
		field: query.field.length > 0 ? sql`base.field_key IN (${list(query.field)})` : null,
		group:
			query.group.length > 0
				? sql`base.target_groups && ARRAY[${list(query.group)}]::text[]`
				: null,
		language:
			query.language.length > 0
				? sql`base.languages && ARRAY[${list(query.language)}]::text[]`
				: null,
		municipality:
			municipalityIds.length > 0
				? availableInMunicipalities(
						{ tenantId: sql`base.tenant_id`, municipalityIds: sql`base.municipality_ids` },
						scope.tenant.id,
						municipalityIds
					)
				: null,
		day: query.day.length > 0 ? sql`base.weekdays && ARRAY[${list(query.day)}]::int[]` : null,
		free: query.free ? sql`base.cost_kind = 'free'` : null,
		childcare: query.childcare ? sql`base.childcare` : null,
		accessible: query.accessible ? sql`base.accessible` : null
	};
	return { ctes: sql`WITH ${sql.join(ctes, sql`, `)}`, filters, groups };
}

function where(filters: Record<FacetKey, SQL | null>, except?: FacetKey): SQL {
	const parts = (Object.entries(filters) as [FacetKey, SQL | null][])
		.filter(([k, v]) => k !== except && v !== null)
		.map(([, v]) => v as SQL);
	return parts.length > 0 ? sql.join(parts, sql` AND `) : sql`true`;
}

function orderBy(sort: FinderSort, searching: boolean): SQL {
	switch (sort) {
		case 'newest':
			return sql`base.published_at DESC NULLS LAST, base.created_at DESC, base.id`;
		case 'date':
			return sql`base.next_date ASC NULLS LAST, base.sort_title, base.id`;
		case 'title':
			return sql`base.sort_title, base.id`;
		default:
			return searching
				? sql`base.rank DESC, base.sort_title, base.id`
				: sql`base.sort_title, base.id`;
	}
}

/** Fields of action of the scope's tenants, one per key (the tenant's own name first). */
async function fieldOptions(
	db: Executor,
	scope: FinderScope,
	locale: string
): Promise<Map<string, { label: string; position: number }>> {
	const rows = rowsOf<{ key: string; names: LocalizedNames; position: number; own: boolean }>(
		await db.execute(sql`
			SELECT ${fieldsOfAction.key} AS key, ${fieldsOfAction.names} AS names,
				${fieldsOfAction.position} AS position,
				(${fieldsOfAction.tenantId} = ${scope.tenant.id}::uuid) AS own
			FROM ${fieldsOfAction}
			WHERE ${fieldsOfAction.tenantId} IN (${list(scopeTenantIds(scope))})
			ORDER BY own DESC, ${fieldsOfAction.position}, ${fieldsOfAction.key}`)
	);
	const out = new Map<string, { label: string; position: number }>();
	for (const r of rows) {
		if (!out.has(r.key))
			out.set(r.key, { label: localFieldName(r.names, locale), position: Number(r.position) });
	}
	return out;
}

const collator = (locale: string) => new Intl.Collator(locale === 'de' ? 'de' : locale);

/** Searches the public offers of a scope; see the module comment for how. */
export async function searchOffers(
	db: Executor,
	scope: FinderScope,
	requested: FinderQuery,
	locale: string
): Promise<FinderResult> {
	const fields = await fieldOptions(db, scope, locale);
	const bySlug = new Map(scope.municipalities.map((m) => [m.slug, m]));
	// Values the scope does not know are dropped, so the page never shows a filter it cannot undo.
	const query: FinderQuery = {
		...requested,
		field: requested.field.filter((k) => fields.has(k)),
		municipality: requested.municipality.filter((s) => bySlug.has(s))
	};
	const municipalityIds = query.municipality.map((s) => bySlug.get(s)!.id);
	// The thesaurus expands the query once per request (built-in and the tenants' own terms).
	const vocabulary = await finderVocabulary(db, scope);
	const words = withoutStopwords(searchWords(query.q), vocabulary);
	const groups = words.length > 0 ? expandQuery(words, vocabulary, locale) : [];
	const { ctes, filters } = plan(scope, query, municipalityIds, locale, groups);

	const facetSelects: SQL[] = [
		sql`SELECT 'total' AS facet, NULL AS value, count(*)::int AS n FROM base WHERE ${where(filters)}`,
		sql`SELECT 'field', base.field_key, count(*)::int FROM base WHERE base.field_key IS NOT NULL AND ${where(filters, 'field')} GROUP BY base.field_key`,
		sql`SELECT 'group', g.v, count(*)::int FROM base CROSS JOIN LATERAL (SELECT DISTINCT v FROM unnest(base.target_groups) AS u(v)) AS g WHERE ${where(filters, 'group')} GROUP BY g.v`,
		sql`SELECT 'language', l.v, count(*)::int FROM base CROSS JOIN LATERAL (SELECT DISTINCT v FROM unnest(base.languages) AS u(v)) AS l WHERE ${where(filters, 'language')} GROUP BY l.v`,
		sql`SELECT 'day', d.v::text, count(*)::int FROM base CROSS JOIN LATERAL (SELECT DISTINCT v FROM unnest(base.weekdays) AS u(v)) AS d WHERE ${where(filters, 'day')} GROUP BY d.v`,
		sql`SELECT 'free', NULL, count(*)::int FROM base WHERE base.cost_kind = 'free' AND ${where(filters, 'free')}`,
		sql`SELECT 'childcare', NULL, count(*)::int FROM base WHERE base.childcare AND ${where(filters, 'childcare')}`,
		sql`SELECT 'accessible', NULL, count(*)::int FROM base WHERE base.accessible AND ${where(filters, 'accessible')}`
	];
	if (scope.municipalities.length > 0) {
		facetSelects.push(sql`SELECT 'municipality', m.id::text, count(*)::int
			FROM base JOIN unnest(ARRAY[${list(scope.municipalities.map((x) => x.id))}]::uuid[]) AS m(id)
				ON (base.tenant_id = m.id OR (base.tenant_id = ${scope.tenant.id}::uuid AND (cardinality(base.municipality_ids) = 0 OR m.id = ANY(base.municipality_ids))))
			WHERE ${where(filters, 'municipality')}
			GROUP BY m.id`);
	}
	// The page in the same statement; a page beyond the last one shows the last one.
	const all = where(filters);
	const pageSql = sql`(SELECT least(${query.page}::int, greatest(1, ceil(count(*)::numeric / ${FINDER_PAGE_SIZE})::int)) FROM base WHERE ${all})`;
	const order = orderBy(query.sort, words.length > 0);
	facetSelects.push(sql`SELECT 'item', p.id::text, p.ord::int FROM (
			SELECT base.id, row_number() OVER (ORDER BY ${order}) AS ord
			FROM base WHERE ${all}
			ORDER BY ${order}
			LIMIT ${FINDER_PAGE_SIZE} OFFSET ((${pageSql} - 1) * ${FINDER_PAGE_SIZE})
		) p`);
	const rows = rowsOf<{ facet: string; value: string | null; n: number }>(
		await db.execute(sql`${ctes} ${sql.join(facetSelects, sql` UNION ALL `)}`)
	);
	const counts = new Map<string, Map<string, number>>();
	const pageIds: { id: string; ord: number }[] = [];
	for (const r of rows) {
		if (r.facet === 'item') {
			pageIds.push({ id: r.value as string, ord: Number(r.n) });
			continue;
		}
		let m = counts.get(r.facet);
		if (!m) counts.set(r.facet, (m = new Map()));
		m.set(r.value ?? '', Number(r.n));
	}
	const count = (facet: string, value = '') => counts.get(facet)?.get(value) ?? 0;

	const total = count('total');
	const pageCount = Math.max(1, Math.ceil(total / FINDER_PAGE_SIZE));
	const page = Math.min(query.page, pageCount);
	query.page = page;
	pageIds.sort((a, b) => a.ord - b.ord);
	const details = await offerDetails(
		db,
		scope,
		pageIds.map((p) => p.id),
		locale
	);
	const items = pageIds.flatMap((p) => {
		const row = details.get(p.id);
		return row ? [toCard(row, locale)] : [];
	});

	const option = (facet: FacetKey, value: string, label: string, selected: boolean) => ({
		value,
		label,
		count: count(facet, value),
		selected
	});
	const fieldList = [...fields.entries()].sort(
		(a, b) => a[1].position - b[1].position || collator(locale).compare(a[1].label, b[1].label)
	);
	const facets: FinderFacets = {
		field: fieldList.map(([key, f]) => option('field', key, f.label, query.field.includes(key))),
		group: TARGET_GROUPS.map((g) => option('group', g, g, query.group.includes(g))),
		language: SPOKEN_LANGUAGES.map((l) => option('language', l, l, query.language.includes(l))),
		municipality: scope.municipalities.map((m) => ({
			value: m.slug,
			label: m.name,
			count: count('municipality', m.id),
			selected: query.municipality.includes(m.slug)
		})),
		day: [1, 2, 3, 4, 5, 6, 7].map((d) =>
			option('day', String(d), String(d), query.day.includes(d))
		),
		free: { count: count('free'), selected: query.free },
		childcare: { count: count('childcare'), selected: query.childcare },
		accessible: { count: count('accessible'), selected: query.accessible }
	};
	return { query, total, page, pageCount, pageSize: FINDER_PAGE_SIZE, items, facets };
}

/** What the list shows of the offers of one page, by id. */
async function offerDetails(
	db: Executor,
	scope: FinderScope,
	ids: string[],
	locale: string
): Promise<Map<string, ItemRow>> {
	if (ids.length === 0) return new Map();
	const translated = locale !== 'de';
	const summaryTranslated = sql`(tl.title IS NOT NULL AND tl.description <> '')`;
	const rows = rowsOf<ItemRow>(
		await db.execute(sql`
			SELECT ${offers.id} AS id,
				coalesce(tl.title, td.title) AS title,
				CASE WHEN tl.title IS NOT NULL THEN tl.locale ELSE 'de' END AS title_lang,
				tl.state = 'machine' AS machine,
				left(CASE WHEN ${summaryTranslated} THEN tl.description ELSE td.description END, 400) AS summary,
				CASE WHEN ${summaryTranslated} THEN tl.locale ELSE 'de' END AS summary_lang,
				"organizations"."name" AS organization_name,
				f.names AS field_names,
				${offers.targetGroups} AS target_groups,
				${offers.languages} AS languages,
				${offers.locationKind} AS location_kind,
				${offers.scheduleKind} AS schedule_kind,
				${offers.startsAt} AS starts_at,
				${offers.weekdays} AS weekdays,
				${nextDateSql()}::text AS next_date,
				${offers.costKind} AS cost_kind,
				${offers.childcare} AS childcare,
				${offers.accessible} AS accessible,
				(SELECT string_agg(DISTINCT coalesce(${offerPlaces.city}, ${offerPlaces.name}), ', ')
					FROM ${offerPlaces} WHERE ${offerPlaces.offerId} = ${offers.id}) AS places,
				CASE WHEN ${offers.tenantId} = ${scope.tenant.id}::uuid THEN NULL
					ELSE (SELECT ${tenants.name} FROM ${tenants} WHERE ${tenants.id} = ${offers.tenantId}) END AS kept_by
			FROM ${offers}
			JOIN "organizations" ON "organizations"."id" = ${offers.organizationId}
			JOIN ${offerTexts} td ON td.offer_id = ${offers.id} AND td.locale = 'de'
			LEFT JOIN ${offerTexts} tl ON ${translated ? sql`tl.offer_id = ${offers.id} AND tl.locale = ${locale} AND tl.state IN (${list(PUBLIC_TRANSLATION_STATES)}) AND ${currentTranslationSql('tl', 'td')}` : sql`false`}
			LEFT JOIN ${fieldsOfAction} f ON f.id = ${offers.fieldOfActionId}
			WHERE ${offers.id} IN (${sql.join(
				ids.map((id) => sql`${id}::uuid`),
				sql`, `
			)}) AND ${publicOfferCondition(scope)}`)
	);
	return new Map(rows.map((r) => [r.id, r]));
}
