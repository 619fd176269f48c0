import { paraglideVitePlugin } from '@inlang/paraglide-js';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vitest/config';

/**
 * Paraglide's compiled registry makes a new Intl.PluralRules (NumberFormat, DateTimeFormat,
 * RelativeTimeFormat) for every plural or formatted message: a few percent of a page's CPU
 * (issue 15). This takes them from src/lib/i18n/intl.ts instead, which keeps one formatter per
 * language and options for the app's own dates and numbers too; the output is the same.
 */
function reuseParaglideFormatters(): Plugin {
	const factories: Record<string, string> = {
		PluralRules: 'pluralRules',
		NumberFormat: 'numberFormat',
		DateTimeFormat: 'dateTimeFormat',
		RelativeTimeFormat: 'relativeTimeFormat'
	};
	return {
		name: 'miteinander:reuse-paraglide-formatters',
		transform(code, id) {
			if (!/[\\/]paraglide[\\/]registry\.js$/.test(id)) return null;
			const out = code.replace(
				/new Intl\.(PluralRules|NumberFormat|DateTimeFormat|RelativeTimeFormat)\(locale, (\w+)\)/g,
				(_, kind: string, options: string) => `__intl.${factories[kind]}(locale, ${options})`
			);
			if (out === code) return null;
			return { code: `import * as __intl from '../i18n/intl';\n${out}`, map: null };
		}
	};
}

/**
 * SvelteKit hashes each page's inline start-up script for the Content-Security-Policy with a
 * SHA-256 written in JavaScript (kit/src/runtime/server/page/crypto.js), about 3 % of a signed-in
 * page's CPU (issue 15). On the server (adapter-node) Node's own hash gives the same base64 digest.
 */
function nodeHashForCsp(): Plugin {
	return {
		name: 'miteinander:node-hash-for-csp',
		transform(code, id) {
			if (!/@sveltejs[\\/]kit[\\/]src[\\/]runtime[\\/]server[\\/]page[\\/]csp\.js$/.test(id))
				return null;
			const out = code.replace(
				"import { sha256 } from './crypto.js';",
				"import { createHash } from 'node:crypto';\n" +
					"const sha256 = (data) => createHash('sha256').update(data, 'utf8').digest('base64');"
			);
			if (out === code) throw new Error('node-hash-for-csp: SvelteKit changed csp.js');
			return { code: out, map: null };
		}
	};
}

export default defineConfig({
	plugins: [
		reuseParaglideFormatters(),
		nodeHashForCsp(),
		sveltekit({
			compilerOptions: {
				// Force runes mode for the project, except for libraries. Can be removed in svelte 6.
				runes: ({ filename }) =>
					filename.split(/[/\\]/).includes('node_modules') ? undefined : true
			},
			adapter: adapter(),
			csp: {
				// Hashes for SvelteKit's own inline start-up script; no 'unsafe-inline' scripts.
				mode: 'hash',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					// SvelteKit's route announcer sets an inline style attribute at run time; styles
					// cannot run code, so this is allowed while scripts stay strictly 'self' + hashes.
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'form-action': ['self'],
					'frame-ancestors': ['none'],
					'base-uri': ['self'],
					'object-src': ['none']
				}
			}
		}),
		// Under Vitest the messages are compiled once beforehand (npm run i18n:compile); the plugin's
		// file watcher would otherwise keep the test process from exiting.
		!process.env.VITEST &&
			paraglideVitePlugin({
				project: './project.inlang',
				outdir: './src/lib/paraglide',
				emitTsDeclarations: true,
				// custom-route (src/lib/i18n/routing.ts): the language prefix of a public page
				// (/ar/landshut), German on unprefixed public pages, in the signed-in area the cookie
				// (de/en) then the browser's preference. Defined for the server in hooks.server.ts and
				// for the browser in hooks.client.ts, from the same function.
				strategy: ['custom-route', 'baseLocale']
			})
	],
	server: { port: 3000 },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		globalSetup: ['./src/lib/server/db/testing/global-setup.ts'],
		testTimeout: 20_000,
		hookTimeout: 60_000,
		// PGlite instances are large: keep the number of workers low on small machines.
		maxWorkers: 2,
		// Test files of one worker share their modules: importing the app's modules again for each
		// of ~190 files took half of the run's time. Each file still opens its own database; a test
		// that changes process.env restores it and calls resetEnv() (auth/tenant-sso.db.test.ts).
		isolate: false
	}
});
