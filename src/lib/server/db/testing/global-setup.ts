/**
 * vitest globalSetup: migrates the schema once per run, then every test file clones it.
 * - PGlite: a migrated in-memory database is dumped to a gzip tarball in the temp folder;
 *   createTestDb() loads it (about 0.4 s instead of 2–3 s for a fresh initdb).
 * - PostgreSQL (TEST_DATABASE_URL set): a migrated template database; createTestDb() runs
 *   CREATE DATABASE … TEMPLATE. Teardown drops the template and any test database left over.
 */
import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { fromPglite, fromPostgresUrl } from '../client';
import { migrate } from '../migrate';
import { databaseUrl, testDatabasePrefix } from './names';

declare module 'vitest' {
	export interface ProvidedContext {
		/** path of the gzip tarball of a migrated PGlite data folder */
		pgliteTemplate: string;
		/** the migrated template database on TEST_DATABASE_URL; null when it is not set */
		postgresTemplate: { adminUrl: string; template: string } | null;
	}
}

export default async function setup(project: TestProject) {
	const tarball = path.join(
		os.tmpdir(),
		`miteinander-pglite-${process.pid}-${randomBytes(4).toString('hex')}.tar.gz`
	);
	const client = new PGlite();
	const pglite = fromPglite(client);
	try {
		await migrate(pglite.db);
		const dump = await client.dumpDataDir('gzip');
		await fs.writeFile(tarball, Buffer.from(await dump.arrayBuffer()));
	} finally {
		await pglite.close();
	}
	project.provide('pgliteTemplate', tarball);

	const adminUrl = process.env.TEST_DATABASE_URL;
	let template = '';
	if (adminUrl) {
		template = `mt_tpl_${process.pid}_${randomBytes(4).toString('hex')}`;
		const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
		try {
			await admin.unsafe(`CREATE DATABASE "${template}"`);
		} finally {
			await admin.end({ timeout: 5 });
		}
		const tpl = fromPostgresUrl(databaseUrl(adminUrl, template), { max: 1 });
		try {
			await migrate(tpl.db);
		} finally {
			// CREATE DATABASE … TEMPLATE refuses a template that has open connections.
			await tpl.close();
		}
	}
	project.provide('postgresTemplate', adminUrl ? { adminUrl, template } : null);

	return async function teardown() {
		await fs.rm(tarball, { force: true });
		if (!adminUrl || !template) return;
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
	};
}
