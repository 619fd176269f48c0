/**
 * `npm run backup` and `npm run restore` (scripts/backup/) round-trip the demo database on the
 * run's database kind: the restored database has the same tables, row counts and per-table
 * checksums (md5 of the ordered rows). A target that holds data is refused unless --force.
 */
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromPglite, fromPostgresUrl, pgliteExtensions, rowsOf, type Database } from './client';
import { migrate } from './migrate';
import { createEmptyPostgresDatabase, testDbKind } from './testing/test-db';
import { seedDemo } from '../demo/seed';

// several PGlite starts and child processes: generous for a loaded CI machine
const SLOW = 480_000;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'miteinander-backup-test-'));
const backupDir = path.join(work, 'backups');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup();
	fs.rmSync(work, { recursive: true, force: true });
});

type Summary = Record<string, { rows: number; md5: string | null }>;

/** Row count and md5 of the rows (as text, ordered) of every table in the app's schemas. */
async function summary(database: Database): Promise<Summary> {
	const tables = rowsOf<{ name: string }>(
		await database.db.execute(sql`
			SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name
			FROM information_schema.tables
			WHERE table_schema IN ('public', 'drizzle') AND table_type = 'BASE TABLE'
			ORDER BY 1`)
	);
	const result: Summary = {};
	for (const { name } of tables) {
		const [row] = rowsOf<{ rows: number | string; md5: string | null }>(
			await database.db.execute(
				sql.raw(
					`SELECT count(*) AS rows, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS md5 FROM ${name} t`
				)
			)
		);
		result[name] = { rows: Number(row.rows), md5: row.md5 };
	}
	return result;
}

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs scripts/backup/<script>.mjs as `npm run` would, with the app's variables for one database. */
function runScript(
	script: 'backup' | 'restore',
	target: { DATABASE_URL?: string; DATA_DIR?: string },
	args: string[] = []
): Promise<Run> {
	const env = {
		...process.env,
		DATABASE_URL: target.DATABASE_URL ?? '',
		DATA_DIR: target.DATA_DIR ?? '',
		BACKUP_DIR: backupDir
	};
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[path.resolve(`scripts/backup/${script}.mjs`), ...args],
			{ env },
			(error, stdout, stderr) =>
				resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
		);
	});
}

async function backup(target: { DATABASE_URL?: string; DATA_DIR?: string }): Promise<string> {
	const run = await runScript('backup', target);
	expect(run.stderr).toBe('');
	expect(run.code).toBe(0);
	const file = run.stdout.trim();
	expect(path.dirname(file)).toBe(backupDir);
	expect(fs.statSync(file).size).toBeGreaterThan(0);
	return file;
}

/** Demo data, plus a few bytes that text encodings like to break. */
async function fill(database: Database): Promise<void> {
	await migrate(database.db);
	await seedDemo(database.db);
	await database.db.execute(
		sql`UPDATE tenants SET name = name || ' – Ärger, "Zitat", 😀' WHERE slug = 'landshut'`
	);
}

const openFolder = async (dir: string) =>
	fromPglite(await PGlite.create(dir, { extensions: pgliteExtensions }));

/** PGlite: the data folder; refused while open, kept aside when replaced with --force. */
async function pgliteRoundTrip() {
	const source = path.join(work, 'source');
	const original = await openFolder(source);
	await fill(original);
	const expected = await summary(original);
	expect(expected['public.users'].rows).toBeGreaterThan(5);

	// while the app (here: this process) has the folder open, backup refuses
	const busy = await runScript('backup', { DATA_DIR: source });
	expect(busy.code).toBe(2);
	expect(busy.stderr).toContain('in use');
	await original.close();

	const file = await backup({ DATA_DIR: source });
	expect(path.basename(file)).toMatch(
		/^miteinander-pglite-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.tar\.gz$/
	);

	const target = path.join(work, 'target');
	const restored = await runScript('restore', { DATA_DIR: target }, [file]);
	expect(restored.code).toBe(0);
	const copy = await openFolder(target);
	expect(await summary(copy)).toEqual(expected);

	// a folder with data is refused and left as it was …
	await copy.db.execute(sql`DELETE FROM audit_log`);
	const changed = await summary(copy);
	await copy.close();
	const refused = await runScript('restore', { DATA_DIR: target }, [file]);
	expect(refused.code).toBe(2);
	expect(refused.stderr).toContain('--force');
	const untouched = await openFolder(target);
	expect(await summary(untouched)).toEqual(changed);
	await untouched.close();

	// … and replaced with --force, the old folder kept beside it
	const forced = await runScript('restore', { DATA_DIR: target }, [file, '--force']);
	expect(forced.code).toBe(0);
	const again = await openFolder(target);
	expect(await summary(again)).toEqual(expected);
	await again.close();
	const kept = fs.readdirSync(work).filter((f) => f.startsWith('target.replaced-'));
	expect(kept).toHaveLength(1);
}

async function emptyDatabase() {
	const created = await createEmptyPostgresDatabase();
	cleanups.push(() => created.drop());
	return created.url;
}

async function summaryOf(url: string): Promise<Summary> {
	const database = fromPostgresUrl(url, { max: 1 });
	try {
		return await summary(database);
	} finally {
		await database.close();
	}
}

/** PostgreSQL: pg_dump/pg_restore; a database with data is replaced only with --force. */
async function postgresRoundTrip() {
	const sourceUrl = await emptyDatabase();
	const original = fromPostgresUrl(sourceUrl, { max: 1 });
	await fill(original).finally(() => original.close());
	const expected = await summaryOf(sourceUrl);
	expect(expected['public.users'].rows).toBeGreaterThan(5);

	const file = await backup({ DATABASE_URL: sourceUrl });
	expect(path.basename(file)).toMatch(
		/^miteinander-postgres-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.dump$/
	);

	const targetUrl = await emptyDatabase();
	const restored = await runScript('restore', { DATABASE_URL: targetUrl }, [file]);
	expect(restored.stderr).toBe('');
	expect(restored.code).toBe(0);
	expect(await summaryOf(targetUrl)).toEqual(expected);

	// a database with data is refused and left as it was …
	const target = fromPostgresUrl(targetUrl, { max: 1 });
	await target.db.execute(sql`DELETE FROM audit_log`).finally(() => target.close());
	const changed = await summaryOf(targetUrl);
	const refused = await runScript('restore', { DATABASE_URL: targetUrl }, [file]);
	expect(refused.code).toBe(2);
	expect(refused.stderr).toContain('--force');
	expect(await summaryOf(targetUrl)).toEqual(changed);

	// … and replaced with --force
	const forced = await runScript('restore', { DATABASE_URL: targetUrl }, [file, '--force']);
	expect(forced.stderr).toBe('');
	expect(forced.code).toBe(0);
	expect(await summaryOf(targetUrl)).toEqual(expected);
}

const kind = testDbKind();

describe(`backup and restore on ${kind}`, () => {
	it(
		'restores the demo database with the same tables, row counts and checksums; data only with --force',
		() => (kind === 'pglite' ? pgliteRoundTrip() : postgresRoundTrip()),
		SLOW
	);

	it('refuses a backup of the other database kind and lists the backups without a file', async () => {
		const other = kind === 'pglite' ? 'postgres' : 'pglite';
		const ext = other === 'pglite' ? '.tar.gz' : '.dump';
		const file = path.join(backupDir, `miteinander-${other}-2026-01-01T00-00-00Z${ext}`);
		fs.mkdirSync(backupDir, { recursive: true });
		fs.writeFileSync(file, 'not used');
		const target =
			kind === 'pglite'
				? { DATA_DIR: path.join(work, 'unused') }
				: { DATABASE_URL: await emptyDatabase() };
		const run = await runScript('restore', target, [file]);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain(`${other} backup`);

		const usage = await runScript('restore', target);
		expect(usage.code).toBe(2);
		expect(usage.stderr).toContain(path.basename(file));
	});
});
