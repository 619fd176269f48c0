import { describe, expect, it } from 'vitest';
import { issueChallenge, parseChallenge } from '../inquiries/spam';
import {
	challengesIn,
	etagMatches,
	inlineScriptHashes,
	policyFor,
	PublicCache,
	weakEtag,
	withFreshChallenges,
	byteTemplate,
	freshBytes,
	type CachedAnswer
} from './public-cache';

function answerOf(body: string): CachedAnswer {
	return {
		status: 200,
		headers: [['content-type', 'text/html']],
		body,
		challenges: challengesIn(body),
		etag: null
	};
}

describe('PublicCache', () => {
	it('serves an entry until its TTL has passed', () => {
		let now = 1_000;
		const cache = new PublicCache({ maxBytes: 100_000, ttlMs: 30_000, now: () => now });
		expect(cache.set('/a', answerOf('A'), cache.generation)).toBe(true);
		now += 29_999;
		expect(cache.get('/a')?.body).toBe('A');
		now += 1;
		expect(cache.get('/a')).toBeNull();
		expect(cache.size.entries).toBe(0);
	});

	it('keeps to its byte bound, dropping the least recently used entry first', () => {
		const cache = new PublicCache({ maxBytes: 4_000, ttlMs: 60_000 });
		const body = 'x'.repeat(350);
		for (const key of ['/1', '/2', '/3', '/4']) cache.set(key, answerOf(body), cache.generation);
		expect(cache.size.bytes).toBeLessThanOrEqual(4_000);
		expect(cache.get('/1')).not.toBeNull(); // /1 is now the most recently used
		cache.set('/5', answerOf(body), cache.generation);
		cache.set('/6', answerOf(body), cache.generation);
		expect(cache.size.bytes).toBeLessThanOrEqual(4_000);
		expect(cache.get('/2')).toBeNull();
		expect(cache.get('/1')).not.toBeNull();
		expect(cache.get('/6')).not.toBeNull();
	});

	it('does not store an answer larger than a quarter of the bound', () => {
		const cache = new PublicCache({ maxBytes: 4_000, ttlMs: 60_000 });
		expect(cache.set('/big', answerOf('x'.repeat(1_200)), cache.generation)).toBe(false);
		expect(cache.get('/big')).toBeNull();
	});

	it('makes every entry a miss after a bump, and refuses one rendered before it', () => {
		const cache = new PublicCache({ maxBytes: 100_000, ttlMs: 60_000 });
		cache.set('/a', answerOf('A'), cache.generation);
		const before = cache.generation; // a render starts …
		cache.bump(); // … a change is committed meanwhile …
		expect(cache.get('/a')).toBeNull();
		expect(cache.set('/b', answerOf('old B'), before)).toBe(false); // … its answer is not kept
		expect(cache.get('/b')).toBeNull();
		expect(cache.set('/b', answerOf('B'), cache.generation)).toBe(true);
		expect(cache.get('/b')?.body).toBe('B');
	});

	it('is off with 0 bytes', () => {
		const cache = new PublicCache({ maxBytes: 0, ttlMs: 30_000 });
		expect(cache.enabled).toBe(false);
		expect(cache.set('/a', answerOf('A'), cache.generation)).toBe(false);
	});
});

describe('challenges in cached answers', () => {
	it('finds our signed challenges, not look-alikes, and replaces each on every hit', () => {
		const feedback = issueChallenge(new Date(), 14);
		const form = issueChallenge(new Date(), 8);
		const forged = `${feedback.slice(0, -3)}AAA`;
		const body = `<input name="challenge" value="${feedback}"><script>{"c":"${feedback}","d":"${form}"}</script><p>${forged}</p>`;
		const cached = answerOf(body);
		expect(cached.challenges).toEqual([
			{ value: feedback, difficulty: 14 },
			{ value: form, difficulty: 8 }
		]);
		const first = withFreshChallenges(cached);
		const second = withFreshChallenges(cached);
		for (const served of [first, second]) {
			expect(served).not.toContain(feedback);
			expect(served).not.toContain(form);
			expect(served).toContain(forged); // not ours: left alone
			const fresh = challengesIn(served);
			expect(fresh.map((c) => c.difficulty)).toEqual([14, 8]);
			expect(fresh.every((c) => parseChallenge(c.value) !== null)).toBe(true);
			// the feedback challenge appears twice (field and page data), replaced by the same one
			expect(served.split(fresh[0].value)).toHaveLength(3);
		}
		expect(challengesIn(first)[0].value).not.toBe(challengesIn(second)[0].value);
	});
});

describe('fresh challenges written into the stored bytes', () => {
	it('gives the same page as the text path with new challenges, also around non-Latin text', () => {
		const feedback = issueChallenge(new Date(), 14);
		const form = issueChallenge(new Date(), 8);
		const body = `<h1>Integrationskonzept – Übersicht · مرحبا</h1><input value="${feedback}"><p>«${form}»</p><i>${feedback}</i>`;
		const cached = answerOf(body);
		const template = byteTemplate(cached);
		expect(template.slots.map((s) => s.offsets.length)).toEqual([2, 1]);
		const served = [freshBytes(template), freshBytes(template)].map((b) => b!.toString('utf8'));
		for (const page of served) {
			expect(page).not.toContain(feedback);
			expect(page).not.toContain(form);
			const fresh = challengesIn(page);
			expect(fresh.map((c) => c.difficulty)).toEqual([14, 8]);
			expect(fresh.every((c) => parseChallenge(c.value) !== null)).toBe(true);
			// everything but the challenges is unchanged
			expect(page.replaceAll(fresh[0].value, 'F').replaceAll(fresh[1].value, 'G')).toBe(
				body.replaceAll(feedback, 'F').replaceAll(form, 'G')
			);
		}
		expect(served[0]).not.toBe(served[1]);
		// the stored bytes are not changed by a hit
		expect(template.bytes.toString('utf8')).toBe(body);
		// a challenge of another length cannot be written over the old one
		expect(freshBytes(template, () => 'short')).toBeNull();
	});
});

describe('the Content-Security-Policy of a hit', () => {
	it('names the hash of the start-up script with its fresh challenge', () => {
		const challenge = issueChallenge(new Date(), 14);
		const body = `<script type="application/json">{}</script><p>x</p><script>\n{ const data = {"challenge":"${challenge}"}; }\n</script><script src="/_app/x.js"></script>`;
		const stored = inlineScriptHashes(body);
		expect(stored).toHaveLength(2);
		const policy = `default-src 'self'; script-src 'self' '${stored[1]}'`;
		const fresh = withFreshChallenges({ body, challenges: challengesIn(body) });
		const renewed = policyFor(policy, stored, fresh);
		const [, script] = inlineScriptHashes(fresh);
		expect(script).not.toBe(stored[1]);
		expect(renewed).toBe(`default-src 'self'; script-src 'self' '${script}'`);
		// scripts that no longer correspond: no policy, the hit is not served
		expect(policyFor(policy, stored, '<p>no scripts</p>')).toBeNull();
	});
});

describe('ETag', () => {
	it('is weak, follows the body and matches If-None-Match lists and *', () => {
		const etag = weakEtag('<p>A</p>');
		expect(etag).toMatch(/^W\/"[\w-]+"$/);
		expect(weakEtag('<p>B</p>')).not.toBe(etag);
		expect(etagMatches(etag, etag)).toBe(true);
		expect(etagMatches(`"other", ${etag.slice(2)}`, etag)).toBe(true);
		expect(etagMatches('*', etag)).toBe(true);
		expect(etagMatches('"other"', etag)).toBe(false);
		expect(etagMatches(null, etag)).toBe(false);
	});
});
