/**
 * Safe rich text for news: what an author writes (HTML with a few tags, or plain paragraphs) is
 * cleaned on the server with sanitize-html before it is stored, so a page only ever renders
 * the allowed structure. Allowed: paragraphs, headings h2–h4, lists, links (http, https, mailto),
 * strong/em, blockquote, line breaks. Everything else is dropped: scripts and styles with their
 * content, event-handler and every other attribute, `javascript:` and `data:` URLs.
 */
import sanitizeHtml from 'sanitize-html';

/** Links only to web pages and mail addresses (sanitize-html checks the schemes again). */
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

const OPTIONS: sanitizeHtml.IOptions = {
	allowedTags: ['p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'a', 'strong', 'em', 'blockquote', 'br'],
	allowedAttributes: { a: ['href'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
	nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object'],
	transformTags: {
		b: 'strong',
		i: 'em',
		h1: 'h2',
		h5: 'h4',
		h6: 'h4',
		a: (tagName, attribs) => {
			const out: Record<string, string> = {};
			if (attribs.href && SAFE_HREF.test(attribs.href.trim())) {
				out.href = attribs.href;
				out.rel = 'noopener noreferrer';
			}
			return { tagName, attribs: out };
		}
	},
	exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href && !frame.text.trim()
};
// rel is set by the transform only, never taken from the input
OPTIONS.allowedAttributes = { a: ['href', 'rel'] };

/** Whether the text contains markup at all (else it is plain paragraphs). */
const HAS_TAG = /<\/?[a-z][^>]*>/i;

/** Plain text to paragraphs: blank lines separate paragraphs, single line breaks stay. */
function paragraphs(text: string): string {
	return text
		.split(/\r?\n\s*\r?\n/)
		.map((p) => p.trim())
		.filter(Boolean)
		.map((p) => `<p>${sanitizeHtml(p, { allowedTags: [] }).replace(/\r?\n/g, '<br>')}</p>`)
		.join('\n');
}

/** The stored, safe HTML of what an author wrote. */
export function sanitizeNewsHtml(input: string): string {
	const source = HAS_TAG.test(input) ? input : paragraphs(input);
	return sanitizeHtml(source, OPTIONS).trim();
}

/** The text of safe HTML without tags (for summaries, feeds' fallbacks and length checks). */
export function htmlToText(html: string): string {
	return sanitizeHtml(html.replace(/<\/(p|h2|h3|h4|li|blockquote)>/g, '$& '), {
		allowedTags: [],
		allowedAttributes: {}
	})
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/\s+/g, ' ')
		.trim();
}
