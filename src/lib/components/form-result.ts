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

/**
 * For a page with several forms: which form a result belongs to (a success names it in `formId`,
 * a failure sends the form's values back, tagged with `form`) and that form's errors, values and
 * success message.
 */
export function formsOf(form: unknown) {
	const r = (form && typeof form === 'object' ? form : {}) as Record<string, unknown>;
	const values = 'values' in r ? (r.values as Record<string, string | string[]>) : undefined;
	const id = 'formId' in r ? (r.formId as string) : values ? (values.form as string) : null;
	return {
		id,
		errorsFor: (which: string) => (id === which ? errorsOf(form) : undefined),
		valuesFor: (which: string) => (id === which ? values : undefined),
		successFor: (which: string) => (id === which && 'success' in r ? (r.success as string) : null)
	};
}
