import type { Actions, PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { tenantFor } from '$lib/server/participation/routes';
import {
	getDialogue,
	listRegistrations,
	updateDialogue
} from '$lib/server/participation/dialogues';
import { SPOKEN_LANGUAGES, TARGET_GROUPS } from '$lib/server/offers/vocabulary';
import { dateToBerlinLocal } from '$lib/server/offers/schedule';
import { orNotFound, runAction } from '$lib/server/http';
import { formValues } from '$lib/server/participation/forms';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const { tenant } = await tenantFor(event, 'participation.manage');
	const ctx = event.locals.ctx;
	const dialogue = await orNotFound(() =>
		getDialogue(ctx.db, tenant.id, event.params.dialogue, { staff: true })
	);
	if (dialogue.processId !== event.params.id) error(404, m.error_not_found());
	return {
		tenant,
		dialogue,
		registrations: await listRegistrations(ctx, tenant.id, dialogue.id),
		targetGroups: TARGET_GROUPS,
		languages: SPOKEN_LANGUAGES,
		initial: {
			title: dialogue.title,
			description: dialogue.description ?? '',
			targetGroup: dialogue.targetGroup,
			startsAt: dateToBerlinLocal(dialogue.startsAt),
			endsAt: dialogue.endsAt ? dateToBerlinLocal(dialogue.endsAt) : '',
			place: dialogue.place ?? '',
			languages: dialogue.languages,
			accessibilityNote: dialogue.accessibilityNote ?? '',
			registrationEnabled: dialogue.registrationEnabled ? 'on' : '',
			capacity: dialogue.capacity === null ? '' : String(dialogue.capacity)
		},
		created: event.url.searchParams.get('angelegt') === '1'
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { tenant } = await tenantFor(event, 'participation.manage');
		const values = formValues(await event.request.formData(), ['languages']);
		const r = await runAction(values, () =>
			updateDialogue(event.locals.ctx, tenant.id, event.params.dialogue, values)
		);
		return r ?? { success: m.participation_saved() };
	}
};
