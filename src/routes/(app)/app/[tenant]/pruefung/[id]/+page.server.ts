import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { orNotFound, runAction } from '$lib/server/http';
import { approveRevision, getRevision, rejectRevision } from '$lib/server/offers/revisions';
import { tenantFor } from '../../angebote/_shared/forms.server';
import { str } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const { tenant } = await tenantFor(event);
	const revision = await orNotFound(() =>
		getRevision(event.locals.ctx, tenant.id, event.params.id)
	);
	return { tenant, revision };
};

export const actions: Actions = {
	approve: async (event) => {
		const { tenant } = await tenantFor(event);
		const form = await event.request.formData();
		const values = { decision: 'approve', note: str(form.get('note')) };
		const result = await runAction(values, async () => {
			await approveRevision(event.locals.ctx, tenant.id, event.params.id, { note: values.note });
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		redirect(303, `/app/${tenant.slug}/pruefung?decided=approved`);
	},
	reject: async (event) => {
		const { tenant } = await tenantFor(event);
		const form = await event.request.formData();
		const values = { decision: 'reject', note: str(form.get('note')) };
		const result = await runAction(values, async () => {
			await rejectRevision(event.locals.ctx, tenant.id, event.params.id, { note: values.note });
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		redirect(303, `/app/${tenant.slug}/pruefung?decided=rejected`);
	}
};
