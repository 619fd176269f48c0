/**
 * Control characters in what a client sends: a NUL or another C0 control character has no
 * business in an address or a form field, and PostgreSQL refuses NUL in text (a 500 before
 * issue 16). Shared by the server hooks and the universal `reroute` hook.
 */

/** C0 controls and DEL: never allowed in an address. */
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001f\u007f]/;

/** C0 controls and DEL except tab, newline and carriage return (multi-line text fields). */
// eslint-disable-next-line no-control-regex
const FORM_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function decodes(s: string): string | null {
	try {
		return decodeURIComponent(s);
	} catch {
		return null;
	}
}

/**
 * Whether the path (percent-decoded) or a query parameter contains a control character. An
 * undecodable path is left to SvelteKit, which answers it with 400 itself.
 */
export function urlHasControlCharacters(url: URL): boolean {
	const path = decodes(url.pathname);
	if (path !== null && ANY_CONTROL.test(path)) return true;
	for (const [key, value] of url.searchParams) {
		if (ANY_CONTROL.test(key) || ANY_CONTROL.test(value)) return true;
	}
	return false;
}

/** Whether a submitted text holds a control character other than tab, newline or CR. */
export function hasFormControlCharacters(value: string): boolean {
	return FORM_CONTROL.test(value);
}

/** Names of the text fields of a form that hold a control character other than tab/LF/CR. */
export function formControlCharacters(form: FormData): string[] {
	const names = new Set<string>();
	for (const [name, value] of form.entries()) {
		if (typeof value === 'string' && hasFormControlCharacters(value)) names.add(name);
	}
	return [...names];
}

/** The text without the refused control characters (to send the input back). */
export function withoutControlCharacters(value: string): string {
	return value.replace(new RegExp(FORM_CONTROL.source, 'g'), '');
}
