import { readMigrationFiles } from 'drizzle-orm/migrator';
import { sql } from 'drizzle-orm';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';
import { rowsOf, type Db } from './client';

/** Arbitrary but fixed key of the advisory lock that serialises migrations across instances. */
export const MIGRATION_LOCK_KEY = 7_260_511_001;

/** The committed migrations folder (drizzle/), found from the source tree or the build. */
export function migrationsFolder(): string {
	const candidates = [
		process.env.MIGRATIONS_DIR,
		path.resolve(process.cwd(), 'drizzle'),
		path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../drizzle')
	].filter((c): c is string => !!c);
	const found = candidates.find((c) => fs.existsSync(path.join(c, 'meta', '_journal.json')));
	if (!found) throw new Error(`Migrations folder not found (looked in ${candidates.join(', ')})`);
	return found;
}

/**
 * Applies pending migrations in one transaction that first takes a transaction-level
 * advisory lock, so two instances starting together apply each migration once.
 * Uses drizzle's own bookkeeping table (drizzle.__drizzle_migrations).
 */
export async function migrate(db: Db, folder = migrationsFolder()): Promise<{ applied: number }> {
	const migrations = readMigrationFiles({ migrationsFolder: folder });
	return db.transaction(async (tx) => {
		await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
		await tx.execute(sql`CREATE SCHEMA IF NOT EXISTS drizzle`);
		await tx.execute(sql`CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (
			id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)`);
		const list = rowsOf<{ created_at: string }>(
			await tx.execute(
				sql`SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1`
			)
		);
		const last = list[0] ? Number(list[0].created_at) : -1;
		let applied = 0;
		for (const m of migrations) {
			if (m.folderMillis <= last) continue;
			for (const statement of m.sql) {
				if (statement.trim()) await tx.execute(sql.raw(statement));
			}
			await tx.execute(
				sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES (${m.hash}, ${m.folderMillis})`
			);
			applied++;
		}
		return { applied };
	});
}
