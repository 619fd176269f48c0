import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { deleteTemplate, listTemplates, saveTemplate } from '$lib/server/inquiries/templates';
import { str } from '$lib/server/shared';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	return { tenant: ctx.tenant, templates: await orNotFound(() => listTemplates(ctx)) };
};

export const actions: Actions = {
	save: formAction(saveTemplate, {
		onSuccess: (_, { values }) => ({
			success: m.inquiries_template_saved({ title: str(values.title) })
		})
	}),
	delete: formAction(deleteTemplate, {
		onSuccess: () => ({ success: m.inquiries_template_deleted() })
	})
};
