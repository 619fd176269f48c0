// Starting and stopping as operators expect (issue 14, item 5):
// - without ORIGIN (e2e/serve.mjs starts the app like `npm start` does, ORIGIN unset) a form
//   posted from the address the app was reached at, here http://127.0.0.1:PORT, is accepted,
//   while a post from another origin is refused by the CSRF check; links in mails never take
//   the address from the request's Host header;
// - `npm start` passes SIGTERM on: the server stops, npm exits and the port is closed.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACCOUNTS, DEMO_PASSWORD, expect, readMailLink, test } from '../fixtures';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const port = () => Number(new URL(test.info().project.use.baseURL!).port);

test('without ORIGIN a sign-in at http://127.0.0.1 works and a foreign origin is refused', async ({
	playwright
}) => {
	const address = `http://127.0.0.1:${port()}`;
	const request = await playwright.request.newContext({ baseURL: address });
	const signIn = (origin: string) =>
		request.post('/anmelden', {
			form: { email: ACCOUNTS.coordinatorLandshut, password: DEMO_PASSWORD, next: '' },
			headers: { origin, accept: 'text/html' },
			maxRedirects: 0
		});

	const foreign = await signIn('https://evil.example');
	expect(foreign.status()).toBe(403);
	// same host, other scheme: another origin too
	expect((await signIn(`https://127.0.0.1:${port()}`)).status()).toBe(403);

	const same = await signIn(address);
	expect(same.status()).toBe(303);
	expect(same.headers()['location']).toBe('/app');
	// the session works at that address
	const app = await request.get('/app', { maxRedirects: 0 });
	expect(app.status()).toBe(200);
	expect(await app.text()).toContain('Abmelden');
	await request.dispose();
});

test('without ORIGIN a forged Host header does not make mail links point elsewhere', async ({
	playwright,
	browser
}) => {
	const forged = `evil.example:${port()}`;
	const request = await playwright.request.newContext({
		baseURL: `http://127.0.0.1:${port()}`
	});
	// what an attacker can send with any HTTP client: Host and Origin of their choice
	const asked = await request.post('/passwort-vergessen', {
		form: { email: ACCOUNTS.coordinatorFreising },
		headers: { host: forged, origin: `http://${forged}`, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(asked.status()).toBe(200);
	await request.dispose();
	const link = await readMailLink(
		browser,
		ACCOUNTS.coordinatorFreising,
		'pre a[href*="/passwort-zuruecksetzen/"]'
	);
	expect(new URL(link).origin).toBe(`http://localhost:${port()}`);
});

/** Resolves with the exit code once the process has ended, or null after `ms`. */
function exited(child: ChildProcess, ms: number): Promise<number | string | null> {
	if (child.exitCode !== null || child.signalCode !== null)
		return Promise.resolve(child.exitCode ?? child.signalCode);
	return new Promise((resolve) => {
		const timer = setTimeout(() => resolve(null), ms);
		child.once('exit', (code, signal) => {
			clearTimeout(timer);
			resolve(code ?? signal);
		});
	});
}

async function answers(url: string): Promise<number | null> {
	try {
		return (await fetch(url, { signal: AbortSignal.timeout(5_000) })).status;
	} catch {
		return null;
	}
}

test('npm start passes SIGTERM on: the server stops and the port is closed', async () => {
	// Migrating a fresh embedded database on a busy two-core machine takes a while; nothing here
	// measures speed.
	test.setTimeout(300_000);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'miteinander-signal-'));
	const serverPort = port() + 50;
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PORT: String(serverPort),
		DATA_DIR: path.join(dir, 'data'),
		SEED_DEMO: 'false',
		// the Playwright run has built the app already
		SKIP_BUILD: '1',
		LOG_LEVEL: 'warn',
		SMTP_URL: ''
	};
	delete env.DATABASE_URL;
	delete env.ORIGIN;
	// npm runs the script through a shell: the signal goes to npm only, as a service manager's would
	const npm = spawn('npm', ['start'], {
		cwd: root,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true
	});
	let output = '';
	npm.stdout!.on('data', (d) => (output += d));
	npm.stderr!.on('data', (d) => (output += d));
	const health = `http://127.0.0.1:${serverPort}/healthz`;
	try {
		await expect.poll(() => answers(health), { timeout: 240_000, intervals: [1_000] }).toBe(200);
		// a foreign origin is refused here as well
		const foreign = await fetch(`http://127.0.0.1:${serverPort}/anmelden`, {
			method: 'POST',
			headers: {
				origin: 'http://evil.example',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: 'email=a%40b.example&password=x'
		});
		expect(foreign.status).toBe(403);

		npm.kill('SIGTERM');
		expect(await exited(npm, 60_000), output).toBe(0);
		expect(await answers(health)).toBeNull();
	} finally {
		// on failure: end what is left of this server (its own process group), never anything else
		try {
			process.kill(-npm.pid!, 'SIGKILL');
		} catch {
			// the group is gone: everything ended
		}
		fs.rmSync(dir, { recursive: true, force: true });
	}
});
