import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDb } from '../db/testing/test-db';
import { buildOffer, buildOrganization, buildTenant } from '../factories';
import { tenants } from '../tenants/schema';
import { organizations } from '../organizations/schema';
import { FINDER_PAGE_SIZE } from './finder-query';

import { buildMunicipality, day, finderHelpers, scopeAt, titles } from './finder-testing';

const database = useTestDb();

const { find, city } = finderHelpers(() => database.db);

describe('searchOffers: sorting and pagination', () => {
	it('sorts by title (German letters in place), newest, next date and relevance', async () => {
		const { tenant, offer } = await city();
		const now = Date.now();
		const hours = (h: number) => new Date(now + h * 3_600_000);
		await offer({ title: 'Beratung', publishedAt: hours(-30 * 24) });
		await offer({
			title: 'Ärztliche Sprechstunde',
			publishedAt: hours(-1),
			scheduleKind: 'once',
			startsAt: hours(24 * 20)
		});
		await offer({
			title: 'Zumba',
			publishedAt: hours(-48),
			scheduleKind: 'once',
			startsAt: hours(24 * 3)
		});
		await offer({
			title: 'abendkurs deutsch',
			publishedAt: hours(-24),
			scheduleKind: 'once',
			startsAt: hours(-24 * 3)
		});
		expect(titles(await find(tenant, 'sort=title'))).toEqual([
			'abendkurs deutsch',
			'Ärztliche Sprechstunde',
			'Beratung',
			'Zumba'
		]);
		// relevance without search words is A–Z as well
		expect(titles(await find(tenant))).toEqual(titles(await find(tenant, 'sort=title')));
		expect(titles(await find(tenant, 'sort=newest'))).toEqual([
			'Ärztliche Sprechstunde',
			'abendkurs deutsch',
			'Zumba',
			'Beratung'
		]);
		// next date: the one in 3 days, then in 20 days; past and undated ones last (A–Z)
		const byDate = await find(tenant, 'sort=date');
		expect(titles(byDate)).toEqual([
			'Zumba',
			'Ärztliche Sprechstunde',
			'abendkurs deutsch',
			'Beratung'
		]);
		expect(byDate.items[0].nextDate).toBe(day(3));
		expect(byDate.items[2].nextDate).toBeNull();
	});

	it('gives recurring offers their next weekday as the next date', async () => {
		const { tenant, offer } = await city();
		const [y, m, d] = day(0).split('-').map(Number);
		const isoToday = ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
		const inTwoDays = ((isoToday + 1) % 7) + 1;
		await offer({ title: 'Heute', scheduleKind: 'recurring', weekdays: [isoToday] });
		await offer({ title: 'Übermorgen', scheduleKind: 'recurring', weekdays: [inTwoDays] });
		await offer({
			title: 'Bald vorbei',
			scheduleKind: 'recurring',
			weekdays: [inTwoDays],
			validTo: day(1)
		});
		const r = await find(tenant, 'sort=date');
		expect(r.items.map((i) => [i.title.text, i.nextDate])).toEqual([
			['Heute', day(0)],
			['Übermorgen', day(2)],
			['Bald vorbei', null]
		]);
	});

	it('ranks by relevance when searching', async () => {
		const { tenant, offer } = await city();
		await offer({ title: 'Offener Treff', description: 'Manchmal auch ein Sprachkurs.' });
		await offer({ title: 'Sprachkurs' });
		await offer({ title: 'Sprachkurs für Frauen', description: 'Sprachkurs mit Kinderbetreuung.' });
		const r = await find(tenant, 'q=Sprachkurs');
		expect(titles(r)[0]).toBe('Sprachkurs');
		expect(titles(r)[2]).toBe('Offener Treff');
		// an explicit sort wins over relevance
		expect(titles(await find(tenant, 'q=Sprachkurs&sort=title'))).toEqual([
			'Offener Treff',
			'Sprachkurs',
			'Sprachkurs für Frauen'
		]);
	});

	it('pages by 20 with the total, and keeps the page within range', async () => {
		const { tenant, offer } = await city();
		for (let i = 1; i <= 25; i++) await offer({ title: `Angebot ${String(i).padStart(2, '0')}` });
		const first = await find(tenant);
		expect(FINDER_PAGE_SIZE).toBe(20);
		expect(first).toMatchObject({ total: 25, page: 1, pageCount: 2, pageSize: 20 });
		expect(first.items).toHaveLength(20);
		expect(first.items[0].title.text).toBe('Angebot 01');
		const second = await find(tenant, 'page=2');
		expect(second.total).toBe(25);
		expect(titles(second)).toEqual([21, 22, 23, 24, 25].map((i) => `Angebot ${i}`));
		const beyond = await find(tenant, 'page=99');
		expect(beyond.page).toBe(2);
		expect(beyond.query.page).toBe(2);
		expect(titles(beyond)).toEqual(titles(second));
		const none = await find(tenant, 'q=nichtsdergleichen&page=3');
		expect(none).toMatchObject({ total: 0, page: 1, pageCount: 1, items: [] });
	});
});

describe('searchOffers: what the public may see', () => {
	it('never shows drafts, offers in review, archived or expired ones', async () => {
		const { tenant, offer } = await city();
		await offer({ title: 'Sichtbar' });
		await offer({ title: 'Sichtbar bis heute', validTo: day(0) });
		await offer({ title: 'Sichtbar ab bald', validFrom: day(5) });
		await offer({ title: 'Entwurf', status: 'draft', publishedAt: null });
		await offer({ title: 'In Prüfung', status: 'in_review', publishedAt: null });
		await offer({ title: 'Archiviert', status: 'archived' });
		await offer({ title: 'Abgelaufen', validTo: day(-1) });
		const r = await find(tenant);
		expect(titles(r)).toEqual(['Sichtbar', 'Sichtbar ab bald', 'Sichtbar bis heute']);
		for (const q of ['Entwurf', 'Prüfung', 'Archiviert', 'Abgelaufen']) {
			expect((await find(tenant, `q=${q}`)).total, q).toBe(0);
		}
		expect(r.facets.free.count).toBe(3);
	});

	it('never shows offers of organisations that are not public', async () => {
		const { tenant, offer } = await city();
		const hidden = await buildOrganization(database.db, tenant.id, { isPublic: false });
		await buildOffer(database.db, tenant.id, hidden.id, { title: 'Verborgen' });
		await offer({ title: 'Öffentlich' });
		expect(titles(await find(tenant))).toEqual(['Öffentlich']);
		await database.db
			.update(organizations)
			.set({ isPublic: false })
			.where(eq(organizations.id, hidden.id));
	});

	it('never shows another tenant’s offers', async () => {
		const a = await city();
		const b = await city();
		await a.offer({ title: 'Sprachkurs in A' });
		await b.offer({ title: 'Sprachkurs in B' });
		expect(titles(await find(a.tenant, 'q=Sprachkurs'))).toEqual(['Sprachkurs in A']);
		expect(titles(await find(b.tenant))).toEqual(['Sprachkurs in B']);
	});

	it('shows a district its municipalities’ offers; a municipality its own and the district’s for it', async () => {
		const district = await buildTenant(database.db, { kind: 'district', name: 'Landkreis Test' });
		const eching = await buildMunicipality(database.db, district, 'Eching');
		const neufahrn = await buildMunicipality(database.db, district, 'Neufahrn');
		const hiddenTown = await buildMunicipality(database.db, district, 'Versteckt', {
			isPublic: false
		});
		const other = await buildTenant(database.db, { kind: 'district' });
		const orgD = await buildOrganization(database.db, district.id, {
			alsoIn: [eching.id, neufahrn.id]
		});
		const orgE = await buildOrganization(database.db, eching.id);
		const orgN = await buildOrganization(database.db, neufahrn.id);
		const orgH = await buildOrganization(database.db, hiddenTown.id);
		const orgO = await buildOrganization(database.db, other.id);
		await buildOffer(database.db, district.id, orgD.id, {
			title: 'Beratungsbus (ganzer Landkreis)'
		});
		await buildOffer(database.db, district.id, orgD.id, {
			title: 'Beratungsbus in Eching',
			municipalityIds: [eching.id]
		});
		await buildOffer(database.db, eching.id, orgE.id, { title: 'Helferkreis Eching' });
		await buildOffer(database.db, neufahrn.id, orgN.id, { title: 'Helferkreis Neufahrn' });
		await buildOffer(database.db, hiddenTown.id, orgH.id, { title: 'Helferkreis Versteckt' });
		await buildOffer(database.db, other.id, orgO.id, { title: 'Helferkreis anderswo' });

		const all = await find(district);
		expect(titles(all)).toEqual([
			'Beratungsbus (ganzer Landkreis)',
			'Beratungsbus in Eching',
			'Helferkreis Eching',
			'Helferkreis Neufahrn'
		]);
		expect(all.items.map((i) => i.keptBy)).toEqual([null, null, 'Eching', 'Neufahrn']);
		// municipality facet: an offer for the whole district counts in every municipality
		expect(all.facets.municipality.map((m) => [m.label, m.count])).toEqual([
			['Eching', 3],
			['Neufahrn', 2]
		]);
		const inEching = await find(district, `municipality=${eching.slug}`);
		expect(titles(inEching)).toEqual([
			'Beratungsbus (ganzer Landkreis)',
			'Beratungsbus in Eching',
			'Helferkreis Eching'
		]);
		// the municipality's own finder shows exactly the same
		expect(titles(await find(eching))).toEqual(titles(inEching));
		expect((await find(eching)).items.map((i) => i.keptBy)).toEqual([
			'Landkreis Test',
			'Landkreis Test',
			null
		]);
		// never a sibling's offers
		expect(titles(await find(neufahrn))).toEqual([
			'Beratungsbus (ganzer Landkreis)',
			'Helferkreis Neufahrn'
		]);
		expect((await find(eching, 'q=Neufahrn')).total).toBe(0);
		// a municipality filter on a tenant without municipalities is dropped
		expect((await find(eching, `municipality=${neufahrn.slug}`)).query.municipality).toEqual([]);
		// a hidden municipality is no part of the district's public finder
		expect((await find(district, 'q=Versteckt')).total).toBe(0);
		expect(await scopeAt(database.db, hiddenTown.slug)).toBeNull();
		// and another district's offers never appear
		expect((await find(district, 'q=anderswo')).total).toBe(0);
	});

	it('has no scope for a tenant that is not public', async () => {
		const hidden = await buildTenant(database.db, { isPublic: false });
		expect(await scopeAt(database.db, hidden.slug)).toBeNull();
		await database.db.update(tenants).set({ isPublic: true }).where(eq(tenants.id, hidden.id));
		expect(await scopeAt(database.db, hidden.slug)).not.toBeNull();
	});
});
