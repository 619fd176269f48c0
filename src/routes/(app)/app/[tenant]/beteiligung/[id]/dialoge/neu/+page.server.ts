import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { tenantFor } from '$lib/server/participation/routes';
import { createDialogue } from '$lib/server/participation/dialogues';
import { getProcess } from '$lib/server/participation/processes';
import { SPOKEN_LANGUAGES, TARGET_GROUPS } from '$lib/server/offers/vocabulary';
import { orNotFound, runAction } from '$lib/server/http';
import { formValues } from '$lib/server/participation/forms';

export const load: PageServerLoad = async (event) => {
	const { tenant } = await tenantFor(event, 'participation.manage');
	const process = await orNotFound(() => getProcess(event.locals.ctx, tenant.id, event.params.id));
	return { tenant, process, targetGroups: TARGET_GROUPS, languages: SPOKEN_LANGUAGES };
};

export const actions: Actions = {
	save: async (event) => {
		const { tenant } = await tenantFor(event, 'participation.manage');
		const values = formValues(await event.request.formData(), ['languages']);
		const r = await runAction(values, () =>
			createDialogue(event.locals.ctx, tenant.id, event.params.id, values)
		);
		if (!('id' in r)) return r;
		redirect(303, `/app/${tenant.slug}/beteiligung/${event.params.id}/dialoge/${r.id}?angelegt=1`);
	}
};
