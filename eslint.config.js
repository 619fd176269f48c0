import prettier from 'eslint-config-prettier';
import path from 'node:path';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, includeIgnoreFile } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';

const gitignorePath = path.resolve(import.meta.dirname, '.gitignore');

export default defineConfig(
	includeIgnoreFile(gitignorePath),
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	prettier,
	svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// typescript-eslint strongly recommend that you do not use the no-undef lint rule on TypeScript projects.
			// see: https://typescript-eslint.io/troubleshooting/faqs/eslint/#i-get-errors-from-the-no-undef-rule-about-global-variables-not-being-defined-even-though-there-are-no-typescript-errors
			'no-undef': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser
			}
		}
	},
	{
		rules: {
			// The app is served from the root path (no paths.base), so plain hrefs are correct;
			// wrapping every link in resolve() would add noise without changing behaviour.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		// Routes call use cases and views; they never query tables or resolve the tenant themselves
		// (the hook does: locals.ctx.tenant). See ARCHITECTURE.md, "Request flow".
		files: ['src/routes/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{ name: 'drizzle-orm', message: 'Routes call use cases and views, not SQL.' },
						{
							name: '$lib/server/tenants/resolve',
							importNames: ['resolveRequestTenant'],
							message: 'The hook resolves the tenant: use tenantCtx(event) from $lib/server/http.'
						}
					],
					patterns: [
						{ regex: '^drizzle-orm/', message: 'Routes call use cases and views, not SQL.' },
						{
							regex: '^\\$lib/server/.+/schema(\\.ts)?$',
							message:
								'Routes do not touch tables: import types and constants from the domain (validation.ts, views).'
						}
					]
				}
			]
		}
	}
);
