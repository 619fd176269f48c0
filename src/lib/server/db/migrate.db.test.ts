import { describe, expect, it } from 'vitest';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { sql } from 'drizzle-orm';
import { fromPostgresUrl, rowsOf, type Db } from './client';
import { migrate, migrationsFolder } from './migrate';
import {
	createEmptyPostgresDatabase,
	createEmptyTestDb,
	testDbKind,
	useTestDb
} from './testing/test-db';

const kind = testDbKind();
const migrations = readMigrationFiles({ migrationsFolder: migrationsFolder() });

async function appliedHashes(db: Db): Promise<string[]> {
	return rowsOf<{ hash: string }>(
		await db.execute(sql`SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id`)
	).map((r) => r.hash);
}

describe(`migrate (${kind})`, () => {
	const database = useTestDb();

	it('finds at least one committed migration', () => {
		expect(migrations.length).toBeGreaterThan(0);
	});

	it('applies nothing to an already migrated database', async () => {
		expect(await migrate(database.db)).toEqual({ applied: 0 });
		expect(await appliedHashes(database.db)).toEqual(migrations.map((m) => m.hash));
	});

	it('applies every migration once to an empty database, then nothing', async () => {
		const empty = await createEmptyTestDb();
		try {
			expect(await migrate(empty.db)).toEqual({ applied: migrations.length });
			expect(await appliedHashes(empty.db)).toEqual(migrations.map((m) => m.hash));
			const tables = rowsOf<{ table_name: string }>(
				await empty.db.execute(
					sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`
				)
			).map((r) => r.table_name);
			expect(tables).toEqual(
				expect.arrayContaining(['tenants', 'users', 'invitations', 'outbox', 'audit_log'])
			);
			expect(await migrate(empty.db)).toEqual({ applied: 0 });
		} finally {
			await empty.close();
		}
		// Creating every table of every capability in a fresh in-memory PGlite takes a while on a
		// loaded two-core machine; this test is about correctness, not speed.
	}, 120_000);

	it.runIf(kind === 'postgres')(
		'postgres only (PGlite has one connection): two instances migrating an empty database at once apply each migration once',
		async () => {
			const created = await createEmptyPostgresDatabase();
			const first = fromPostgresUrl(created.url, { max: 1 });
			const second = fromPostgresUrl(created.url, { max: 1 });
			try {
				const results = await Promise.all([migrate(first.db), migrate(second.db)]);
				expect(results.map((r) => r.applied).sort()).toEqual([0, migrations.length]);
				expect(await appliedHashes(first.db)).toEqual(migrations.map((m) => m.hash));
			} finally {
				await first.close();
				await second.close();
				await created.drop();
			}
		}
	);
});
