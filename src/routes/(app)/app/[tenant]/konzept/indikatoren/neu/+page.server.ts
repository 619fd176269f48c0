import type { Actions, PageServerLoad } from './$types';
import { fail, redirect } from '@sveltejs/kit';
import { createIndicator } from '$lib/server/concept/indicators';
import { runAction } from '$lib/server/http';
import { conceptTenant, formValues } from '../../_shared';
import { goalOptions } from '../goals';

export const load: PageServerLoad = async (event) => {
	const { tenant } = await conceptTenant(event, 'concept.manage');
	return { goals: await goalOptions(event.locals.ctx, tenant.id) };
};

export const actions: Actions = {
	save: async (event) => {
		const { tenant } = await conceptTenant(event, 'concept.manage');
		const values = formValues(await event.request.formData(), ['goalIds']);
		const result = await runAction(values, () =>
			createIndicator(event.locals.ctx, tenant.id, values)
		);
		if (!('id' in result)) return fail(result.status, result.data);
		redirect(303, `/app/${tenant.slug}/konzept/indikatoren/${result.id}`);
	}
};
