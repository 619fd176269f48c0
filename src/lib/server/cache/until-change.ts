/**
 * Derived values kept until the next change (issue 15, ADR 0008): a value that is costly to
 * compute and changes only when data changes (a session with its actor, a tenant's row, a
 * person's start page, the translation gaps) is computed once per generation of the public cache
 * (public-cache.ts) and reused until any change through the app bumps that generation (in every
 * process, by NOTIFY on PostgreSQL). Concurrent callers share one computation. With the public
 * cache switched off nothing is kept.
 *
 * After `PUBLIC_CACHE_SECONDS` without a change (the bound for changes made outside the app and
 * for time passing) the next caller starts a new computation and, like everybody until it is
 * done, still gets the kept value: nobody waits for a recomputation that no change asked for.
 * After a change nobody gets the old value.
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
	/** the value has been computed (not failed, and `keep` accepted it) */
	settled: boolean;
	/** a computation after the TTL is running */
	refreshing: boolean;
}

const kept = new Map<string, Kept>();

function insert(
	key: string,
	cache: PublicCache,
	generation: number,
	value: Promise<unknown>
): Kept {
	const entry: Kept = {
		cache,
		generation,
		storedAt: Date.now(),
		value,
		settled: false,
		refreshing: false
	};
	kept.delete(key);
	kept.set(key, entry);
	if (kept.size > MAX_ENTRIES) kept.delete(kept.keys().next().value as string);
	return entry;
}

/**
 * When `value` settles while `owner` is still the entry under `key`: a failure, or a value `keep`
 * refuses, drops the entry; an accepted value runs `accepted`.
 */
function whenSettled<T>(
	key: string,
	owner: Kept,
	value: Promise<T>,
	keep: (value: T) => boolean,
	accepted: () => void
): void {
	value.then(
		(v) => {
			if (kept.get(key) !== owner) return;
			if (keep(v)) accepted();
			else kept.delete(key);
		},
		() => {
			if (kept.get(key) === owner) kept.delete(key);
		}
	);
}

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
	const found = kept.get(key);
	if (found && found.cache === cache && found.generation === cache.generation) {
		if (Date.now() - found.storedAt < cache.ttlMs || !found.settled)
			return found.value as Promise<T>;
		if (!found.refreshing) {
			found.refreshing = true;
			const generation = cache.generation;
			const next = compute();
			whenSettled(key, found, next, keep, () => {
				// kept only if nothing changed meanwhile (else the next caller computes anew)
				if (publicCache() === cache && cache.generation === generation)
					insert(key, cache, generation, next).settled = true;
				else kept.delete(key);
			});
		}
		return found.value as Promise<T>;
	}
	const value = compute();
	const entry = insert(key, cache, cache.generation, value);
	whenSettled(key, entry, value, keep, () => {
		entry.settled = true;
	});
	return value;
}

/** Drops what is kept under `key` (the caller changed what it depends on itself). */
export function forgetKept(key: string): void {
	kept.delete(key);
}
