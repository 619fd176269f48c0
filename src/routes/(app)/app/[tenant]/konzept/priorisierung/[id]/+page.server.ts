import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';
import {
	adoptPrioritised,
	allocatePoints,
	closeRound,
	getRound
} from '$lib/server/concept/prioritisation';
import { barChart } from '$lib/server/concept/charts';
import { orNotFound, runAction } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { conceptTenant } from '../../_shared';

export const load: PageServerLoad = async (event) => {
	const { tenant } = await conceptTenant(event);
	const ctx = event.locals.ctx;
	const view = await orNotFound(() => getRound(ctx, tenant.id, event.params.id));
	const chart = barChart({
		id: 'round-chart',
		title: m.concept_round_chart_title({ round: view.round.title }),
		description: view.ranking.map((r) => `${r.rank}. ${r.title}: ${r.points}`).join('; '),
		bars: view.ranking.map((r) => ({ label: r.title, value: r.points })),
		locale: ctx.locale
	});
	return { view, chart };
};

export const actions: Actions = {
	allocate: async (event) => {
		const { tenant } = await conceptTenant(event, 'concept.prioritise');
		const form = await event.request.formData();
		const values: Record<string, string> = {};
		const points: Record<string, number> = {};
		for (const [k, v] of form.entries()) {
			if (typeof v !== 'string' || !k.startsWith('p-')) continue;
			values[k] = v;
			const id = k.slice(2);
			const n = v.trim() === '' ? 0 : Number(v);
			points[id] = Number.isFinite(n) ? n : -1;
		}
		const result = await runAction(values, async () => {
			await allocatePoints(event.locals.ctx, tenant.id, event.params.id, points);
			return { ok: true as const };
		});
		if (!('ok' in result)) return fail(result.status, { ...result.data, action: 'allocate' });
		return { success: m.concept_points_saved(), action: 'allocate' };
	},
	toggle: async (event) => {
		const { tenant } = await conceptTenant(event, 'concept.manage');
		await orNotFound(() => closeRound(event.locals.ctx, tenant.id, event.params.id));
		return { success: m.concept_saved() };
	},
	adopt: async (event) => {
		const { tenant } = await conceptTenant(event, 'concept.manage');
		const form = await event.request.formData();
		const ids = form.getAll('measureIds').filter((x): x is string => typeof x === 'string');
		const result = await runAction({ measureIds: ids }, () =>
			adoptPrioritised(event.locals.ctx, tenant.id, event.params.id, ids)
		);
		if (typeof result !== 'number') return fail(result.status, { ...result.data, action: 'adopt' });
		return { success: m.concept_adopted_measures({ count: result }), action: 'adopt' };
	}
};
