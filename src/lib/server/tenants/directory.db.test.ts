/** The platform start page's directory of networks: bounded, searchable, municipalities capped. */
import { describe, expect, it } from 'vitest';
import { testCtx, useTestDb } from '../db/testing/test-db';
import { buildTenant } from '../factories';
import { NETWORK_CARD_MUNICIPALITIES, NETWORK_PAGE_SIZE, publicNetworkDirectory } from './service';

const database = useTestDb();

describe('publicNetworkDirectory', () => {
	it('pages the top-level networks and shows each with its first municipalities and their count', async () => {
		const db = database.db;
		const prefix = `Zettel${Date.now().toString(36)}`;
		const networks = [];
		for (let i = 0; i < NETWORK_PAGE_SIZE + 2; i++)
			networks.push(
				await buildTenant(db, {
					name: `${prefix} Netz ${String(i).padStart(2, '0')}`,
					kind: i === 0 ? 'district' : 'city'
				})
			);
		const district = networks[0];
		for (let i = 0; i < NETWORK_CARD_MUNICIPALITIES + 3; i++)
			await buildTenant(db, {
				name: `${prefix} Gemeinde ${String(i).padStart(2, '0')}`,
				kind: 'municipality',
				parentId: district.id
			});
		await buildTenant(db, {
			name: `${prefix} Verborgen`,
			kind: 'municipality',
			parentId: district.id,
			isPublic: false
		});
		await buildTenant(db, { name: `${prefix} Nicht öffentlich`, isPublic: false });

		const first = await publicNetworkDirectory(testCtx(db), { q: prefix, page: 1 });
		expect(first.hasMore).toBe(true);
		expect(first.networks).toHaveLength(NETWORK_PAGE_SIZE);
		// municipalities are not networks of their own on the page
		expect(first.networks.every((n) => n.parentId === null)).toBe(true);
		const card = first.networks.find((n) => n.id === district.id)!;
		expect(card.municipalities.map((c) => c.name)).toEqual(
			Array.from(
				{ length: NETWORK_CARD_MUNICIPALITIES },
				(_, i) => `${prefix} Gemeinde ${String(i).padStart(2, '0')}`
			)
		);
		expect(card.municipalityCount).toBe(NETWORK_CARD_MUNICIPALITIES + 3);

		const second = await publicNetworkDirectory(testCtx(db), { q: prefix, page: 2 });
		expect(second.hasMore).toBe(false);
		expect(second.networks.map((n) => n.name)).toEqual([
			`${prefix} Netz ${NETWORK_PAGE_SIZE}`,
			`${prefix} Netz ${NETWORK_PAGE_SIZE + 1}`
		]);
		const all = [...first.networks, ...second.networks].map((n) => n.name);
		expect(all).not.toContain(`${prefix} Nicht öffentlich`);
	});

	it('finds a district by the name of one of its public municipalities, and treats % literally', async () => {
		const db = database.db;
		const district = await buildTenant(db, { name: 'Landkreis Suchtest', kind: 'district' });
		await buildTenant(db, {
			name: 'Moosbach an der Suche',
			kind: 'municipality',
			parentId: district.id
		});
		await buildTenant(db, {
			name: 'Heimlichhausen',
			kind: 'municipality',
			parentId: district.id,
			isPublic: false
		});
		// more municipalities than a card shows, all before Moosbach by name
		for (let i = 0; i < NETWORK_CARD_MUNICIPALITIES; i++)
			await buildTenant(db, {
				name: `Aachtal ${i}`,
				kind: 'municipality',
				parentId: district.id
			});
		const found = await publicNetworkDirectory(testCtx(db), { q: 'moosbach an der', page: 1 });
		expect(found.networks.map((n) => n.id)).toEqual([district.id]);
		// the municipality searched for comes first on its district's card
		expect(found.networks[0].municipalities[0].name).toBe('Moosbach an der Suche');
		expect(found.networks[0].municipalities).toHaveLength(NETWORK_CARD_MUNICIPALITIES);
		// a hidden municipality does not reveal its district
		expect(
			(await publicNetworkDirectory(testCtx(db), { q: 'Heimlich', page: 1 })).networks
		).toEqual([]);
		expect((await publicNetworkDirectory(testCtx(db), { q: '%', page: 1 })).networks).toEqual([]);
	});
});
