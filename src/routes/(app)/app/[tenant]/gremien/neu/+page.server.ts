import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import type { TenantCtx } from '$lib/server/context';
import { createBody } from '$lib/server/bodies/bodies';
import { bodyFormOptions } from '$lib/server/bodies/views';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const options = await orNotFound(() => bodyFormOptions(ctx));
	return { tenant: ctx.tenant, ...options };
};

export const actions: Actions = {
	save: formAction<
		TenantCtx,
		Parameters<typeof createBody>[1],
		{ id: string },
		RequestEvent,
		never
	>(createBody, {
		onSuccess: (result, { ctx }) =>
			redirect(303, `/app/${ctx.tenant.slug}/gremien?angelegt=${result.id}`)
	})
};
