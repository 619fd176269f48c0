import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { tenantFor } from '$lib/server/participation/routes';
import { createProcess } from '$lib/server/participation/processes';
import { PROCESS_STATUSES } from '$lib/server/participation/schema';
import { fieldOptions } from '$lib/server/needs/views';
import { runAction } from '$lib/server/http';
import { formValues } from '$lib/server/participation/forms';

export const load: PageServerLoad = async (event) => {
	const { tenant } = await tenantFor(event, 'participation.manage');
	return {
		tenant,
		fields: await fieldOptions(event.locals.ctx.db, tenant.id, event.locals.ctx.locale),
		statuses: PROCESS_STATUSES
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { tenant } = await tenantFor(event, 'participation.manage');
		const values = formValues(await event.request.formData(), ['fieldIds']);
		const r = await runAction(values, () => createProcess(event.locals.ctx, tenant.id, values));
		if (!('id' in r)) return r;
		redirect(303, `/app/${tenant.slug}/beteiligung/${r.id}?angelegt=1`);
	}
};
