/** The SVG graphics of the district comparison, with their texts in the reader's language. */
import { m } from '$lib/paraglide/messages';
import { formatDay, formatNumber } from './charts';
import { choroplethSvg, comparisonBars } from './choropleth';
import type { IndicatorComparison } from './district-figures';
import type { MapFeature } from './geojson';
import { comparisonFigure, type ComparisonRow } from './municipality-figures';

/** "507 Personen (31.12.2023)" / "10,0 je 1.000 (31.12.2023)"; "not reported" when missing. */
export function figureText(
	row: ComparisonRow,
	c: IndicatorComparison,
	locale: string,
	perThousand = c.perCapita
): string {
	const figure = comparisonFigure(row, perThousand);
	if (figure === null || !row.date) return m.figures_missing();
	const text = perThousand
		? m.figures_per_thousand_short({ value: formatNumber(figure, locale, 1) })
		: `${formatNumber(figure, locale, 2)} ${c.indicator.indicator.unit}`;
	return `${text} (${formatDay(row.date, locale)})`;
}

export interface ComparisonGraphics {
	bars: string;
	map: string | null;
}

export function comparisonGraphics(
	c: IndicatorComparison,
	index: number,
	locale: string,
	features: MapFeature[] | null
): ComparisonGraphics {
	const name = c.indicator.indicator.name;
	const description = c.rows.map((r) => `${r.area}: ${figureText(r, c, locale)}`).join('; ');
	const bars = comparisonBars({
		id: `chart-compare-${index}`,
		title: c.perCapita
			? m.figures_chart_title_per_thousand({ indicator: name })
			: m.figures_chart_title({ indicator: name }),
		description,
		bars: c.rows.map((r) => ({
			label: r.area,
			value: comparisonFigure(r, c.perCapita),
			text: figureText(r, c, locale)
		})),
		missingLabel: m.figures_missing()
	});
	const map =
		features && features.length
			? choroplethSvg({
					id: `map-compare-${index}`,
					title: c.perCapita
						? m.figures_map_title_per_thousand({ indicator: name })
						: m.figures_map_title({ indicator: name }),
					description,
					features,
					values: c.rows
						.filter((r) => r.ags)
						.map((r) => ({
							ags: r.ags!,
							value: comparisonFigure(r, c.perCapita),
							text: figureText(r, c, locale)
						})),
					missingLabel: m.figures_missing(),
					legendTitle: c.perCapita ? m.figures_col_per_thousand() : c.indicator.indicator.unit,
					locale
				})
			: null;
	return { bars, map };
}
