import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { createTestDb } from '../db/testing/test-db';
import { seedDemo } from './seed';
import { scopeAt } from '../offers/finder-testing';
import { searchOffers } from '../offers/search';
import { parseFinderQuery } from '../offers/finder-query';
import { publicOfferContacts } from '../offers/contact';

let database: Database;

beforeAll(async () => {
	database = await createTestDb();
	await seedDemo(database.db);
});
afterAll(() => database.close());

/** Every offer the public finder of `slug` lists, page by page. */
async function publicOfferIds(slug: string): Promise<string[]> {
	const scope = await scopeAt(database.db, slug);
	if (!scope) throw new Error(`no public tenant ${slug}`);
	const ids: string[] = [];
	for (let page = 1; ; page++) {
		const result = await searchOffers(
			database.db,
			scope,
			parseFinderQuery(new URLSearchParams({ page: String(page) })),
			'de'
		);
		ids.push(...result.items.map((i) => i.id));
		if (page >= result.pageCount) return ids;
	}
}

describe('demo: contact on every offer', () => {
	it.each(['landshut', 'landkreis-freising', 'landkreis-gifhorn'])(
		'%s: every public offer has a way to get in touch',
		async (slug) => {
			const ids = await publicOfferIds(slug);
			expect(ids.length).toBeGreaterThan(5);
			const scope = await scopeAt(database.db, slug);
			const contacts = await publicOfferContacts(database.db, scope!, ids);
			for (const id of ids) {
				const c = contacts.get(id);
				expect(c, id).toBeDefined();
				// a phone, an e-mail or (coordination office) its message form
				expect(Boolean(c!.phone || c!.email || c!.tenantSlug), id).toBe(true);
				expect(c!.via, id).not.toBe('');
			}
		}
	);
});
