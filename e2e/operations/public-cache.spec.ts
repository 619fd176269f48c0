// The server-side cache of anonymous public answers (issue 15; src/lib/server/cache): a second
// visit is a hit with a fresh spam challenge, a browser's copy of a challenge-free answer is
// confirmed with 304, and signed-in people always get their own rendering.
import { createHash } from 'node:crypto';
import { ACCOUNTS, expect, signedInPage, test } from '../fixtures';

const challengesOf = (html: string) =>
	[...html.matchAll(/name="challenge" value="([^"]+)"/g)].map((m) => m[1]);

test('a visitor’s second request is a hit with a fresh challenge; signed-in people bypass', async ({
	request,
	browser
}) => {
	// a query no other test asks for, so that the first request renders the page
	const path = `/landshut?cache=${Date.now().toString(36)}`;
	const first = await request.get(path);
	expect(first.status()).toBe(200);
	expect(first.headers()['x-cache']).toBe('miss');
	const second = await request.get(path);
	expect(second.headers()['x-cache']).toBe('hit');
	expect(second.headers()['x-frame-options']).toBe('DENY');
	// the footer's feedback form carries a challenge, never the same one twice
	const secondHtml = await second.text();
	const [a] = challengesOf(await first.text());
	const [b] = challengesOf(secondHtml);
	expect(a).toBeTruthy();
	expect(b).toBeTruthy();
	expect(b).not.toBe(a);
	// an answer that changes per visit gives the browser nothing to confirm
	expect(second.headers()['etag']).toBeUndefined();
	// the start-up script carries the fresh challenge; the policy names its new hash
	const script = /<script>([\s\S]*?)<\/script>/.exec(secondHtml)?.[1] ?? '';
	expect(script).toContain(b);
	const hash = createHash('sha256').update(script, 'utf8').digest('base64');
	expect(second.headers()['content-security-policy']).toContain(`'sha256-${hash}'`);

	// a language suggested by the browser is part of the key
	const english = await request.get(path, { headers: { 'accept-language': 'en' } });
	expect(english.headers()['x-cache']).toBe('miss');

	// signed in: rendered for the person, never from the cache
	const coordinator = await signedInPage(browser, ACCOUNTS.coordinatorLandshut);
	const own = await coordinator.goto(path);
	expect(own?.headers()['x-cache']).toBe('bypass');
	await coordinator.close();
});

test('a page served from the cache runs its scripts under its policy', async ({ page }) => {
	// the fixture fails the test on any Content-Security-Policy violation (a blocked script)
	const path = `/landshut?cache=${Date.now().toString(36)}`;
	const first = await page.goto(path);
	expect(first?.headers()['x-cache']).toBe('miss');
	const second = await page.goto(path);
	expect(second?.headers()['x-cache']).toBe('hit');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a feed without challenges is confirmed with 304 from the cache', async ({ request }) => {
	const path = `/oparl/v1.1/body?cache=${Date.now().toString(36)}`;
	const first = await request.get(path);
	expect(first.status()).toBe(200);
	const etag = first.headers()['etag'];
	expect(etag).toMatch(/^W\//);
	const again = await request.get(path, { headers: { 'if-none-match': etag } });
	expect(again.status()).toBe(304);
	expect(again.headers()['x-cache']).toBe('hit');
});
