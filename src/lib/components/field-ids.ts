/**
 * The ids a form control points to with `aria-describedby`: its hint, its error and any further
 * ids (e.g. a hint shared by several controls). `undefined` when there is nothing to point to.
 */
export function describedBy(
	id: string,
	hint: unknown,
	error: unknown,
	...extra: (string | null | undefined)[]
): string | undefined {
	return (
		[hint ? `${id}-hint` : null, error ? `${id}-error` : null, ...extra]
			.filter(Boolean)
			.join(' ') || undefined
	);
}

/** One choice of a select, checkbox or radio group. */
export interface Choice {
	value: string;
	label: string;
	/** language of the label when it differs from the page's */
	lang?: string;
	/** a short explanation under a checkbox or radio */
	hint?: string;
	disabled?: boolean;
}

/** The choices from a list of keys and a function that names them. */
export function choices<T extends string | number>(
	keys: readonly T[],
	label: (key: T) => string
): Choice[] {
	return keys.map((k) => ({ value: String(k), label: label(k) }));
}

/** Something chosen by its id and shown by its name: a field of action, a body, a person … */
export interface Named {
	id: string;
	name: string;
}

/** The choices for a list of named things: the id as value, the name as label. */
export function namedChoices(items: readonly Named[]): Choice[] {
	return items.map((item) => ({ value: item.id, label: item.name }));
}

/** The props of a labelled control (Select, TextArea) besides its element's own attributes. */
export interface ControlProps {
	name: string;
	label: string;
	error?: string | null;
	hint?: string | null;
	id?: string;
	/** further ids for aria-describedby, e.g. a hint shared by several fields */
	describedby?: string;
	/** the label only for assistive technology */
	hideLabel?: boolean;
	/** more words for the label, only for assistive technology (e.g. which row it is for) */
	labelContext?: string;
	/** class of the wrapper (default "field") */
	class?: string;
}
