import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { tenantCtx } from '$lib/server/http';
import { publicConcept } from '$lib/server/concept/views';
import { indicatorChart } from '$lib/server/concept/indicator-chart';
import { progressBar } from '$lib/server/concept/charts';

// Server-rendered only: the public concept is text, tables and SVG; no JavaScript needed.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const tenant = ctx.tenant;
	const concept = await publicConcept(ctx);
	if (!concept) return { tenant, concept: null, charts: {}, bars: {} };
	const charts: Record<string, string> = {};
	for (const [i, v] of concept.indicators.entries())
		charts[v.indicator.id] = indicatorChart(v, tenant.name, ctx.locale, `indicator-${i}`);
	const bars: Record<string, string> = {};
	for (const f of concept.tree.fields)
		for (const g of f.goals)
			for (const ms of g.measures)
				bars[ms.id] = progressBar(
					`progress-${ms.id}`,
					ms.progress,
					m.concept_progress_label({ value: ms.progress === null ? '–' : `${ms.progress} %` })
				);
	return {
		tenant,
		concept: {
			edition: concept.tree.edition,
			guidelines: concept.tree.guidelines,
			fields: concept.tree.fields,
			indicators: concept.indicators.map((v) => ({
				id: v.indicator.id,
				name: v.indicator.name,
				definition: v.indicator.definition,
				unit: v.indicator.unit,
				source: v.indicator.source,
				direction: v.indicator.direction,
				baselineValue: v.indicator.baselineValue,
				baselineDate: v.indicator.baselineDate,
				targetValue: v.indicator.targetValue,
				targetDate: v.indicator.targetDate,
				status: v.trend.status,
				hasDemo: v.hasDemo,
				values: v.values
			}))
		},
		charts,
		bars
	};
};
