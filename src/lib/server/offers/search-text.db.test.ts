import { describe, expect, it } from 'vitest';
import { useTestDb } from '../db/testing/test-db';
import { finderQueryString, parseFinderQuery, searchWords } from './finder-query';

import { finderHelpers, titles } from './finder-testing';

const database = useTestDb();

const { find, city } = finderHelpers(() => database.db);

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
