import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { addPhase, removePhase, updateProcess } from '$lib/server/participation/processes';
import { processPage } from '$lib/server/participation/pages';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const page = await orNotFound(() => processPage(ctx, { processId: event.params.id }));
	return {
		tenant: ctx.tenant,
		...page,
		created: event.url.searchParams.get('angelegt') === '1'
	};
};

export const actions: Actions = {
	save: formAction(updateProcess, {
		lists: ['fieldIds'],
		input: ({ values, params }) => ({ ...values, processId: params.id }),
		onSuccess: () => ({ success: m.participation_saved() })
	}),
	addPhase: formAction(addPhase, {
		input: ({ values, params }) => {
			// sent back with errors: the page tells the phase form from the process form by it
			values.phaseForm = '1';
			return { ...values, processId: params.id };
		},
		onSuccess: () => ({ success: m.participation_phase_added() })
	}),
	removePhase: formAction(removePhase, {
		input: ({ values, params }) => ({ processId: params.id, phaseId: values.phaseId }),
		onSuccess: () => ({ success: m.participation_phase_removed() })
	})
};
