/**
 * vitest globalSetup: migrates the schema once per run, then every test file clones it.
 * - PGlite (default): a migrated in-memory database is dumped to a gzip tarball in the temp
 *   folder; createTestDb() loads it, several times faster than a fresh initdb plus migrations.
 * - PostgreSQL (TEST_DATABASE_URL set, e.g. postgres://postgres@127.0.0.1:5432/postgres): a
 *   migrated template database; createTestDb() runs CREATE DATABASE … TEMPLATE. Every
 *   *.db.test.ts then runs on PostgreSQL. Teardown drops the template and any test database
 *   left over from it.
 */
import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { fromPglite, fromPostgresUrl, pgliteExtensions } from '../client';
import { migrate } from '../migrate';
import { databaseUrl, testDatabasePrefix } from './names';

declare module 'vitest' {
	export interface ProvidedContext {
		/** path of the gzip tarball of a migrated PGlite data folder ('' when PostgreSQL is used) */
		pgliteTemplate: string;
		/** the migrated template database on TEST_DATABASE_URL; null when it is not set */
		postgresTemplate: { adminUrl: string; template: string } | null;
	}
}

/** What teardown removes: the PGlite tarball, or the template database on the test server. */
const created: { tarball?: string; postgres?: { adminUrl: string; template: string } } = {};

export async function setup(project: TestProject) {
	const adminUrl = process.env.TEST_DATABASE_URL;
	try {
		if (adminUrl) {
			// Every *.db.test.ts runs on PostgreSQL in this run; no PGlite template needed.
			const template = `mt_tpl_${process.pid}_${randomBytes(4).toString('hex')}`;
			const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
			try {
				await admin.unsafe(`CREATE DATABASE "${template}"`);
			} finally {
				await admin.end({ timeout: 5 });
			}
			created.postgres = { adminUrl, template };
			const tpl = fromPostgresUrl(databaseUrl(adminUrl, template), { max: 1 });
			try {
				await migrate(tpl.db);
			} finally {
				// CREATE DATABASE … TEMPLATE refuses a template that has open connections.
				await tpl.close();
			}
		} else {
			const tarball = path.join(
				os.tmpdir(),
				`miteinander-pglite-${process.pid}-${randomBytes(4).toString('hex')}.tar.gz`
			);
			const client = new PGlite({ extensions: pgliteExtensions });
			try {
				await migrate(fromPglite(client).db);
				const dump = await client.dumpDataDir('gzip');
				created.tarball = tarball;
				await fs.writeFile(tarball, Buffer.from(await dump.arrayBuffer()));
			} finally {
				await client.close();
			}
		}
	} catch (error) {
		await teardown();
		throw error;
	}
	project.provide('pgliteTemplate', created.tarball ?? '');
	project.provide('postgresTemplate', created.postgres ?? null);
}

export async function teardown() {
	if (created.tarball) await fs.rm(created.tarball, { force: true });
	if (!created.postgres) return;
	const { adminUrl, template } = created.postgres;
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	try {
		const leftovers = await admin<{ datname: string }[]>`
			SELECT datname FROM pg_database WHERE starts_with(datname, ${testDatabasePrefix(template)})`;
		for (const { datname } of leftovers) {
			await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
		}
		await admin.unsafe(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
	} finally {
		await admin.end({ timeout: 5 });
	}
}
