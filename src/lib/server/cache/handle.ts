/**
 * The server hook of the public cache (public-cache.ts): answers anonymous GET/HEAD requests of
 * public routes from the cache, stores cacheable answers, and invalidates after every change.
 *
 * Cached: GET (HEAD is answered from a stored GET) without any cookie but the language cookie and
 * without Authorization, of a public route (not the signed-in area, sign-in, personal links with
 * a token, /healthz, …), answered 200 with HTML, XML, JSON, calendar or Atom, without Set-Cookie
 * and without `Cache-Control: private/no-store`. Each answer says `x-cache: hit|miss|bypass`, or
 * `shared` when it waited for the same render as another request (concurrent misses of one key
 * render once).
 *
 * Key: the full address (origin, path, query; `__data.json` included) and what decides the
 * language of the answer: the language of the route (routeLocale) and the language an unprefixed
 * page suggests (suggestedLocale, from the language cookie and Accept-Language).
 */
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { cookieName } from '$lib/paraglide/runtime';
import { cookieFrom, routeLocale, splitLocalePrefix, suggestedLocale } from '$lib/i18n/routing';
import {
	etagMatches,
	invalidatePublicCache,
	publicCache,
	weakEtag,
	withFreshChallenges,
	freshBytes,
	byteTemplate,
	challengesIn,
	inlineScriptHashes,
	policyFor,
	type CachedAnswer
} from './public-cache';

const POLICY_HEADERS = ['content-security-policy', 'content-security-policy-report-only'];

/** First path segments never cached: signed-in area, sign-in and its links, interfaces. */
const NEVER = new Set([
	'app',
	'admin',
	'konto',
	'anmelden',
	'abmelden',
	'einladung',
	'passwort-vergessen',
	'passwort-zuruecksetzen',
	'sprache',
	'healthz',
	'antwort',
	'kalender',
	'_app'
]);

const CACHEABLE_TYPE =
	/^\s*(text\/html|application\/(json|xml|atom\+xml|rss\+xml|ld\+json|manifest\+json)|text\/xml|text\/calendar)\b/i;

const UNCHANGING_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Headers not kept with an entry: set per answer by the hooks around this one or by Node. */
const PER_ANSWER = new Set(['x-request-id', 'content-length', 'etag', 'date', 'x-cache']);

/** Only the language cookie may come with a cached request. */
function onlyLanguageCookie(header: string | null): boolean {
	if (!header) return true;
	return header
		.split(';')
		.map((part) => part.trim().split('=')[0])
		.every((name) => name === '' || name === cookieName);
}

/** Why a request is not answered from the cache, or null when it may be. */
export function requestBypass(event: RequestEvent): string | null {
	const method = event.request.method;
	if (method !== 'GET' && method !== 'HEAD') return 'method';
	if (event.isSubRequest) return 'subrequest';
	if (!onlyLanguageCookie(event.request.headers.get('cookie'))) return 'cookie';
	if (event.request.headers.has('authorization')) return 'authorization';
	const { path } = splitLocalePrefix(event.url.pathname);
	const first = path.slice(1).split('/', 1)[0];
	if (NEVER.has(first)) return 'route';
	// personal pages reached by a link with a token (a message's status, a contribution, …)
	if (!event.route.id || event.route.id.includes('[token]')) return 'route';
	return null;
}

/** The cache key of a request (see the module comment). */
export function cacheKey(event: RequestEvent): string {
	const url = new URL(event.request.url);
	const cookie = cookieFrom(event.request.headers.get('cookie'), cookieName);
	const accept = event.request.headers.get('accept-language');
	return [
		`${url.origin}${url.pathname}${url.search}`,
		routeLocale({ pathname: event.url.pathname, cookie, accept }),
		suggestedLocale(cookie, accept) ?? ''
	].join('\n');
}

/** Whether an answer may be stored; the reason when not. */
export function answerBypass(response: Response): string | null {
	if (response.status !== 200) return 'status';
	const h = response.headers;
	if (h.has('set-cookie')) return 'set-cookie';
	if (/\b(private|no-store)\b/i.test(h.get('cache-control') ?? '')) return 'cache-control';
	if (!CACHEABLE_TYPE.test(h.get('content-type') ?? '')) return 'type';
	return null;
}

function answer(
	request: Request,
	cached: CachedAnswer,
	state: 'hit' | 'miss',
	body: string | Buffer
): Response {
	const headers = new Headers(cached.headers);
	headers.set('x-cache', state);
	if (cached.etag) {
		headers.set('etag', cached.etag);
		if (etagMatches(request.headers.get('if-none-match'), cached.etag)) {
			return new Response(null, { status: 304, headers });
		}
	}
	// bytes, not the string: a string body is checked character by character for lone surrogates
	// (undici's toUSVString), which cost a quarter of a hit on a 75 KB page
	const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
	return new Response(request.method === 'HEAD' ? null : (bytes as unknown as BodyInit), {
		status: cached.status,
		headers
	});
}

/** A hit with fresh challenges (and the policy for its scripts); null when that cannot be made. */
function hitAnswer(request: Request, hit: CachedAnswer): Response | null {
	if (hit.challenges.length === 0)
		return answer(request, hit, 'hit', hit.template?.bytes ?? hit.body);
	// no inline script whose hash the policy names: fresh challenges written into a copy of the bytes
	if (!hit.scriptHashes && hit.template) {
		const bytes = freshBytes(hit.template);
		if (bytes) return answer(request, hit, 'hit', bytes);
	}
	const body = withFreshChallenges(hit);
	let headers = hit.headers;
	if (hit.scriptHashes) {
		headers = [];
		for (const [name, value] of hit.headers) {
			const policy = POLICY_HEADERS.includes(name)
				? policyFor(value, hit.scriptHashes, body)
				: value;
			if (policy === null) return null;
			headers.push([name, policy]);
		}
	}
	return answer(request, { ...hit, headers }, 'hit', body);
}

export const handlePublicCache: Handle = async ({ event, resolve }) => {
	const cache = publicCache();
	const method = event.request.method;
	if (!cache.enabled) {
		const response = await resolve(event);
		if (!UNCHANGING_METHODS.has(method) && response.status < 400) await invalidatePublicCache();
		return response;
	}
	const bypass = requestBypass(event);
	if (bypass) {
		const response = await resolve(event);
		// a change (form action, API call) through any route: what the public sees may differ now
		if (!UNCHANGING_METHODS.has(method) && response.status < 400) await invalidatePublicCache();
		response.headers.set('x-cache', 'bypass');
		return response;
	}
	const key = cacheKey(event);
	const hit = cache.get(key);
	if (hit) {
		const fresh = hitAnswer(event.request, hit);
		if (fresh) return fresh;
	}

	// Many visitors asking for the same page while it renders (an entry just expired, a popular
	// page after a change) wait for that one render instead of each rendering it again.
	const generation = cache.generation;
	const flightKey = `${generation}\n${key}`;
	const pending = rendering.get(flightKey);
	if (pending) {
		const shared = await pending;
		const fresh = shared && hitAnswer(event.request, shared);
		if (fresh) {
			fresh.headers.set('x-cache', 'shared');
			return fresh;
		}
	}
	let settle: (answer: CachedAnswer | null) => void = () => {};
	if (!pending && method === 'GET') {
		rendering.set(flightKey, new Promise((done) => (settle = done)));
	}
	try {
		const stored = await renderAndStore(event, resolve, key, generation);
		settle(stored.cached);
		return stored.response;
	} catch (error) {
		settle(null);
		throw error;
	} finally {
		if (!pending) rendering.delete(flightKey);
	}
};

/**
 * Hashes to keep with an entry; none when the page has no inline script (a page rendered without
 * JavaScript): its policy cannot change, and a hit need not scan the body for scripts.
 */
const nonEmpty = (hashes: string[]) => (hashes.length > 0 ? hashes : undefined);

/** Renders of cacheable requests under way, by generation and key (see handlePublicCache). */
const rendering = new Map<string, Promise<CachedAnswer | null>>();

async function renderAndStore(
	event: RequestEvent,
	resolve: Parameters<Handle>[0]['resolve'],
	key: string,
	generation: number
): Promise<{ response: Response; cached: CachedAnswer | null }> {
	const cache = publicCache();
	const method = event.request.method;
	const response = await resolve(event);
	if (method !== 'GET' || answerBypass(response)) {
		response.headers.set('x-cache', 'bypass');
		return { response, cached: null };
	}
	const body = await response.text();
	const challenges = challengesIn(body);
	const headers: [string, string][] = [];
	response.headers.forEach((value, name) => {
		if (!PER_ANSWER.has(name)) headers.push([name, value]);
	});
	const cached: CachedAnswer = {
		status: response.status,
		headers,
		body,
		challenges,
		// a body with challenges differs on every hit: a browser's copy must not be confirmed
		// (its challenge may already be used)
		etag: challenges.length === 0 ? weakEtag(body) : null,
		// in hash mode the policy names the start-up script's hash, which changes with its challenge
		scriptHashes:
			challenges.length > 0 && headers.some(([name]) => POLICY_HEADERS.includes(name))
				? nonEmpty(inlineScriptHashes(body))
				: undefined
	};
	// encoded once: the bytes answer this miss, requests that waited for it, and later hits
	cached.template = byteTemplate(cached);
	cache.set(key, cached, generation);
	return { response: answer(event.request, cached, 'miss', cached.template.bytes), cached };
}
