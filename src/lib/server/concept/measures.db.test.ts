import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildAgendaItem, buildFieldOfAction, buildMeeting } from '../factories';
import { auditLog } from '../audit/schema';
import { NotFoundError } from '../errors';
import { createGoal } from './structure';
import { changeMeasureState, updateMeasure } from './measures';
import { addMeasureLink } from './measure-links';
import { getMeasure } from './measure-detail';
import { measureLinkTargets } from './views';
import { createProcess } from '../participation/processes';
import { createRecommendation } from '../participation/recommendations';
import { createPaper } from '../papers/create';
import { useConceptFixture } from './test-fixture';

const setup = useConceptFixture();

describe('measures', () => {
	it('keeps state and progress changes as history; progress may be overridden within the state', async () => {
		const s = await setup();
		const { id } = await s.measure({ title: 'Sprachförderung in den Kindertagesstätten' });
		await changeMeasureState(s.coordinator, {
			measureId: id,
			stateId: s.state('umsetzung'),
			progressOverride: '70',
			note: 'Drei von vier Kitas'
		});
		await changeMeasureState(s.coordinator, { measureId: id, stateId: s.state('zurueckgestellt') });
		const d = await getMeasure(s.coordinator, { measureId: id });
		expect(d.progress).toBeNull();
		expect(d.history.map((h) => [h.stateName, h.progress, h.note])).toEqual([
			['zurückgestellt', null, null],
			['in Umsetzung', 70, 'Drei von vier Kitas'],
			['in Umsetzung', 50, null]
		]);
		const audit = await s.db.select().from(auditLog).where(eq(auditLog.entityId, id));
		expect(audit.map((a) => a.action).sort()).toEqual([
			'concept.measure_create',
			'concept.measure_state',
			'concept.measure_state'
		]);
	});

	it('validates dates, progress and references of the tenant', async () => {
		const s = await setup();
		await expect(
			s.measure({ startDate: '2024-05-01', endDate: '2024-04-01', progressOverride: '120' })
		).rejects.toMatchObject({
			fieldErrors: {
				endDate: 'concept_error_end_before_start',
				progressOverride: 'concept_error_progress_invalid'
			}
		});
		const foreignField = await buildFieldOfAction(s.db, s.other.id);
		await expect(
			createGoal(s.coordinator, {
				editionId: s.editionId,
				fieldOfActionId: foreignField.id,
				title: 'x'
			})
		).rejects.toMatchObject({ fieldErrors: { fieldOfActionId: 'concept_error_field_required' } });
		await expect(s.measure({ municipalityIds: [s.other.id] })).rejects.toMatchObject({
			fieldErrors: { municipalityIds: 'concept_error_municipality_invalid' }
		});
		const { id } = await s.measure({
			municipalityIds: [s.muni.id],
			costEuro: '12.500',
			targetGroups: ['women']
		});
		const d = await getMeasure(s.coordinator, { measureId: id });
		expect(d.measure.costEuro).toBe(12500);
		expect(d.municipalities.map((m) => m.name)).toEqual(['Gemeinde Eching']);
		const member = await s.ctxFor('member');
		await expect(
			updateMeasure(member, {
				measureId: id,
				goalId: s.goalId,
				title: 'x',
				stateId: s.state('geplant')
			})
		).rejects.toThrow(NotFoundError);
	});

	it('links a meeting decision and shows its text', async () => {
		const s = await setup();
		const { id } = await s.measure();
		const meeting = await buildMeeting(s.db, s.group);
		const item = await buildAgendaItem(s.db, meeting, 1, {
			decision: 'Die AG startet das Sprachcafé im Herbst.'
		});
		await addMeasureLink(s.coordinator, { measureId: id, kind: 'agenda_item', targetId: item.id });
		const d = await getMeasure(s.coordinator, { measureId: id });
		expect(d.links[0]).toMatchObject({
			kind: 'agenda_item',
			decision: 'Die AG startet das Sprachcafé im Herbst.'
		});
	});
});

describe('links to recommendations and papers', () => {
	it('links a recommendation and a paper of the tenant, never another tenant’s', async () => {
		const s = await setup();
		const { id } = await s.measure();
		const { id: processId } = await createProcess(s.coordinator, {
			title: 'Beteiligung 2026'
		});
		const recommendation = { processId, title: 'Sprachcafés in allen Gemeinden' };
		const { id: recId } = await createRecommendation(s.coordinator, recommendation);
		const paper = await createPaper(s.coordinator, {
			type: 'notice',
			title: 'Bericht der AG Sprache',
			date: '2026-03-01'
		});
		// the pickers offer them
		const targets = await measureLinkTargets(s.db, s.tenant.id);
		expect(targets.recommendationGroups).toEqual([
			{
				processId,
				process: 'Beteiligung 2026',
				items: [{ id: recId, name: 'Sprachcafés in allen Gemeinden' }]
			}
		]);
		expect(targets.papers).toEqual([
			{ id: paper.id, name: `${paper.reference} – Bericht der AG Sprache` }
		]);
		await addMeasureLink(s.coordinator, { measureId: id, kind: 'recommendation', targetId: recId });
		await addMeasureLink(s.coordinator, { measureId: id, kind: 'paper', targetId: paper.id });
		// linking the same target twice keeps one link
		await addMeasureLink(s.coordinator, { measureId: id, kind: 'paper', targetId: paper.id });
		const d = await getMeasure(s.coordinator, { measureId: id });
		expect(d.links.map((l) => [l.kind, l.label, l.targetId, l.processId])).toEqual([
			['recommendation', 'Sprachcafés in allen Gemeinden (Beteiligung 2026)', recId, processId],
			['paper', `${paper.reference} – Bericht der AG Sprache`, paper.id, null]
		]);

		// another tenant's recommendation and paper are rejected
		const otherCoord = await s.otherCoordinator();
		const { id: otherProcess } = await createProcess(otherCoord, { title: 'Fremd' });
		const foreign = { processId: otherProcess, title: 'Fremde Empfehlung' };
		const { id: otherRec } = await createRecommendation(otherCoord, foreign);
		const otherPaper = await createPaper(otherCoord, {
			type: 'notice',
			title: 'Fremde Vorlage',
			date: '2026-03-01'
		});
		for (const [kind, targetId] of [
			['recommendation', otherRec],
			['paper', otherPaper.id],
			['recommendation', paper.id]
		])
			await expect(
				addMeasureLink(s.coordinator, { measureId: id, kind, targetId })
			).rejects.toMatchObject({ fieldErrors: { targetId: 'concept_error_link_target' } });
		expect((await getMeasure(s.coordinator, { measureId: id })).links).toHaveLength(2);
	});
});
