import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors';
import {
	adoptPrioritised,
	allocatePoints,
	closeRound,
	createRound,
	getRound
} from './prioritisation';
import { getMeasure } from './measure-detail';
import { useConceptFixture } from './test-fixture';

const setup = useConceptFixture();

describe('prioritisation', () => {
	it('lets members spread their points, totals them and the coordinator adopts the top measures', async () => {
		const s = await setup();
		const proposed = s.state('vorgeschlagen');
		const { id: a } = await s.measure({ title: 'Sprachpatenschaften', stateId: proposed });
		const { id: b } = await s.measure({ title: 'Mehrsprachige Einschulung', stateId: proposed });
		const { id: c } = await s.measure({ title: 'Frauenschwimmkurs', stateId: proposed });
		await s.measure({ title: 'Schon beschlossen' });
		const { id: roundId } = await createRound(s.coordinator, {
			editionId: s.editionId,
			title: 'Punktabfrage Netzwerktreffen',
			pointsPerMember: '5'
		});
		const m1 = await s.ctxFor('member');
		const m2 = await s.ctxFor('editor');
		await allocatePoints(m1, { roundId, points: { [a]: 3, [b]: 2 } });
		await allocatePoints(m1, { roundId, points: { [a]: 4, [b]: 1 } }); // replaces
		await allocatePoints(m2, { roundId, points: { [b]: 5 } });
		await expect(allocatePoints(m2, { roundId, points: { [b]: 6 } })).rejects.toMatchObject({
			fieldErrors: { form: 'concept_error_allocation_too_many' }
		});
		const view = await getRound(m1, { roundId });
		expect(view.measures.map((m) => m.title).sort()).toEqual([
			'Frauenschwimmkurs',
			'Mehrsprachige Einschulung',
			'Sprachpatenschaften'
		]);
		expect(view.mine).toEqual({ [a]: 4, [b]: 1 });
		expect(view.ranking.map((r) => [r.title, r.points, r.voters, r.rank])).toEqual([
			['Mehrsprachige Einschulung', 6, 2, 1],
			['Sprachpatenschaften', 4, 1, 2],
			['Frauenschwimmkurs', 0, 0, 3]
		]);
		expect(view.participants).toBe(2);
		await closeRound(s.coordinator, { roundId });
		await expect(allocatePoints(m1, { roundId, points: { [c]: 1 } })).rejects.toMatchObject({
			fieldErrors: { form: 'concept_error_round_closed' }
		});
		await expect(adoptPrioritised(m1, { roundId, measureIds: [b] })).rejects.toThrow(NotFoundError);
		expect(await adoptPrioritised(s.coordinator, { roundId, measureIds: [b] })).toBe(1);
		const d = await getMeasure(s.coordinator, { measureId: b });
		expect(d.state.key).toBe('geplant');
		expect(d.measure.priorityRank).toBe(1);
		expect(d.history[0]).toMatchObject({
			stateName: 'geplant',
			note: 'Punktabfrage Netzwerktreffen: 6 P. (1.)'
		});
		// adopted measures leave the round
		expect((await getRound(s.coordinator, { roundId })).measures).toHaveLength(2);
	});

	it('limits a working group round to the group and its measures', async () => {
		const s = await setup();
		const proposed = s.state('vorgeschlagen');
		const { id: ours } = await s.measure({
			title: 'Der AG',
			stateId: proposed,
			bodyId: s.group.id
		});
		await s.measure({ title: 'Einer anderen', stateId: proposed });
		const { id: roundId } = await createRound(s.coordinator, {
			editionId: s.editionId,
			title: 'AG Sprache',
			bodyId: s.group.id,
			pointsPerMember: '3'
		});
		const inGroup = await s.ctxFor('member', { memberOf: s.group.id });
		const outside = await s.ctxFor('member');
		expect((await getRound(inGroup, { roundId })).measures.map((m) => m.id)).toEqual([ours]);
		await allocatePoints(inGroup, { roundId, points: { [ours]: 3 } });
		await expect(allocatePoints(outside, { roundId, points: { [ours]: 1 } })).rejects.toThrow(
			NotFoundError
		);
	});
});
