import type { Actions, PageServerLoad } from './$types';
import { createState, listStates, updateState } from '$lib/server/concept/states';
import { STATE_CATEGORIES } from '$lib/server/concept/validation';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { str } from '$lib/server/shared';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const states = await orNotFound(() => listStates(ctx));
	return { states, categories: STATE_CATEGORIES };
};

const saved = () => ({ success: m.concept_saved() });

export const actions: Actions = {
	update: formAction(updateState, {
		input: ({ values }) => ({ ...values, stateId: str(values.id) }),
		onSuccess: saved
	}),
	// the form of a new state has no id; its errors are shown under "new"
	create: formAction(createState, { form: 'new', onSuccess: saved })
};
