import { describe, expect, it } from 'vitest';
import { testTenantCtx } from '../db/testing/test-db';
import { adoptEdition, listEditions } from './editions';
import { getDashboard, publicConcept } from './views';
import { TODAY, useConceptFixture } from './test-fixture';

const setup = useConceptFixture();

describe('visibility of internal measures', () => {
	it('hides internal and proposed measures from the public concept, not from members', async () => {
		const s = await setup();
		await s.measure({ title: 'Öffentliche Maßnahme' });
		await s.measure({ title: 'Interne Maßnahme', isPublic: '' });
		await s.measure({ title: 'Vorgeschlagene Maßnahme', stateId: s.state('vorgeschlagen') });
		expect(await publicConcept(testTenantCtx(s.db, s.tenant), { today: TODAY })).toBeNull(); // not adopted yet
		await adoptEdition(s.coordinator, {
			editionId: s.editionId,
			adoptedOn: '2018-12-13',
			adoptedBy: 'Kreistag'
		});
		const pub = await publicConcept(testTenantCtx(s.db, s.tenant), { today: TODAY });
		const titles = pub!.tree.fields.flatMap((f) =>
			f.goals.flatMap((g) => g.measures.map((m) => m.title))
		);
		expect(titles).toEqual(['Öffentliche Maßnahme']);
		const member = await s.ctxFor('member');
		const edition = (await listEditions(member))[0];
		const dash = await getDashboard(member, { edition, today: TODAY });
		expect(dash.tree.fields[0].goals[0].measures.map((m) => m.title).sort()).toEqual([
			'Interne Maßnahme',
			'Vorgeschlagene Maßnahme',
			'Öffentliche Maßnahme'
		]);
	});

	it('counts overdue measures on the dashboard', async () => {
		const s = await setup();
		await s.measure({ title: 'Überfällig', endDate: '2025-12-31' });
		await s.measure({ title: 'Fertig', endDate: '2025-12-31', stateId: s.state('abgeschlossen') });
		await s.measure({ title: 'Läuft', endDate: '2027-12-31' });
		const edition = (await listEditions(s.coordinator))[0];
		const dash = await getDashboard(s.coordinator, { edition, today: TODAY });
		expect(dash.overdue.map((m) => m.title)).toEqual(['Überfällig']);
		expect(dash.byState.find((b) => b.name === 'in Umsetzung')!.count).toBe(2);
		expect(dash.average).toBe(67);
	});
});
