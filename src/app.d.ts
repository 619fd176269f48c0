import type { Actor } from '$lib/server/auth/actor';
import type { Ctx } from '$lib/server/context';
import type { Logger } from 'pino';
import type { RequestTenant } from '$lib/server/tenants/resolve';

declare global {
	namespace App {
		interface Locals {
			requestId: string;
			log: Logger;
			/** the signed-in person, or null */
			actor: Actor | null;
			/** the raw session token from the cookie (for sign-out) */
			sessionToken: string | null;
			/** the tenant of the route's [tenant] parameter (null: unknown, hidden or none) */
			tenant: RequestTenant | null;
			/** use-case context for this request */
			ctx: Ctx;
			/** demo instance: show the banner */
			demo: boolean;
		}
		interface Error {
			message: string;
			requestId?: string;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
