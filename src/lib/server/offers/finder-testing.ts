/** Helpers of the finder tests: days relative to today, the finder as the page runs it, a city. */
import type { Db } from '../db/client';
import { buildOffer, buildOrganization, buildTenant } from '../factories';
import type { Tenant } from '../tenants/schema';
import { finderScope, type FinderScope } from './public';
import { withTenant } from '../context';
import { testCtx } from '../db/testing/test-db';
import { resolveRequestTenant } from '../tenants/resolve';
import { searchOffers } from './search';
import { parseFinderQuery, type FinderResult } from './finder-query';
import { addDays, berlinToday } from '../shared';

/** A day relative to today in Berlin, as YYYY-MM-DD. */
export function day(offset: number): string {
	return addDays(berlinToday(), offset);
}

export const titles = (r: FinderResult) => r.items.map((i) => i.title.text);

/** The finder's scope at `/{slug}/angebote` as a request sees it; null without a public tenant. */
export async function scopeAt(db: Db, slug: string): Promise<FinderScope | null> {
	const tenant = await resolveRequestTenant(db, 'public', slug, null);
	return tenant ? finderScope(withTenant(testCtx(db), tenant)) : null;
}

/** A municipality of `district`; further columns (isPublic …) as given. */
export function buildMunicipality(
	db: Db,
	district: Tenant,
	name: string,
	columns: Parameters<typeof buildTenant>[1] = {}
): Promise<Tenant> {
	return buildTenant(db, { kind: 'municipality', name, parentId: district.id, ...columns });
}

/** The finder helpers of a test file, on its database. */
export function finderHelpers(dbOf: () => Db) {
	async function scopeOf(tenant: Tenant): Promise<FinderScope> {
		const scope = await scopeAt(dbOf(), tenant.slug);
		if (!scope) throw new Error(`no public scope for ${tenant.slug}`);
		return scope;
	}

	/** Runs the finder like the page does: from a query string, in a language. */
	async function find(tenant: Tenant, qs = '', locale = 'de'): Promise<FinderResult> {
		return searchOffers(
			dbOf(),
			await scopeOf(tenant),
			parseFinderQuery(new URLSearchParams(qs)),
			locale
		);
	}

	/** A city with one organisation. */
	async function city() {
		const tenant = await buildTenant(dbOf());
		const org = await buildOrganization(dbOf(), tenant.id, { name: 'Sprachschule Isar' });
		const offer = (overrides: Parameters<typeof buildOffer>[3] = {}) =>
			buildOffer(dbOf(), tenant.id, org.id, overrides);
		return { tenant, org, offer };
	}

	return { scopeOf, find, city };
}

/** The organisation of the offer tests with a full address: the Zentrum der Familie in Freising. */
export function buildFamilyCentre(
	db: Db,
	tenant: Tenant,
	columns: Parameters<typeof buildOrganization>[2] = {}
) {
	return buildOrganization(db, tenant.id, {
		name: 'Zentrum der Familie',
		street: 'Domberg 1',
		postalCode: '85354',
		city: 'Freising',
		phone: '08161 123',
		email: 'info@zdf.example',
		...columns
	});
}
