/** Rows of the finder query as the cards the public finder shows. */
import type { LocalizedNames } from '../fields-of-action/schema';
import { localFieldName } from './public';
import type { OfferCard } from './finder-query';

/** One row of the finder's item query (snake_case, as the raw SQL names the columns). */
export interface ItemRow {
	id: string;
	title: string;
	title_lang: string;
	/** the visitor's language is shown and was machine-translated */
	machine?: boolean | null;
	summary: string | null;
	summary_lang: string;
	organization_name: string;
	field_names: LocalizedNames | null;
	target_groups: string[];
	languages: string[];
	location_kind: OfferCard['locationKind'];
	schedule_kind: OfferCard['scheduleKind'];
	starts_at: Date | string | null;
	weekdays: number[];
	next_date: string | null;
	cost_kind: 'free' | 'paid';
	childcare: boolean;
	accessible: boolean;
	places: string | null;
	kept_by: string | null;
}

/** The first sentences of a description, cut at a word boundary. */
export function summarize(text: string, max = 180): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, max);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:–-]+$/, '')} …`;
}

export function toCard(r: ItemRow, locale: string): OfferCard {
	const summary = r.summary ? summarize(r.summary) : '';
	return {
		id: r.id,
		title: { text: r.title, lang: r.title_lang },
		machine: !!r.machine,
		summary: summary ? { text: summary, lang: r.summary_lang } : null,
		organization: r.organization_name,
		fieldOfAction: r.field_names ? localFieldName(r.field_names, locale) : null,
		targetGroups: r.target_groups ?? [],
		languages: r.languages ?? [],
		locationKind: r.location_kind,
		places: r.places,
		scheduleKind: r.schedule_kind,
		startsAt: r.starts_at === null ? null : new Date(r.starts_at),
		weekdays: [...(r.weekdays ?? [])].map(Number).sort((a, b) => a - b),
		nextDate: r.next_date,
		costFree: r.cost_kind === 'free',
		childcare: r.childcare,
		accessible: r.accessible,
		keptBy: r.kept_by
	};
}
