import type { Db } from './db/client';
import type { Actor } from './auth/actor';

/** What every use case gets: the database, who acts, and the request for the audit trail. */
export interface Ctx {
	db: Db;
	actor: Actor | null;
	requestId?: string;
	/** client address, for rate limits; never stored beyond the limit window */
	ip?: string;
	/** UI language of the request */
	locale: 'de' | 'en';
	/** public address used in mail links */
	origin: string;
}
