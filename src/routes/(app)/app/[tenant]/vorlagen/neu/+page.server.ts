import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { runAction } from '$lib/server/http';
import { createPaper } from '$lib/server/papers/service';
import { listPapers, paperFormOptions } from '$lib/server/papers/views';
import { paperFilter } from '$lib/server/papers/validation';
import { papersTenant } from '../_shared/tenant.server';
import { keepValues } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const tenant = await papersTenant(event);
	const ctx = event.locals.ctx;
	const options = await paperFormOptions(ctx, tenant.id);
	if (!options.canCreate) error(404, m.error_not_found());
	const recent = await listPapers(ctx, tenant.id, paperFilter.parse({}));
	return {
		tenant,
		...options,
		parents: recent.items.map((p) => ({ id: p.id, reference: p.reference, title: p.title }))
	};
};

export const actions: Actions = {
	save: async (event) => {
		const tenant = await papersTenant(event);
		const form = await event.request.formData();
		const values = keepValues(form);
		const result = await runAction(values, () => createPaper(event.locals.ctx, tenant.id, values));
		if (!('id' in result)) return result;
		redirect(303, `/app/${tenant.slug}/vorlagen/${result.id}?angelegt=1`);
	}
};
