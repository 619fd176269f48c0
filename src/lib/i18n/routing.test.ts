import { describe, expect, it } from 'vitest';
import { reroute } from '../../hooks';
import {
	acceptedLanguages,
	localizeLinks,
	localizeLocation,
	localizePath,
	routeLocale,
	splitLocalePrefix,
	suggestedLocale,
	withoutClientScript
} from './routing';

const rerouted = (path: string) =>
	reroute({ url: new URL(path, 'https://miteinander.example'), fetch });

describe('language from the address (issue 12)', () => {
	it.each([
		['/ar/landshut/angebote', 'ar'],
		['/en/landshut', 'en'],
		['/uk', 'uk'],
		['/tr/anmelden', 'tr'],
		['/ru/barrierefreiheit', 'ru'],
		['/fa/antwort/abc', 'fa']
	])('a public page with a prefix is in that language: %s → %s', (pathname, locale) => {
		expect(routeLocale({ pathname, cookie: 'en', accept: 'de' })).toBe(locale);
	});

	it('an unprefixed public page is German, whatever the cookie or browser says', () => {
		for (const pathname of ['/', '/landshut/angebote', '/anmelden', '/impressum']) {
			expect(routeLocale({ pathname, cookie: 'en', accept: 'ar, en;q=0.8' })).toBe('de');
		}
	});

	it('the signed-in area follows the cookie (de/en), then the browser, then German', () => {
		expect(routeLocale({ pathname: '/app', cookie: 'en', accept: 'de' })).toBe('en');
		expect(routeLocale({ pathname: '/konto', cookie: 'de', accept: 'en' })).toBe('de');
		expect(routeLocale({ pathname: '/admin/mandanten', accept: 'ar, en;q=0.5' })).toBe('en');
		// Arabic is not a language of the signed-in area: German
		expect(routeLocale({ pathname: '/app', cookie: 'ar', accept: 'ar' })).toBe('de');
	});

	it('a prefix in front of a non-public path is no language prefix', () => {
		expect(splitLocalePrefix('/ar/app')).toEqual({ locale: null, path: '/ar/app' });
		expect(splitLocalePrefix('/de/landshut')).toEqual({ locale: null, path: '/de/landshut' });
		// a tenant slug that merely starts like a language
		expect(splitLocalePrefix('/arnstorf')).toEqual({ locale: null, path: '/arnstorf' });
	});

	it('SvelteKit routes a prefixed public page to the German route', () => {
		expect(rerouted('/ar/landshut/angebote')).toBe('/landshut/angebote');
		expect(rerouted('/uk')).toBe('/');
		expect(rerouted('/landshut/angebote')).toBeUndefined();
		expect(rerouted('/ar/app')).toBeUndefined();
	});
});

describe('links and redirects stay in the language', () => {
	it('localizes public paths, never assets or the signed-in area', () => {
		expect(localizePath('/landshut/angebote?q=Kurs', 'ar')).toBe('/ar/landshut/angebote?q=Kurs');
		expect(localizePath('/', 'fa')).toBe('/fa');
		expect(localizePath('/ar/landshut', 'de')).toBe('/landshut');
		expect(localizePath('/ar/landshut', 'uk')).toBe('/uk/landshut');
		expect(localizePath('/app/landshut', 'ar')).toBe('/app/landshut');
		expect(localizePath('/favicon.svg', 'ar')).toBe('/favicon.svg');
	});

	it('rewrites same-site public href and action attributes of a page', () => {
		const html = [
			'<a href="/landshut/angebote?q=a&amp;b=c">Finder</a>',
			'<form method="POST" action="/landshut/anliegen?/send">',
			'<a class="x" href="/">Start</a>',
			'<a href="/app">App</a>',
			'<a href="/_app/immutable/x.js">js</a>',
			'<link rel="icon" href="/favicon.svg">',
			'<a href="/landshut/gremien/rat.ics">ics</a>',
			'<a href="/oparl/v1.1/system">OParl</a>',
			'<a href="https://example.org/x">out</a>',
			'<a href="//evil.example/x">scheme-relative</a>',
			'<a href="/landshut" hreflang="de">Deutsch</a>',
			'<a href="/ar/landshut">already</a>',
			'<a href="?seite=2">relative</a>'
		].join('\n');
		expect(localizeLinks(html, 'ar').split('\n')).toEqual([
			'<a href="/ar/landshut/angebote?q=a&amp;b=c">Finder</a>',
			'<form method="POST" action="/ar/landshut/anliegen?/send">',
			'<a class="x" href="/ar">Start</a>',
			'<a href="/app">App</a>',
			'<a href="/_app/immutable/x.js">js</a>',
			'<link rel="icon" href="/favicon.svg">',
			'<a href="/landshut/gremien/rat.ics">ics</a>',
			'<a href="/oparl/v1.1/system">OParl</a>',
			'<a href="https://example.org/x">out</a>',
			'<a href="//evil.example/x">scheme-relative</a>',
			'<a href="/landshut" hreflang="de">Deutsch</a>',
			'<a href="/ar/landshut">already</a>',
			'<a href="?seite=2">relative</a>'
		]);
		expect(localizeLinks(html, 'de')).toBe(html);
	});

	it('rewrites a Location to a public page, not to the signed-in area or elsewhere', () => {
		expect(localizeLocation('/landshut/anliegen/danke', 'tr')).toBe('/tr/landshut/anliegen/danke');
		expect(localizeLocation('/app', 'tr')).toBe('/app');
		expect(localizeLocation('https://example.org/', 'tr')).toBe('https://example.org/');
		expect(localizeLocation('/landshut', 'de')).toBe('/landshut');
	});

	it('removes the client start-up script and its preloads', () => {
		const html =
			'<head><link rel="modulepreload" href="/_app/immutable/entry/start.js"><link href="/_app/a.css" rel="stylesheet"></head>' +
			'<body><div>x</div><script>\n\t{\n\t\t__sveltekit_abc = {};\n\t\tPromise.all([import("/_app/x.js")]);\n\t}\n</script></body>';
		const out = withoutClientScript(html);
		expect(out).not.toContain('<script');
		expect(out).not.toContain('modulepreload');
		expect(out).toContain('<link href="/_app/a.css" rel="stylesheet">');
		expect(out).toContain('<div>x</div>');
	});
});

describe('the browser only suggests a language', () => {
	it('reads Accept-Language by quality', () => {
		expect(acceptedLanguages('de;q=0.5, ar-SY, en;q=0.8')).toEqual(['ar', 'en', 'de']);
		expect(acceptedLanguages(['uk-UA', 'ru'])).toEqual(['uk', 'ru']);
		expect(acceptedLanguages(null)).toEqual([]);
	});

	it('suggests the chosen or first preferred of the seven languages, not German', () => {
		expect(suggestedLocale(null, 'fr, fa;q=0.9, de;q=0.8')).toBe('fa');
		expect(suggestedLocale('uk', 'ar')).toBe('uk');
		expect(suggestedLocale(null, 'de-DE, en')).toBeNull();
		expect(suggestedLocale(null, 'fr')).toBeNull();
	});
});
