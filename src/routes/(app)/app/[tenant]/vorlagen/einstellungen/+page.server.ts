import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import {
	addPaperType,
	getPaperSettings,
	saveWorkflow,
	workflowFromForm
} from '$lib/server/papers/settings';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	return { tenant: ctx.tenant, ...(await orNotFound(() => getPaperSettings(ctx))) };
};

export const actions: Actions = {
	type: formAction(addPaperType, { onSuccess: () => ({ success: m.papers_type_added() }) }),
	workflow: formAction(saveWorkflow, {
		input: ({ values }) => workflowFromForm(values),
		onSuccess: () => ({ success: m.papers_workflow_saved() })
	})
};
