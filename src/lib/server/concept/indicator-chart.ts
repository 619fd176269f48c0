import { m } from '$lib/paraglide/messages';
import { formatNumber, lineChart } from './charts';
import type { IndicatorView } from './indicators';

/**
 * The line chart of an indicator: the tenant's totals and, for municipality indicators, up to
 * four municipalities; baseline and target lines; the description says every value in words.
 */
export function indicatorChart(
	view: IndicatorView,
	tenantName: string,
	locale: string,
	id = 'indicator-chart'
): string {
	const ind = view.indicator;
	const fmt = (v: number) => `${formatNumber(v, locale, 2)} ${ind.unit}`;
	const series = [{ name: tenantName, points: view.series }];
	if (ind.level === 'municipality') {
		const areas = new Map<string, { name: string; points: { date: string; value: number }[] }>();
		for (const v of view.values) {
			if (!v.municipalityId || v.breakdownDimension) continue;
			const s = areas.get(v.municipalityId) ?? { name: v.area, points: [] };
			s.points.push({ date: v.date, value: v.value });
			areas.set(v.municipalityId, s);
		}
		series.push(...[...areas.values()].slice(0, 4));
	}
	const shown = series.filter((s) => s.points.length > 0);
	return lineChart({
		id,
		title: m.concept_chart_indicator_title({ indicator: ind.name }),
		description: [
			shown
				.map(
					(s) =>
						`${s.name}: ${s.points.map((p) => `${p.date.slice(0, 4)} ${fmt(p.value)}`).join(', ')}`
				)
				.join('; ') || m.concept_trend_no_data(),
			ind.baselineValue !== null ? m.concept_baseline_is({ value: fmt(ind.baselineValue) }) : '',
			ind.targetValue !== null && ind.targetDate
				? m.concept_target_is({ value: fmt(ind.targetValue), date: ind.targetDate })
				: ''
		]
			.filter(Boolean)
			.join('. '),
		unit: ind.unit,
		series: shown,
		baseline:
			ind.baselineValue !== null
				? {
						value: ind.baselineValue,
						label: m.concept_baseline_short({ value: fmt(ind.baselineValue) })
					}
				: null,
		target:
			ind.targetValue !== null
				? {
						value: ind.targetValue,
						date: ind.targetDate,
						label: m.concept_target_short({ value: fmt(ind.targetValue) })
					}
				: null,
		locale
	});
}
