import type { PageServerLoad } from './$types';
import { editionForPage, getDashboard } from '$lib/server/concept/views';
import { barChart } from '$lib/server/concept/charts';
import { comparisonGraphics } from '$lib/server/concept/district-charts';
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
	const comparisonCharts = dashboard.comparison.map(
		(c, i) => comparisonGraphics(c, i, ctx.locale, null).bars
	);
	return { edition, dashboard, charts: { states: stateChart, comparison: comparisonCharts } };
};
