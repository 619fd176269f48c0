import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { findPublicTenant } from '$lib/server/tenants/service';
import { publicConcept } from '$lib/server/concept/views';
import { indicatorChart } from '$lib/server/concept/indicator-chart';
import { progressBar } from '$lib/server/concept/charts';
import { berlinDateOf } from '$lib/server/shared';

// Server-rendered only: the public concept is text, tables and SVG; no JavaScript needed.
export const csr = false;

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = locals.ctx.db;
	const tenant = await findPublicTenant(db, params.tenant);
	if (!tenant) error(404, m.error_not_found());
	const concept = await publicConcept(db, tenant.id, locals.ctx.locale, berlinDateOf(new Date()));
	if (!concept) return { tenant, concept: null, charts: {}, bars: {} };
	const charts: Record<string, string> = {};
	for (const [i, v] of concept.indicators.entries())
		charts[v.indicator.id] = indicatorChart(v, tenant.name, locals.ctx.locale, `indicator-${i}`);
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
