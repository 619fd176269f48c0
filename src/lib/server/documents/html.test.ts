import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderHtmlPage } from './html';

describe('renderHtmlPage', () => {
	it('carries its own Content-Security-Policy: no script, only its style element by hash', () => {
		const html = renderHtmlPage(
			{ title: 'Bericht', lang: 'de-DE', blocks: [{ kind: 'paragraph', text: 'Text' }] },
			{ css: '.bar{fill:#005a9c}' }
		);
		const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
		expect(policy).toBeTruthy();
		const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
		const hash = createHash('sha256').update(style, 'utf8').digest('base64');
		expect(policy).toContain(`style-src 'sha256-${hash}'`);
		expect(policy).toMatch(/^default-src 'none';/);
		expect(policy).not.toMatch(/script-src|unsafe/);
		// the policy comes before the style element it allows
		expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
	});
});
