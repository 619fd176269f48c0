// Plain JavaScript (type-checked through JSDoc) so that scripts/start.mjs can import it without a
// build: the hook sets these on every answer of the app, the start script on the static files
// adapter-node serves before the hook runs.

/** Headers every answer carries (the pages' Content-Security-Policy comes from kit.csp). */
export const SECURITY_HEADERS = Object.freeze({
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'X-Frame-Options': 'DENY',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
	'Cross-Origin-Opener-Policy': 'same-origin'
});

/**
 * The Content-Security-Policy of HTML that is not a SvelteKit page (the report and concept
 * documents built by hand) and of static files: nothing runs, nothing loads from elsewhere, no
 * forms, no framing; only inline styles and own or data: images.
 */
export const DOCUMENT_CSP =
	"default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Sets the security headers on an answer: always SECURITY_HEADERS; DOCUMENT_CSP on HTML that
 * brought no policy of its own (kit.csp sets the pages' policy, attachments their sandbox).
 * @param {Headers} headers
 */
export function applySecurityHeaders(headers) {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
	const type = headers.get('content-type') ?? '';
	if (
		/^\s*(text\/html|application\/xhtml\+xml)\b/i.test(type) &&
		!headers.has('content-security-policy')
	)
		headers.set('Content-Security-Policy', DOCUMENT_CSP);
}
