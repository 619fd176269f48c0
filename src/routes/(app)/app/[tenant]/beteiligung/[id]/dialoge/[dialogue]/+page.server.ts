import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import {
	dialogueFormValues,
	getDialogue,
	updateDialogue
} from '$lib/server/participation/dialogues';
import { listRegistrations } from '$lib/server/participation/registrations';
import { SPOKEN_LANGUAGES, TARGET_GROUPS } from '$lib/server/offers/vocabulary';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const ids = { processId: event.params.id, dialogueId: event.params.dialogue };
	const dialogue = await orNotFound(() => getDialogue(ctx, { ...ids, staff: true }));
	return {
		tenant: ctx.tenant,
		dialogue,
		registrations: await orNotFound(() => listRegistrations(ctx, ids)),
		targetGroups: TARGET_GROUPS,
		languages: SPOKEN_LANGUAGES,
		initial: dialogueFormValues(dialogue),
		created: event.url.searchParams.get('angelegt') === '1'
	};
};

export const actions: Actions = {
	save: formAction(updateDialogue, {
		lists: ['languages'],
		input: ({ values, params }) => ({
			...values,
			processId: params.id,
			dialogueId: params.dialogue
		}),
		onSuccess: () => ({ success: m.participation_saved() })
	})
};
