/**
 * Every public message exists in all seven languages (issue 12). The public keys are computed
 * from the route tree: starting at the public route folders and the site shell, follow the
 * imports ($lib/… and relative) and collect each `m.key` used on the way. A key used there and
 * missing in any language's message files fails the test (at run time it would fall back to
 * German on an Arabic page).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '$lib/paraglide/runtime';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Where visitors without sign-in get: public pages, auth pages, legal pages and the shell. */
const PUBLIC_FOLDERS = [
	'src/routes/(public)',
	'src/routes/(auth)',
	'src/routes/(platform)',
	'src/routes/antwort',
	'src/routes/barrierefreiheit'
];
const SHELL = [
	'src/routes/+layout.svelte',
	'src/routes/+error.svelte',
	'src/routes/+page.svelte',
	'src/routes/+layout.server.ts',
	'src/routes/+page.server.ts'
];

function sourceFiles(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(p);
		return /\.(svelte|ts)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [p] : [];
	});
}

function resolveImport(from: string, spec: string): string | null {
	let p: string;
	if (spec.startsWith('$lib/')) p = path.join(ROOT, 'src/lib', spec.slice(5));
	else if (spec.startsWith('.')) p = path.join(path.dirname(from), spec);
	else return null;
	for (const candidate of [p, `${p}.ts`, p.replace(/\.js$/, '.ts'), `${p}/index.ts`]) {
		if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
	}
	return null;
}

/** Message keys used by the public pages and everything they import. */
function publicKeys(): Set<string> {
	const queue = [
		...PUBLIC_FOLDERS.flatMap((d) => sourceFiles(path.join(ROOT, d))),
		...SHELL.map((f) => path.join(ROOT, f))
	];
	const seen = new Set<string>();
	const keys = new Set<string>();
	while (queue.length > 0) {
		const file = queue.pop()!;
		if (seen.has(file) || !fs.existsSync(file)) continue;
		seen.add(file);
		if (file.includes(`${path.sep}paraglide${path.sep}`)) continue;
		const text = fs.readFileSync(file, 'utf8');
		for (const match of text.matchAll(/\bm\.(\w+)\b/g)) keys.add(match[1]);
		for (const match of text.matchAll(/\bm\[['"](\w+)['"]\]/g)) keys.add(match[1]);
		for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
			const target = resolveImport(file, match[1]);
			if (target) queue.push(target);
		}
	}
	return keys;
}

/** The keys of each language, over all message files of the project settings. */
function messageKeys(): Map<string, Set<string>> {
	const settings = JSON.parse(
		fs.readFileSync(path.join(ROOT, 'project.inlang/settings.json'), 'utf8')
	) as { 'plugin.inlang.messageFormat': { pathPattern: string[] } };
	const byLocale = new Map<string, Set<string>>();
	for (const locale of locales) {
		const keys = new Set<string>();
		for (const pattern of settings['plugin.inlang.messageFormat'].pathPattern) {
			const file = path.join(ROOT, pattern.replace('{locale}', locale));
			if (!fs.existsSync(file)) continue;
			const messages = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
			for (const key of Object.keys(messages)) if (key !== '$schema') keys.add(key);
		}
		byLocale.set(locale, keys);
	}
	return byLocale;
}

describe('public messages in all seven languages', () => {
	const byLocale = messageKeys();
	const german = byLocale.get('de')!;
	// a match of `m.word` that is no message (another object's property) is not a key
	const keys = [...publicKeys()].filter((k) => german.has(k)).sort();

	it('finds the public keys through the route tree', () => {
		// the shell and sign-in are certainly public
		expect(keys).toEqual(expect.arrayContaining(['skip_to_content', 'i18n_menu_label']));
		expect(keys.length).toBeGreaterThan(300);
	});

	it('has every public key in every language', () => {
		const missing = locales.flatMap((locale) =>
			keys.filter((k) => !byLocale.get(locale)!.has(k)).map((k) => `${locale}: ${k}`)
		);
		expect(missing, `${missing.length} public messages missing`).toEqual([]);
	});
});

describe('the review status of the translations', () => {
	it('names, for every message file, whether a native speaker has reviewed it', () => {
		const status = JSON.parse(
			fs.readFileSync(path.join(ROOT, 'messages/review-status.json'), 'utf8')
		) as { folders: Record<string, Record<string, { reviewed: boolean }>> };
		const settings = JSON.parse(
			fs.readFileSync(path.join(ROOT, 'project.inlang/settings.json'), 'utf8')
		) as { 'plugin.inlang.messageFormat': { pathPattern: string[] } };
		const unnamed: string[] = [];
		for (const pattern of settings['plugin.inlang.messageFormat'].pathPattern) {
			const folder = path.dirname(pattern).replace(/^\.\/messages\/?/, '') || '.';
			for (const locale of locales) {
				const file = path.join(ROOT, pattern.replace('{locale}', locale));
				if (fs.existsSync(file) && typeof status.folders[folder]?.[locale]?.reviewed !== 'boolean')
					unnamed.push(`${folder}/${locale}`);
			}
		}
		expect(unnamed, 'message files without a review status (messages/review-status.json)').toEqual(
			[]
		);
	});
});
