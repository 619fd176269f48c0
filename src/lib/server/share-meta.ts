/**
 * Tags for sharing and search (Open Graph, description, canonical address) derived from what a
 * page already says: its `<title>` and, where it has one, its `<meta name="description">`.
 * Pages do not repeat them; the hook adds them to every HTML page.
 */
import { escapeHtml } from './shared';

/** Open Graph's locale names of the public languages. */
const OG_LOCALES: Record<string, string> = {
	de: 'de_DE',
	en: 'en_GB',
	ar: 'ar_AR',
	uk: 'uk_UA',
	tr: 'tr_TR',
	ru: 'ru_RU',
	fa: 'fa_IR'
};

export interface ShareMetaInput {
	/** The page's HTML head (or the whole document). */
	html: string;
	/** The page's canonical address (origin + path, no query). */
	url: string;
	locale: string;
	siteName: string;
	/** Said when the page has no description of its own. */
	fallbackDescription: string;
}

const decode = (text: string) =>
	text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');

/** The tags to add before `</head>`; empty for a document without a title (not a page). */
export function shareMetaTags(input: ShareMetaInput): string {
	const head = input.html.slice(0, input.html.indexOf('</head>') >>> 0);
	const title = /<title>([^<]*)<\/title>/.exec(head)?.[1];
	if (!title || /property="og:title"/.test(head)) return '';
	const own = /<meta name="description" content="([^"]*)"/.exec(head)?.[1];
	const description = own ? decode(own) : input.fallbackDescription;
	const attr = (value: string) => escapeHtml(value.replace(/\s+/g, ' ').trim());
	const tags = [
		own ? '' : `<meta name="description" content="${attr(description)}">`,
		`<link rel="canonical" href="${attr(input.url)}">`,
		`<meta property="og:type" content="website">`,
		`<meta property="og:site_name" content="${attr(input.siteName)}">`,
		`<meta property="og:title" content="${attr(decode(title))}">`,
		`<meta property="og:description" content="${attr(description)}">`,
		`<meta property="og:url" content="${attr(input.url)}">`,
		`<meta property="og:locale" content="${OG_LOCALES[input.locale] ?? 'de_DE'}">`,
		`<meta name="twitter:card" content="summary">`
	];
	return tags.filter(Boolean).join('');
}

/** Inserts the tags before `</head>` (once; later chunks of a streamed page pass unchanged). */
export function withShareMeta(html: string, input: Omit<ShareMetaInput, 'html'>): string {
	const at = html.indexOf('</head>');
	if (at < 0) return html;
	const tags = shareMetaTags({ ...input, html });
	return tags ? html.slice(0, at) + tags + html.slice(at) : html;
}
