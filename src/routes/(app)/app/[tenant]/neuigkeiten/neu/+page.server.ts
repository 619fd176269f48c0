import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { can } from '$lib/server/auth/policy';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { saveNews } from '$lib/server/news/manage';
import { newsOrganizationChoices } from '$lib/server/news/views';
import { newsInputFromForm } from '$lib/server/news/form';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const organizations = await orNotFound(() => newsOrganizationChoices(ctx));
	return {
		tenant: ctx.tenant,
		organizations,
		organizationRequired: !can(ctx.actor, 'news.publish', { tenantId: ctx.tenant.id })
	};
};

export const actions: Actions = {
	save: formAction(saveNews, {
		input: ({ values, form }) => newsInputFromForm(values, form),
		onSuccess: ({ id }, { ctx }) =>
			redirect(303, `/app/${ctx.tenant.slug}/neuigkeiten/${id}?saved=1`)
	})
};
