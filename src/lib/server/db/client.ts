import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import postgres from 'postgres';
import * as schema from './schema';

export type Schema = typeof schema;

/** Extensions the migrations use; PGlite must load them when it opens a database. */
export const pgliteExtensions = { pg_trgm };
/** The database, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
	db: Db;
	kind: 'pglite' | 'postgres';
	close(): Promise<void>;
	/**
	 * PostgreSQL only: LISTEN on a channel (a connection of its own, reconnected by postgres.js)
	 * and NOTIFY it; carries the public cache's invalidations between processes.
	 */
	channel?: {
		listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
		notify(channel: string, payload: string): Promise<unknown>;
	};
}

export function fromPglite(client: PGlite): Database {
	return {
		db: drizzlePglite({ client, schema }) as unknown as Db,
		kind: 'pglite',
		close: () => client.close()
	};
}

export function fromPostgresUrl(url: string, options: { max?: number } = {}): Database {
	const client = postgres(url, {
		max: options.max ?? 10,
		onnotice: () => {},
		connection: { application_name: 'miteinander' }
	});
	return {
		db: drizzlePostgres({ client, schema }) as unknown as Db,
		kind: 'postgres',
		close: () => client.end({ timeout: 5 }),
		channel: {
			async listen(channel, onMessage) {
				const { unlisten } = await client.listen(channel, onMessage);
				return unlisten;
			},
			notify: (channel, payload) => client.notify(channel, payload)
		}
	};
}

/** Opens PGlite on a data folder (created if missing), or connects to PostgreSQL. */
export async function openDatabase(config: {
	databaseUrl?: string;
	dataDir: string;
}): Promise<Database> {
	if (config.databaseUrl) return fromPostgresUrl(config.databaseUrl);
	const client = await PGlite.create(config.dataDir, { extensions: pgliteExtensions });
	return fromPglite(client);
}

/** Rows of a raw `execute` result: postgres-js returns an array, PGlite an object with rows. */
export function rowsOf<T>(result: unknown): T[] {
	if (Array.isArray(result)) return result as T[];
	return ((result as { rows?: T[] }).rows ?? []) as T[];
}
