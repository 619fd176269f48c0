import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { publicDialogue } from '$lib/server/participation/dialogues';
import { registerForDialogue } from '$lib/server/participation/registrations';
import {
	issueChallenge,
	keptChallenge,
	POW_DIFFICULTY,
	skipsSpamChecks,
	SPAM_FIELDS
} from '$lib/server/inquiries/spam';
import { formValues } from '$lib/server/shared';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const { dialogue, canRegister } = await orNotFound(() =>
		publicDialogue(ctx, { processId: event.params.id, dialogueId: event.params.dialogue })
	);
	return {
		tenant: ctx.tenant,
		dialogue,
		canRegister,
		actor: ctx.actor ? { name: ctx.actor.name, email: ctx.actor.email } : null,
		// signed in elsewhere (another tenant's staff) is no reason to skip the spam checks
		spamChecked: !skipsSpamChecks(ctx.actor, ctx.tenant.id),
		challenge: issueChallenge(),
		difficulty: POW_DIFFICULTY
	};
};

export const actions: Actions = {
	default: formAction(registerForDialogue, {
		omit: SPAM_FIELDS,
		keep: keptChallenge,
		rateLimitMessage: (minutes: number) => m.inquiries_error_rate_limited({ minutes }),
		input: ({ form, params }) => ({
			...formValues(form),
			processId: params.id,
			dialogueId: params.dialogue
		}),
		onSuccess: ({ status }) => ({
			success:
				status === 'waiting' ? m.participation_registered_waiting() : m.participation_registered()
		})
	})
};
