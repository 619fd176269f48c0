import { describe, expect, it } from 'vitest';
import { markdownToPlain, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
	it('renders the supported subset', () => {
		const html = renderMarkdown(
			'# Empfehlungen\n\nErster Satz\nzweite Zeile\n\n- **fett** und *kursiv*\n- [Laatzen](https://www.laatzen.de)\n\n1. eins\n2. zwei\n\n> Zitat'
		);
		expect(html).toBe(
			[
				'<h3>Empfehlungen</h3>',
				'<p>Erster Satz<br>zweite Zeile</p>',
				'<ul><li><strong>fett</strong> und <em>kursiv</em></li><li><a href="https://www.laatzen.de">Laatzen</a></li></ul>',
				'<ol><li>eins</li><li>zwei</li></ol>',
				'<blockquote><p>Zitat</p></blockquote>'
			].join('\n')
		);
	});

	it('never lets markup through: scripts, event handlers and tags are escaped', () => {
		const html = renderMarkdown(
			'<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n<a href="javascript:alert(1)">x</a>'
		);
		expect(html).not.toMatch(/<script|<img|<a /);
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
	});

	it('only links to http(s) and mailto, and never breaks out of the attribute', () => {
		expect(renderMarkdown('[x](javascript:alert(1))')).not.toContain('<a');
		expect(renderMarkdown('[x](data:text/html,hi)')).not.toContain('<a');
		expect(renderMarkdown('[x](https://a.de/"onmouseover="alert(1))')).not.toContain('<a');
		expect(renderMarkdown('[x](https://a.de/?a=1&b=2)')).toBe(
			'<p><a href="https://a.de/?a=1&amp;b=2">x</a></p>'
		);
		expect(renderMarkdown('[Mail](mailto:info@example.org)')).toContain(
			'<a href="mailto:info@example.org">Mail</a>'
		);
	});

	it('caps heading levels at h6 and gives plain text for PDF and mail', () => {
		expect(renderMarkdown('###### tief')).toBe('<h6>tief</h6>');
		expect(markdownToPlain('## Titel\n\n- **a**\n- [b](https://b.de)')).toBe(
			'Titel\n\n• a\n• b (https://b.de)'
		);
	});
});
