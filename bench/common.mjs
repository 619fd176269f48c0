// What the bench scripts share: the project folder, the command line (--db, --port, --no-build,
// --help), the production build, starting and stopping the server (scripts/server.mjs), waiting
// for its health check, its resident memory, a load run in its own process, and a fresh database
// (a PGlite folder or a new database on DATABASE_URL's server).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const log = (...a) => console.error(...a);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Builds the app (vite build) when asked or when there is no build yet. */
export function ensureBuild(force) {
	if (!force && fs.existsSync(path.join(root, 'build', 'index.js'))) return;
	log('building …');
	const b = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit']
	});
	if (b.status !== 0) throw new Error('build failed');
}

/** Waits until `${base}/healthz` answers; returns the milliseconds it took. */
export async function waitHealthy(base, child, timeoutMs) {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
		try {
			if ((await fetch(`${base}/healthz`)).ok) return Date.now() - started;
		} catch {
			// not listening yet
		}
		await sleep(50);
	}
	throw new Error('server did not become healthy');
}

/**
 * The memory bound the production starts set (package.json "start", Dockerfile, the systemd
 * unit; README, "Memory"): V8's old space at 256 MB and two malloc arenas. `heapMb` 0: none.
 */
export function memoryBoundEnv(heapMb = 256) {
	if (!heapMb) return { NODE_OPTIONS: '', MALLOC_ARENA_MAX: '' };
	return { NODE_OPTIONS: `--max-old-space-size=${heapMb}`, MALLOC_ARENA_MAX: '2' };
}

/** One line of /proc/<pid>/status in MB (0 when the process is gone or not on Linux). */
function statusMb(p, key) {
	try {
		const m = new RegExp(`${key}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
		return m ? Number(m[1]) / 1024 : 0;
	} catch {
		return 0;
	}
}

/**
 * Resident memory (MB) of the server: its process and, with workers, each child process;
 * `anon` is the part not backed by files (JavaScript heap, malloc, PGlite's WebAssembly memory),
 * `file` the mapped files (code, shared libraries).
 */
export function rssOf(pid) {
	const read = (p) => statusMb(p, 'VmRSS');
	const children = [];
	try {
		for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
			const list = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
			if (list) children.push(...list.split(/\s+/).map(Number));
		}
	} catch {
		// no /proc (not Linux): report the main process only
	}
	const all = [pid, ...children];
	const perProcess = all.map(read);
	const sum = (key) => all.reduce((a, p) => a + statusMb(p, key), 0);
	return {
		total: perProcess.reduce((a, b) => a + b, 0),
		max: Math.max(...perProcess),
		anon: sum('RssAnon'),
		file: sum('RssFile')
	};
}

/** One autocannon run in its own process (bench/load.mjs); resolves with its JSON line. */
export function load(url, connections, seconds, cookie) {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			['bench/load.mjs', url, String(connections), String(seconds), cookie ?? ''],
			{ cwd: root, stdio: ['ignore', 'pipe', 'inherit'] }
		);
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.once('exit', (code) => {
			if (code !== 0) reject(new Error(`load ${url}: exit ${code}`));
			else resolve(JSON.parse(out.trim().split('\n').at(-1)));
		});
	});
}

/**
 * A fresh, empty database for one bench script: a PGlite folder in bench/.data/, or a new
 * database on DATABASE_URL's server; `env` for the server, `drop()` removes it.
 */
export async function freshDatabase(db, label) {
	const name = `${label}_${process.pid}`;
	if (db === 'pglite') {
		const dir = path.join(root, 'bench', '.data', name);
		fs.rmSync(dir, { recursive: true, force: true });
		return {
			env: { DATA_DIR: dir },
			drop: async () => fs.rmSync(dir, { recursive: true, force: true })
		};
	}
	const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
	await admin.unsafe(`CREATE DATABASE "mt_${name}"`);
	await admin.end();
	const url = new URL(process.env.DATABASE_URL);
	url.pathname = `/mt_${name}`;
	return {
		env: { DATABASE_URL: url.toString() },
		drop: async () => {
			const a = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
			await a.unsafe(`DROP DATABASE IF EXISTS "mt_${name}" WITH (FORCE)`);
			await a.end();
		}
	};
}

/**
 * The command line of a bench script. Every script takes `--db pglite|postgres` (default:
 * postgres when DATABASE_URL is set), `--port <n>` (default: BENCH_PORT, else `port`),
 * `--no-build` and `--help` (prints `usage`); `flags` adds the script's own options: a function
 * parses the next argument (`'--rounds': ['rounds', Number]`), any other value is set as it is
 * (`'--quick': ['quick', true]`). `databases` limits --db. Checks that --db postgres has a
 * DATABASE_URL.
 */
export function parseBenchArgs(
	argv,
	{ port, usage = '', defaults = {}, flags = {}, databases = ['pglite', 'postgres'] }
) {
	const out = {
		db: process.env.DATABASE_URL ? 'postgres' : 'pglite',
		port: Number(process.env.BENCH_PORT ?? port),
		build: true,
		...defaults
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--help' || a === '-h') {
			console.log(usage.trim());
			process.exit(0);
		} else if (a === '--db') out.db = argv[++i];
		else if (a === '--port') out.port = Number(argv[++i]);
		else if (a === '--no-build') out.build = false;
		else if (Object.hasOwn(flags, a)) {
			const [key, value] = flags[a];
			out[key] = typeof value === 'function' ? value(argv[++i]) : value;
		} else throw new Error(`unknown argument ${a} (--help lists the options)`);
	}
	if (!databases.includes(out.db)) throw new Error(`--db is ${databases.join(' or ')}`);
	if (out.db === 'postgres' && !process.env.DATABASE_URL)
		throw new Error('--db postgres needs DATABASE_URL');
	return out;
}

/** Servers started with `detached` (own process group): stopped and killed with their workers. */
const groups = new WeakSet();

/**
 * Starts the production server (`node scripts/server.mjs`) on `port` with LOG_LEVEL=warn and
 * `env` over this process's environment; its output goes nowhere, its errors to ours. With
 * `detached` it runs in its own process group, so that SIGTERM and SIGKILL reach the cluster's
 * workers too.
 */
export function startServer({ port, env = {}, detached = false }) {
	const child = spawn(process.execPath, ['scripts/server.mjs'], {
		cwd: root,
		env: {
			...process.env,
			PORT: String(port),
			LOG_LEVEL: 'warn',
			// the production memory bound, as `npm start` sets it (a value of your own wins)
			NODE_OPTIONS: process.env.NODE_OPTIONS || memoryBoundEnv().NODE_OPTIONS,
			MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX || memoryBoundEnv().MALLOC_ARENA_MAX,
			...env
		},
		stdio: ['ignore', 'ignore', 'inherit'],
		detached
	});
	if (detached) groups.add(child);
	return child;
}

const exited = (child) => child.exitCode !== null || child.signalCode !== null;

function signal(child, sig) {
	try {
		if (groups.has(child)) process.kill(-child.pid, sig);
		else child.kill(sig);
	} catch {
		child.kill(sig);
	}
}

/** Stops a server with SIGTERM (its whole group when detached) and waits until it has exited. */
export async function stopServer(child) {
	if (exited(child)) return;
	const gone = new Promise((r) => child.once('exit', r));
	signal(child, 'SIGTERM');
	await gone;
}

/** Kills a server with SIGKILL (its whole group when detached) and waits until it has exited. */
export async function killServer(child) {
	const gone = exited(child) ? null : new Promise((r) => child.once('exit', r));
	// a detached group is killed even when its first process is gone: its workers may not be
	if (gone || groups.has(child)) signal(child, 'SIGKILL');
	await gone;
}
