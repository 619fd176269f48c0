#!/usr/bin/env node
// `npm run bench:durability -- [--db pglite|postgres] [--rounds 3] [--writers 20] [--seconds 3]`
//
// kill -9 during concurrent writes loses no acknowledged write (issue 16, item 7).
// Starts the production server (node scripts/server.mjs) on a fresh database with the demo
// network, signs in as the Landshut coordinator and lets `--writers` clients save news drafts
// as fast as the server answers (the form action a browser posts, without JavaScript). A write
// counts as acknowledged when the server answered 303 to the saved draft. After a random moment
// within `--seconds` the server (and its workers) is killed with SIGKILL, started again, and
// every acknowledged draft is opened: each must be there with its title. Repeated `--rounds`
// times on the same database; writes in flight at the kill may or may not be there (both are
// correct), acknowledged ones must be. Writes bench/results/<date>-durability-<db>.md and exits
// 1 when a write was lost.
//
// Database: DATABASE_URL for PostgreSQL (--db postgres; a new database on that server, two
// workers, dropped afterwards), else a fresh PGlite folder in bench/.data/.
import fs from 'node:fs';
import path from 'node:path';
import {
	ensureBuild,
	freshDatabase,
	killServer,
	log,
	parseBenchArgs,
	root,
	sleep,
	startServer,
	stopServer,
	waitHealthy
} from './common.mjs';

const USAGE = `
npm run bench:durability -- [--db pglite|postgres] [--rounds 3] [--writers 20] [--seconds 3]
                            [--port 3206] [--no-build]
kill -9 during concurrent writes loses no acknowledged write; see the comment at the top of
bench/durability.mjs and README.md (Benchmarks).
`;

const opts = parseBenchArgs(process.argv.slice(2), {
	port: 3206,
	usage: USAGE,
	defaults: { rounds: 3, writers: 20, seconds: 3 },
	flags: {
		'--rounds': ['rounds', Number],
		'--writers': ['writers', Number],
		'--seconds': ['seconds', Number]
	}
});
const base = `http://127.0.0.1:${opts.port}`;
const TENANT = 'landshut';
const ACCOUNT = { email: 'koordination@landshut.example', password: 'miteinander-demo' };

// ---------------------------------------------------------------------------------------------
// database and server

/** The server on the bench database; its own process group, so that SIGKILL reaches the workers. */
function start(env) {
	return startServer({
		port: opts.port,
		env: { ORIGIN: base, SEED_DEMO: 'true', ...env },
		detached: true
	});
}

// ---------------------------------------------------------------------------------------------
// the client: sign in, save drafts, read them back

function sessionCookie(res) {
	const cookies = res.headers.getSetCookie?.() ?? [];
	return cookies.map((c) => c.split(';')[0]).join('; ');
}

async function signIn() {
	const body = new URLSearchParams({
		email: ACCOUNT.email,
		password: ACCOUNT.password,
		next: '/app'
	});
	const res = await fetch(`${base}/anmelden`, {
		method: 'POST',
		body,
		redirect: 'manual',
		headers: {
			origin: base,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		}
	});
	const cookie = sessionCookie(res);
	if (res.status !== 303 || !cookie) throw new Error(`sign-in failed: ${res.status}`);
	return cookie;
}

/** One writer: saves drafts until stopped; returns the acknowledged {title, id} and the attempts. */
async function writer(cookie, round, index, stop) {
	const acknowledged = [];
	let attempts = 0;
	let n = 0;
	while (!stop.stopped) {
		const title = `Dauerhaftigkeit r${round} w${index} n${n++}`;
		attempts++;
		try {
			const res = await fetch(`${base}/app/${TENANT}/neuigkeiten/neu?/save`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					origin: base,
					accept: 'text/html',
					cookie,
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams({ title, summary: '', body: `<p>${title}</p>` })
			});
			const location = res.headers.get('location') ?? '';
			const id = /\/neuigkeiten\/([0-9a-f-]{36})/.exec(location)?.[1];
			if (res.status === 303 && id) acknowledged.push({ title, id });
			else if (res.status !== 303) await res.arrayBuffer().catch(() => {});
		} catch {
			// the server died under this request: in flight, not acknowledged
		}
	}
	return { acknowledged, attempts };
}

async function verify(cookie, writes) {
	const lost = [];
	for (let i = 0; i < writes.length; i += 10) {
		const batch = writes.slice(i, i + 10);
		const results = await Promise.all(
			batch.map(async (w) => {
				const res = await fetch(`${base}/app/${TENANT}/neuigkeiten/${w.id}`, {
					headers: { cookie, accept: 'text/html' },
					redirect: 'manual'
				});
				const html = await res.text();
				return res.status === 200 && html.includes(w.title) ? null : w;
			})
		);
		lost.push(...results.filter(Boolean));
	}
	return lost;
}

// ---------------------------------------------------------------------------------------------

async function main() {
	ensureBuild(opts.build);
	const database = await freshDatabase(opts.db, 'durability');
	// on PostgreSQL with two workers: the kill takes the whole cluster down
	if (opts.db === 'postgres') database.env.WORKERS = '2';
	const rounds = [];
	const allAcknowledged = [];
	let server;
	try {
		for (let round = 1; round <= opts.rounds; round++) {
			server = start(database.env);
			await waitHealthy(base, server, 180_000);
			const cookie = await signIn();
			const stop = { stopped: false };
			const runs = Array.from({ length: opts.writers }, (_, i) => writer(cookie, round, i, stop));
			const killAfter = 500 + Math.floor(Math.random() * opts.seconds * 1000);
			await sleep(killAfter);
			// no new writes from here on: those in flight at the kill are the ones at risk
			stop.stopped = true;
			await killServer(server);
			const results = await Promise.all(runs);
			const acknowledged = results.flatMap((r) => r.acknowledged);
			const attempts = results.reduce((a, r) => a + r.attempts, 0);
			allAcknowledged.push(...acknowledged);

			server = start(database.env);
			const restartMs = await waitHealthy(base, server, 180_000);
			const checkCookie = await signIn();
			// every acknowledged write so far, of this round and the earlier ones
			const lost = await verify(checkCookie, allAcknowledged);
			rounds.push({
				round,
				killAfterMs: killAfter,
				attempts,
				acknowledged: acknowledged.length,
				inFlight: attempts - acknowledged.length,
				checked: allAcknowledged.length,
				lost: lost.length,
				restartMs
			});
			log(
				`round ${round}: killed after ${killAfter} ms; ${acknowledged.length} acknowledged of ${attempts} attempts; ` +
					`${allAcknowledged.length} checked after restart (${restartMs} ms), ${lost.length} lost`
			);
			await stopServer(server);
			server = undefined;
		}
	} finally {
		if (server) await killServer(server);
		await database.drop();
	}

	const lostTotal = rounds.reduce((a, r) => a + r.lost, 0);
	const date = new Date().toISOString().slice(0, 10);
	const lines = [
		`# Durability: kill -9 during concurrent writes (${opts.db})`,
		'',
		`${date}; ${opts.writers} concurrent writers saving news drafts as the Landshut coordinator;` +
			` the server${opts.db === 'postgres' ? ' (2 workers)' : ''} killed with SIGKILL at a random moment, started again, every acknowledged write read back.`,
		'',
		'| round | killed after | attempts | acknowledged (303) | in flight / refused | checked after restart | lost | restart |',
		'|---|---|---|---|---|---|---|---|',
		...rounds.map(
			(r) =>
				`| ${r.round} | ${r.killAfterMs} ms | ${r.attempts} | ${r.acknowledged} | ${r.inFlight} | ${r.checked} | ${r.lost} | ${r.restartMs} ms |`
		),
		'',
		lostTotal === 0
			? '**PASS**: no acknowledged write lost.'
			: `**FAIL**: ${lostTotal} acknowledged writes lost.`,
		''
	];
	const file = path.join(root, 'bench', 'results', `${date}-durability-${opts.db}.md`);
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, lines.join('\n'));
	console.log(lines.join('\n'));
	log(`written: ${path.relative(root, file)}`);
	process.exit(lostTotal === 0 ? 0 : 1);
}

main().catch((err) => {
	log(err);
	process.exit(1);
});
