import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Svelte drops the whitespace at the start of a block, so `{a}{#if b}⏎ · {c}{/if}` renders
 * "A· C" (issue 14: "Beschlossen– Der", "Start– Ende"). Text that continues a line with a
 * separator after an `{#if}` must have the whitespace before the block instead:
 * `{a}⏎{#if b}· {c}{/if}`.
 */
const GLUED_BLOCK = /[^\s>]\{#if [^}]*\}\n\s*[·–—(]/g;

function svelteFiles(dir: string): string[] {
	return fs
		.readdirSync(dir, { withFileTypes: true })
		.flatMap((e) =>
			e.isDirectory()
				? svelteFiles(path.join(dir, e.name))
				: e.name.endsWith('.svelte')
					? [path.join(dir, e.name)]
					: []
		);
}

describe('separators after a conditional keep their space', () => {
	it('no component glues a separator to the text before an {#if}', () => {
		const glued = svelteFiles('src').flatMap((file) =>
			[...fs.readFileSync(file, 'utf8').matchAll(GLUED_BLOCK)].map(
				(m) => `${file}: ${m[0].replace(/\s+/g, ' ')}`
			)
		);
		expect(glued).toEqual([]);
	});
});
