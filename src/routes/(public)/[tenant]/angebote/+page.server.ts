import type { PageServerLoad } from './$types';
import { tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { finderScope } from '$lib/server/offers/public';
import { searchOffers } from '$lib/server/offers/search';
import { publicOfferContacts } from '$lib/server/offers/contact';
import { finderHelp, NO_FILTERS } from '$lib/server/offers/finder-help';
import {
	finderQueryString,
	parseFinderQuery,
	type FacetOption,
	type FinderQuery,
	type FlagFacet
} from '$lib/server/offers/finder-query';
import {
	contactText,
	formatDay,
	languageName,
	listOf,
	scheduleText,
	targetGroupLabel,
	weekdayName
} from './format.server';
import { finderTouringStops } from '$lib/server/touring/public';

// Server-rendered only: the finder is a GET form and links, so it needs no JavaScript at all
// (the budget is 30 KB; this ships 0).
export const csr = false;

export interface FinderOption {
	value: string;
	label: string;
	count: number;
	selected: boolean;
}

export interface FinderGroup {
	name: keyof Pick<FinderQuery, 'field' | 'group' | 'language' | 'municipality' | 'day'>;
	legend: string;
	/** values with offers, and the selected ones */
	options: FinderOption[];
	selectedCount: number;
}

export interface FinderFlag {
	name: 'free' | 'childcare' | 'accessible';
	label: string;
	count: number;
	selected: boolean;
}

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const { db, locale } = ctx;
	const scope = await finderScope(ctx);
	const result = await searchOffers(db, scope, parseFinderQuery(event.url.searchParams), locale);
	const { query, facets } = result;
	const [contacts, touring] = await Promise.all([
		publicOfferContacts(
			db,
			scope,
			result.items.map((o) => o.id)
		),
		// confirmed stops of touring projects (the Beratungsbus …) as dates beside the offers
		finderTouringStops(db, scope, query)
	]);
	const base = `/${scope.tenant.slug}/angebote`;

	const group = (
		name: FinderGroup['name'],
		legend: string,
		options: FacetOption[],
		label: (o: FacetOption) => string = (o) => o.label
	): FinderGroup => {
		const shown = options
			.filter((o) => o.count > 0 || o.selected)
			.map((o) => ({ value: o.value, label: label(o), count: o.count, selected: o.selected }));
		return { name, legend, options: shown, selectedCount: shown.filter((o) => o.selected).length };
	};
	const groups = [
		group('field', m.finder_filter_field(), facets.field),
		group('group', m.finder_filter_group(), facets.group, (o) => targetGroupLabel(o.value)),
		group('language', m.finder_filter_language(), facets.language, (o) =>
			languageName(o.value, locale)
		),
		...(scope.municipalities.length > 0
			? [group('municipality', m.finder_filter_municipality(), facets.municipality)]
			: []),
		group('day', m.finder_filter_day(), facets.day, (o) => weekdayName(Number(o.value), locale))
	].filter((g) => g.options.length > 0);
	const flag = (name: FinderFlag['name'], label: string, f: FlagFacet): FinderFlag => ({
		name,
		label,
		...f
	});
	const flags = [
		flag('free', m.finder_filter_free(), facets.free),
		flag('childcare', m.finder_filter_childcare(), facets.childcare),
		flag('accessible', m.finder_filter_accessible(), facets.accessible)
	].filter((f) => f.count > 0 || f.selected);

	const contactOf = (id: string) => {
		const contact = contacts.get(id);
		return contact ? contactText(contact) : null;
	};
	const items = result.items.map((o) => ({
		id: o.id,
		href: `${base}/${o.id}`,
		title: o.title,
		machine: !!o.machine,
		summary: o.summary,
		organization: o.organization,
		keptBy: o.keptBy,
		field: o.fieldOfAction,
		when:
			scheduleText(o, locale) +
			(o.nextDate && o.scheduleKind === 'recurring'
				? ` (${m.finder_schedule_next({ date: formatDay(o.nextDate, locale) })})`
				: ''),
		where:
			o.locationKind === 'mobile'
				? m.finder_location_mobile()
				: o.locationKind === 'online'
					? m.finder_location_online()
					: o.places,
		languages: listOf(
			o.languages.map((l) => languageName(l, locale)),
			locale
		),
		groups: listOf(o.targetGroups.map(targetGroupLabel), locale),
		badges: [
			o.costFree ? m.finder_badge_free() : null,
			o.childcare ? m.finder_badge_childcare() : null,
			o.accessible ? m.finder_badge_accessible() : null
		].filter((b) => b !== null),
		contact: contactOf(o.id)
	}));

	const pageHref = (page: number) => `${base}${finderQueryString(query, { page })}`;
	// Nothing found: a corrected query and the nearest search that finds something.
	const found = await finderHelp(db, scope, result, locale);
	const help = {
		suggestion: found.suggestion && {
			q: found.suggestion.q,
			href: `${base}${finderQueryString(query, { q: found.suggestion.q, page: 1 })}`
		},
		alternatives: [
			...(found.withoutFilters
				? [
						{
							href: `${base}${finderQueryString(query, NO_FILTERS)}`,
							label: query.q
								? m.srch_alternative_without_filters({
										q: query.q,
										count: found.withoutFilters.total
									})
								: m.srch_alternative_without_filters_all({ count: found.withoutFilters.total })
						}
					]
				: []),
			...(found.district
				? [
						{
							href: `/${found.district.slug}/angebote${finderQueryString(query, { page: 1 })}`,
							label: m.srch_alternative_district({
								q: query.q,
								district: found.district.name,
								count: found.district.total
							})
						}
					]
				: [])
		]
	};
	return {
		tenant: { name: scope.tenant.name, slug: scope.tenant.slug },
		base,
		query,
		total: result.total,
		page: result.page,
		pageCount: result.pageCount,
		from: result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1,
		to: (result.page - 1) * result.pageSize + result.items.length,
		prevHref: result.page > 1 ? pageHref(result.page - 1) : null,
		nextHref: result.page < result.pageCount ? pageHref(result.page + 1) : null,
		groups,
		flags,
		filtered:
			query.q !== '' || groups.some((g) => g.selectedCount > 0) || flags.some((f) => f.selected),
		items,
		help,
		touring,
		locale
	};
};
