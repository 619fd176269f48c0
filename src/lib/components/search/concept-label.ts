import { m } from '$lib/paraglide/messages';

/** The name of a thesaurus concept in the user's language (its key when it has none). */
export function conceptLabel(key: string): string {
	const message = (m as unknown as Record<string, (() => string) | undefined>)[
		`srch_concept_${key}`
	];
	return message ? message() : key;
}
