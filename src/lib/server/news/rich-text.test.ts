import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeNewsHtml } from './rich-text';

describe('news rich text is sanitised on the server', () => {
	it('keeps the allowed structure', () => {
		const html = sanitizeNewsHtml(
			'<h2>Titel</h2><p><strong>fett</strong> und <em>kursiv</em></p><ul><li>eins</li></ul><ol><li>zwei</li></ol><blockquote>Zitat</blockquote><h3>a</h3><h4>b</h4>'
		);
		expect(html).toBe(
			'<h2>Titel</h2><p><strong>fett</strong> und <em>kursiv</em></p><ul><li>eins</li></ul><ol><li>zwei</li></ol><blockquote>Zitat</blockquote><h3>a</h3><h4>b</h4>'
		);
	});

	it('removes scripts with their content, styles and iframes', () => {
		const html = sanitizeNewsHtml(
			'<p>Hallo</p><script>alert(1)</script><style>p{}</style><iframe src="https://x.example"></iframe>'
		);
		expect(html).toBe('<p>Hallo</p>');
	});

	it('removes event-handler and other attributes', () => {
		const html = sanitizeNewsHtml(
			'<p onclick="alert(1)" style="color:red" class="x">Text</p><img src=x onerror="alert(1)"><a href="https://example.org" onmouseover="alert(1)" target="_blank">Link</a>'
		);
		expect(html).not.toMatch(/onclick|onerror|onmouseover|style|class|img|target/);
		expect(html).toBe(
			'<p>Text</p><a href="https://example.org" rel="noopener noreferrer">Link</a>'
		);
	});

	it('removes javascript: and data: URLs but keeps http, https and mailto', () => {
		const html = sanitizeNewsHtml(
			'<p><a href="javascript:alert(1)">a</a> <a href="JaVaScRiPt:alert(1)">b</a> <a href="data:text/html,x">c</a> <a href="mailto:info@example.org">d</a> <a href="http://example.org">e</a></p>'
		);
		expect(html).not.toMatch(/javascript|data:/i);
		expect(html).toContain('<a href="mailto:info@example.org" rel="noopener noreferrer">d</a>');
		expect(html).toContain('<a href="http://example.org" rel="noopener noreferrer">e</a>');
	});

	it('does not take rel from the input', () => {
		expect(sanitizeNewsHtml('<a href="https://e.org" rel="opener">x</a>')).toBe(
			'<a href="https://e.org" rel="noopener noreferrer">x</a>'
		);
	});

	it('turns plain text into escaped paragraphs', () => {
		expect(sanitizeNewsHtml('Erster Absatz\nzweite Zeile\n\nZweiter & letzter')).toBe(
			'<p>Erster Absatz<br />zweite Zeile</p>\n<p>Zweiter &amp; letzter</p>'
		);
	});

	it('gives the plain text of html', () => {
		expect(htmlToText('<h2>A</h2><p>B &amp; C</p>')).toBe('A B & C');
	});
});
