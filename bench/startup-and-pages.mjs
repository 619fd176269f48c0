#!/usr/bin/env node
// `npm run bench`: measures the embedded default's start times and the latency of main pages,
// and writes the figures as a Markdown table (bench/results.md), each against its budget
// from DESIGN.md §5. Figures are from one run on this machine; compare ratios, not absolutes.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = 3199;
const base = `http://localhost:${PORT}`;

const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
	cwd: root,
	stdio: 'ignore'
});
if (build.status !== 0) throw new Error('build failed');

async function waitHealthy(child, timeoutMs) {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}`);
		try {
			const r = await fetch(`${base}/healthz`);
			if (r.ok) return Date.now() - started;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error('app did not become healthy');
}

function start(dataDir) {
	const child = spawn(process.execPath, ['scripts/start.mjs'], {
		cwd: root,
		env: {
			...process.env,
			PORT: String(PORT),
			DATA_DIR: dataDir,
			SKIP_BUILD: '1',
			LOG_LEVEL: 'warn'
		},
		stdio: 'ignore'
	});
	return child;
}

async function stop(child) {
	child.kill('SIGTERM');
	await new Promise((r) => child.once('exit', r));
}

function percentile(sorted, p) {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function latency(pathname, total, concurrency, headers = {}) {
	const times = [];
	let next = 0;
	async function worker() {
		while (next < total) {
			next++;
			const t0 = performance.now();
			const r = await fetch(base + pathname, { headers });
			await r.arrayBuffer();
			if (!r.ok) throw new Error(`${pathname}: ${r.status}`);
			times.push(performance.now() - t0);
		}
	}
	await Promise.all(Array.from({ length: concurrency }, worker));
	times.sort((a, b) => a - b);
	return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mt-bench-'));
const rows = [];
try {
	let app = start(dataDir);
	const first = await waitHealthy(app, 60_000);
	rows.push([
		'first start (migrations + demo), embedded',
		`${(first / 1000).toFixed(2)} s`,
		'≤ 15 s',
		`${Math.round((first / 15000) * 100)} %`
	]);
	await stop(app);
	app = start(dataDir);
	const later = await waitHealthy(app, 60_000);
	rows.push([
		'later start, embedded',
		`${(later / 1000).toFixed(2)} s`,
		'≤ 3 s',
		`${Math.round((later / 3000) * 100)} %`
	]);

	// Sign in once to measure a signed-in page as well.
	const form = new URLSearchParams({
		email: 'koordination@landshut.example',
		password: 'miteinander-demo'
	});
	const res = await fetch(`${base}/anmelden`, {
		method: 'POST',
		body: form,
		redirect: 'manual',
		headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' }
	});
	const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
	for (const [label, p, headers] of [
		['GET / (public start page)', '/', {}],
		['GET /landshut (public tenant page)', '/landshut', {}],
		['GET /app/landshut/personen (signed in)', '/app/landshut/personen', { cookie }],
		['GET /app/landshut/aenderungen (signed in)', '/app/landshut/aenderungen', { cookie }]
	]) {
		await latency(p, 20, 5, headers); // warm-up
		const { p50, p95 } = await latency(p, 400, 50, headers);
		rows.push([
			`${label}, 50 concurrent, embedded demo data`,
			`p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms`,
			'p95 ≤ 50 ms (Land scale, PostgreSQL)',
			`${Math.round((p95 / 50) * 100)} %`
		]);
	}
	await stop(app);
} finally {
	fs.rmSync(dataDir, { recursive: true, force: true });
}

const table = [
	`# Benchmarks (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version})`,
	'',
	'| measure | result | budget | of budget |',
	'|---|---|---|---|',
	...rows.map((r) => `| ${r.join(' | ')} |`),
	'',
	'The page figures use the small demo network on PGlite; the Land-scale budget on PostgreSQL needs the',
	'large data generator that comes with the offers and meetings capabilities.',
	''
].join('\n');
fs.writeFileSync(path.join(root, 'bench', 'results.md'), table);
console.log(table);
