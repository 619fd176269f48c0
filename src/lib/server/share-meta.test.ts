import { describe, expect, it } from 'vitest';
import { withShareMeta } from './share-meta';

const page = (head: string) =>
	`<!doctype html><html><head>${head}</head><body><p>x</p></body></html>`;
const input = {
	url: 'https://integration.example.de/landshut/angebote',
	locale: 'ar',
	siteName: 'Miteinander',
	fallbackDescription: 'Angebote & mehr "hier"'
};

describe('share meta (issue 13 item 8)', () => {
	it('derives Open Graph tags from the title and the page description', () => {
		const html = withShareMeta(
			page(
				'<title>Angebote – Landshut</title><meta name="description" content="Kurse &amp; Beratung">'
			),
			input
		);
		expect(html).toContain('<meta property="og:title" content="Angebote – Landshut">');
		expect(html).toContain('<meta property="og:description" content="Kurse &amp; Beratung">');
		expect(html).toContain(
			'<link rel="canonical" href="https://integration.example.de/landshut/angebote">'
		);
		expect(html).toContain('<meta property="og:locale" content="ar_AR">');
		expect(html.match(/name="description"/g)).toHaveLength(1);
		expect(html.indexOf('og:title')).toBeLessThan(html.indexOf('</head>'));
	});

	it('adds an escaped fallback description where the page has none', () => {
		const html = withShareMeta(page('<title>Start</title>'), input);
		expect(html).toContain(
			'<meta name="description" content="Angebote &amp; mehr &quot;hier&quot;">'
		);
		expect(html).toContain('<meta property="og:description" content="Angebote &amp; mehr');
	});

	it('leaves documents without a title, and pages that set their own tags, unchanged', () => {
		expect(withShareMeta(page(''), input)).toBe(page(''));
		const own = page('<title>T</title><meta property="og:title" content="own">');
		expect(withShareMeta(own, input)).toBe(own);
		expect(withShareMeta('<p>chunk</p>', input)).toBe('<p>chunk</p>');
	});
});
