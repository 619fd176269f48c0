import { intlLocale } from '$lib/i18n/intl';
import { m } from '$lib/paraglide/messages';

export const EDITION_STATE: Record<string, () => string> = {
	draft: m.concept_edition_draft,
	adopted: m.concept_edition_adopted,
	superseded: m.concept_edition_superseded
};
export const CATEGORY: Record<string, () => string> = {
	proposed: m.concept_category_proposed,
	active: m.concept_category_active,
	completed: m.concept_category_completed,
	deferred: m.concept_category_deferred
};
export const TREND: Record<string, () => string> = {
	achieved: m.concept_trend_achieved,
	on_track: m.concept_trend_on_track,
	off_track: m.concept_trend_off_track,
	no_data: m.concept_trend_no_data,
	no_target: m.concept_trend_no_target
};
/**
 * A sign next to the trend's word, so the state is not told by colour alone. "On course" points
 * the way the indicator should move: up where higher is better, down where lower is better.
 */
export function trendSign(status: string, direction: string): string {
	if (status === 'on_track') return direction === 'lower' ? '↘' : '↗';
	return TREND_SIGN[status] ?? '';
}
const TREND_SIGN: Record<string, string> = {
	achieved: '✔',
	off_track: '✖',
	no_data: '–',
	no_target: '?'
};
export const DIRECTION: Record<string, () => string> = {
	higher: m.concept_direction_higher,
	lower: m.concept_direction_lower
};
export const LEVEL: Record<string, () => string> = {
	tenant: m.concept_level_tenant,
	municipality: m.concept_level_municipality
};
export const LINK_KIND: Record<string, () => string> = {
	guideline: m.concept_link_guideline,
	agenda_item: m.concept_link_agenda_item,
	recommendation: m.concept_link_recommendation,
	paper: m.concept_link_paper,
	url: m.concept_link_url
};

export function formatValue(value: number | null | undefined, locale: string, unit = ''): string {
	if (value === null || value === undefined) return '–';
	const n = new Intl.NumberFormat(intlLocale(locale), {
		maximumFractionDigits: 2
	}).format(value);
	return unit ? `${n} ${unit}` : n;
}

export function formatDay(date: string | null | undefined, locale: string): string {
	if (!date) return '–';
	const [y, mo, d] = date.split('-');
	return locale === 'de' ? `${d}.${mo}.${y}` : `${d}/${mo}/${y}`;
}

export function progressText(p: number | null): string {
	return p === null ? '–' : `${p} %`;
}
