/**
 * Derived values kept until the next change (issue 15): a figure that is costly to compute and
 * changes only when data changes (e.g. the translation gaps on a coordinator's start page) is
 * computed once per generation of the public cache (public-cache.ts) and reused until any change
 * through the app bumps that generation (in every process, by NOTIFY on PostgreSQL) or until
 * `PUBLIC_CACHE_SECONDS` have passed (changes made outside the app). Concurrent callers share
 * one computation. With the public cache switched off nothing is kept.
 *
 * Keys must name everything the value depends on (tenant, the actor's scope); values are kept
 * per process, at most MAX_ENTRIES of them (oldest out first).
 */
import { publicCache, type PublicCache } from './public-cache';

const MAX_ENTRIES = 2000;

interface Kept {
	cache: PublicCache;
	generation: number;
	storedAt: number;
	value: Promise<unknown>;
}

const kept = new Map<string, Kept>();

/**
 * `keep` decides whether a computed value is kept (e.g. not the "not found" of an address anyone
 * can make up, which would otherwise push out the values worth keeping).
 */
export async function untilChange<T>(
	key: string,
	compute: () => Promise<T>,
	keep: (value: T) => boolean = () => true
): Promise<T> {
	const cache = publicCache();
	if (!cache.enabled) return compute();
	const now = Date.now();
	const found = kept.get(key);
	if (
		found &&
		found.cache === cache &&
		found.generation === cache.generation &&
		now - found.storedAt < cache.ttlMs
	)
		return found.value as Promise<T>;
	const value = compute();
	const entry: Kept = { cache, generation: cache.generation, storedAt: now, value };
	kept.delete(key);
	kept.set(key, entry);
	if (kept.size > MAX_ENTRIES) kept.delete(kept.keys().next().value as string);
	// a failed computation is not kept, nor a value `keep` refuses
	value.then(
		(v) => {
			if (!keep(v) && kept.get(key) === entry) kept.delete(key);
		},
		() => {
			if (kept.get(key) === entry) kept.delete(key);
		}
	);
	return value;
}

/** Drops what is kept under `key` (the caller changed what it depends on itself). */
export function forgetKept(key: string): void {
	kept.delete(key);
}
