import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { NotFoundError, ValidationError } from '../errors';
import { measureLinks, milestones } from './schema';
import { indicatorValues } from './indicator-schema';
import { createGuideline, updateGuideline, addGuidingQuestion } from './structure';
import { changeMeasureState, updateMeasure } from './measures';
import { addMilestone, toggleMilestone } from './milestones';
import { addMeasureLink, removeMeasureLink } from './measure-links';
import { getMeasure } from './measure-detail';
import { createIndicator, recordIndicatorValue } from './indicator-edit';
import {
	adoptPrioritised,
	allocatePoints,
	closeRound,
	createRound,
	getRound
} from './prioritisation';
import { createEdition } from './editions';
import { useConceptFixture } from './test-fixture';

const setup = useConceptFixture();

describe('children checked against the parent in the URL', () => {
	it('removes a link only through its own measure (massnahmen/[id]?/unlink)', async () => {
		const s = await setup();
		const { id: a } = await s.measure({ title: 'A' });
		const { id: b } = await s.measure({ title: 'B' });
		const { id: linkId } = await addMeasureLink(s.coordinator, {
			measureId: a,
			kind: 'url',
			url: 'https://example.org/a'
		});
		await expect(removeMeasureLink(s.coordinator, { measureId: b, linkId })).rejects.toThrow(
			NotFoundError
		);
		await expect(
			removeMeasureLink(s.coordinator, { measureId: 'kein-uuid', linkId })
		).rejects.toThrow(NotFoundError);
		expect(await s.db.select().from(measureLinks).where(eq(measureLinks.id, linkId))).toHaveLength(
			1
		);
		await removeMeasureLink(s.coordinator, { measureId: a, linkId });
		expect((await getMeasure(s.coordinator, { measureId: a })).links).toEqual([]);
	});

	it('marks a milestone done only through its own measure (massnahmen/[id]?/toggleMilestone)', async () => {
		const s = await setup();
		const { id: a } = await s.measure({ title: 'A' });
		const { id: b } = await s.measure({ title: 'B' });
		const { id: milestoneId } = await addMilestone(s.coordinator, {
			measureId: a,
			title: 'Start',
			dueDate: '2026-03-01'
		});
		await expect(
			toggleMilestone(s.coordinator, { measureId: b, milestoneId, today: '2026-06-01' })
		).rejects.toThrow(NotFoundError);
		const [untouched] = await s.db.select().from(milestones).where(eq(milestones.id, milestoneId));
		expect(untouched.doneOn).toBeNull();
		await toggleMilestone(s.coordinator, { measureId: a, milestoneId, today: '2026-06-01' });
		const [done] = await s.db.select().from(milestones).where(eq(milestones.id, milestoneId));
		expect(done.doneOn).toBe('2026-06-01');
	});

	it('does not reach another tenant’s measure, guideline or indicator', async () => {
		const s = await setup();
		const { id: measureId } = await s.measure();
		const other = await s.otherCoordinator();
		const { id: otherEdition } = await createEdition(other, { title: 'Fremd' });
		const { id: otherGuideline } = await createGuideline(other, {
			editionId: otherEdition,
			title: 'Fremde Leitlinie'
		});
		const { id: otherIndicator } = await createIndicator(other, {
			name: 'Fremd',
			unit: '%',
			direction: 'higher'
		});
		// the other tenant's coordinator, in their own tenant, with our ids
		for (const attempt of [
			() => changeMeasureState(other, { measureId, stateId: s.state('geplant') }),
			() =>
				updateMeasure(other, {
					measureId,
					goalId: s.goalId,
					title: 'x',
					stateId: s.state('geplant')
				}),
			() => addMilestone(other, { measureId, title: 'x', dueDate: '2026-01-01' }),
			() => addMeasureLink(other, { measureId, kind: 'url', url: 'https://example.org' })
		])
			await expect(attempt()).rejects.toThrow(NotFoundError);
		// our coordinator, with the other tenant's ids
		await expect(
			updateGuideline(s.coordinator, { guidelineId: otherGuideline, title: 'x' })
		).rejects.toThrow(NotFoundError);
		await expect(
			addGuidingQuestion(s.coordinator, {
				guidelineId: otherGuideline,
				bodyId: s.group.id,
				question: 'x'
			})
		).rejects.toThrow(NotFoundError);
		await expect(
			recordIndicatorValue(s.coordinator, {
				indicatorId: otherIndicator,
				date: '2025-12-31',
				value: '1'
			})
		).rejects.toThrow(NotFoundError);
		expect(
			await s.db
				.select()
				.from(indicatorValues)
				.where(eq(indicatorValues.indicatorId, otherIndicator))
		).toEqual([]);
		expect((await getMeasure(s.coordinator, { measureId })).milestones).toEqual([]);
	});

	it('takes points and adoptions only for the measures of the round in the URL', async () => {
		const s = await setup();
		const proposed = s.state('vorgeschlagen');
		const { id: ours } = await s.measure({
			title: 'Der AG',
			stateId: proposed,
			bodyId: s.group.id
		});
		const { id: elsewhere } = await s.measure({ title: 'Anderswo', stateId: proposed });
		const { id: roundId } = await createRound(s.coordinator, {
			editionId: s.editionId,
			title: 'AG Sprache',
			bodyId: s.group.id,
			pointsPerMember: '3'
		});
		const voter = await s.ctxFor('member', { memberOf: s.group.id });
		await expect(allocatePoints(voter, { roundId, points: { [elsewhere]: 1 } })).rejects.toThrow(
			ValidationError
		);
		await expect(
			adoptPrioritised(s.coordinator, { roundId, measureIds: [elsewhere] })
		).rejects.toThrow(ValidationError);
		expect((await getMeasure(s.coordinator, { measureId: elsewhere })).state.key).toBe(
			'vorgeschlagen'
		);
		// a round of another tenant is not found
		const other = await s.otherCoordinator();
		await expect(getRound(other, { roundId })).rejects.toThrow(NotFoundError);
		await expect(closeRound(other, { roundId })).rejects.toThrow(NotFoundError);
		await expect(adoptPrioritised(other, { roundId, measureIds: [ours] })).rejects.toThrow(
			NotFoundError
		);
		expect((await getRound(s.coordinator, { roundId })).round.state).toBe('open');
	});
});
