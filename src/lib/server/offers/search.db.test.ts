import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database, Db } from '../db/client';
import { createTestDb } from '../db/testing/test-db';
import { buildFieldOfAction, buildOffer, buildOrganization, buildTenant } from '../factories';
import { tenants, type Tenant } from '../tenants/schema';
import { organizations } from '../organizations/schema';
import { findFinderScope, type FinderScope } from './public';
import {
	FINDER_PAGE_SIZE,
	finderQueryString,
	parseFinderQuery,
	searchOffers,
	searchWords,
	type FinderResult
} from './search';
import { berlinToday as berlinDateString } from '../shared';

let database: Database;
let db: Db;
beforeAll(async () => {
	database = await createTestDb();
	db = database.db;
});
afterAll(() => database?.close());

/** A day relative to today in Berlin, as YYYY-MM-DD. */
function day(offset: number): string {
	const [y, m, d] = berlinDateString().split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + offset)).toISOString().slice(0, 10);
}

async function scopeOf(tenant: Tenant): Promise<FinderScope> {
	const scope = await findFinderScope(db, tenant.slug);
	if (!scope) throw new Error(`no public scope for ${tenant.slug}`);
	return scope;
}

/** Runs the finder like the page does: from a query string, in a language. */
async function find(tenant: Tenant, qs = '', locale = 'de'): Promise<FinderResult> {
	return searchOffers(db, await scopeOf(tenant), parseFinderQuery(new URLSearchParams(qs)), locale);
}

const titles = (r: FinderResult) => r.items.map((i) => i.title.text);

/** A city with one organisation. */
async function city() {
	const tenant = await buildTenant(db);
	const org = await buildOrganization(db, tenant.id, { name: 'Sprachschule Isar' });
	const offer = (overrides: Parameters<typeof buildOffer>[3] = {}) =>
		buildOffer(db, tenant.id, org.id, overrides);
	return { tenant, org, offer };
}

describe('parseFinderQuery', () => {
	it('falls back to defaults for bad values and keeps the good ones', () => {
		const q = parseFinderQuery(
			new URLSearchParams(
				'q=%20Sprach%20%20kurs%20&group=women&group=aliens&group=women&language=ar&language=xx' +
					'&day=2&day=9&day=x&day=5&free=1&childcare=yes&accessible=on&sort=random&page=-3' +
					'&field=bildung&field=Bad%20Key&municipality=eching&municipality=%27%3Bdrop'
			)
		);
		expect(q).toEqual({
			q: 'Sprach kurs',
			field: ['bildung'],
			group: ['women'],
			language: ['ar'],
			municipality: ['eching'],
			day: [2, 5],
			free: true,
			childcare: false,
			accessible: true,
			sort: 'relevance',
			page: 1
		});
	});

	it('gives the defaults for an empty query string and round-trips through the URL', () => {
		const empty = parseFinderQuery(new URLSearchParams(''));
		expect(empty).toMatchObject({ q: '', field: [], day: [], free: false, sort: 'relevance' });
		expect(empty.page).toBe(1);
		expect(finderQueryString(empty)).toBe('');
		const full = parseFinderQuery(
			new URLSearchParams('q=Kurs&group=women&day=3&free=1&sort=date&page=2')
		);
		expect(parseFinderQuery(new URLSearchParams(finderQueryString(full).slice(1)))).toEqual(full);
		expect(finderQueryString(full, { page: 1 })).not.toContain('page=');
	});

	it('splits the search into words and ignores very short ones', () => {
		expect(searchWords('Sprachkurs für Frauen, 2 x!')).toEqual(['sprachkurs', 'für', 'frauen']);
		expect(searchWords("'; DROP TABLE offers; --")).toEqual(['drop', 'table', 'offers']);
	});
});

describe('searchOffers: full-text search', () => {
	it('finds "Sprachkurs für Frauen" by Sprachkurse, Sprachkurs, sprachkurs and the typo Sprachkurz', async () => {
		const { tenant, offer } = await city();
		await offer({
			title: 'Sprachkurs für Frauen',
			description: 'Deutsch lernen mit Kinderbetreuung.'
		});
		await offer({ title: 'Schwimmen im Hallenbad', description: 'Für alle Altersgruppen.' });
		for (const q of ['Sprachkurse', 'Sprachkurs', 'sprachkurs', 'Sprachkurz', 'SPRACHKURSE']) {
			const r = await find(tenant, `q=${q}`);
			expect(titles(r), q).toEqual(['Sprachkurs für Frauen']);
			expect(r.total).toBe(1);
		}
		expect((await find(tenant, 'q=Schwimmkurs')).total).toBe(0);
		expect((await find(tenant, 'q=Fahrradwerkstatt')).total).toBe(0);
	});

	it('finds plural titles by the singular and words of the description', async () => {
		const { tenant, offer } = await city();
		await offer({ title: 'Sprachkurse für Kinder' });
		await offer({
			title: 'Offener Treff',
			description: 'Wir bieten Beratungen zu Behördenbriefen.'
		});
		expect(titles(await find(tenant, 'q=Sprachkurs'))).toEqual(['Sprachkurse für Kinder']);
		expect(titles(await find(tenant, 'q=Beratung'))).toEqual(['Offener Treff']);
		expect(titles(await find(tenant, 'q=Behördenbrief'))).toEqual(['Offener Treff']);
	});

	it('needs every word, ignores stop words, and ranks the closer title first', async () => {
		const { tenant, offer } = await city();
		await offer({ title: 'Sprachkurs für Frauen' });
		await offer({
			title: 'Sprachcafé',
			description: 'Ein Sprachkurs im Gespräch, auch für Frauen.'
		});
		await offer({ title: 'Sprachkurs für Senioren' });
		expect(titles(await find(tenant, 'q=Sprachkurs+für+Frauen'))).toEqual([
			'Sprachkurs für Frauen',
			'Sprachcafé'
		]);
		expect((await find(tenant, 'q=Sprachkurs+Jugendliche')).total).toBe(0);
	});

	it('searches the visitor’s language and German, shows the translation, else German', async () => {
		const { tenant, offer } = await city();
		await offer({
			title: 'Sprachkurs für Frauen',
			texts: [
				{
					locale: 'en',
					title: 'Language course for women',
					description: 'Learn German.',
					state: 'draft'
				}
			]
		});
		await offer({ title: 'Elterncafé', description: 'Austausch für Eltern.' });
		await offer({
			title: 'Nähkurs',
			texts: [{ locale: 'en', title: 'Sewing course', state: 'outdated' }]
		});
		// English words through the English stemmer ("courses" → cours)
		const en = await find(tenant, 'q=courses', 'en');
		expect(en.items.map((i) => i.title)).toEqual([
			{ text: 'Language course for women', lang: 'en' }
		]);
		// German words still find it for an English visitor
		expect(titles(await find(tenant, 'q=Sprachkurse', 'en'))).toEqual([
			'Language course for women'
		]);
		// without a (current) translation the German text is shown, marked as German
		const all = await find(tenant, '', 'en');
		expect(all.items.map((i) => [i.title.text, i.title.lang])).toEqual([
			['Elterncafé', 'de'],
			['Language course for women', 'en'],
			['Nähkurs', 'de']
		]);
		expect(all.items[0].summary).toEqual({ text: 'Austausch für Eltern.', lang: 'de' });
		// an outdated translation is neither shown nor searched
		expect((await find(tenant, 'q=sewing', 'en')).total).toBe(0);
		// a German visitor does not search English texts
		expect((await find(tenant, 'q=courses', 'de')).total).toBe(0);
	});

	it('treats search input as text, never as SQL or query syntax', async () => {
		const { tenant, offer } = await city();
		await offer({ title: 'Sprachkurs' });
		for (const q of ["'; DROP TABLE offers; --", 'zz:* | !yy', 'kurse) & (']) {
			expect((await find(tenant, `q=${encodeURIComponent(q)}`)).total, q).toBe(0);
		}
		// nothing searchable left: the same as no search
		for (const q of ['a & b | !c', '(((', '\\', '   ']) {
			expect((await find(tenant, `q=${encodeURIComponent(q)}`)).total, q).toBe(1);
		}
		expect((await find(tenant, 'q=Sprachkurs')).total).toBe(1);
	});
});

describe('searchOffers: filters and facet counts', () => {
	async function catalogue() {
		const { tenant, org, offer } = await city();
		const bildung = await buildFieldOfAction(db, tenant.id, {
			key: 'bildung',
			names: { de: 'Bildung', en: 'Education' },
			position: 1
		});
		const gesundheit = await buildFieldOfAction(db, tenant.id, {
			key: 'gesundheit',
			names: { de: 'Gesundheit' },
			position: 2
		});
		await offer({
			title: 'Sprachkurs für Frauen',
			fieldOfActionId: bildung.id,
			targetGroups: ['women'],
			languages: ['de', 'ar'],
			weekdays: [2, 4],
			scheduleKind: 'recurring',
			costKind: 'free',
			childcare: true
		});
		await offer({
			title: 'Hausaufgabenhilfe',
			fieldOfActionId: bildung.id,
			targetGroups: ['children', 'youth'],
			languages: ['de'],
			weekdays: [1],
			scheduleKind: 'recurring',
			costKind: 'free',
			accessible: true
		});
		await offer({
			title: 'Gesundheitsberatung',
			fieldOfActionId: gesundheit.id,
			targetGroups: ['women', 'families'],
			languages: ['de', 'tr', 'ar'],
			weekdays: [2],
			scheduleKind: 'recurring',
			costKind: 'paid',
			childcare: true,
			accessible: true
		});
		await offer({
			title: 'Sprechstunde nach Vereinbarung',
			targetGroups: ['all'],
			costKind: 'paid'
		});
		return { tenant, org };
	}

	it('filters by field, target group, language, weekday, cost, childcare and accessibility', async () => {
		const { tenant } = await catalogue();
		expect(titles(await find(tenant, 'field=bildung'))).toEqual([
			'Hausaufgabenhilfe',
			'Sprachkurs für Frauen'
		]);
		expect(titles(await find(tenant, 'field=gesundheit'))).toEqual(['Gesundheitsberatung']);
		expect(titles(await find(tenant, 'group=women'))).toEqual([
			'Gesundheitsberatung',
			'Sprachkurs für Frauen'
		]);
		expect(titles(await find(tenant, 'group=children&group=families'))).toEqual([
			'Gesundheitsberatung',
			'Hausaufgabenhilfe'
		]);
		expect(titles(await find(tenant, 'language=tr'))).toEqual(['Gesundheitsberatung']);
		expect(titles(await find(tenant, 'day=1'))).toEqual(['Hausaufgabenhilfe']);
		expect(titles(await find(tenant, 'day=4'))).toEqual(['Sprachkurs für Frauen']);
		expect(titles(await find(tenant, 'free=1'))).toEqual([
			'Hausaufgabenhilfe',
			'Sprachkurs für Frauen'
		]);
		expect(titles(await find(tenant, 'childcare=1'))).toEqual([
			'Gesundheitsberatung',
			'Sprachkurs für Frauen'
		]);
		expect(titles(await find(tenant, 'accessible=1'))).toEqual([
			'Gesundheitsberatung',
			'Hausaufgabenhilfe'
		]);
		// filters combine
		expect(titles(await find(tenant, 'group=women&free=1&language=ar'))).toEqual([
			'Sprachkurs für Frauen'
		]);
		expect(titles(await find(tenant, 'q=Beratung&childcare=1'))).toEqual(['Gesundheitsberatung']);
		expect((await find(tenant, 'field=gesundheit&free=1')).total).toBe(0);
	});

	it('counts each filter’s values with all other filters applied', async () => {
		const { tenant } = await catalogue();
		const count = (r: FinderResult, facet: 'field' | 'group' | 'language' | 'day', value: string) =>
			r.facets[facet].find((o) => o.value === value)?.count;

		const none = await find(tenant);
		expect(none.total).toBe(4);
		expect(count(none, 'field', 'bildung')).toBe(2);
		expect(count(none, 'field', 'gesundheit')).toBe(1);
		expect(count(none, 'group', 'women')).toBe(2);
		expect(count(none, 'group', 'all')).toBe(1);
		expect(count(none, 'language', 'de')).toBe(3);
		expect(count(none, 'language', 'ar')).toBe(2);
		expect(count(none, 'day', '2')).toBe(2);
		expect(count(none, 'day', '7')).toBe(0);
		expect(none.facets.free).toEqual({ count: 2, selected: false });
		expect(none.facets.childcare.count).toBe(2);
		expect(none.facets.accessible.count).toBe(2);
		expect(none.facets.field.map((f) => [f.value, f.label])).toEqual([
			['bildung', 'Bildung'],
			['gesundheit', 'Gesundheit']
		]);

		const women = await find(tenant, 'group=women');
		expect(women.total).toBe(2);
		// the group facet ignores its own filter: still counts the other groups
		expect(count(women, 'group', 'children')).toBe(1);
		expect(count(women, 'group', 'women')).toBe(2);
		expect(women.facets.group.find((o) => o.value === 'women')?.selected).toBe(true);
		// other facets count within the chosen group
		expect(count(women, 'field', 'bildung')).toBe(1);
		expect(count(women, 'language', 'tr')).toBe(1);
		expect(count(women, 'day', '1')).toBe(0);
		expect(women.facets.free.count).toBe(1);
		expect(women.facets.accessible.count).toBe(1);

		const freeWomen = await find(tenant, 'group=women&free=1');
		expect(freeWomen.total).toBe(1);
		// "free" counts without itself: the women's offers (2), of which 1 is free
		expect(freeWomen.facets.free).toEqual({ count: 1, selected: true });
		expect(count(freeWomen, 'group', 'children')).toBe(1);
		expect(count(freeWomen, 'group', 'families')).toBe(0);

		// the search narrows every count
		const search = await find(tenant, 'q=Sprachkurs');
		expect(count(search, 'field', 'bildung')).toBe(1);
		expect(count(search, 'field', 'gesundheit')).toBe(0);
		expect(search.facets.childcare.count).toBe(1);
	});

	it('translates field names and drops unknown field keys', async () => {
		const { tenant } = await catalogue();
		const r = await find(tenant, 'field=bildung&field=unbekannt', 'en');
		expect(r.query.field).toEqual(['bildung']);
		expect(r.facets.field.map((f) => f.label)).toEqual(['Education', 'Gesundheit']);
		expect(r.items.every((i) => i.fieldOfAction === 'Education')).toBe(true);
	});
});

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
		const hidden = await buildOrganization(db, tenant.id, { isPublic: false });
		await buildOffer(db, tenant.id, hidden.id, { title: 'Verborgen' });
		await offer({ title: 'Öffentlich' });
		expect(titles(await find(tenant))).toEqual(['Öffentlich']);
		await db.update(organizations).set({ isPublic: false }).where(eq(organizations.id, hidden.id));
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
		const district = await buildTenant(db, { kind: 'district', name: 'Landkreis Test' });
		const eching = await buildTenant(db, {
			kind: 'municipality',
			name: 'Eching',
			parentId: district.id
		});
		const neufahrn = await buildTenant(db, {
			kind: 'municipality',
			name: 'Neufahrn',
			parentId: district.id
		});
		const hiddenTown = await buildTenant(db, {
			kind: 'municipality',
			name: 'Versteckt',
			parentId: district.id,
			isPublic: false
		});
		const other = await buildTenant(db, { kind: 'district' });
		const orgD = await buildOrganization(db, district.id, { alsoIn: [eching.id, neufahrn.id] });
		const orgE = await buildOrganization(db, eching.id);
		const orgN = await buildOrganization(db, neufahrn.id);
		const orgH = await buildOrganization(db, hiddenTown.id);
		const orgO = await buildOrganization(db, other.id);
		await buildOffer(db, district.id, orgD.id, { title: 'Beratungsbus (ganzer Landkreis)' });
		await buildOffer(db, district.id, orgD.id, {
			title: 'Beratungsbus in Eching',
			municipalityIds: [eching.id]
		});
		await buildOffer(db, eching.id, orgE.id, { title: 'Helferkreis Eching' });
		await buildOffer(db, neufahrn.id, orgN.id, { title: 'Helferkreis Neufahrn' });
		await buildOffer(db, hiddenTown.id, orgH.id, { title: 'Helferkreis Versteckt' });
		await buildOffer(db, other.id, orgO.id, { title: 'Helferkreis anderswo' });

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
		expect(await findFinderScope(db, hiddenTown.slug)).toBeNull();
		// and another district's offers never appear
		expect((await find(district, 'q=anderswo')).total).toBe(0);
	});

	it('has no scope for a tenant that is not public', async () => {
		const hidden = await buildTenant(db, { isPublic: false });
		expect(await findFinderScope(db, hidden.slug)).toBeNull();
		await db.update(tenants).set({ isPublic: true }).where(eq(tenants.id, hidden.id));
		expect(await findFinderScope(db, hidden.slug)).not.toBeNull();
	});
});
