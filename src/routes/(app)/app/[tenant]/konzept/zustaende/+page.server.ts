import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';
import { createState, listStates, updateState } from '$lib/server/concept/measures';
import { ensureDefaultStates } from '$lib/server/concept/editions';
import { STATE_CATEGORIES } from '$lib/server/concept/schema';
import { orNotFound, runAction } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { conceptTenant } from '../_shared';
import { keepValues } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const { tenant } = await conceptTenant(event, 'concept.manage');
	const states = await orNotFound(() => listStates(event.locals.ctx, tenant.id));
	return { states, categories: STATE_CATEGORIES };
};

export const actions: Actions = {
	update: async (event) => {
		const { tenant } = await conceptTenant(event, 'concept.manage');
		const values = keepValues(await event.request.formData());
		const result = await runAction(values, async () => {
			await updateState(event.locals.ctx, tenant.id, values.id ?? '', values);
			return { ok: true as const };
		});
		if (!('ok' in result)) return fail(result.status, { ...result.data, target: values.id });
		return { success: m.concept_saved() };
	},
	create: async (event) => {
		const { tenant } = await conceptTenant(event, 'concept.manage');
		const values = keepValues(await event.request.formData());
		const result = await runAction(values, async () => {
			await ensureDefaultStates(event.locals.ctx.db, tenant.id);
			return createState(event.locals.ctx, tenant.id, values);
		});
		if (!('id' in result)) return fail(result.status, { ...result.data, target: 'new' });
		return { success: m.concept_saved() };
	}
};
