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
import fs from 'node:fs';
import path from 'node:path';
import {
	ensureBuild,
	freshDatabase,
	load,
	log,
	parseBenchArgs,
	root,
	rssOf,
	sleep,
	startServer,
	stopServer,
	waitHealthy
} from './common.mjs';

const USAGE = `
npm run bench:soak -- [--minutes 30] [--connections 50] [--heap <MB>] [--db pglite|postgres]
                      [--port 3207] [--no-build]
Memory of the server under a long load; see the comment at the top of bench/soak.mjs and
README.md (Benchmarks).
`;

const opts = parseBenchArgs(process.argv.slice(2), {
	port: 3207,
	usage: USAGE,
	defaults: { minutes: 30, connections: 50, heap: undefined },
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
	const nodeOptions = opts.heap ? `--max-old-space-size=${opts.heap}` : '';
	const server = startServer({
		port: opts.port,
		env: {
			SEED_DEMO: 'true',
			NODE_OPTIONS: [process.env.NODE_OPTIONS, nodeOptions].filter(Boolean).join(' '),
			...database.env
		}
	});
	const samples = [];
	let failed = 0;
	let requests = 0;
	try {
		await waitHealthy(base, server, 180_000);
		// warm every route once
		for (const r of ROUTES) await (await fetch(base + r)).arrayBuffer();
		samples.push({
			minute: 0,
			phase: 'before',
			rss: Math.round(rssOf(server.pid).total),
			route: '',
			rps: null
		});
		for (let minute = 1; minute <= opts.minutes; minute++) {
			const route = ROUTES[(minute - 1) % ROUTES.length];
			const r = await load(base + route, opts.connections, 60);
			if (server.exitCode !== null)
				throw new Error(`server died (exit ${server.exitCode}) in minute ${minute}`);
			requests += r.requests;
			failed += r.errors + r.non2xx;
			const rss = Math.round(rssOf(server.pid).total);
			samples.push({ minute, phase: 'load', rss, route, rps: Math.round(r.rps), p95: r.p95 });
			log(`minute ${minute}: ${route} ${Math.round(r.rps)} req/s, p95 ${r.p95} ms, RSS ${rss} MB`);
		}
		await sleep(30_000);
		samples.push({
			minute: opts.minutes + 0.5,
			phase: 'rest 30 s',
			rss: Math.round(rssOf(server.pid).total),
			route: '',
			rps: null
		});
		await sleep(60_000);
		samples.push({
			minute: opts.minutes + 1.5,
			phase: 'rest 90 s',
			rss: Math.round(rssOf(server.pid).total),
			route: '',
			rps: null
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
	const lines = [
		`# Soak: ${opts.minutes} minutes at ${opts.connections} connections (${opts.db}${opts.heap ? `, --max-old-space-size=${opts.heap}` : ''})`,
		'',
		`${date}; ${requests} requests, ${failed} failed (errors, timeouts and non-2xx answers).`,
		'',
		'| minute | phase | route | req/s | p95 ms | RSS MB |',
		'|---|---|---|---|---|---|',
		...samples.map(
			(s) =>
				`| ${s.minute} | ${s.phase} | ${s.route ? `\`${s.route}\`` : ''} | ${s.rps ?? ''} | ${s.p95 ?? ''} | ${s.rss} |`
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
