/** Form values with some names read as lists (checkbox groups, multi-selects). */
export function formValues(
	form: FormData,
	lists: string[] = [],
	omit: string[] = ['website', 'challenge', 'pow']
): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [k, v] of form.entries()) {
		if (typeof v !== 'string' || omit.includes(k)) continue;
		if (lists.includes(k)) out[k] = [...((out[k] as string[] | undefined) ?? []), v];
		else out[k] = v;
	}
	for (const k of lists) out[k] ??= [];
	return out;
}

/** Everything the form sent, spam fields included (for the use case, not for sending back). */
export function rawValues(form: FormData, lists: string[] = []) {
	return formValues(form, lists, []);
}
