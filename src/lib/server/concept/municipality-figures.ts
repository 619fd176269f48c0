/**
 * Figures per municipality of a district, side by side: for a municipality-level indicator every
 * municipality of the district with its latest total value and that value's date, the breakdown
 * of the same date (e.g. asylum seekers by status), and — for counts of people or places — the
 * value per 1,000 inhabitants, from the population figure of the same municipality and year.
 * A municipality without a value stays in the list with value null: missing, never zero.
 */
import type { Indicator } from './indicator-schema';
import type { IndicatorView } from './indicators';

/** The library key of the population indicator the per-capita figures divide by. */
export const POPULATION_KEY = 'bevoelkerung';

export interface MunicipalityRef {
	id: string;
	name: string;
	slug: string;
	ags: string | null;
}

export interface ComparisonRow {
	municipalityId: string;
	area: string;
	slug: string;
	ags: string | null;
	/** the value's id, null when the municipality has none */
	id: string | null;
	value: number | null;
	date: string | null;
	sourceNote: string | null;
	isDemo: boolean;
	/** per 1,000 inhabitants; null when not sensible or no population figure fits */
	perThousand: number | null;
	population: { value: number; date: string } | null;
	/** values of the same date by category (dimension: category) */
	breakdown: { dimension: string; category: string; value: number }[];
}

/**
 * Whether a value per 1,000 inhabitants makes sense: the indicator counts people or places
 * (its unit is no percentage or rate) and is not the population itself.
 */
export function isPerCapita(indicator: Pick<Indicator, 'unit' | 'libraryKey'>): boolean {
	if (indicator.libraryKey === POPULATION_KEY) return false;
	return !/%|‰|prozent|quote|je\s|pro\s|per\s/i.test(indicator.unit);
}

/**
 * The population figure for a value of a date: the same year's figure, else the latest one
 * before the date; null when there is none (the per-capita figure is then missing too).
 */
export function populationFor(
	points: { date: string; value: number }[],
	date: string
): { date: string; value: number } | null {
	const sameYear = points.filter((p) => p.date.slice(0, 4) === date.slice(0, 4));
	const candidates = sameYear.length ? sameYear : points.filter((p) => p.date <= date);
	if (!candidates.length) return null;
	return candidates.reduce((a, b) => (a.date >= b.date ? a : b));
}

export function compareMunicipalities(
	view: IndicatorView,
	municipalities: MunicipalityRef[],
	population: IndicatorView | null
): ComparisonRow[] {
	const perCapita = isPerCapita(view.indicator) && population !== null;
	const rows = municipalities.map((m): ComparisonRow => {
		const own = view.values.filter((v) => v.municipalityId === m.id);
		const totals = own.filter((v) => !v.breakdownDimension);
		const latest = totals.reduce<(typeof totals)[number] | null>(
			(a, b) => (!a || b.date > a.date ? b : a),
			null
		);
		// no total but a breakdown: the latest breakdown date still says something
		const breakdownDate =
			latest?.date ??
			own
				.filter((v) => v.breakdownDimension)
				.reduce<string | null>((a, b) => (!a || b.date > a ? b.date : a), null);
		const breakdown = own
			.filter((v) => v.breakdownDimension && v.date === breakdownDate)
			.map((v) => ({
				dimension: v.breakdownDimension!,
				category: v.breakdownCategory!,
				value: v.value
			}))
			.sort(
				(a, b) =>
					a.dimension.localeCompare(b.dimension, 'de') || a.category.localeCompare(b.category, 'de')
			);
		const popPoints = population
			? population.values
					.filter((v) => v.municipalityId === m.id && !v.breakdownDimension)
					.map((v) => ({ date: v.date, value: v.value }))
			: [];
		const pop = latest && perCapita ? populationFor(popPoints, latest.date) : null;
		return {
			municipalityId: m.id,
			area: m.name,
			slug: m.slug,
			ags: m.ags,
			id: latest?.id ?? null,
			value: latest?.value ?? null,
			date: latest?.date ?? breakdownDate,
			sourceNote: latest?.sourceNote ?? null,
			isDemo: latest?.isDemo ?? false,
			perThousand: pop && pop.value > 0 && latest ? (latest.value / pop.value) * 1000 : null,
			population: pop,
			breakdown
		};
	});
	return rows.sort((a, b) => a.area.localeCompare(b.area, 'de'));
}

/** The figure a comparison ranks and colours by: per 1,000 inhabitants where that exists. */
export function comparisonFigure(row: ComparisonRow, perCapita: boolean): number | null {
	return perCapita ? row.perThousand : row.value;
}
