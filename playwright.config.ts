import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

// The Chromium from the system (Debian package `chromium`); Playwright's own browser downloads
// are not used. A missing browser fails the run instead of skipping the tests.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
	throw new Error(
		`Chromium not found at ${chromium}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`
	);
}

const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://localhost:${port}`;

// The every-language accessibility pass (e2e/i18n/every-language-axe.spec.ts) checks markup and
// translations, which do not depend on the database: it runs on PGlite only (about nine minutes
// of each run). E2E_EVERY_LANGUAGE=1 runs it on PostgreSQL too.
const onPostgres = /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? '');
const everyLanguage = !onPostgres || process.env.E2E_EVERY_LANGUAGE === '1';

export default defineConfig({
	testDir: 'e2e',
	testIgnore: everyLanguage ? [] : ['i18n/every-language-axe.spec.ts'],
	// One worker: the tests share one app and one database, and the machine has two cores.
	workers: 1,
	fullyParallel: false,
	retries: 0,
	forbidOnly: !!process.env.CI,
	// Generous budgets: the two cores are shared with other work (builds, other test runs), and a
	// timeout here says nothing about the app's speed (that is `npm run bench`'s job).
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
	use: {
		baseURL,
		locale: 'de-DE',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: chromium,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		// Builds when stale, starts on port 3100 with a fresh database (PGlite, or a new database
		// on the PostgreSQL server of DATABASE_URL) and removes that database when stopped.
		command: 'node e2e/serve.mjs',
		url: `${baseURL}/healthz`,
		reuseExistingServer: false,
		// The first start builds the app (two minutes or more on a busy two-core machine), migrates and
		// seeds the demo.
		timeout: 600_000,
		stdout: 'pipe',
		stderr: 'pipe',
		gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 }
	}
});
