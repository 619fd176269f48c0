import { describe, expect, it } from 'vitest';
import { useTestDb } from '../db/testing/test-db';
import { buildFieldOfAction } from '../factories';
import { type FinderResult } from './finder-query';

import { finderHelpers, titles } from './finder-testing';

const database = useTestDb();

const { find, city } = finderHelpers(() => database.db);

describe('searchOffers: filters and facet counts', () => {
	async function catalogue() {
		const { tenant, org, offer } = await city();
		const bildung = await buildFieldOfAction(database.db, tenant.id, {
			key: 'bildung',
			names: { de: 'Bildung', en: 'Education' },
			position: 1
		});
		const gesundheit = await buildFieldOfAction(database.db, tenant.id, {
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
		const filtered: [string, string[]][] = [
			['field=bildung', ['Hausaufgabenhilfe', 'Sprachkurs für Frauen']],
			['field=gesundheit', ['Gesundheitsberatung']],
			['group=women', ['Gesundheitsberatung', 'Sprachkurs für Frauen']],
			['group=children&group=families', ['Gesundheitsberatung', 'Hausaufgabenhilfe']],
			['language=tr', ['Gesundheitsberatung']],
			['day=1', ['Hausaufgabenhilfe']],
			['day=4', ['Sprachkurs für Frauen']],
			['free=1', ['Hausaufgabenhilfe', 'Sprachkurs für Frauen']],
			['childcare=1', ['Gesundheitsberatung', 'Sprachkurs für Frauen']],
			['accessible=1', ['Gesundheitsberatung', 'Hausaufgabenhilfe']]
		];
		for (const [query, expected] of filtered)
			expect(titles(await find(tenant, query)), query).toEqual(expected);
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
