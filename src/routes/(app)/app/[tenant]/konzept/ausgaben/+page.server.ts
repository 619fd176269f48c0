import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { adoptEdition, compareEditions, createEdition } from '$lib/server/concept/editions';
import { orNotFound, runAction } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { conceptTenant } from '../_shared';
import { keepValues } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const { tenant } = await conceptTenant(event);
	const a = event.url.searchParams.get('von');
	const b = event.url.searchParams.get('bis');
	const diff =
		a && b ? await orNotFound(() => compareEditions(event.locals.ctx, tenant.id, a, b)) : null;
	return { diff, from: a, to: b };
};

export const actions: Actions = {
	create: async (event) => {
		const { tenant } = await conceptTenant(event, 'concept.manage');
		const values = keepValues(await event.request.formData());
		const result = await runAction(values, () =>
			createEdition(event.locals.ctx, tenant.id, values)
		);
		if (!('id' in result)) return { ...result.data, action: 'create' };
		redirect(303, `/app/${tenant.slug}/konzept/struktur?ausgabe=${result.id}`);
	},
	adopt: async (event) => {
		const { tenant } = await conceptTenant(event, 'concept.manage');
		const values = keepValues(await event.request.formData());
		const result = await runAction(values, async () => {
			await adoptEdition(event.locals.ctx, tenant.id, values.editionId ?? '', values);
			return { ok: true as const };
		});
		if (!('ok' in result)) return { ...result.data, action: 'adopt', editionId: values.editionId };
		return { success: m.concept_edition_adopted_success() };
	}
};
