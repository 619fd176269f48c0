#!/usr/bin/env node
// `npm run bench:soak -- [--minutes 30] [--connections 50] [--heap <MB>|0] [--no-build]`
//
// A soak over the main routes (issue 16, item 7): the production server on the demo network
// (a fresh PGlite folder, or a new database on DATABASE_URL's server), loaded by autocannon in
// its own process (bench/load.mjs) at `--connections`, one route after the other for the given
// minutes; the server's resident memory (with its workers) is read every minute and twice after
// the load (after 30 s and 90 s of rest), with the requests that failed in that minute.
// The server runs with the memory bound of the production starts (V8's old space at 256 MB, two
// malloc arenas; README, "Memory"); `--heap <MB>` sets another old-space size, `--heap 0` runs
// without any bound (to see the growth the bound prevents). Writes
// bench/results/<date>-soak-<db>[-heap<MB>|-unbounded].md.
import fs from 'node:fs';
import path from 'node:path';
import {
	ensureBuild,
	freshDatabase,
	load,
	log,
	parseBenchArgs,
	memoryBoundEnv,
	root,
	rssOf,
	sleep,
	startServer,
	stopServer,
	waitHealthy
} from './common.mjs';

const USAGE = `
npm run bench:soak -- [--minutes 30] [--connections 50] [--heap <MB>|0] [--db pglite|postgres]
                      [--port 3207] [--no-build]
Memory of the server under a long load; see the comment at the top of bench/soak.mjs and
README.md (Benchmarks).
`;

const opts = parseBenchArgs(process.argv.slice(2), {
	port: 3207,
	usage: USAGE,
	defaults: { minutes: 30, connections: 50, heap: 256 },
	flags: {
		'--minutes': ['minutes', Number],
		'--connections': ['connections', Number],
		'--heap': ['heap', Number]
	}
});
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

async function main() {
	ensureBuild(opts.build);
	const database = await freshDatabase(opts.db, 'soak');
	const server = startServer({
		port: opts.port,
		env: {
			SEED_DEMO: 'true',
			...memoryBoundEnv(opts.heap),
			...database.env
		}
	});
	const samples = [];
	const memory = () => {
		const m = rssOf(server.pid);
		return { rss: Math.round(m.total), anon: Math.round(m.anon), file: Math.round(m.file) };
	};
	let failed = 0;
	let requests = 0;
	try {
		await waitHealthy(base, server, 180_000);
		// warm every route once
		for (const r of ROUTES) await (await fetch(base + r)).arrayBuffer();
		samples.push({ minute: 0, phase: 'before', route: '', rps: null, ...memory() });
		for (let minute = 1; minute <= opts.minutes; minute++) {
			const route = ROUTES[(minute - 1) % ROUTES.length];
			const r = await load(base + route, opts.connections, 60);
			if (server.exitCode !== null)
				throw new Error(`server died (exit ${server.exitCode}) in minute ${minute}`);
			requests += r.requests;
			const failedNow = r.errors + r.non2xx;
			failed += failedNow;
			const m = memory();
			samples.push({
				minute,
				phase: 'load',
				route,
				rps: Math.round(r.rps),
				p95: r.p95,
				failed: failedNow,
				...m
			});
			log(
				`minute ${minute}: ${route} ${Math.round(r.rps)} req/s, p95 ${r.p95} ms, ` +
					`${failedNow} failed, RSS ${m.rss} MB (anon ${m.anon})`
			);
		}
		await sleep(30_000);
		samples.push({
			minute: opts.minutes + 0.5,
			phase: 'rest 30 s',
			route: '',
			rps: null,
			...memory()
		});
		await sleep(60_000);
		samples.push({
			minute: opts.minutes + 1.5,
			phase: 'rest 90 s',
			route: '',
			rps: null,
			...memory()
		});
	} finally {
		await stopServer(server);
		await database.drop();
	}
	const peak = Math.max(...samples.map((s) => s.rss));
	const loadSamples = samples.filter((s) => s.phase === 'load');
	const half = loadSamples.slice(Math.floor(loadSamples.length / 2));
	const growthSecondHalf = half.length > 1 ? half.at(-1).rss - half[0].rss : 0;
	const date = new Date().toISOString().slice(0, 10);
	const bound = opts.heap
		? `--max-old-space-size=${opts.heap}, MALLOC_ARENA_MAX=2`
		: 'no memory bound';
	const lines = [
		`# Soak: ${opts.minutes} minutes at ${opts.connections} connections (${opts.db}, ${bound})`,
		'',
		`${date}; ${requests} requests, ${failed} failed (errors, timeouts of 30 s and non-2xx answers).`,
		'RSS is the resident memory of the server; anon the part not backed by files (JavaScript',
		"heap, malloc, PGlite's WebAssembly memory), file the mapped code and libraries.",
		'',
		'| minute | phase | route | req/s | p95 ms | failed | RSS MB | anon MB | file MB |',
		'|---|---|---|---|---|---|---|---|---|',
		...samples.map(
			(s) =>
				`| ${s.minute} | ${s.phase} | ${s.route ? `\`${s.route}\`` : ''} | ${s.rps ?? ''} | ${s.p95 ?? ''} | ${s.failed ?? ''} | ${s.rss} | ${s.anon} | ${s.file} |`
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
		`${date}-soak-${opts.db}${opts.heap === 256 ? '' : opts.heap ? `-heap${opts.heap}` : '-unbounded'}.md`
	);
	fs.writeFileSync(file, lines.join('\n'));
	console.log(lines.join('\n'));
	log(`written: ${path.relative(root, file)}`);
}

main().catch((err) => {
	log(err);
	process.exit(1);
});
