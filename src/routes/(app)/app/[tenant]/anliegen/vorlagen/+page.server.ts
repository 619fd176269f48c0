import type { Actions, PageServerLoad } from './$types';
import { tenantFor } from '$lib/server/participation/routes';
import { deleteTemplate, listTemplates, saveTemplate } from '$lib/server/inquiries/inbox';
import { runAction } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { keepValues } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const { tenant } = await tenantFor(event, 'inquiries.manage');
	return { tenant, templates: await listTemplates(event.locals.ctx, tenant.id) };
};

export const actions: Actions = {
	save: async (event) => {
		const { tenant } = await tenantFor(event, 'inquiries.manage');
		const form = await event.request.formData();
		const values = keepValues(form);
		const id = typeof values.id === 'string' && values.id !== '' ? values.id : null;
		const r = await runAction(values, () =>
			saveTemplate(event.locals.ctx, tenant.id, id, { title: values.title, body: values.body })
		);
		if (!('id' in r)) return r;
		return { success: m.inquiries_template_saved({ title: String(values.title) }) };
	},
	delete: async (event) => {
		const { tenant } = await tenantFor(event, 'inquiries.manage');
		const form = await event.request.formData();
		const r = await runAction({}, () =>
			deleteTemplate(event.locals.ctx, tenant.id, String(form.get('id') ?? ''))
		);
		return r ?? { success: m.inquiries_template_deleted() };
	}
};
