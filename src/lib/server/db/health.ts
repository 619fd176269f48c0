import { sql } from 'drizzle-orm';
import type { Executor } from './client';

/** Whether the database answers (for the health check); throws when it does not. */
export async function pingDatabase(db: Executor): Promise<void> {
	await db.execute(sql`SELECT 1`);
}
