import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { adoptEdition, createEdition } from '$lib/server/concept/editions';
import { compareEditions } from '$lib/server/concept/edition-compare';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { str } from '$lib/server/shared';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const a = event.url.searchParams.get('von');
	const b = event.url.searchParams.get('bis');
	const diff =
		a && b ? await orNotFound(() => compareEditions(ctx, { beforeId: a, afterId: b })) : null;
	return { diff, from: a, to: b };
};

export const actions: Actions = {
	create: formAction(createEdition, {
		form: 'create',
		onSuccess: ({ id }, { ctx }) =>
			redirect(303, `/app/${ctx.tenant.slug}/konzept/struktur?ausgabe=${id}`)
	}),
	adopt: formAction(adoptEdition, {
		form: 'adopt',
		input: ({ values }) => ({ ...values, editionId: str(values.editionId) }),
		onSuccess: () => ({ success: m.concept_edition_adopted_success() })
	})
};
