// eslint-disable-next-line @typescript-eslint/ban-ts-comment -- a service worker script, see below
// @ts-nocheck -- a service worker script (served as it is by src/routes/sw.js/+server.ts), not a
// module of the app: it runs in the ServiceWorkerGlobalScope, which the app's types do not know.
/**
 * Offline use of a network's public pages (issue 13, item 6).
 *
 * - Pages (HTML, GET): network first; a successful, cacheable answer is saved; without a
 *   connection the saved copy is shown with its offline note made visible (the note, in the
 *   page's language and with the time the page was made, is rendered hidden by the site layout).
 *   A page that was never saved: the network's offline page in the visitor's language.
 * - Forms sent without a connection (POST): the offline page, which says that sending needs a
 *   connection. POST answers are never saved.
 * - Never saved: the signed-in area and sign-in pages, answers marked no-store (every page a
 *   signed-in person sees), anything from elsewhere.
 * - Built files (/_app/immutable/, named by their content) and the icons: cache first.
 * - On a page's request ({type:'save', base:'/ar/landshut'}) the start page, the finder, the
 *   offers it lists, the message page and the offline page of that network and language are
 *   saved (again at most once an hour).
 */
const PAGES = 'miteinander-pages-v1';
const ASSETS = 'miteinander-assets-v1';
const SAVE_INTERVAL_MS = 60 * 60 * 1000;
const MAX_OFFERS = 60;
const LOCALES = ['en', 'ar', 'uk', 'tr', 'ru', 'fa'];
const PRIVATE =
	/^\/(app|admin|konto|anmelden|abmelden|einladung|passwort-vergessen|passwort-zuruecksetzen|antwort|kalender|sprache|oparl|healthz|sw\.js)(\/|$)/;
/** a network's address in a language: /landshut, /ar/landshut */
const BASE = new RegExp(`^(?:/(?:${LOCALES.join('|')}))?/[a-z0-9-]{1,63}$`);

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of await caches.keys())
				if (name.startsWith('miteinander-') && name !== PAGES && name !== ASSETS)
					await caches.delete(name);
			await self.clients.claim();
		})()
	);
});

/** The network's address (with language) a path belongs to: /ar/landshut/angebote → /ar/landshut. */
function baseOf(pathname) {
	const parts = pathname.split('/').filter(Boolean);
	if (parts.length === 0) return null;
	const prefixed = LOCALES.includes(parts[0]);
	const slug = prefixed ? parts[1] : parts[0];
	if (!slug) return null;
	const base = prefixed ? `/${parts[0]}/${slug}` : `/${slug}`;
	return BASE.test(base) ? base : null;
}

function cacheable(response) {
	return (
		response.ok &&
		response.type === 'basic' &&
		!response.redirected &&
		/^text\/html\b/.test(response.headers.get('content-type') || '') &&
		!/no-store|private/.test(response.headers.get('cache-control') || '')
	);
}

/** The saved copy of a page with its offline note shown. */
async function withOfflineNote(response) {
	const html = await response.text();
	const shown = html.replace(/(<[^>]*\bdata-offline-note\b[^>]*?)\s+hidden(?:="")?/, '$1');
	return new Response(shown, {
		status: 200,
		statusText: 'OK',
		headers: response.headers
	});
}

async function offlinePage(pathname) {
	const base = baseOf(pathname);
	const saved = base && (await caches.match(`${base}/offline`));
	if (saved) return saved;
	return new Response('Offline', {
		status: 503,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
}

async function page(request) {
	const url = new URL(request.url);
	try {
		const response = await fetch(request);
		if (cacheable(response)) {
			const cache = await caches.open(PAGES);
			await cache.put(request, response.clone());
		}
		return response;
	} catch {
		const cache = await caches.open(PAGES);
		// the page itself; a search or filter that was never saved: the finder without it
		const saved =
			(await cache.match(request)) ||
			(url.search ? await cache.match(url.origin + url.pathname) : undefined);
		if (saved) return withOfflineNote(saved);
		return offlinePage(url.pathname);
	}
}

async function asset(request) {
	const cache = await caches.open(ASSETS);
	const saved = await cache.match(request);
	if (saved) return saved;
	const response = await fetch(request);
	if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
	return response;
}

self.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin || PRIVATE.test(url.pathname)) return;
	if (request.method !== 'GET') {
		// a form sent without a connection: say so in the visitor's language (never saved)
		if (request.mode === 'navigate')
			event.respondWith(fetch(request).catch(() => offlinePage(url.pathname)));
		return;
	}
	if (url.pathname.startsWith('/_app/immutable/') || /^\/(favicon|icon-)/.test(url.pathname)) {
		event.respondWith(asset(request));
		return;
	}
	const accept = request.headers.get('accept') || '';
	if (request.mode === 'navigate' || accept.includes('text/html')) event.respondWith(page(request));
});

/** Fetches and saves one page; returns its HTML (null when it was not saved). */
async function savePage(cache, path) {
	try {
		const response = await fetch(path, { credentials: 'same-origin' });
		if (!cacheable(response)) return null;
		await cache.put(path, response.clone());
		return await response.text();
	} catch {
		return null;
	}
}

/** The built stylesheets and scripts a page links to, saved so the saved page looks the same. */
async function saveAssets(html) {
	const cache = await caches.open(ASSETS);
	const links = new Set();
	for (const match of html.matchAll(/(?:href|src)="(\/_app\/immutable\/[^"?#]+\.(?:css|js))"/g))
		links.add(match[1]);
	for (const link of links) {
		if (await cache.match(link)) continue;
		try {
			const response = await fetch(link);
			if (response.ok) await cache.put(link, response);
		} catch {
			// the page works without it
		}
	}
}

async function save(base) {
	const cache = await caches.open(PAGES);
	const marker = `${base}/offline?saved`;
	const last = await cache.match(marker);
	if (last && Date.now() - Number(await last.text()) < SAVE_INTERVAL_MS) return;
	const finder = await savePage(cache, `${base}/angebote`);
	const pages = [base, `${base}/anliegen`, `${base}/offline`];
	const htmls = [finder];
	for (const path of pages) htmls.push(await savePage(cache, path));
	const escaped = base.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
	const offers = new Set();
	for (const match of (finder || '').matchAll(
		new RegExp(`href="(${escaped}/angebote/[0-9a-f-]{36})"`, 'g')
	))
		if (offers.size < MAX_OFFERS) offers.add(match[1]);
	for (const path of offers) await savePage(cache, path);
	for (const html of htmls) if (html) await saveAssets(html);
	if (finder) await cache.put(marker, new Response(String(Date.now())));
}

self.addEventListener('message', (event) => {
	const data = event.data || {};
	if (data.type !== 'save' || typeof data.base !== 'string' || !BASE.test(data.base)) return;
	event.waitUntil(
		save(data.base).then(() => {
			if (event.source) event.source.postMessage({ type: 'saved', base: data.base });
		})
	);
});
