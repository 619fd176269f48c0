/**
 * Databases for `*.db.test.ts`. Each test file opens its own (beforeAll) and closes it (afterAll):
 * a PGlite loaded from the migrated tarball of the global setup, or, when TEST_DATABASE_URL is
 * set, a PostgreSQL database cloned from the migrated template.
 */
import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, inject } from 'vitest';
import { fromPglite, fromPostgresUrl, pgliteExtensions, type Database, type Db } from '../client';
import { withTenant, type Ctx, type TenantCtx, type TenantLike } from '../../context';
import type { Actor } from '../../auth/actor';
import { databaseUrl, testDatabasePrefix } from './names';

export type TestDbKind = Database['kind'];

/** Which database this run uses; known before any test runs, for `it.runIf`. */
export function testDbKind(): TestDbKind {
	return inject('postgresTemplate') ? 'postgres' : 'pglite';
}

function postgresTemplate() {
	const tpl = inject('postgresTemplate');
	if (!tpl) throw new Error('TEST_DATABASE_URL is not set');
	return tpl;
}

async function withAdmin<T>(adminUrl: string, fn: (admin: postgres.Sql) => Promise<T>): Promise<T> {
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	try {
		return await fn(admin);
	} finally {
		await admin.end({ timeout: 5 });
	}
}

/**
 * Creates a database on the test server, empty or cloned from `template`; returns its URL and
 * a function that drops it.
 */
async function createPostgresDatabase(
	template?: string
): Promise<{ url: string; drop(): Promise<void> }> {
	const { adminUrl, template: migrated } = postgresTemplate();
	const name = `${testDatabasePrefix(migrated)}${randomBytes(6).toString('hex')}`;
	await withAdmin(adminUrl, (admin) =>
		admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template ?? 'template0'}"`)
	);
	return {
		url: databaseUrl(adminUrl, name),
		drop: () =>
			withAdmin(adminUrl, (admin) =>
				admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
			).then(() => {})
	};
}

async function connectPostgres(created: { url: string; drop(): Promise<void> }): Promise<Database> {
	const database = fromPostgresUrl(created.url);
	return {
		...database,
		async close() {
			await database.close();
			await created.drop();
		}
	};
}

async function loadPgliteTemplate(): Promise<Database> {
	const tarball = await fs.readFile(inject('pgliteTemplate'));
	const client = new PGlite({
		loadDataDir: new Blob([tarball], { type: 'application/x-gzip' }),
		extensions: pgliteExtensions
	});
	await client.waitReady;
	return fromPglite(client);
}

/** A migrated database of its own for one test file. */
export async function createTestDb(): Promise<Database> {
	if (testDbKind() === 'postgres')
		return connectPostgres(await createPostgresDatabase(postgresTemplate().template));
	return loadPgliteTemplate();
}

/** An empty, unmigrated PostgreSQL database on the test server (for the migration tests). */
export function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
	return createPostgresDatabase();
}

/**
 * An unmigrated database of the run's kind. For PGlite the migrated template is loaded and its
 * schemas dropped: the same result as a fresh initdb, which takes several seconds.
 */
export async function createEmptyTestDb(): Promise<Database> {
	if (testDbKind() === 'postgres') return connectPostgres(await createEmptyPostgresDatabase());
	const database = await loadPgliteTemplate();
	await database.db.execute(sql`DROP SCHEMA drizzle CASCADE`);
	await database.db.execute(sql`DROP SCHEMA public CASCADE`);
	await database.db.execute(sql`CREATE SCHEMA public`);
	return database;
}

/** The context a use case gets from a request: German, on localhost:3000. */
export function testCtx(db: Db, actor: Actor | null = null, extra: Partial<Ctx> = {}): Ctx {
	return { db, actor, locale: 'de', origin: 'http://localhost:3000', ...extra };
}

/** The context of a request inside a tenant (what the hook builds for a `[tenant]` route). */
export function testTenantCtx(
	db: Db,
	tenant: TenantLike,
	actor: Actor | null = null,
	extra: Partial<Ctx> = {}
): TenantCtx {
	return withTenant(testCtx(db, actor, extra), tenant);
}

/**
 * The database of one test file: created before its first test, closed after its last. The
 * object reads through to it, so tests and setups use `database.db` as with their own variable.
 */
export function useTestDb(): Database {
	let current: Database | undefined;
	beforeAll(async () => {
		current = await createTestDb();
	});
	afterAll(() => current?.close());
	const open = () => {
		if (!current) throw new Error('useTestDb: the database opens in beforeAll');
		return current;
	};
	return {
		get db() {
			return open().db;
		},
		get kind() {
			return open().kind;
		},
		get channel() {
			return open().channel;
		},
		close: () => open().close()
	};
}

/**
 * The database of one test file (see useTestDb) and the setup of its tests: each call of the
 * result builds the scenario afresh in that database.
 */
export function useTestSetup<A extends unknown[], T>(
	build: (db: Db, ...args: A) => Promise<T>
): (...args: A) => Promise<T> {
	const database = useTestDb();
	return (...args) => build(database.db, ...args);
}
