import type { Db } from './db/client';
import type { Actor } from './auth/actor';
import type { RequestTenant } from './tenants/resolve';

/**
 * What every use case gets: the database, who acts, the tenant of the request, the language and
 * the request for the audit trail. The server hook builds it once per request.
 */
export interface Ctx {
	db: Db;
	actor: Actor | null;
	/**
	 * The tenant named by the route's `[tenant]` parameter, resolved once by the hook: for public
	 * routes a public tenant, for signed-in routes one the actor may view. Absent on routes
	 * without a tenant.
	 */
	tenant?: RequestTenant | null;
	requestId?: string;
	/** client address, for rate limits; never stored beyond the limit window */
	ip?: string;
	/** UI language of the request */
	locale: 'de' | 'en' | 'ar' | 'uk' | 'tr' | 'ru' | 'fa';
	/** public address used in mail links */
	origin: string;
}

/**
 * The language of texts that exist only in German and English (mails, the signed-in area's
 * documents): German for German, English for every other language.
 */
export function mailLocale(locale: Ctx['locale']): 'de' | 'en' {
	return locale === 'de' ? 'de' : 'en';
}

/** The context of a use case that works inside one tenant. */
export interface TenantCtx extends Ctx {
	tenant: RequestTenant;
}

/** A tenant row or view, as factories, the demo seed and the hook have it. */
export type TenantLike = Omit<RequestTenant, 'description' | 'contactEmail'> &
	Partial<Pick<RequestTenant, 'description' | 'contactEmail'>> & {
		settings?: { publicDescription?: string | null; publicContactEmail?: string | null };
	};

/**
 * The same context inside a given tenant: for the demo seed, tests and a district acting for one
 * of its municipalities. Requests get theirs from the hook.
 */
export function withTenant(ctx: Ctx, tenant: TenantLike): TenantCtx {
	return {
		...ctx,
		tenant: {
			id: tenant.id,
			slug: tenant.slug,
			name: tenant.name,
			kind: tenant.kind,
			land: tenant.land,
			ags: tenant.ags,
			parentId: tenant.parentId,
			isPublic: tenant.isPublic,
			description: tenant.description ?? tenant.settings?.publicDescription ?? null,
			contactEmail: tenant.contactEmail ?? tenant.settings?.publicContactEmail ?? null
		}
	};
}
