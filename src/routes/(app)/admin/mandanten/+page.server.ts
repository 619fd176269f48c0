import type { Actions, PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { createTenant, listAllTenants } from '$lib/server/tenants/service';
import { LAENDER } from '$lib/server/tenants/validation';
import { orNotFound, runAction } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { keepValues } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const tenants = await orNotFound(() => listAllTenants(event.locals.ctx));
	return { tenants, laender: [...LAENDER] };
};

export const actions: Actions = {
	create: async (event) => {
		requireActor(event);
		const form = await event.request.formData();
		const values = keepValues(form);
		const result = await runAction(values, () =>
			createTenant(event.locals.ctx, {
				name: form.get('name') ?? '',
				slug: form.get('slug') ?? '',
				kind: form.get('kind') ?? '',
				land: form.get('land') ?? '',
				ags: form.get('ags') ?? '',
				parentId: form.get('parentId') ?? '',
				isPublic: form.get('isPublic') === 'on'
			})
		);
		if (!('id' in result)) return result;
		return { success: m.tenants_created({ name: result.name }) };
	}
};
