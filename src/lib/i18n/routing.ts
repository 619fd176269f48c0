/**
 * Which language a page is in, decided from its address (issue 12).
 *
 * - Public pages carry the language in the path: `/ar/landshut/angebote`, `/en/anmelden`. German
 *   is the unprefixed address (`/landshut/angebote`), so the old links keep working.
 * - The signed-in area (/app, /admin, /konto) has no prefix: German or English from the cookie
 *   that `/sprache` sets, then the browser's preference, then German.
 * - The browser's preference or the cookie only *suggest* a language on an unprefixed public page
 *   (a notice linking to that language); they never redirect.
 *
 * Pure functions: the server hook, the browser runtime (hooks.client.ts) and SvelteKit's reroute
 * (hooks.ts) use the same rules, so server and browser always agree on the language.
 */
import { baseLocale, locales, type Locale } from '$lib/paraglide/runtime';

/** Languages of the signed-in area. */
export const APP_LOCALES = ['de', 'en'] as const satisfies readonly Locale[];

/** Each language named in itself, in the order of the project settings. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
	de: 'Deutsch',
	en: 'English',
	ar: 'العربية',
	uk: 'Українська',
	tr: 'Türkçe',
	ru: 'Русский',
	fa: 'فارسی'
};

const RTL = new Set<string>(['ar', 'fa']);

export function textDirection(locale: string): 'ltr' | 'rtl' {
	return RTL.has(locale) ? 'rtl' : 'ltr';
}

/** Languages that appear as a path prefix (every one but German). */
export const PREFIXED_LOCALES = locales.filter((l) => l !== baseLocale) as Locale[];

function asLocale(value: string | null | undefined): Locale | null {
	return value && (locales as readonly string[]).includes(value) ? (value as Locale) : null;
}

/**
 * First path segments that are not public pages: the signed-in area, the language switch,
 * sign-out, machine interfaces and SvelteKit's own files. Everything else is a public page.
 */
const NOT_PUBLIC = new Set([
	'app',
	'admin',
	'konto',
	'sprache',
	'abmelden',
	'oparl',
	'kalender',
	'healthz',
	'_app'
]);

/** The language prefix of a path and the path without it (`/ar/landshut` → ar, `/landshut`). */
export function splitLocalePrefix(pathname: string): { locale: Locale | null; path: string } {
	const match = /^\/([a-z]{2})(?=\/|$)(.*)$/.exec(pathname);
	const locale = match ? asLocale(match[1]) : null;
	if (!match || !locale || locale === baseLocale) return { locale: null, path: pathname };
	const rest = match[2] || '/';
	if (!isPublicPath(rest)) return { locale: null, path: pathname };
	return { locale, path: rest };
}

/** A public page (not the signed-in area, an interface or a file). */
export function isPublicPath(path: string): boolean {
	if (!path.startsWith('/') || path.startsWith('//')) return false;
	const first = path.slice(1).split(/[/?#]/, 1)[0];
	if (NOT_PUBLIC.has(first)) return false;
	// files (favicon.svg, robots.txt, a calendar .ics, a PDF) are never prefixed
	const pathOnly = path.split(/[?#]/, 1)[0];
	const last = pathOnly.slice(pathOnly.lastIndexOf('/') + 1);
	return !/\.[A-Za-z0-9]{1,5}$/.test(last);
}

/** The same public path in `locale` (German: unprefixed). Other paths stay as they are. */
export function localizePath(path: string, locale: Locale): string {
	const { path: plain } = splitLocalePrefix(path);
	if (locale === baseLocale || !isPublicPath(plain)) return plain;
	if (plain === '/') return `/${locale}`;
	if (plain.startsWith('/?') || plain.startsWith('/#')) return `/${locale}${plain.slice(1)}`;
	return `/${locale}${plain}`;
}

/** One cookie's value from a Cookie header (or document.cookie). */
export function cookieFrom(header: string | null | undefined, name: string): string | null {
	for (const part of header?.split(';') ?? []) {
		const [key, ...value] = part.trim().split('=');
		if (key === name) return value.join('=');
	}
	return null;
}

/** Languages of an Accept-Language header (or navigator.languages), best first. */
export function acceptedLanguages(header: string | readonly string[] | null | undefined): string[] {
	if (!header) return [];
	const parts = typeof header === 'string' ? header.split(',') : header;
	return parts
		.map((part, index) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
			return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q[1]) : 1, index };
		})
		.filter((l) => l.lang && l.lang !== '*' && l.q > 0)
		.sort((a, b) => b.q - a.q || a.index - b.index)
		.map((l) => l.lang);
}

export interface LocaleRequest {
	pathname: string;
	/** the language cookie set by /sprache */
	cookie?: string | null;
	/** Accept-Language header, or navigator.languages in the browser */
	accept?: string | readonly string[] | null;
}

/** The language of a page: the prefix; German on unprefixed public pages; else cookie/browser (de/en). */
export function routeLocale({ pathname, cookie, accept }: LocaleRequest): Locale {
	const { locale } = splitLocalePrefix(pathname);
	if (locale) return locale;
	if (isPublicPath(pathname)) return baseLocale;
	return appLocale(cookie, accept);
}

/** Language of the signed-in area: the cookie, then the browser's preference, then German. */
export function appLocale(cookie?: string | null, accept?: string | readonly string[] | null) {
	const app = APP_LOCALES as readonly string[];
	if (cookie && app.includes(cookie)) return cookie as Locale;
	const preferred = acceptedLanguages(accept).find((l) => app.includes(l));
	return (preferred as Locale | undefined) ?? baseLocale;
}

/**
 * The language to suggest on an unprefixed public page: the cookie's (a language once chosen),
 * else the browser's first one of ours; null when that is German or none.
 */
export function suggestedLocale(
	cookie?: string | null,
	accept?: string | readonly string[] | null
): Locale | null {
	const chosen = asLocale(cookie) ?? asLocale(acceptedLanguages(accept).find((l) => asLocale(l)));
	return chosen && chosen !== baseLocale ? chosen : null;
}

const LINK = /<(a|form|link)\b([^>]*)>/gi;
const ATTR = /(\s(?:href|action))="(\/[^"]*)"/i;

/**
 * Rewrites the same-site public links (`href="/…"`, `action="/…"`) of a page rendered in
 * `locale` so that they stay in that language. Links that name their language (`hreflang`:
 * the language menu, alternates) and everything not public (app, assets, /_app) stay.
 */
export function localizeLinks(html: string, locale: Locale): string {
	if (locale === baseLocale) return html;
	return html.replace(LINK, (tag, name: string, attrs: string) => {
		if (/\shreflang=/i.test(attrs)) return tag;
		const rewritten = attrs.replace(ATTR, (all, attr: string, target: string) => {
			const decoded = target.replaceAll('&amp;', '&');
			if (!isPublicPath(decoded) || splitLocalePrefix(decoded).locale) return all;
			return `${attr}="${localizePath(target, locale)}"`;
		});
		return `<${name}${rewritten}>`;
	});
}

/** A redirect target (`Location`) on a page in `locale`: public paths keep the language. */
export function localizeLocation(location: string, locale: Locale): string {
	if (locale === baseLocale || !location.startsWith('/') || location.startsWith('//'))
		return location;
	if (!isPublicPath(location) || splitLocalePrefix(location).locale) return location;
	return localizePath(location, locale);
}

/**
 * SvelteKit's start-up script. Pages in a prefixed language are served without it: their links
 * and forms were rewritten on the server (localizeLinks) and work without JavaScript, while a
 * hydrated page would set the links back to their unprefixed targets.
 */
const START_SCRIPT = /<script>\s*\{\s*__sveltekit_[\s\S]*?<\/script>/g;
const MODULE_PRELOAD = /<link rel="modulepreload"[^>]*>/g;

export function withoutClientScript(html: string): string {
	return html.replace(START_SCRIPT, '').replace(MODULE_PRELOAD, '');
}
