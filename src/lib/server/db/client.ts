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

/**
 * The client as drizzle sees it, with every statement prepared (named and kept per connection
 * by postgres.js) instead of parsed and planned anew on each call: drizzle prepares only
 * statements given a name, and a signed-in page runs some 30 statements whose parsing and
 * planning cost PostgreSQL more than executing them. postgres.js ends a connection after 30–60
 * minutes (max_lifetime), which bounds the statements a connection keeps. `DATABASE_PREPARE=false`
 * turns this off (a pooler in transaction mode, like PgBouncer before 1.21, needs that).
 * Transactions get their own client from postgres.js and are not prepared.
 */
function preparing(client: postgres.Sql): postgres.Sql {
	if (process.env.DATABASE_PREPARE?.trim().toLowerCase() === 'false') return client;
	return new Proxy(client, {
		get(target, property, receiver) {
			if (property === 'unsafe')
				return (query: string, params?: unknown[], options?: { prepare?: boolean }) =>
					target.unsafe(query, params as never, { ...options, prepare: true });
			const value = Reflect.get(target, property, receiver);
			return typeof value === 'function' ? value.bind(target) : value;
		}
	});
}

export function fromPostgresUrl(url: string, options: { max?: number } = {}): Database {
	const client = postgres(url, {
		max: options.max ?? 10,
		onnotice: () => {},
		connection: { application_name: 'miteinander' }
	});
	return {
		db: drizzlePostgres({ client: preparing(client), schema }) as unknown as Db,
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
