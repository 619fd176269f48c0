// Shared by `npm run backup` and `npm run restore`. Reads the same environment as the app:
// DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite, default ./data), plus BACKUP_DIR (default
// ./backups). Uploaded files (meeting and paper attachments, logos) live in the database as
// bytea, so the database backup is the whole backup.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';

/** A refusal the operator can act on (exit code 2), as opposed to a failure (exit code 1). */
export class Refusal extends Error {}

/** Backups are named miteinander-<kind>-<UTC time>.<ext>; the extension tells the kind. */
export const KINDS = {
	pglite: { extension: '.tar.gz' },
	postgres: { extension: '.dump' }
};

/** The configuration of the scripts, from the environment (empty counts as unset). */
export function config(env = process.env) {
	const value = (key) => (env[key] && env[key].trim() !== '' ? env[key].trim() : undefined);
	const databaseUrl = value('DATABASE_URL');
	return {
		kind: databaseUrl ? 'postgres' : 'pglite',
		databaseUrl,
		dataDir: path.resolve(value('DATA_DIR') ?? './data'),
		backupDir: path.resolve(value('BACKUP_DIR') ?? './backups'),
		pgBin: value('PG_BIN')
	};
}

/** 2026-12-06T04-30-00Z: sortable, no colons (valid on every file system). */
export function timestamp(date = new Date()) {
	return date
		.toISOString()
		.replace(/\.\d+Z$/, 'Z')
		.replaceAll(':', '-');
}

export function backupFileName(kind, date = new Date()) {
	return `miteinander-${kind}-${timestamp(date)}${KINDS[kind].extension}`;
}

/** The kind of a backup file from its name, or undefined. */
export function kindOfFile(file) {
	const name = path.basename(file);
	return Object.keys(KINDS).find(
		(kind) => name.startsWith(`miteinander-${kind}-`) && name.endsWith(KINDS[kind].extension)
	);
}

/** Writes through a temporary name and renames at the end: a half-written backup never looks complete. */
export async function writeAtomically(target, write) {
	const partial = `${target}.partial`;
	try {
		await write(partial);
		fs.renameSync(partial, target);
	} finally {
		fs.rmSync(partial, { force: true });
	}
}

// --- PGlite --------------------------------------------------------------------------------

/**
 * PGlite keeps postmaster.pid in its folder while it is open (removed on a clean close). Two
 * processes on one folder corrupt it, so backup and restore refuse while the file is there.
 */
export function assertPgliteFolderFree(dataDir, force) {
	if (force || !fs.existsSync(path.join(dataDir, 'postmaster.pid'))) return;
	throw new Refusal(
		`The database folder ${dataDir} is in use (postmaster.pid exists). Stop the app first. ` +
			'If the app is stopped and did not shut down cleanly, run again with --force.'
	);
}

/** True when the folder does not exist or is empty. */
export function folderIsEmpty(dir) {
	return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/** Dumps the PGlite data folder as a gzip tarball (PGlite's own dumpDataDir) to `file`. */
export async function backupPglite(dataDir, file) {
	if (!fs.existsSync(path.join(dataDir, 'PG_VERSION')))
		throw new Refusal(`No PGlite database in ${dataDir} (set DATA_DIR or DATABASE_URL).`);
	const client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
	try {
		// a checkpoint writes everything to the data files before they are packed
		await client.exec('CHECKPOINT');
		const dump = await client.dumpDataDir('gzip');
		await writeAtomically(file, async (partial) =>
			fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
		);
	} finally {
		await client.close();
	}
}

/**
 * Loads a tarball into `dataDir`, which must be missing or empty. The database is opened once
 * and queried, so a broken tarball fails here and not at the next start.
 */
export async function restorePglite(file, dataDir) {
	fs.mkdirSync(dataDir, { recursive: true });
	const tarball = fs.readFileSync(file);
	const client = await PGlite.create(dataDir, {
		loadDataDir: new Blob([tarball], { type: 'application/x-gzip' }),
		extensions: { pg_trgm }
	});
	try {
		await client.query('SELECT count(*) FROM drizzle.__drizzle_migrations');
	} finally {
		await client.close();
	}
}

// --- PostgreSQL ----------------------------------------------------------------------------

/**
 * The URL without its password, and the password for PGPASSWORD: client programs get it through
 * the environment, so it never appears in the process list.
 */
export function connection(databaseUrl) {
	const url = new URL(databaseUrl);
	const password = decodeURIComponent(url.password);
	url.password = '';
	const env = { ...process.env };
	if (password) env.PGPASSWORD = password;
	return { url: url.href, env, shown: url.href.replace(/\/\/[^@/]*@/, '//***@') };
}

export function program(pgBin, name) {
	return pgBin ? path.join(pgBin, name) : name;
}

/** Runs a client program; resolves with stdout, rejects with its stderr. */
export function run(command, args, { env, input } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
		const out = [];
		const err = [];
		child.stdout.on('data', (chunk) => out.push(chunk));
		child.stderr.on('data', (chunk) => err.push(chunk));
		child.on('error', (error) =>
			reject(
				error.code === 'ENOENT'
					? new Refusal(
							`${command} not found: install Debian's postgresql-client or set PG_BIN to its folder.`
						)
					: error
			)
		);
		child.on('close', (code) => {
			if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
			else
				reject(
					new Error(`${path.basename(command)} failed (exit ${code}): ${Buffer.concat(err)}`.trim())
				);
		});
		if (input) {
			input.on('error', reject);
			input.pipe(child.stdin);
		} else child.stdin.end();
	});
}

/** psql -At on the target: one result per line. */
export function psql(cfg, sqlText) {
	const { url, env } = connection(cfg.databaseUrl);
	return run(
		program(cfg.pgBin, 'psql'),
		['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sqlText],
		{ env }
	);
}

function clientMajor(cfg, name) {
	const result = spawnSync(program(cfg.pgBin, name), ['--version'], { encoding: 'utf8' });
	const match = /(\d+)(?:\.\d+)?/.exec(result.stdout ?? '');
	return match ? Number(match[1]) : undefined;
}

/**
 * pg_dump only dumps servers of its own major version or older; say so clearly instead of
 * passing on pg_dump's "server version mismatch".
 */
export async function assertClientFitsServer(cfg) {
	const server = Math.floor(Number((await psql(cfg, 'SHOW server_version_num')).trim()) / 10000);
	const client = clientMajor(cfg, 'pg_dump');
	if (client !== undefined && server > client)
		throw new Refusal(
			`The server runs PostgreSQL ${server}, pg_dump is version ${client}: install ` +
				`postgresql-client-${server} and set PG_BIN (e.g. /usr/lib/postgresql/${server}/bin).`
		);
}

/** pg_dump in custom format (compressed, restorable table by table) to `file`. */
export async function backupPostgres(cfg, file) {
	await assertClientFitsServer(cfg);
	const { url, env } = connection(cfg.databaseUrl);
	await writeAtomically(file, (partial) =>
		run(program(cfg.pgBin, 'pg_dump'), ['--format=custom', `--file=${partial}`, '-d', url], {
			env
		})
	);
}

/** Number of tables outside the system schemas: 0 means an empty target. */
export async function postgresTableCount(cfg) {
	const out = await psql(
		cfg,
		`SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		 WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
		   AND n.nspname NOT LIKE 'pg_toast%'`
	);
	return Number(out.trim());
}

/**
 * Restores a custom-format dump in ONE transaction: pg_restore writes the SQL, psql runs it with
 * --single-transaction. With `replace`, the schemas are dropped first inside the same
 * transaction, so a failing restore leaves the old data in place.
 */
export async function restorePostgres(cfg, file, { replace }) {
	const { url, env } = connection(cfg.databaseUrl);
	const script = spawn(
		program(cfg.pgBin, 'pg_restore'),
		['--no-owner', '--no-privileges', '--file=-', file],
		{ stdio: ['ignore', 'pipe', 'pipe'] }
	);
	const scriptErrors = [];
	script.stderr.on('data', (chunk) => scriptErrors.push(chunk));
	const scriptDone = new Promise((resolve, reject) => {
		script.on('error', reject);
		script.on('close', (code) =>
			code === 0
				? resolve()
				: reject(new Error(`pg_restore failed (exit ${code}): ${Buffer.concat(scriptErrors)}`))
		);
	});
	const input = new PassThrough();
	if (replace)
		input.write(
			'DROP SCHEMA IF EXISTS drizzle CASCADE;\nDROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n'
		);
	script.stdout.pipe(input);
	const args = ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '-d', url];
	await Promise.all([scriptDone, run(program(cfg.pgBin, 'psql'), args, { env, input })]);
}
