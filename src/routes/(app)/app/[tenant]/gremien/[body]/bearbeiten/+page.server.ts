import type { Actions, PageServerLoad } from './$types';
import { setBodyArchived, updateBody } from '$lib/server/bodies/bodies';
import { bodyFormOptions, getBodyForEdit } from '$lib/server/bodies/views';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const [body, options] = await orNotFound(() =>
		Promise.all([getBodyForEdit(ctx, { bodyId: event.params.body }), bodyFormOptions(ctx)])
	);
	return { tenant: ctx.tenant, body, ...options };
};

export const actions: Actions = {
	save: formAction(updateBody, {
		input: ({ values, params }) => ({ ...values, bodyId: params.body }),
		onSuccess: () => ({ success: m.bodies_saved() })
	}),
	archive: formAction(setBodyArchived, {
		input: ({ values, params }) => ({ bodyId: params.body, archived: values.archived === '1' }),
		onSuccess: (_, { values }) => ({
			success: values.archived === '1' ? m.bodies_archived() : m.bodies_unarchived()
		})
	})
};
