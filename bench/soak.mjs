#!/usr/bin/env node
// `npm run bench:soak -- [--minutes 30] [--connections 50] [--heap <MB>] [--no-build]`
//
// A soak over the main routes (issue 16, item 7): the production server on the demo network
// (a fresh PGlite folder, or a new database on DATABASE_URL's server), loaded by autocannon in
// its own process (bench/load.mjs) at `--connections`, one route after the other for the given
// minutes; the server's resident memory (with its workers) is read every minute and twice after
// the load (after 30 s and 90 s of rest). With `--heap <MB>` the server runs with
// `--max-old-space-size=<MB>`: when memory then stays bounded and no request fails, the growth
// without the bound is the garbage collector's lazy high-water mark (a cache of the heap), not a
// leak; a leak would end in an out-of-memory crash. Writes bench/results/<date>-soak-<db>.md.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (...a) => console.error(...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function parseArgs(argv) {
	const out = {
		db: process.env.DATABASE_URL ? 'postgres' : 'pglite',
		minutes: 30,
		connections: 50,
		heap: undefined,
		port: Number(process.env.BENCH_PORT ?? 3207),
		build: true
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--db') out.db = argv[++i];
		else if (a === '--minutes') out.minutes = Number(argv[++i]);
		else if (a === '--connections') out.connections = Number(argv[++i]);
		else if (a === '--heap') out.heap = Number(argv[++i]);
		else if (a === '--port') out.port = Number(argv[++i]);
		else if (a === '--no-build') out.build = false;
		else throw new Error(`unknown argument ${a}`);
	}
	if (!['pglite', 'postgres'].includes(out.db)) throw new Error('--db is pglite or postgres');
	if (out.db === 'postgres' && !process.env.DATABASE_URL)
		throw new Error('--db postgres needs DATABASE_URL');
	return out;
}

const opts = parseArgs(process.argv.slice(2));
const base = `http://127.0.0.1:${opts.port}`;

/** The main public routes of the demo network, loaded one after the other. */
const ROUTES = [
	'/landshut',
	'/landshut/angebote',
	'/landshut/angebote?q=Deutschkurs',
	'/ar/landshut/angebote',
	'/landkreis-freising/angebote',
	'/landkreis-gifhorn/konzept',
	'/landshut/gremien',
	'/landshut/kalender.ics',
	'/oparl/v1.1/body',
	'/'
];

async function prepareDatabase() {
	if (opts.db === 'pglite') {
		const dir = path.join(root, 'bench', '.data', `soak-${process.pid}`);
		fs.rmSync(dir, { recursive: true, force: true });
		return { env: { DATA_DIR: dir }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
	}
	const name = `mt_soak_${process.pid}`;
	const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
	await admin.unsafe(`CREATE DATABASE "${name}"`);
	await admin.end();
	const url = new URL(process.env.DATABASE_URL);
	url.pathname = `/${name}`;
	return {
		env: { DATABASE_URL: url.toString() },
		drop: async () => {
			const a = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
			await a.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
			await a.end();
		}
	};
}

function rssMb(pid) {
	const read = (p) => {
		try {
			const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
			return m ? Number(m[1]) / 1024 : 0;
		} catch {
			return 0;
		}
	};
	let total = read(pid);
	try {
		for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
			const list = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
			if (list) for (const c of list.split(/\s+/)) total += read(Number(c));
		}
	} catch {
		// not Linux
	}
	return Math.round(total);
}

function load(url, seconds) {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			['bench/load.mjs', url, String(opts.connections), String(seconds)],
			{ cwd: root, stdio: ['ignore', 'pipe', 'inherit'] }
		);
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.once('exit', (code) =>
			code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1))) : reject(new Error(`load ${url}: exit ${code}`))
		);
	});
}

async function main() {
	if (opts.build || !fs.existsSync(path.join(root, 'build', 'index.js'))) {
		log('building …');
		const b = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
			cwd: root,
			stdio: ['ignore', 'ignore', 'inherit']
		});
		if (b.status !== 0) throw new Error('build failed');
	}
	const database = await prepareDatabase();
	const nodeOptions = opts.heap ? `--max-old-space-size=${opts.heap}` : '';
	const server = spawn(process.execPath, ['scripts/server.mjs'], {
		cwd: root,
		env: {
			...process.env,
			PORT: String(opts.port),
			LOG_LEVEL: 'warn',
			SEED_DEMO: 'true',
			NODE_OPTIONS: [process.env.NODE_OPTIONS, nodeOptions].filter(Boolean).join(' '),
			...database.env
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const samples = [];
	let failed = 0;
	let requests = 0;
	try {
		const started = Date.now();
		while (Date.now() - started < 120_000) {
			if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
			try {
				if ((await fetch(`${base}/healthz`)).ok) break;
			} catch {
				// not yet
			}
			await sleep(200);
		}
		// warm every route once
		for (const r of ROUTES) await (await fetch(base + r)).arrayBuffer();
		samples.push({ minute: 0, phase: 'before', rss: rssMb(server.pid), route: '', rps: null });
		for (let minute = 1; minute <= opts.minutes; minute++) {
			const route = ROUTES[(minute - 1) % ROUTES.length];
			const r = await load(base + route, 60);
			if (server.exitCode !== null) throw new Error(`server died (exit ${server.exitCode}) in minute ${minute}`);
			requests += r.requests;
			failed += r.errors + r.non2xx;
			const rss = rssMb(server.pid);
			samples.push({ minute, phase: 'load', rss, route, rps: Math.round(r.rps), p95: r.p95 });
			log(`minute ${minute}: ${route} ${Math.round(r.rps)} req/s, p95 ${r.p95} ms, RSS ${rss} MB`);
		}
		await sleep(30_000);
		samples.push({ minute: opts.minutes + 0.5, phase: 'rest 30 s', rss: rssMb(server.pid), route: '', rps: null });
		await sleep(60_000);
		samples.push({ minute: opts.minutes + 1.5, phase: 'rest 90 s', rss: rssMb(server.pid), route: '', rps: null });
	} finally {
		if (server.exitCode === null) {
			server.kill('SIGTERM');
			await new Promise((r) => server.once('exit', r));
		}
		await database.drop();
	}
	const peak = Math.max(...samples.map((s) => s.rss));
	const loadSamples = samples.filter((s) => s.phase === 'load');
	const half = loadSamples.slice(Math.floor(loadSamples.length / 2));
	const growthSecondHalf = half.length > 1 ? half.at(-1).rss - half[0].rss : 0;
	const date = new Date().toISOString().slice(0, 10);
	const lines = [
		`# Soak: ${opts.minutes} minutes at ${opts.connections} connections (${opts.db}${opts.heap ? `, --max-old-space-size=${opts.heap}` : ''})`,
		'',
		`${date}; ${requests} requests, ${failed} failed (errors, timeouts and non-2xx answers).`,
		'',
		'| minute | phase | route | req/s | p95 ms | RSS MB |',
		'|---|---|---|---|---|---|',
		...samples.map(
			(s) => `| ${s.minute} | ${s.phase} | ${s.route ? `\`${s.route}\`` : ''} | ${s.rps ?? ''} | ${s.p95 ?? ''} | ${s.rss} |`
		),
		'',
		`Peak ${peak} MB; growth over the second half of the load ${growthSecondHalf} MB; ` +
			`after 90 s of rest ${samples.at(-1).rss} MB (before the load ${samples[0].rss} MB).`,
		''
	];
	const file = path.join(
		root,
		'bench',
		'results',
		`${date}-soak-${opts.db}${opts.heap ? `-heap${opts.heap}` : ''}.md`
	);
	fs.writeFileSync(file, lines.join('\n'));
	console.log(lines.join('\n'));
	log(`written: ${path.relative(root, file)}`);
}

main().catch((err) => {
	log(err);
	process.exit(1);
});
