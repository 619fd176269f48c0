/**
 * The public cache through its hook (cache/handle.ts), with answers rendered from the database
 * by the root layout's real load (which signs the footer's spam challenge) and the public offer
 * query, and a change through the real use case (updateOffer).
 */
import type { RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDb, testTenantCtx } from '../db/testing/test-db';
import { actorCtx } from '../db/testing/test-actors';
import { buildOffer, buildOrganization, buildTenant } from '../factories';
import { finderScope, getPublicOffer } from '../offers/public';
import { getOffer } from '../offers/get-offer';
import { updateOffer } from '../offers/save-offer';
import { offerFormValues } from '../offers/state';
import { offerInputFromForm } from '../offers/validation';
import { parseChallenge } from '../inquiries/spam';
import { withTenant } from '../context';
import { load as rootLayoutLoad } from '../../../routes/+layout.server';
import { handlePublicCache } from './handle';
import {
	CACHE_CHANNEL,
	configurePublicCache,
	connectPublicCache,
	publicCache
} from './public-cache';

const database = useTestDb();

type Tenant = Awaited<ReturnType<typeof buildTenant>>;

/** A request as the hook sees it; `cookie` e.g. a session. */
function eventFor(
	tenant: Tenant,
	path: string,
	{ method = 'GET', cookie }: { method?: string; cookie?: string } = {}
): RequestEvent {
	const url = new URL(`http://localhost:3000${path}`);
	const headers = new Headers({ accept: 'text/html' });
	if (cookie) headers.set('cookie', cookie);
	return {
		request: new Request(url, { method, headers }),
		url,
		params: { tenant: tenant.slug },
		route: { id: '/(public)/[tenant]/angebote/[id]' },
		isDataRequest: false,
		isSubRequest: false,
		cookies: { get: () => undefined },
		locals: {
			ctx: testTenantCtx(database.db, tenant, null),
			tenant: { ...tenant, accent: null, logo: null },
			actor: null,
			demo: false
		}
	} as unknown as RequestEvent;
}

/** Renders the offer page's data as the app would: root layout (with challenge) and the offer. */
async function render(event: RequestEvent, offerId: string): Promise<Response> {
	renders++;
	const ctx = event.locals.ctx as ReturnType<typeof testTenantCtx>;
	const layout = await (rootLayoutLoad as (e: unknown) => unknown)(event);
	const offer = await getPublicOffer(ctx.db, await finderScope(ctx), offerId, 'de');
	const html = `<!doctype html><pre>${JSON.stringify({ layout, offer })}</pre>`;
	return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}
let renders = 0;

function challengeOf(html: string): string {
	const match = /"challenge":"([^"]+)"/.exec(html);
	if (!match) throw new Error('no challenge in the page');
	return match[1];
}

describe('the public cache through its hook', () => {
	beforeAll(() => {
		configurePublicCache({ maxBytes: 4 * 1024 * 1024, ttlMs: 60_000 });
	});
	afterAll(() => {
		configurePublicCache({ maxBytes: 0, ttlMs: 0 });
	});

	it('serves a second request from the cache with a fresh challenge, and a change makes it a miss', async () => {
		const db = database.db;
		const tenant = await buildTenant(db);
		const org = await buildOrganization(db, tenant.id, { trusted: true });
		const offer = await buildOffer(db, tenant.id, org.id, {
			title: 'Sprachcafé am Montag',
			locationKind: 'mobile'
		});
		const coordinator = await actorCtx(db, tenant, 'coordinator');
		const path = `/${tenant.slug}/angebote/${offer.id}`;
		const get = (cookie?: string) =>
			handlePublicCache({
				event: eventFor(tenant, path, { cookie }),
				resolve: (e) => render(e, offer.id)
			});

		renders = 0;
		const first = await get();
		expect(first.headers.get('x-cache')).toBe('miss');
		const firstHtml = await first.text();
		expect(firstHtml).toContain('Sprachcafé am Montag');
		const second = await get();
		expect(second.headers.get('x-cache')).toBe('hit');
		const secondHtml = await second.text();
		expect(renders).toBe(1);
		const [a, b] = [challengeOf(firstHtml), challengeOf(secondHtml)];
		expect(b).not.toBe(a);
		expect(parseChallenge(b)?.difficulty).toBe(parseChallenge(a)?.difficulty);
		// the body differs per hit: no ETag a browser could revalidate its used challenge with
		expect(second.headers.get('etag')).toBeNull();

		// a signed-in visitor (session cookie) is never served from or stored in the cache
		const signedIn = await get('mt_session=abc');
		expect(signedIn.headers.get('x-cache')).toBe('bypass');
		expect(renders).toBe(2);

		// the coordinator changes the title through the use case, as a form post would
		const values = offerFormValues(
			(await getOffer(withTenant(coordinator, tenant), { offerId: offer.id })).state
		);
		const posted = await handlePublicCache({
			event: eventFor(tenant, `/app/${tenant.slug}/angebote/${offer.id}`, {
				method: 'POST',
				cookie: 'mt_session=abc'
			}),
			resolve: async () => {
				await updateOffer(withTenant(coordinator, tenant), {
					...offerInputFromForm({ ...values, text_de_title: 'Sprachcafé am Dienstag' }),
					offerId: offer.id
				});
				return new Response(null, { status: 303, headers: { location: path } });
			}
		});
		expect(posted.status).toBe(303);

		const after = await get();
		expect(after.headers.get('x-cache')).toBe('miss');
		const afterHtml = await after.text();
		expect(afterHtml).toContain('Sprachcafé am Dienstag');
		expect(afterHtml).not.toContain('Sprachcafé am Montag');
		expect((await get()).headers.get('x-cache')).toBe('hit');
	});

	it('renders once for many concurrent misses of one page; each waiter gets its own challenge', async () => {
		const db = database.db;
		const tenant = await buildTenant(db);
		const org = await buildOrganization(db, tenant.id, { trusted: true });
		const offer = await buildOffer(db, tenant.id, org.id, {
			title: 'Beratung für Geflüchtete',
			locationKind: 'mobile'
		});
		const path = `/${tenant.slug}/angebote/${offer.id}`;
		renders = 0;
		const answers = await Promise.all(
			Array.from({ length: 12 }, () =>
				handlePublicCache({
					event: eventFor(tenant, path),
					resolve: (e) => render(e, offer.id)
				})
			)
		);
		expect(renders).toBe(1);
		expect(answers.map((a) => a.headers.get('x-cache')).sort()).toEqual([
			'miss',
			...Array(11).fill('shared')
		]);
		const bodies = await Promise.all(answers.map((a) => a.text()));
		for (const body of bodies) expect(body).toContain('Beratung für Geflüchtete');
		// no two visitors are handed the same single-use challenge
		expect(new Set(bodies.map(challengeOf)).size).toBe(12);

		// an answer that may not be stored is rendered by each waiter itself
		renders = 0;
		const bypassPath = `/${tenant.slug}/privat`;
		const privateAnswers = await Promise.all(
			Array.from({ length: 3 }, () =>
				handlePublicCache({
					event: eventFor(tenant, bypassPath),
					resolve: async () => {
						renders++;
						await new Promise((r) => setTimeout(r, 20));
						return new Response('<p>x</p>', {
							headers: { 'content-type': 'text/html', 'cache-control': 'private' }
						});
					}
				})
			)
		);
		expect(renders).toBe(3);
		for (const a of privateAnswers) expect(a.headers.get('x-cache')).toBe('bypass');
	});

	it('a page without inline scripts keeps its policy on a hit and still gets a fresh challenge', async () => {
		const tenant = await buildTenant(database.db);
		const path = `/${tenant.slug}/konzept`;
		const policy = "default-src 'self'; script-src 'self'";
		const resolve = async (e: RequestEvent) => {
			const layout = (await (rootLayoutLoad as (e: unknown) => unknown)(e)) as {
				feedback: { challenge: string } | null;
			};
			const challenge = layout.feedback?.challenge ?? 'none';
			return new Response(
				`<!doctype html><script src="/_app/start.js"></script><p>"challenge":"${challenge}"</p>`,
				{ headers: { 'content-type': 'text/html', 'content-security-policy': policy } }
			);
		};
		const event = () => {
			const e = eventFor(tenant, path);
			(e.route as { id: string }).id = '/(public)/[tenant]/konzept';
			return e;
		};
		const first = await handlePublicCache({ event: event(), resolve });
		const second = await handlePublicCache({ event: event(), resolve });
		expect(second.headers.get('x-cache')).toBe('hit');
		expect(second.headers.get('content-security-policy')).toBe(policy);
		const [a, b] = [challengeOf(await first.text()), challengeOf(await second.text())];
		expect(parseChallenge(a)).not.toBeNull();
		expect(b).not.toBe(a);
	});

	it('does not store answers that set a cookie, are private or not 200', async () => {
		const tenant = await buildTenant(database.db);
		for (const [i, response] of [
			new Response('<p>x</p>', {
				headers: { 'content-type': 'text/html', 'set-cookie': 'a=b; Path=/' }
			}),
			new Response('<p>x</p>', {
				headers: { 'content-type': 'text/html', 'cache-control': 'private, no-store' }
			}),
			new Response('<p>x</p>', { status: 404, headers: { 'content-type': 'text/html' } }),
			new Response('x', { headers: { 'content-type': 'application/pdf' } })
		].entries()) {
			const path = `/${tenant.slug}/seite-${i}`;
			for (let n = 0; n < 2; n++) {
				const answer = await handlePublicCache({
					event: eventFor(tenant, path),
					resolve: async () => response.clone()
				});
				expect(answer.headers.get('x-cache')).toBe('bypass');
			}
		}
	});

	it('answers If-None-Match with 304 for a body without challenges', async () => {
		const tenant = await buildTenant(database.db);
		const path = `/${tenant.slug}/termine.ics`;
		const resolve = async () =>
			new Response('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', {
				headers: { 'content-type': 'text/calendar; charset=utf-8' }
			});
		const first = await handlePublicCache({ event: eventFor(tenant, path), resolve });
		const etag = first.headers.get('etag');
		expect(etag).toMatch(/^W\/"/);
		const event = eventFor(tenant, path);
		event.request.headers.set('if-none-match', etag!);
		const again = await handlePublicCache({ event, resolve });
		expect(again.status).toBe(304);
		expect(again.headers.get('x-cache')).toBe('hit');
	});

	it.runIf(process.env.TEST_DATABASE_URL)(
		'on PostgreSQL, a NOTIFY from another connection empties the cache, and a bump here notifies',
		async () => {
			const channel = database.channel;
			if (!channel) throw new Error('PostgreSQL test database without LISTEN/NOTIFY');
			const disconnect = await connectPublicCache(channel);
			const heard: string[] = [];
			const unlisten = await channel.listen(CACHE_CHANNEL, (payload) => heard.push(payload));
			try {
				const cache = publicCache();
				cache.set(
					'k',
					{ status: 200, headers: [], body: 'x', challenges: [], etag: null },
					cache.generation
				);
				const before = cache.generation;
				// another process (an app instance elsewhere) changed data
				await channel.notify(CACHE_CHANNEL, 'another-process');
				await expect.poll(() => cache.generation, { timeout: 5_000 }).toBeGreaterThan(before);
				expect(cache.get('k')).toBeNull();

				// a change here reaches the others
				const tenant = await buildTenant(database.db);
				await handlePublicCache({
					event: eventFor(tenant, `/${tenant.slug}/anliegen`, { method: 'POST' }),
					resolve: async () => new Response(null, { status: 303, headers: { location: '/' } })
				});
				await expect.poll(() => heard.length, { timeout: 5_000 }).toBeGreaterThan(1);
				expect(heard.some((p) => p !== 'another-process')).toBe(true);
			} finally {
				await unlisten();
				await disconnect();
			}
		}
	);
});
