import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { NotFoundError, ValidationError } from '../errors';
import { conceptGuidelines, conceptMeasures } from './schema';
import { adoptEdition, createEdition, listEditions, updateEdition } from './editions';
import { compareEditions } from './edition-compare';
import {
	addGuidingQuestion,
	createGuideline,
	guidingQuestionsForBody,
	updateGuideline
} from './structure';
import { changeMeasureState } from './measures';
import { addMilestone } from './milestones';
import { addMeasureLink } from './measure-links';
import { getMeasure } from './measure-detail';
import { useConceptFixture } from './test-fixture';

const setup = useConceptFixture();

describe('editions', () => {
	it('copies the last edition into a new draft and shows the difference', async () => {
		const s = await setup();
		const { id: g1 } = await createGuideline(s.coordinator, {
			editionId: s.editionId,
			title: 'Integration bedeutet miteinander, nicht nebeneinander leben'
		});
		await createGuideline(s.coordinator, {
			editionId: s.editionId,
			title: 'Hilfe zur Selbsthilfe'
		});
		await addGuidingQuestion(s.coordinator, {
			guidelineId: g1,
			bodyId: s.group.id,
			question: 'Wie erreiche ich bestimmte Zielgruppen?'
		});
		const { id: m1 } = await s.measure({ endDate: '2020-12-31' });
		await addMilestone(s.coordinator, { measureId: m1, title: 'Start', dueDate: '2020-03-01' });
		await addMeasureLink(s.coordinator, { measureId: m1, kind: 'guideline', targetId: g1 });
		await adoptEdition(s.coordinator, {
			editionId: s.editionId,
			adoptedOn: '2010-06-01',
			adoptedBy: 'Kreistag'
		});

		const { id: e2 } = await createEdition(s.coordinator, {
			title: 'Fortschreibung 2018'
		});
		const editions = await listEditions(s.coordinator);
		expect(editions.map((e) => [e.title, e.state])).toEqual([
			['Fortschreibung 2018', 'draft'],
			['Integrationskonzept 2010', 'adopted']
		]);
		expect(editions[0].leitbild).toBe('Integration als gesamtgesellschaftliche Aufgabe');
		// the copy has its own rows, with milestones, links (to the copied guideline) and questions
		const copied = await s.db
			.select()
			.from(conceptMeasures)
			.where(and(eq(conceptMeasures.tenantId, s.tenant.id), eq(conceptMeasures.editionId, e2)));
		expect(copied).toHaveLength(1);
		expect(copied[0].originId).toBe(m1);
		const detail = await getMeasure(s.coordinator, { measureId: copied[0].id });
		expect(detail.milestones.map((m) => m.title)).toEqual(['Start']);
		expect(detail.links[0].label).toBe(
			'Integration bedeutet miteinander, nicht nebeneinander leben'
		);
		expect(detail.goal.editionId).toBe(e2);
		expect(
			(await guidingQuestionsForBody(s.db, s.tenant.id, s.group.id)).map((q) => q.question)
		).toEqual(['Wie erreiche ich bestimmte Zielgruppen?']);

		// change the copy: rename a guideline, add one, change a measure's state, edit the Leitbild
		const diffBefore = await compareEditions(s.coordinator, { beforeId: s.editionId, afterId: e2 });
		expect(diffBefore.guidelines.unchanged).toBe(2);
		expect(diffBefore.measures.changed).toEqual([]);
		const copiedGuidelines = await s.db
			.select()
			.from(conceptGuidelines)
			.where(eq(conceptGuidelines.editionId, e2));
		const selfHelp = copiedGuidelines.find((g) => g.title === 'Hilfe zur Selbsthilfe')!;
		await updateGuideline(s.coordinator, {
			guidelineId: selfHelp.id,
			title: 'Prinzip Hilfe zur Selbsthilfe'
		});
		await createGuideline(s.coordinator, { editionId: e2, title: 'Wechselseitiger Prozess' });
		await changeMeasureState(s.coordinator, {
			measureId: copied[0].id,
			stateId: s.state('abgeschlossen')
		});
		await updateEdition(s.coordinator, {
			editionId: e2,
			title: 'Fortschreibung 2018',
			leitbild: 'Neu'
		});
		const diff = await compareEditions(s.coordinator, { beforeId: s.editionId, afterId: e2 });
		expect(diff.leitbildChanged).toBe(true);
		expect(diff.guidelines.added.map((g) => g.label)).toEqual(['Wechselseitiger Prozess']);
		expect(diff.guidelines.changed.map((c) => [c.before.label, c.after.label])).toEqual([
			['Hilfe zur Selbsthilfe', 'Prinzip Hilfe zur Selbsthilfe']
		]);
		expect(diff.guidelines.unchanged).toBe(1);
		expect(diff.measures.changed[0].changes).toEqual([
			{ field: 'state', before: 'in Umsetzung', after: 'abgeschlossen' },
			{ field: 'progress', before: 50, after: 100 }
		]);
		expect(diff.guidelines.removed).toEqual([]);

		// adopting the new edition supersedes the old one, which can no longer be changed
		await adoptEdition(s.coordinator, {
			editionId: e2,
			adoptedOn: '2018-12-13',
			adoptedBy: 'Kreistag'
		});
		const after = await listEditions(s.coordinator);
		expect(after.map((e) => e.state)).toEqual(['adopted', 'superseded']);
		await expect(
			createGuideline(s.coordinator, { editionId: s.editionId, title: 'x' })
		).rejects.toThrow(ValidationError);
	});

	it('needs a date and a body to adopt, and only coordinators may', async () => {
		const s = await setup();
		await expect(
			adoptEdition(s.coordinator, { editionId: s.editionId, adoptedOn: '', adoptedBy: '' })
		).rejects.toMatchObject({
			fieldErrors: {
				adoptedOn: 'concept_error_date_required',
				adoptedBy: 'concept_error_adopted_by_required'
			}
		});
		const member = await s.ctxFor('member');
		await expect(createEdition(member, { title: 'x' })).rejects.toThrow(NotFoundError);
		const outsider = await s.ctxFor('other');
		await expect(listEditions(outsider)).rejects.toThrow(NotFoundError);
		expect(await listEditions(member)).toHaveLength(1);
	});
});
