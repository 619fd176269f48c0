import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import {
	machineTranslate,
	saveTranslation,
	translationView
} from '$lib/server/translations/service';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const view = await orNotFound(() => translationView(ctx, event.params));
	return { tenant: ctx.tenant, view };
};

export const actions: Actions = {
	save: formAction(saveTranslation, {
		input: ({ values, params }) => ({ ...values, ...params }),
		form: 'save',
		onSuccess: (result) => ({
			success:
				result.state === 'reviewed' ? m.translations_saved_reviewed() : m.translations_saved_draft()
		})
	}),
	machine: formAction(machineTranslate, {
		input: ({ params }) => params,
		form: 'machine',
		onSuccess: () => ({ success: m.translations_machine_done() })
	})
};
