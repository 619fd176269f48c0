import type { PageServerLoad } from './$types';
import { editionForPage, getDashboard } from '$lib/server/concept/views';
import { barChart, formatNumber } from '$lib/server/concept/charts';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const edition = await orNotFound(() =>
		editionForPage(ctx, { editionId: event.url.searchParams.get('ausgabe') })
	);
	if (!edition) return { edition: null, dashboard: null, charts: null };
	const dashboard = await orNotFound(() => getDashboard(ctx, { edition }));
	const total = dashboard.byState.reduce((a, s) => a + s.count, 0);
	const stateChart = barChart({
		id: 'chart-states',
		title: m.concept_chart_states_title({ edition: edition.title }),
		description: m.concept_chart_states_desc({
			total,
			list: dashboard.byState.map((s) => `${s.name}: ${s.count}`).join(', ')
		}),
		bars: dashboard.byState.map((s) => ({ label: s.name, value: s.count })),
		locale: ctx.locale
	});
	const comparisonCharts = dashboard.comparison.map((c, i) =>
		barChart({
			id: `chart-compare-${i}`,
			title: m.concept_chart_compare_title({ indicator: c.indicator.indicator.name }),
			description: c.rows
				.map(
					(r) =>
						`${r.area}: ${formatNumber(r.value, ctx.locale, 2)} ${c.indicator.indicator.unit} (${r.date.slice(0, 4)})`
				)
				.join('; '),
			bars: c.rows.map((r) => ({ label: r.area, value: r.value })),
			locale: ctx.locale
		})
	);
	return { edition, dashboard, charts: { states: stateChart, comparison: comparisonCharts } };
};
