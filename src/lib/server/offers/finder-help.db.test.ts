import { describe, expect, it } from 'vitest';
import { useTestDb } from '../db/testing/test-db';
import { buildOffer, buildOrganization, buildTenant } from '../factories';
import { buildMunicipality, finderHelpers } from './finder-testing';
import { finderHelp } from './finder-help';

const database = useTestDb();
const { find, city, scopeOf } = finderHelpers(() => database.db);

describe('finderHelp: when nothing is found', () => {
	it('suggests a corrected query that finds offers, and nothing when offers were found', async () => {
		const { tenant, offer } = await city();
		await offer({ title: 'Schwimmkurs für Frauen' });
		await offer({ title: 'Fahrradwerkstatt für alle' });
		const empty = await find(tenant, 'q=Farradwerkstadt');
		expect(empty.total).toBe(0);
		const help = await finderHelp(database.db, await scopeOf(tenant), empty, 'de');
		expect(help.suggestion).toEqual({ q: 'fahrradwerkstatt', total: 1 });
		expect(help.withoutFilters).toBeNull();
		expect(help.district).toBeNull();

		const typo = await find(tenant, 'q=Shwimkurs');
		expect((await finderHelp(database.db, await scopeOf(tenant), typo, 'de')).suggestion).toEqual({
			q: 'schwimmkurs',
			total: 1
		});
		const none = await find(tenant, 'q=Xylophon');
		expect(
			(await finderHelp(database.db, await scopeOf(tenant), none, 'de')).suggestion
		).toBeNull();
		const found = await find(tenant, 'q=Fahrradwerkstatt');
		expect(await finderHelp(database.db, await scopeOf(tenant), found, 'de')).toEqual({
			suggestion: null,
			withoutFilters: null,
			district: null
		});
	});

	it('offers the same search without the filters that emptied it', async () => {
		const { tenant, offer } = await city();
		await offer({ title: 'Sprachkurs am Abend', costKind: 'paid' });
		const empty = await find(tenant, 'q=Sprachkurs&free=1');
		expect(empty.total).toBe(0);
		const help = await finderHelp(database.db, await scopeOf(tenant), empty, 'de');
		expect(help.withoutFilters).toEqual({ total: 1 });
		expect(help.suggestion).toBeNull();
	});

	it('offers the same search in the whole district for a municipality', async () => {
		const district = await buildTenant(database.db, { kind: 'district', name: 'Landkreis Hilfe' });
		const eching = await buildMunicipality(database.db, district, 'Eching');
		const neufahrn = await buildMunicipality(database.db, district, 'Neufahrn');
		const org = await buildOrganization(database.db, neufahrn.id);
		await buildOffer(database.db, neufahrn.id, org.id, { title: 'Hausaufgabenhilfe Neufahrn' });
		const empty = await find(eching, 'q=Nachhilfe');
		expect(empty.total).toBe(0);
		const help = await finderHelp(database.db, await scopeOf(eching), empty, 'de');
		expect(help.district).toEqual({ slug: district.slug, name: 'Landkreis Hilfe', total: 1 });
	});
});
