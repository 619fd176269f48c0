import { getContext, setContext } from 'svelte';

/**
 * What a form was filled with and what went wrong, shared by `Form` (when given `values`) with
 * the controls inside it: a control named `title` shows `values.title` and `errors.title` unless
 * it is given its own `value` or `error`.
 */
export interface FormState {
	/** none: the controls show only what they are given */
	readonly values: Readonly<Record<string, unknown>> | undefined;
	readonly errors: Readonly<Record<string, string>> | null | undefined;
}

const KEY = Symbol('form-state');

export function setFormState(state: FormState): void {
	setContext(KEY, state);
}

/** Reads the surrounding form's value and error of a control; call while the control starts. */
export function surroundingForm() {
	const state = getContext<FormState | undefined>(KEY);
	return {
		/** the text (or, for a list, the texts) held for `name`; `undefined` outside such a form */
		value(name: string): string | string[] | undefined {
			if (!state?.values) return undefined;
			const v = state.values[name];
			if (Array.isArray(v)) return v.map(String);
			return v == null ? '' : String(v);
		},
		error(name: string): string | undefined {
			return state?.values ? state.errors?.[name] : undefined;
		}
	};
}
