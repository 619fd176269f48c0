/**
 * The parts of a form action's result a page shows: the field errors of a failed submit and
 * what was typed (so the form shows it again).
 */
export function errorsOf(form: unknown): Record<string, string> | undefined {
	return form && typeof form === 'object' && 'errors' in form
		? (form.errors as Record<string, string>)
		: undefined;
}

/** What was typed in the failed submit, else `fallback` (e.g. the saved record's values). */
export function valuesOf<T extends object>(form: unknown, fallback: T): Record<string, string> | T {
	return form && typeof form === 'object' && 'values' in form
		? (form.values as Record<string, string>)
		: fallback;
}
