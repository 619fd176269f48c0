/**
 * An in-process cache of whole anonymous public answers (issue 15): a page, an OParl list or a
 * calendar feed that a visitor without session asks for again within `PUBLIC_CACHE_SECONDS` is
 * answered from memory instead of being rendered again.
 *
 * - Bounded by bytes (`PUBLIC_CACHE_MB`, least recently used out first) and by age.
 * - Invalidation by generation: every change (a successful non-GET request, a background job
 *   that changed public data) bumps a number; entries stored under an older one are misses. An
 *   entry keeps the generation from *before* its render began, so a render that overlapped a
 *   change is never served afterwards. Across processes and instances on PostgreSQL the bump is
 *   sent with NOTIFY and every process LISTENs (see connectPublicCache).
 * - Spam challenges: public pages carry signed single-use challenges (inquiries/spam.ts). An
 *   entry remembers the challenges in its body and every hit gets fresh ones of the same
 *   difficulty, so no two visitors are handed the same challenge.
 */
import { createHash, randomBytes } from 'node:crypto';
import { issueChallenge, parseChallenge } from '../inquiries/spam';

export interface CachedAnswer {
	status: number;
	headers: [string, string][];
	body: string;
	/** challenges in the body with their difficulty; each replaced on every hit */
	challenges: { value: string; difficulty: number }[];
	/** weak ETag of the body; null when the body changes per hit (it carries challenges) */
	etag: string | null;
	/** CSP hashes of the inline scripts of a page with challenges (see policyFor) */
	scriptHashes?: string[];
	/** the body as bytes with its challenges' offsets (byteTemplate), made when stored */
	template?: ByteTemplate;
}

interface Entry extends CachedAnswer {
	key: string;
	generation: number;
	storedAt: number;
	bytes: number;
}

export interface PublicCacheOptions {
	/** 0 disables the cache */
	maxBytes: number;
	ttlMs: number;
	now?: () => number;
}

/** A signed challenge as issueChallenge writes it: nonce.issued-ms.difficulty.signature */
const CHALLENGE =
	/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{16}\.\d{1,16}\.\d{1,2}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

/** The challenges of ours in a body (their signature checked), each once. */
export function challengesIn(body: string): { value: string; difficulty: number }[] {
	const found = new Map<string, number>();
	for (const match of body.matchAll(CHALLENGE)) {
		const parsed = parseChallenge(match[0]);
		if (parsed) found.set(match[0], parsed.difficulty);
	}
	return [...found].map(([value, difficulty]) => ({ value, difficulty }));
}

/** The body with each challenge replaced by a freshly issued one of the same difficulty. */
export function withFreshChallenges(
	answer: Pick<CachedAnswer, 'body' | 'challenges'>,
	issue: (difficulty: number) => string = (difficulty) => issueChallenge(new Date(), difficulty)
): string {
	let body = answer.body;
	for (const { value, difficulty } of answer.challenges)
		body = body.replaceAll(value, issue(difficulty));
	return body;
}

/**
 * The body as bytes with the byte offsets of each challenge, made once per entry: a hit copies
 * the bytes and writes fresh challenges over the old ones (a challenge's length does not change),
 * instead of encoding a 75 KB string on every hit, which cost most of a hit.
 */
export interface ByteTemplate {
	bytes: Buffer;
	slots: { value: string; difficulty: number; offsets: number[] }[];
}

export function byteTemplate(answer: Pick<CachedAnswer, 'body' | 'challenges'>): ByteTemplate {
	const bytes = Buffer.from(answer.body, 'utf8');
	const slots = answer.challenges.map(({ value, difficulty }) => {
		const offsets: number[] = [];
		for (let at = bytes.indexOf(value); at >= 0; at = bytes.indexOf(value, at + value.length))
			offsets.push(at);
		return { value, difficulty, offsets };
	});
	return { bytes, slots };
}

/**
 * The template's bytes with each challenge replaced by a freshly issued one (as
 * withFreshChallenges does for the string); null when a fresh challenge differs in length.
 */
export function freshBytes(
	template: ByteTemplate,
	issue: (difficulty: number) => string = (difficulty) => issueChallenge(new Date(), difficulty)
): Buffer | null {
	const out = Buffer.allocUnsafe(template.bytes.length);
	template.bytes.copy(out);
	for (const { value, difficulty, offsets } of template.slots) {
		const fresh = issue(difficulty);
		if (fresh.length !== value.length || Buffer.byteLength(fresh) !== fresh.length) return null;
		for (const at of offsets) out.write(fresh, at, 'latin1');
	}
	return out;
}

/** Inline scripts (no src) of an HTML page: their text as the browser hashes it for the CSP. */
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** The CSP hashes (`sha256-…`, base64) of a page's inline scripts, in document order. */
export function inlineScriptHashes(html: string): string[] {
	return [...html.matchAll(INLINE_SCRIPT)].map(
		(m) => `sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}`
	);
}

/**
 * A page's Content-Security-Policy for a body whose inline scripts changed (hash mode: the
 * start-up script carries the page data, and with it the challenges): each hash of the stored
 * body's scripts is replaced by the hash of the same script in `body`. Null when the scripts no
 * longer correspond one to one (the answer must then not be served).
 */
export function policyFor(policy: string, storedHashes: string[], body: string): string | null {
	const fresh = inlineScriptHashes(body);
	if (fresh.length !== storedHashes.length) return null;
	let result = policy;
	storedHashes.forEach((old, i) => {
		if (old !== fresh[i]) result = result.replaceAll(`'${old}'`, `'${fresh[i]}'`);
	});
	return result;
}

export function weakEtag(body: string): string {
	return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Whether an If-None-Match header names this (weak) ETag; weak comparison as RFC 9110 asks. */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	if (ifNoneMatch.trim() === '*') return true;
	const opaque = etag.replace(/^W\//, '');
	return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}

export class PublicCache {
	readonly maxBytes: number;
	readonly ttlMs: number;
	private readonly now: () => number;
	private readonly entries = new Map<string, Entry>();
	private bytes = 0;
	private gen = 0;

	constructor(options: PublicCacheOptions) {
		this.maxBytes = Math.max(0, options.maxBytes);
		this.ttlMs = options.ttlMs;
		this.now = options.now ?? Date.now;
	}

	get enabled(): boolean {
		return this.maxBytes > 0 && this.ttlMs > 0;
	}

	/** The current generation: take it before a render and give it to `set`. */
	get generation(): number {
		return this.gen;
	}

	/** Every entry stored so far becomes a miss (and is dropped). */
	bump(): void {
		this.gen++;
		this.entries.clear();
		this.bytes = 0;
	}

	get size(): { entries: number; bytes: number } {
		return { entries: this.entries.size, bytes: this.bytes };
	}

	/** A fresh entry of the current generation, or null. */
	get(key: string): CachedAnswer | null {
		const entry = this.entries.get(key);
		if (!entry) return null;
		if (entry.generation !== this.gen || this.now() - entry.storedAt >= this.ttlMs) {
			this.remove(entry);
			return null;
		}
		// most recently used last
		this.entries.delete(key);
		this.entries.set(key, entry);
		return entry;
	}

	/** Stores an answer rendered under `generation`; one from an older generation is dropped. */
	set(key: string, answer: CachedAnswer, generation: number): boolean {
		if (!this.enabled || generation !== this.gen) return false;
		// the body is kept twice: as text and as bytes (byteTemplate)
		const bytes =
			2 * Buffer.byteLength(answer.body) +
			key.length +
			answer.headers.reduce((n, [k, v]) => n + k.length + v.length, 0) +
			200;
		if (bytes > this.maxBytes / 4) return false;
		const old = this.entries.get(key);
		if (old) this.remove(old);
		const entry: Entry = {
			...answer,
			template: answer.template ?? byteTemplate(answer),
			key,
			generation,
			storedAt: this.now(),
			bytes
		};
		this.entries.set(key, entry);
		this.bytes += bytes;
		for (const oldest of this.entries.values()) {
			if (this.bytes <= this.maxBytes) break;
			this.remove(oldest);
		}
		return true;
	}

	private remove(entry: Entry): void {
		if (this.entries.get(entry.key) !== entry) return;
		this.entries.delete(entry.key);
		this.bytes -= entry.bytes;
	}
}

// ---------------------------------------------------------------------------------------------
// the process's cache and its invalidation across processes

/** The PostgreSQL channel that carries generation bumps between processes and instances. */
export const CACHE_CHANNEL = 'miteinander_cache';

/** Sends a bump to the other processes (NOTIFY); set by connectPublicCache on PostgreSQL. */
type Notifier = (payload: string) => Promise<unknown>;

const holder = globalThis as unknown as {
	__miteinanderPublicCache?: { cache: PublicCache; notify: Notifier | null; id: string };
};

function state() {
	holder.__miteinanderPublicCache ??= {
		cache: new PublicCache({ maxBytes: 0, ttlMs: 0 }),
		notify: null,
		id: randomBytes(8).toString('hex')
	};
	return holder.__miteinanderPublicCache;
}

/** The cache of this process (disabled until configurePublicCache). */
export function publicCache(): PublicCache {
	return state().cache;
}

/** Sets the size and age limits (runtime start; tests). Drops what was cached. */
export function configurePublicCache(options: PublicCacheOptions): PublicCache {
	const s = state();
	s.cache = new PublicCache(options);
	return s.cache;
}

/**
 * Public data may have changed: this process's cache starts over and, on PostgreSQL, every other
 * process's too (NOTIFY). Never throws; a failed NOTIFY only leaves the others to their TTL.
 */
export async function invalidatePublicCache(): Promise<void> {
	const s = state();
	s.cache.bump();
	if (s.notify) await s.notify(s.id).catch(() => {});
}

/** A database that can carry the bumps between processes (PostgreSQL: LISTEN/NOTIFY). */
export interface CacheChannel {
	listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
	notify(channel: string, payload: string): Promise<unknown>;
}

/**
 * Listens for bumps of other processes and sends this process's bumps to them. Returns the
 * function that stops listening.
 */
export async function connectPublicCache(channel: CacheChannel): Promise<() => Promise<void>> {
	const s = state();
	const unlisten = await channel.listen(CACHE_CHANNEL, (payload) => {
		if (payload !== s.id) s.cache.bump();
	});
	s.notify = (payload) => channel.notify(CACHE_CHANNEL, payload);
	return async () => {
		s.notify = null;
		await unlisten();
	};
}
