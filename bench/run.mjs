#!/usr/bin/env node
// `npm run bench -- [--db pglite|postgres] [--scale city|district|land] [--quick] [--workers 1,2]`
//
// Measures the production server (node scripts/server.mjs) against a database filled by
// `npm run bench:data` and writes bench/results/<date>-<db>-<scale>.md (and .json):
//  - start times of the embedded default (first start with the demo ≤ 15 s, later start ≤ 3 s);
//  - every main route loaded by autocannon in its own process (bench/load.mjs) at 1, 10 and 50
//    connections, with /healthz and a static file in the same run as floors: requests/s,
//    p50/p95/p99, errors and the share of /healthz's requests/s;
//  - resident memory of the server process(es) before, during (peak) and after the load;
//  - JavaScript and CSS bytes (gzip) per public page;
//  - on PostgreSQL, where the database time goes: pg_stat_activity sampled every 10 ms during a
//    separate 10-connection pass over the routes after the measured loads (the sampler takes
//    CPU, so it never runs while requests/s are measured), the statements most often found
//    running (or pg_stat_statements when installed);
//  - with --workers 1,2 (PostgreSQL only), the throughput of 1 and 2 worker processes;
//  - the budgets of issue 15 as PASS/FAIL lines (each a ratio within this run).
// Database: DATABASE_URL for PostgreSQL (--db postgres), else the PGlite folder bench/.data/<scale>
// (or DATA_DIR). Read the ratios, not the milliseconds: the machine may be shared.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import {
	ensureBuild,
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
npm run bench -- [--db pglite|postgres] [--scale city|district|land] [--quick] [--workers 1,2]
                 [--connections 1,10,50] [--seconds 5] [--no-startup] [--no-misses]
                 [--only <label words, comma-separated>] [--port 3204] [--no-build]
Loads every main route on data from npm run bench:data; see the comment at the top of
bench/run.mjs and README.md (Benchmarks).
`;

const opts = parseBenchArgs(process.argv.slice(2), {
	port: 3204,
	usage: USAGE,
	defaults: {
		scale: 'city',
		quick: false,
		workers: [1],
		startup: true,
		misses: true,
		connections: [1, 10, 50],
		seconds: undefined
	},
	flags: {
		'--scale': ['scale', String],
		'--quick': ['quick', true],
		'--workers': ['workers', (v) => v.split(',').map(Number)],
		'--no-startup': ['startup', false],
		'--no-misses': ['misses', false],
		'--only': ['only', (v) => v.split(',')],
		'--seconds': ['seconds', Number],
		'--connections': ['connections', (v) => v.split(',').map(Number)],
		// accepted and ignored (the report is always written)
		'--report': ['report', String]
	}
});
if (opts.db === 'pglite') opts.workers = [1];
opts.seconds ??= opts.quick ? 3 : 5;
const base = `http://127.0.0.1:${opts.port}`;
const dataDir = path.resolve(root, process.env.DATA_DIR ?? path.join('bench', '.data', opts.scale));

// ---------------------------------------------------------------------------------------------
// server processes

const start = (env) => startServer({ port: opts.port, env });

// ---------------------------------------------------------------------------------------------
// load

async function signIn(email) {
	const res = await fetch(`${base}/anmelden`, {
		method: 'POST',
		body: new URLSearchParams({ email, password: 'miteinander-demo' }),
		redirect: 'manual',
		headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' }
	});
	const cookie = (res.headers.getSetCookie?.() ?? [res.headers.get('set-cookie') ?? ''])
		.map((c) => c.split(';')[0])
		.join('; ');
	if (!cookie) throw new Error(`sign-in of ${email} failed (${res.status})`);
	return cookie;
}

async function firstLink(page, pattern) {
	const html = await (await fetch(base + page)).text();
	const m = pattern.exec(html);
	return m ? m[0] : null;
}

/** The routes of issue 15, with concrete addresses found on the running server. */
async function discoverRoutes() {
	const bodies = await (await fetch(`${base}/oparl/v1.1/body`)).json();
	const tenantId = (slug) => {
		const b = bodies.data.find((x) => JSON.stringify(x).includes(`/${slug}`));
		return b ? b.id.split('/').pop() : null;
	};
	const gifhorn = tenantId('landkreis-gifhorn');
	const hasBench = (await fetch(`${base}/bench-kreis-01`)).ok;
	const district = hasBench ? 'bench-kreis-01' : 'landkreis-gifhorn';
	const offer = await firstLink('/landshut/angebote', /\/landshut\/angebote\/[0-9a-f-]{36}/);
	const body = await firstLink(
		'/landkreis-gifhorn/gremien',
		/\/landkreis-gifhorn\/gremien\/[0-9a-f-]{36}/
	);
	const meeting = body
		? await firstLink(body, /\/landkreis-gifhorn\/sitzungen\/[0-9a-f-]{36}/)
		: null;
	const paper = await firstLink(
		'/landkreis-gifhorn/vorlagen',
		/\/landkreis-gifhorn\/vorlagen\/[0-9a-f-]{36}/
	);
	const member = await signIn('mitglied@landshut.example');
	const coordinator = await signIn('koordination@landshut.example');
	/** [label, path, cookie?, public page?] */
	const routes = [
		['`/` (all tenants)', '/', null, true],
		['`/landshut` (tenant start page)', '/landshut', null, true],
		['finder, city', '/landshut/angebote', null, true],
		['finder, city, search term', '/landshut/angebote?q=Sprachkurse', null, true],
		['finder, city, filters', '/landshut/angebote?group=refugees&language=ar', null, true],
		[`finder, district (${district})`, `/${district}/angebote`, null, true],
		[`finder, district, search term`, `/${district}/angebote?q=Deutschkurs`, null, true],
		['offer page', offer, null, true],
		['body page (Gifhorn)', body, null, true],
		['meeting page (Gifhorn)', meeting, null, true],
		['concept (Gifhorn)', '/landkreis-gifhorn/konzept', null, true],
		['paper page (Gifhorn)', paper, null, true],
		['papers list (Gifhorn)', '/landkreis-gifhorn/vorlagen', null, true],
		['OParl body list', '/oparl/v1.1/body', null, false],
		['OParl papers (Gifhorn)', gifhorn ? `/oparl/v1.1/body/${gifhorn}/paper` : null, null, false],
		['ICS feed (Landshut)', '/landshut/kalender.ics', null, false],
		['sign-in page', '/anmelden', null, true],
		['`/app/landshut`, member', '/app/landshut', member, false],
		['`/app/landshut`, coordinator', '/app/landshut', coordinator, false]
	];
	const missing = routes.filter((r) => !r[1]).map((r) => r[0]);
	if (missing.length) log(`routes not found (left out): ${missing.join(', ')}`);
	// --only: the routes whose label contains one of the words (to look at a few closely)
	const wanted = (label) => !opts.only || opts.only.some((w) => label.includes(w));
	return routes.filter((r) => r[1] && wanted(r[0]));
}

async function assetBytes(page) {
	const res = await fetch(base + page);
	const html = await res.text();
	const gz = (buf) => zlib.gzipSync(buf).length;
	const js = new Set();
	const css = new Set();
	for (const m of html.matchAll(/<(script|link)\b[^>]*>/g)) {
		const tag = m[0];
		const src = /(?:src|href)="([^"]+)"/.exec(tag)?.[1];
		if (!src) continue;
		if (tag.startsWith('<script') || /rel="modulepreload"/.test(tag)) js.add(src);
		else if (/rel="stylesheet"/.test(tag)) css.add(src);
	}
	// dynamic imports of the hydration script
	for (const m of html.matchAll(/import\("([^"]+)"\)/g)) js.add(m[1]);
	let jsBytes = 0;
	let cssBytes = 0;
	for (const [set, add] of [
		[js, (n) => (jsBytes += n)],
		[css, (n) => (cssBytes += n)]
	]) {
		for (const src of set) {
			const url = new URL(src, base + page);
			const r = await fetch(url);
			if (r.ok) add(gz(Buffer.from(await r.arrayBuffer())));
		}
	}
	// inline scripts (the hydration start) count as JavaScript too
	for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g))
		if (m[1].trim()) jsBytes += gz(Buffer.from(m[1]));
	return {
		html: Buffer.byteLength(html),
		htmlGzip: gz(Buffer.from(html)),
		js: jsBytes,
		css: cssBytes,
		scripts: js.size
	};
}

// ---------------------------------------------------------------------------------------------
// where the database time goes (PostgreSQL)

async function sqlSampler() {
	if (opts.db !== 'postgres') return null;
	const { default: postgres } = await import('postgres');
	const client = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
	const [ext] =
		await client`SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'pg_stat_statements'`;
	const counts = new Map();
	let samples = 0;
	let running = false;
	let timer = null;
	const tick = async () => {
		if (!running) return;
		try {
			const rows = await client`SELECT query FROM pg_stat_activity
				WHERE application_name = 'miteinander' AND state = 'active' AND pid <> pg_backend_pid()`;
			samples++;
			for (const { query } of rows) {
				const key = query.replace(/\s+/g, ' ').trim();
				counts.set(key, (counts.get(key) ?? 0) + 1);
			}
		} catch {
			// a sample lost under load is no loss
		}
		timer = setTimeout(tick, 10);
	};
	return {
		start() {
			running = true;
			tick();
		},
		stop() {
			running = false;
			if (timer) clearTimeout(timer);
		},
		async top(n) {
			let statements = null;
			if (ext.n > 0) {
				statements =
					await client.unsafe(`SELECT calls, round(mean_exec_time::numeric, 2) AS mean_ms,
					round(total_exec_time::numeric) AS total_ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 300) AS query
					FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT ${n}`);
			}
			const total = [...counts.values()].reduce((a, b) => a + b, 0);
			const sampled = [...counts.entries()]
				.sort((a, b) => b[1] - a[1])
				.slice(0, n)
				.map(([query, count]) => ({
					query: query.slice(0, 300),
					count,
					share: count / Math.max(total, 1)
				}));
			return { samples, activeTotal: total, sampled, statements };
		},
		close: () => client.end({ timeout: 5 })
	};
}

// ---------------------------------------------------------------------------------------------

async function startupTimes() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt-bench-start-'));
	const env = { DATA_DIR: dir, DATABASE_URL: '', SEED_DEMO: '1', WORKERS: '' };
	let app = null;
	try {
		app = start(env);
		const first = await waitHealthy(base, app, 300_000);
		await stopServer(app);
		app = start(env);
		const later = await waitHealthy(base, app, 120_000);
		await stopServer(app);
		return { first, later };
	} catch (error) {
		log(`start times not measured: ${error.message}`);
		return null;
	} finally {
		if (app) await stopServer(app);
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

function serverEnv(workers) {
	if (opts.db === 'postgres')
		return { DATABASE_URL: process.env.DATABASE_URL, WORKERS: String(workers), SEED_DEMO: '1' };
	return { DATABASE_URL: '', DATA_DIR: dataDir, WORKERS: '', SEED_DEMO: '1' };
}

async function measure(workers, connectionsList, routes, extraEnv = {}) {
	const app = start({ ...serverEnv(workers), ...extraEnv });
	await waitHealthy(base, app, 180_000);
	if (workers > 1) await sleep(3000); // the other workers start once the first listens
	routes ??= await discoverRoutes();
	const floors = [
		['`/healthz` (floor)', '/healthz', null, false],
		['static file (floor)', '/favicon.svg', null, false]
	];
	const all = [...floors, ...routes];
	log(`warming up ${all.length} routes …`);
	for (const [, p, cookie] of all) await load(base + p, 4, 1, cookie);
	// whether the public cache answered the route (hit), or could not (miss/bypass), after warm-up
	const cacheState = {};
	for (const [label, p, cookie] of all) {
		const res = await fetch(base + p, { headers: cookie ? { cookie } : {} });
		await res.arrayBuffer();
		cacheState[label] = res.headers.get('x-cache') ?? '–';
	}
	const rssBefore = rssOf(app.pid);
	let rssPeak = { ...rssBefore };
	const sampler = setInterval(() => {
		const now = rssOf(app.pid);
		rssPeak = { total: Math.max(rssPeak.total, now.total), max: Math.max(rssPeak.max, now.max) };
	}, 250);
	const sql = workers === 1 ? await sqlSampler() : null;
	const results = {};
	for (const c of connectionsList) {
		for (const [label, p, cookie] of all) {
			// at 50 connections a slow page may answer its first requests only after several seconds
			const r = await load(base + p, c, c >= 50 ? 2 * opts.seconds : opts.seconds, cookie);
			results[`${label}|${c}`] = r;
			log(
				`  ${String(c).padStart(2)} conn  ${label.padEnd(40)} ${r.rps.toFixed(0).padStart(6)} req/s  p95 ${ms(r.p95)} ms  errors ${r.errors + r.non2xx}`
			);
		}
	}
	clearInterval(sampler);
	const rssDuring = rssPeak;
	await sleep(opts.quick ? 3000 : 10000);
	const rssAfter = rssOf(app.pid);
	// where the database time goes: a pass of its own, so that the sampler's queries never share
	// the machine with a measured load (they would lower every route's share but the floors')
	if (sql)
		for (const [, p, cookie] of routes) {
			sql.start();
			await load(base + p, 10, Math.min(opts.seconds, 3), cookie);
			sql.stop();
		}
	const assets = {};
	if (workers === 1)
		for (const [label, p, cookie, isPublic] of all)
			if (isPublic && !cookie) assets[label] = await assetBytes(p);
	const top = sql ? await sql.top(8) : null;
	await sql?.close();
	await stopServer(app);
	return {
		workers,
		cacheOff: extraEnv.PUBLIC_CACHE_MB === '0',
		cacheState,
		all,
		results,
		rss: { before: rssBefore, during: rssDuring, after: rssAfter },
		assets,
		top,
		routes
	};
}

// ---------------------------------------------------------------------------------------------

const f0 = (n) => (Number.isFinite(n) ? n.toFixed(0) : '–');
const ms = (n) => (Number.isFinite(n) ? n.toFixed(0) : '–');
const pct = (n) => `${(n * 100).toFixed(0)} %`;

async function main() {
	const started = Date.now();
	ensureBuild(opts.build);
	if (opts.db === 'pglite' && !fs.existsSync(dataDir))
		throw new Error(`no data in ${dataDir}: run npm run bench:data -- --scale ${opts.scale} first`);
	let startup = null;
	if (opts.startup) {
		log('start times (embedded, fresh folder) …');
		startup = await startupTimes();
	}
	const runs = [];
	for (const w of opts.workers) {
		log(`measuring with ${w} worker(s) …`);
		const conns = w === opts.workers[0] ? opts.connections : [10];
		runs.push(await measure(w, conns, runs[0]?.routes));
	}
	// the same routes with the public cache off: what a request costs that the cache cannot answer
	// (another search, a page not asked for in the last PUBLIC_CACHE_SECONDS, a signed-in visitor)
	let misses = null;
	if (opts.misses) {
		log('measuring without the public cache (PUBLIC_CACHE_MB=0), 10 connections …');
		misses = await measure(1, [10], runs[0].routes, { PUBLIC_CACHE_MB: '0' });
	}
	const out = report(startup, runs, (Date.now() - started) / 1000, undefined, misses);
	const date = new Date().toISOString().slice(0, 10);
	const name = `${date}-${opts.db}-${opts.scale}${opts.quick ? '-quick' : ''}`;
	fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
	fs.writeFileSync(path.join(root, 'bench', 'results', `${name}.md`), out.markdown);
	fs.writeFileSync(
		path.join(root, 'bench', 'results', `${name}.json`),
		JSON.stringify(out.json, null, 1) + '\n'
	);
	console.log(out.markdown);
	log(`written: bench/results/${name}.md`);
}

function report(
	startup,
	runs,
	totalSeconds,
	meta = { date: new Date().toISOString(), loadavg: os.loadavg() },
	misses = null
) {
	const [main] = runs;
	const floor = (c) => main.results[`\`/healthz\` (floor)|${c}`];
	const lines = [];
	const budgets = [];
	const budget = (ok, text) => budgets.push(`- **${ok ? 'PASS' : 'FAIL'}** ${text}`);
	lines.push(
		`# Benchmark ${meta.date.slice(0, 16).replace('T', ' ')} UTC — ${opts.db === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)'}, scale \`${opts.scale}\`${opts.quick ? ' (quick)' : ''}`,
		'',
		`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load average at the end ${os
			.loadavg()
			.map((l) => l.toFixed(1))
			.join(' / ')}, Node ${process.version}. ` +
			`Each load: autocannon in its own process, ${opts.seconds} s per route and connection count (${2 * opts.seconds} s at 50), after a warm-up. ` +
			`"of floor" = the route's requests/s ÷ \`/healthz\`'s at the same connection count. Read the ratios, not the milliseconds.`,
		''
	);
	const conns = Object.keys(main.results)
		.map((k) => Number(k.split('|')[1]))
		.filter((v, i, a) => a.indexOf(v) === i);
	lines.push(
		'Cache: what the public response cache answered for the route after the warm-up (`x-cache`: hit, miss, bypass for signed-in visitors and pages it never keeps, – for /healthz and static files). Every load asks for one address, so a cached route is answered from the cache after its first request; the section "Without the public cache" below gives the cost of a miss.',
		'',
		'| route | cache | conn | req/s | of floor | p50 ms | p95 ms | p99 ms | errors |',
		'|---|---|---|---|---|---|---|---|---|'
	);
	for (const c of conns) {
		for (const [label] of main.all) {
			const r = main.results[`${label}|${c}`];
			if (!r) continue;
			lines.push(
				`| ${label} | ${main.cacheState?.[label] ?? '?'} | ${c} | ${f0(r.rps)} | ${pct(r.rps / floor(c).rps)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors + r.non2xx} |`
			);
		}
	}
	lines.push(
		'',
		'Addresses: ' + main.all.map(([label, p]) => `${label}: \`${p}\``).join('; ') + '.',
		''
	);

	lines.push(
		'## Resident memory (MB)',
		'',
		'| workers | before (all / largest process) | during, peak | after (10 s idle) |',
		'|---|---|---|---|'
	);
	for (const run of runs) {
		const m = (x) => `${f0(x.total)} / ${f0(x.max)}`;
		lines.push(
			`| ${run.workers} | ${m(run.rss.before)} | ${m(run.rss.during)} | ${m(run.rss.after)} |`
		);
	}
	lines.push('');

	const missBudgets = [];
	if (misses) {
		const mfloor = misses.results['`/healthz` (floor)|10'];
		lines.push(
			'## Without the public cache (PUBLIC_CACHE_MB=0), 10 connections',
			'',
			'Every request renders the page and asks the database. The floor was measured again in this server process.',
			'',
			'| route | req/s | of floor | p50 ms | p95 ms | p99 ms | errors | with the cache: of floor |',
			'|---|---|---|---|---|---|---|---|'
		);
		for (const [label] of misses.all) {
			const r = misses.results[`${label}|10`];
			const cached = main.results[`${label}|10`];
			if (!r) continue;
			lines.push(
				`| ${label} | ${f0(r.rps)} | ${pct(r.rps / mfloor.rps)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors + r.non2xx} | ${cached ? pct(cached.rps / floor(10).rps) : '–'} |`
			);
			if (!label.includes('(floor)'))
				missBudgets.push(
					`- ${r.rps >= (opts.db === 'postgres' ? 1 / 3 : 1 / 5) * mfloor.rps ? 'meets' : 'misses'} ${label}: ${pct(r.rps / mfloor.rps)} of /healthz`
				);
		}
		lines.push('');
	}

	if (runs.length > 1) {
		lines.push(
			'## Workers: requests/s at 10 connections',
			'',
			`| route | ${runs.map((r) => `${r.workers} worker${r.workers > 1 ? 's' : ''}`).join(' | ')} | ratio |`,
			`|---|${runs.map(() => '---|').join('')}---|`
		);
		for (const [label] of main.all) {
			const vals = runs.map((r) => r.results[`${label}|10`]?.rps);
			lines.push(
				`| ${label} | ${vals.map(f0).join(' | ')} | ${(vals.at(-1) / vals[0]).toFixed(2)}× |`
			);
		}
		lines.push('');
	}

	lines.push(
		'## Page weight (public pages)',
		'',
		'| page | HTML | HTML gzip | JS gzip (files) | CSS gzip |',
		'|---|---|---|---|---|'
	);
	for (const [label, a] of Object.entries(main.assets)) {
		lines.push(
			`| ${label} | ${(a.html / 1024).toFixed(1)} KB | ${(a.htmlGzip / 1024).toFixed(1)} KB | ${(a.js / 1024).toFixed(1)} KB (${a.scripts}) | ${(a.css / 1024).toFixed(1)} KB |`
		);
	}
	lines.push('');

	if (main.top) {
		lines.push(
			'## Where the database time goes (PostgreSQL)',
			'',
			`pg_stat_activity sampled every 10 ms during a 10-connection pass over the routes after the measured loads (${main.top.samples} samples, ${main.top.activeTotal} running statements seen); the statements most often found running:`,
			'',
			'| share | statement |',
			'|---|---|',
			...main.top.sampled.map(
				(s) => `| ${pct(s.share)} | \`${s.query.replace(/\|/g, '\\|').replace(/`/g, "'")}\` |`
			),
			''
		);
		if (main.top.statements) {
			lines.push(
				'pg_stat_statements, by total time:',
				'',
				'| calls | mean ms | total ms | statement |',
				'|---|---|---|---|'
			);
			for (const s of main.top.statements)
				lines.push(
					`| ${s.calls} | ${s.mean_ms} | ${s.total_ms} | \`${s.query.replace(/\|/g, '\\|')}\` |`
				);
			lines.push('');
		} else lines.push('(pg_stat_statements is not installed on this server.)', '');
	} else
		lines.push(
			'## Database time',
			'',
			'PGlite runs inside the server process: no statement sampling (the CPU profile of the server shows it).',
			''
		);

	// budgets
	if (startup) {
		budget(
			startup.first <= 15000,
			`first start with the demo ${(startup.first / 1000).toFixed(1)} s ≤ 15 s`
		);
		budget(startup.later <= 3000, `later start ${(startup.later / 1000).toFixed(1)} s ≤ 3 s`);
	}
	const routesOnly = main.all.filter(([label]) => !label.includes('(floor)'));
	const share = opts.db === 'postgres' ? 1 / 3 : 1 / 5;
	const applies =
		opts.db === 'postgres'
			? opts.scale === 'land'
				? ''
				: ' (the budget is set for land scale; here at ' + opts.scale + ')'
			: opts.scale === 'district'
				? ''
				: ' (the budget is set for district scale; here at ' + opts.scale + ')';
	if (conns.includes(10)) {
		for (const [label] of routesOnly) {
			const r = main.results[`${label}|10`];
			budget(
				r.requests > 0 && r.rps >= share * floor(10).rps,
				`${label}: ${f0(r.rps)} req/s at 10 connections = ${pct(r.rps / floor(10).rps)} of /healthz (≥ ${pct(share)})${applies}`
			);
		}
	}
	if (opts.db === 'postgres' && conns.includes(50)) {
		for (const [label] of routesOnly) {
			const r = main.results[`${label}|50`];
			budget(
				r.p95 !== null && r.p95 <= 3 * floor(50).p95,
				`${label}: p95 ${ms(r.p95)} ms at 50 connections ≤ 3 × /healthz's ${ms(floor(50).p95)} ms${applies}`
			);
		}
	}
	for (const run of runs) {
		budget(
			run.rss.during.max < 600,
			`resident memory of the largest process under load ${f0(run.rss.during.max)} MB < 600 MB (${run.workers} worker${run.workers > 1 ? 's' : ''})`
		);
		budget(
			run.rss.after.total <= run.rss.before.total * 1.25 + 50,
			`memory after the load ${f0(run.rss.after.total)} MB near its start level ${f0(run.rss.before.total)} MB (≤ 1.25× + 50 MB)`
		);
	}
	const errors = Object.values(main.results).reduce((a, r) => a + r.errors + r.non2xx, 0);
	budget(errors === 0, `no errors or non-2xx answers (${errors})`);
	// the same tenant's routes at this scale against city (same database kind), if measured
	fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
	const cityFile = fs
		.readdirSync(path.join(root, 'bench', 'results'))
		.filter((f) => f.endsWith(`-${opts.db}-city.json`))
		.sort()
		.at(-1);
	if (opts.scale !== 'city' && cityFile) {
		const city = JSON.parse(fs.readFileSync(path.join(root, 'bench', 'results', cityFile), 'utf8'));
		// Compared without the cache where both runs have that pass: a hit does the same work at
		// any scale, a miss is what reads the database.
		const useMisses = !!(misses && city.misses);
		const ours = useMisses ? misses.results : main.results;
		const theirs = useMisses ? city.misses.results : city.results;
		const share = (results, label) =>
			results?.[`${label}|10`]?.rps / results?.['`/healthz` (floor)|10']?.rps;
		// Routes that list every tenant, and the generated district (4 municipalities at city,
		// 24 from district on), show different data at each scale: not "the same tenant's route".
		const sameData = (label) =>
			!label.startsWith('`/` (all') &&
			!label.startsWith('OParl body list') &&
			!label.includes('district');
		const other = [];
		for (const [label] of routesOnly) {
			const here = share(ours, label);
			const there = share(theirs, label);
			if (!Number.isFinite(here) || !Number.isFinite(there)) continue;
			const text = `${label}: cost at ${opts.scale} ${(there / here).toFixed(2)}× of city (${cityFile}${useMisses ? ', both without the cache' : ''})`;
			if (sameData(label)) budget(there / here <= 1.25, `${text} ≤ 1.25×`);
			else other.push(`- ${text}`);
		}
		if (other.length)
			budgets.push(
				'',
				'Not the same data at both scales (every tenant, or a district of another size), for information:',
				'',
				...other,
				''
			);
	} else if (opts.scale !== 'city')
		lines.push(
			`(No city result of ${opts.db} in bench/results/ to compare the same tenant's routes with.)`,
			''
		);

	lines.push('## Budgets (issue 15)', '', ...budgets, '');
	if (missBudgets.length)
		lines.push(
			`Without the public cache (information: the budgets above are for the production default, cache on), the requests/s share at 10 connections against ≥ ${opts.db === 'postgres' ? '33' : '20'} %:`,
			'',
			...missBudgets,
			''
		);
	lines.push(`Run took ${f0(totalSeconds)} s.`, '');
	return {
		markdown: lines.join('\n'),
		json: {
			db: opts.db,
			scale: opts.scale,
			quick: opts.quick,
			seconds: opts.seconds,
			totalSeconds,
			meta,
			startup,
			results: main.results,
			routes: main.all.map(([label, p]) => ({ label, path: p })),
			rss: runs.map((r) => ({ workers: r.workers, ...r.rss })),
			workers: runs.map((r) => ({ workers: r.workers, results: r.results })),
			cacheState: main.cacheState,
			misses: misses ? { results: misses.results, rss: misses.rss } : null,
			assets: main.assets,
			sql: main.top
		}
	};
}

/** `--report <file.json>`: writes the Markdown of a saved result again (same name, .md). */
function rerender(file) {
	const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
	Object.assign(opts, {
		db: saved.db,
		scale: saved.scale,
		quick: saved.quick,
		seconds: saved.seconds
	});
	const all = saved.routes.map((r) => [r.label, r.path, null, false]);
	const runs = saved.workers.map((w, i) => ({
		workers: w.workers,
		results: w.results,
		all,
		rss: saved.rss[i],
		assets: i === 0 ? saved.assets : {},
		top: i === 0 ? saved.sql : null,
		cacheState: i === 0 ? saved.cacheState : undefined
	}));
	const misses = saved.misses ? { ...saved.misses, all } : null;
	const out = report(
		saved.startup,
		runs,
		saved.totalSeconds ?? NaN,
		saved.meta ?? {
			date: new Date(fs.statSync(file).mtimeMs).toISOString(),
			loadavg: [NaN, NaN, NaN]
		},
		misses
	);
	fs.writeFileSync(file.replace(/\.json$/, '.md'), out.markdown);
	console.log(out.markdown);
}

const reportArg = process.argv.indexOf('--report');
if (reportArg > 0) {
	rerender(process.argv[reportArg + 1]);
	process.exit(0);
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
