import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import {
	addSynonym,
	hideBuiltInTerm,
	removeSynonym,
	viewThesaurus
} from '$lib/server/search/synonyms';
import { BUILT_IN_CONCEPTS, THESAURUS_LANGUAGES } from '$lib/server/search/thesaurus';
import { str } from '$lib/server/shared';
import { m } from '$lib/paraglide/messages';
import { conceptLabel } from '$lib/components/search/concept-label';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const concepts = await orNotFound(() => viewThesaurus(ctx));
	const asked = event.url.searchParams.get('concept') ?? '';
	const concept = concepts.find((c) => c.concept === asked) ?? concepts[0];
	const names = new Intl.DisplayNames([ctx.locale], { type: 'language' });
	return {
		tenant: ctx.tenant,
		concepts: BUILT_IN_CONCEPTS.map((key) => ({ value: key, label: conceptLabel(key) })),
		languages: THESAURUS_LANGUAGES.map((l) => ({ value: l, label: names.of(l) ?? l })),
		concept: {
			key: concept.concept,
			label: conceptLabel(concept.concept),
			languages: concept.languages.map((l) => ({
				...l,
				label: names.of(l.language) ?? l.language
			}))
		}
	};
};

export const actions: Actions = {
	add: formAction(addSynonym, {
		onSuccess: (_, { values }) => ({ success: m.srch_added({ term: str(values.term).trim() }) })
	}),
	hide: formAction(hideBuiltInTerm, { onSuccess: () => ({ success: m.srch_hidden_done() }) }),
	remove: formAction(removeSynonym, { onSuccess: () => ({ success: m.srch_removed() }) })
};
