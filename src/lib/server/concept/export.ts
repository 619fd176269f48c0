/**
 * Export of a concept edition as one document model (../documents/model.ts): Leitbild,
 * guidelines, fields → goals → measures, indicators with a chart (SVG with title/desc in HTML,
 * drawn and described in the PDF) and a table of values. ./export-response.ts renders it with the
 * shared renderers as an HTML file or a tagged PDF.
 */
import { m } from '$lib/paraglide/messages';
import type { DocBlock, DocModel } from '../documents/model';
import { docLang, paragraphsOf } from '../documents/model';
import type { ConceptTree } from './views';
import type { IndicatorView } from './indicators';
import { indicatorChart } from './indicator-chart';
import { formatNumber } from './charts';

const day = (d: string | null, locale: string) => {
	if (!d) return '–';
	const [y, mo, dd] = d.split('-');
	return locale === 'de' ? `${dd}.${mo}.${y}` : `${y}-${mo}-${dd}`;
};

const TREND: Record<string, () => string> = {
	achieved: m.concept_trend_achieved,
	on_track: m.concept_trend_on_track,
	off_track: m.concept_trend_off_track,
	no_data: m.concept_trend_no_data,
	no_target: m.concept_trend_no_target
};

/** The document: Leitbild, guidelines, fields → goals → measures with state, indicators. */
export function conceptDocument(
	tree: ConceptTree,
	indicators: IndicatorView[],
	opts: { tenantName: string; locale: string; internal: boolean; generatedOn: string }
): DocModel {
	const { locale } = opts;
	const e = tree.edition;
	const blocks: DocBlock[] = [];
	const title = m.concept_export_title({ title: e.title, tenant: opts.tenantName });
	blocks.push({ kind: 'heading', level: 1, text: title });
	const meta = [
		e.adoptedOn
			? m.concept_adopted_on_by({ date: day(e.adoptedOn, locale), body: e.adoptedBy ?? '' })
			: '',
		m.concept_export_generated({ date: day(opts.generatedOn, locale) })
	]
		.filter(Boolean)
		.join(' · ');
	blocks.push({ kind: 'paragraph', style: 'meta', text: meta });
	if (opts.internal) blocks.push({ kind: 'paragraph', text: m.concept_export_internal_note() });
	if (e.leitbild) {
		blocks.push({ kind: 'heading', level: 2, text: m.concept_leitbild() });
		blocks.push(...paragraphsOf(e.leitbild));
	}
	if (tree.guidelines.length) {
		blocks.push({ kind: 'heading', level: 2, text: m.concept_guidelines() });
		blocks.push({
			kind: 'list',
			ordered: true,
			items: tree.guidelines.map((g) => (g.explanation ? `${g.title} – ${g.explanation}` : g.title))
		});
	}
	blocks.push({ kind: 'heading', level: 2, text: m.concept_fields_goals_measures() });
	for (const f of tree.fields) {
		blocks.push({ kind: 'heading', level: 3, text: f.name });
		for (const g of f.goals) {
			blocks.push({ kind: 'paragraph', text: `${m.concept_goal()}: ${g.title}` });
			if (g.description) blocks.push({ kind: 'paragraph', text: g.description });
			if (!g.measures.length) continue;
			blocks.push({
				kind: 'table',
				caption: m.concept_measures_of_goal({ goal: g.title }),
				header: [m.concept_measure(), m.concept_state(), m.concept_progress(), m.concept_period()],
				rows: g.measures.map((ms) => [
					ms.title + (opts.internal && !ms.isPublic ? ` (${m.concept_internal()})` : ''),
					ms.stateName + (ms.overdue ? ` (${m.concept_overdue()})` : ''),
					ms.progress === null ? '–' : `${ms.progress} %`,
					`${day(ms.startDate, locale)} – ${day(ms.endDate, locale)}`
				])
			});
		}
	}
	if (indicators.length) {
		blocks.push({ kind: 'heading', level: 2, text: m.concept_indicators_title() });
		for (const [i, v] of indicators.entries()) {
			const ind = v.indicator;
			const fmt = (x: number | null) =>
				x === null ? '–' : `${formatNumber(x, locale, 2)} ${ind.unit}`;
			blocks.push({ kind: 'heading', level: 3, text: ind.name });
			if (ind.definition) blocks.push({ kind: 'paragraph', text: ind.definition });
			blocks.push({
				kind: 'paragraph',
				text: [
					`${m.concept_latest_value()}: ${fmt(v.trend.latest?.value ?? null)}${v.trend.latest ? ` (${day(v.trend.latest.date, locale)})` : ''}`,
					`${m.concept_baseline()}: ${fmt(ind.baselineValue)} (${day(ind.baselineDate, locale)})`,
					`${m.concept_target()}: ${fmt(ind.targetValue)} (${day(ind.targetDate, locale)})`,
					`${m.concept_trend()}: ${TREND[v.trend.status]()}`
				].join(' · ')
			});
			if (v.hasDemo) blocks.push({ kind: 'paragraph', text: m.concept_demo_note() });
			const svg = indicatorChart(v, opts.tenantName, locale, `export-indicator-${i}`);
			const desc = /<desc [^>]*>([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';
			blocks.push({
				kind: 'figure',
				svg,
				alt: `${m.concept_chart_indicator_title({ indicator: ind.name })}. ${desc
					.replace(/&amp;/g, '&')
					.replace(/&lt;/g, '<')
					.replace(/&gt;/g, '>')
					.replace(/&quot;/g, '"')}`,
				chart: { points: v.series, target: ind.targetValue, baseline: ind.baselineValue }
			});
			const totals = v.values.filter((x) => !x.breakdownDimension);
			if (totals.length)
				blocks.push({
					kind: 'table',
					caption: m.concept_values_caption({ indicator: ind.name }),
					header: [m.concept_date(), m.concept_area(), m.concept_value()],
					rows: totals.map((x) => [day(x.date, locale), x.area, fmt(x.value)])
				});
			if (ind.source)
				blocks.push({ kind: 'paragraph', text: `${m.concept_source()}: ${ind.source}` });
		}
	}
	return { title, lang: docLang(locale), blocks };
}

/** Styles of the indicator charts' SVG (classes set by ./indicator-chart.ts). */
export const CHART_CSS = `.chart-grid line{stroke:#d0d4d9}.chart-series path{fill:none;stroke:#0b5cad;stroke-width:2.5}
.chart-point>*{fill:#0b5cad;stroke:#0b5cad}.chart-target line,.chart-target-point{stroke:#1b6b3a;fill:none;stroke-width:2}
.chart-baseline line{stroke:#4a4a4a}.chart-series-1 path{stroke:#8a3b00}.chart-series-1 .chart-point>*{fill:#8a3b00;stroke:#8a3b00}
.chart-series-2 path{stroke:#5b2a86}.chart-series-2 .chart-point>*{fill:#5b2a86;stroke:#5b2a86}`;
