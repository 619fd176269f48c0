/**
 * Redirect targets that come from the request (`?next=`, a form's `redirectTo`): only a path on
 * this site is followed, checked after URL parsing so that what the browser will resolve is what
 * was checked.
 */

/** C0 controls, DEL and C1 controls: browsers strip or reinterpret them in a Location. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * `target` if it is a same-origin path ("/app/x?y#z"), else `fallback`. Refused: anything not
 * starting with a single "/", scheme-relative "//", backslashes, control characters (raw or
 * percent-encoded), non-ASCII characters (look-alike slashes) and anything the URL parser
 * resolves to another origin.
 */
export function safeRedirectPath(target: unknown, origin: string, fallback: string): string {
	if (typeof target !== 'string' || !target.startsWith('/')) return fallback;
	// Printable ASCII only; "ß" or "ä" arrive percent-encoded from our own links.
	if (!/^[\u0021-\u007e]+$/.test(target)) return fallback;
	if (target.startsWith('//') || target.includes('\\')) return fallback;
	let decoded: string;
	try {
		decoded = decodeURIComponent(target);
	} catch {
		return fallback;
	}
	if (CONTROL.test(decoded) || decoded.includes('\\') || decoded.startsWith('//')) return fallback;
	let url: URL;
	try {
		const base = new URL(origin);
		url = new URL(target, base);
		if (url.origin !== base.origin) return fallback;
	} catch {
		return fallback;
	}
	const path = url.pathname + url.search + url.hash;
	return path.startsWith('/') && !path.startsWith('//') ? path : fallback;
}
