import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { m } from '$lib/paraglide/messages';
import { randomUUID } from 'node:crypto';
import {
	cookieName,
	defineCustomServerStrategy,
	getLocale,
	type Locale
} from '$lib/paraglide/runtime';
import {
	cookieFrom,
	localizeLinks,
	localizeLocation,
	routeLocale,
	splitLocalePrefix,
	textDirection,
	withoutClientScript
} from '$lib/i18n/routing';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { ConfigError } from '$lib/server/env';
import { runtime, startRuntime } from '$lib/server/runtime';
import { SESSION_COOKIE, validateSession } from '$lib/server/auth/sessions';
import { sessionCookieOptions } from '$lib/server/http';
import { requireActor } from '$lib/server/guards';
import { resolveRequestTenant, tenantArea } from '$lib/server/tenants/resolve';
import { applySecurityHeaders } from '$lib/server/security-headers.js';
import { loggablePath } from '$lib/server/log/logger';
import { withShareMeta } from '$lib/server/share-meta';
import { handlePublicCache } from '$lib/server/cache/handle';

export const init: ServerInit = async () => {
	try {
		const rt = await startRuntime();
		// adapter-node emits this on SIGTERM/SIGINT after it stopped accepting requests and
		// finished the open ones: then finish the mail worker and close the database.
		process.once('sveltekit:shutdown' as never, () => {
			rt.stop().catch((err) => rt.log.error({ err }, 'shutdown failed'));
		});
	} catch (error) {
		if (error instanceof ConfigError) {
			console.error(
				`\nMiteinander cannot start.\n${error.message}\nSee README.md, section "Configuration".\n`
			);
			process.exit(1);
		}
		throw error;
	}
};

/** Request id, per-request logger, one JSON log line per request. */
const handleRequestLog: Handle = async ({ event, resolve }) => {
	const rt = await runtime();
	const header = event.request.headers.get('x-request-id');
	const requestId = header && /^[\w.-]{1,64}$/.test(header) ? header : randomUUID();
	event.locals.requestId = requestId;
	event.locals.log = rt.log.child({ requestId });
	event.locals.demo = rt.demo;
	const started = performance.now();
	const response = await resolve(event);
	response.headers.set('x-request-id', requestId);
	event.locals.log.info(
		{
			method: event.request.method,
			path: loggablePath(event.url.pathname, event.params),
			status: response.status,
			ms: Math.round(performance.now() - started)
		},
		'request'
	);
	return response;
};

// The page's language from its address (src/lib/i18n/routing.ts); the browser uses the same rule.
defineCustomServerStrategy('custom-route', {
	getLocale: (request) =>
		request
			? routeLocale({
					pathname: new URL(request.url).pathname,
					cookie: cookieFrom(request.headers.get('cookie'), cookieName),
					accept: request.headers.get('accept-language')
				})
			: undefined
});

/**
 * UI language from the address (a public page's prefix `/ar/…`, German unprefixed; the signed-in
 * area by the cookie); sets <html lang dir>. A page in a prefixed language keeps it: its public
 * links, form targets and redirects are rewritten to the same prefix, and it is served without
 * the client start-up script (see withoutClientScript).
 */
const handleLocale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, async ({ request, locale }) => {
		event.request = request;
		const prefixed = splitLocalePrefix(event.url.pathname).locale !== null;
		const response = await resolve(event, {
			transformPageChunk: ({ html }) => {
				const page = html
					.replace('%paraglide.lang%', locale)
					.replace('%paraglide.dir%', textDirection(locale));
				return prefixed ? withoutClientScript(localizeLinks(page, locale as Locale)) : page;
			}
		});
		// An unprefixed page suggests the visitor's language (Accept-Language, the cookie) in a
		// notice, so caches must keep one copy per language; a prefixed page depends on its address.
		if (!prefixed && response.headers.get('content-type')?.startsWith('text/html')) {
			response.headers.append('vary', 'Accept-Language, Cookie');
		}
		const location = response.headers.get('location');
		if (prefixed && location) {
			response.headers.set('location', localizeLocation(location, locale as Locale));
		}
		return response;
	});

/** Resolves the session once; pages and use cases authorise again themselves. */
const handleSession: Handle = async ({ event, resolve }) => {
	const rt = await runtime();
	const token = event.cookies.get(SESSION_COOKIE) ?? null;
	let actor = null;
	if (token) {
		const session = await validateSession(rt.database.db, token);
		if (session) {
			actor = session.actor;
			if (session.renewed) {
				event.cookies.set(
					SESSION_COOKIE,
					token,
					sessionCookieOptions(event.url, session.expiresAt)
				);
			}
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	event.locals.actor = actor;
	event.locals.sessionToken = actor ? token : null;
	let ip: string | undefined;
	try {
		ip = event.getClientAddress();
	} catch {
		ip = undefined;
	}
	event.locals.ctx = {
		db: rt.database.db,
		actor,
		requestId: event.locals.requestId,
		ip,
		locale: getLocale(),
		// Links in mails: ORIGIN, else http://localhost:PORT, never the Host header of a request
		// (without ORIGIN a forged Host would otherwise send password-reset links elsewhere).
		origin: rt.origin
	};
	return resolve(event);
};

/**
 * Resolves the route's `[tenant]` once into `locals.tenant` and `locals.ctx.tenant`: a public
 * tenant on public routes, one the actor may view on signed-in routes (anonymous visitors are
 * sent to sign-in first). An unknown or hidden tenant stays null; the routes answer it with 404
 * (tenantCtx in http.ts) so the page keeps the site's layout.
 */
const handleTenant: Handle = async ({ event, resolve }) => {
	const area = tenantArea(event.route.id);
	const slug = event.params.tenant;
	event.locals.tenant = null;
	if (area && slug !== undefined) {
		if (area === 'app') requireActor(event);
		const tenant = await resolveRequestTenant(event.locals.ctx.db, area, slug, event.locals.actor);
		event.locals.tenant = tenant;
		event.locals.ctx.tenant = tenant;
	}
	return resolve(event);
};

/**
 * Security headers (security-headers.js); pages get their Content-Security-Policy from kit.csp
 * (vite.config.ts), HTML built by hand (reports, concept export) the strict document policy.
 */
const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	applySecurityHeaders(h);
	if (event.url.protocol === 'https:')
		h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	if (event.locals.actor && !h.has('Cache-Control')) h.set('Cache-Control', 'private, no-store');
	return response;
};

/**
 * Sharing and search tags (canonical address, description, Open Graph) on every page outside the
 * signed-in area, derived from the page's own title and description (share-meta.ts).
 */
const handleShareMeta: Handle = ({ event, resolve }) => {
	if (event.route.id?.startsWith('/(app)')) return resolve(event);
	return resolve(event, {
		transformPageChunk: ({ html }) => {
			const tenant = event.locals.tenant;
			return withShareMeta(html, {
				url: `${event.locals.ctx.origin}${event.url.pathname}`,
				locale: event.locals.ctx.locale,
				siteName: m.site_name(),
				fallbackDescription: tenant
					? m.share_tenant_description({ tenant: tenant.name })
					: m.share_site_description()
			});
		}
	});
};

// The public cache sits outside the language, session and tenant hooks: a hit needs none of them
// (an anonymous request has no session to resolve) and is the answer they made (cache/handle.ts).
export const handle = sequence(
	handleRequestLog,
	handleSecurityHeaders,
	handlePublicCache,
	handleLocale,
	handleSession,
	handleTenant,
	handleShareMeta
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const requestId = event.locals.requestId;
	if (status >= 500) {
		(event.locals.log ?? console).error(
			{ err: error, path: loggablePath(event.url.pathname, event.params) },
			'unhandled error'
		);
	}
	// 400 from SvelteKit itself: an undecodable address, or one with control characters (hooks.ts)
	return { message: status === 400 ? m.sec_bad_request() : message, requestId };
};
