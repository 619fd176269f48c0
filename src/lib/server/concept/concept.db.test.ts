import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { createTestDb, testCtx } from '../db/testing/test-db';
import type { Database } from '../db/client';
import {
	buildAgendaItem,
	buildBody,
	buildFieldOfAction,
	buildMeeting,
	buildMembership,
	buildTenant,
	buildUser,
	grantRole
} from '../factories';
import { loadActor } from '../auth/sessions';
import type { Role } from '../auth/schema';
import { auditLog } from '../audit/schema';
import { agendaItems } from '../meetings/schema';
import { NotFoundError, ValidationError } from '../errors';
import { conceptGuidelines, conceptMeasures, indicatorValues, measureStates } from './schema';
import {
	adoptEdition,
	compareEditions,
	createEdition,
	listEditions,
	updateEdition
} from './editions';
import {
	addGuidingQuestion,
	addGuidingQuestionToAgenda,
	createGoal,
	createGuideline,
	guidingQuestionsForBody,
	updateGuideline
} from './structure';
import {
	addMeasureLink,
	addMilestone,
	changeMeasureState,
	createMeasure,
	getMeasure,
	updateMeasure
} from './measures';
import {
	adoptLibraryIndicators,
	createIndicator,
	getIndicator,
	previewValueImport,
	recordIndicatorValue,
	runValueImport
} from './indicators';
import {
	adoptPrioritised,
	allocatePoints,
	closeRound,
	createRound,
	getRound
} from './prioritisation';
import { getDashboard, measureLinkTargets, publicConcept } from './views';
import { createProcess } from '../participation/processes';
import { createRecommendation } from '../participation/recommendations';
import { createPaper } from '../papers/service';

let database: Database;
beforeAll(async () => {
	database = await createTestDb();
});
afterAll(() => database.close());

const TODAY = '2026-06-01';

async function setup() {
	const db = database.db;
	const tenant = await buildTenant(db, { kind: 'district' });
	const muni = await buildTenant(db, {
		kind: 'municipality',
		parentId: tenant.id,
		name: 'Gemeinde Eching'
	});
	const other = await buildTenant(db);
	const field = await buildFieldOfAction(db, tenant.id, {
		names: { de: 'Sprache', en: 'Language' }
	});
	const group = await buildBody(db, tenant.id, { name: 'AG Sprache' });
	const ctxFor = async (
		role: Role | 'none' | 'other',
		opts: { speakerOf?: string; memberOf?: string } = {}
	) => {
		if (role === 'none') return testCtx(db, null);
		const user = await buildUser(db);
		if (role === 'other') await grantRole(db, other.id, user.id, 'coordinator');
		else await grantRole(db, tenant.id, user.id, role);
		if (opts.speakerOf)
			await buildMembership(db, { id: opts.speakerOf, tenantId: tenant.id }, user.id, 'speaker');
		if (opts.memberOf)
			await buildMembership(db, { id: opts.memberOf, tenantId: tenant.id }, user.id, 'member');
		return testCtx(db, await loadActor(db, user.id));
	};
	const coordinator = await ctxFor('coordinator');
	const { id: editionId } = await createEdition(coordinator, tenant.id, {
		title: 'Integrationskonzept 2010',
		leitbild: 'Integration als gesamtgesellschaftliche Aufgabe'
	});
	const states = await db
		.select()
		.from(measureStates)
		.where(eq(measureStates.tenantId, tenant.id))
		.orderBy(asc(measureStates.position));
	const state = (key: string) => states.find((s) => s.key === key)!.id;
	const { id: goalId } = await createGoal(coordinator, tenant.id, editionId, {
		fieldOfActionId: field.id,
		title: 'Mehr Gelegenheiten zum Deutschlernen'
	});
	const measure = (extra: Record<string, unknown> = {}) =>
		createMeasure(coordinator, tenant.id, editionId, {
			goalId,
			title: 'Sprachcafé',
			stateId: state('umsetzung'),
			isPublic: 'on',
			...extra
		});
	return {
		db,
		tenant,
		muni,
		other,
		field,
		group,
		ctxFor,
		coordinator,
		editionId,
		goalId,
		state,
		measure
	};
}

describe('editions', () => {
	it('copies the last edition into a new draft and shows the difference', async () => {
		const s = await setup();
		const { id: g1 } = await createGuideline(s.coordinator, s.tenant.id, s.editionId, {
			title: 'Integration bedeutet miteinander, nicht nebeneinander leben'
		});
		await createGuideline(s.coordinator, s.tenant.id, s.editionId, {
			title: 'Hilfe zur Selbsthilfe'
		});
		await addGuidingQuestion(s.coordinator, s.tenant.id, {
			guidelineId: g1,
			bodyId: s.group.id,
			question: 'Wie erreiche ich bestimmte Zielgruppen?'
		});
		const { id: m1 } = await s.measure({ endDate: '2020-12-31' });
		await addMilestone(s.coordinator, s.tenant.id, m1, { title: 'Start', dueDate: '2020-03-01' });
		await addMeasureLink(s.coordinator, s.tenant.id, m1, { kind: 'guideline', targetId: g1 });
		await adoptEdition(s.coordinator, s.tenant.id, s.editionId, {
			adoptedOn: '2010-06-01',
			adoptedBy: 'Kreistag'
		});

		const { id: e2 } = await createEdition(s.coordinator, s.tenant.id, {
			title: 'Fortschreibung 2018'
		});
		const editions = await listEditions(s.coordinator, s.tenant.id);
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
		const detail = await getMeasure(s.coordinator, s.tenant.id, copied[0].id);
		expect(detail.milestones.map((m) => m.title)).toEqual(['Start']);
		expect(detail.links[0].label).toBe(
			'Integration bedeutet miteinander, nicht nebeneinander leben'
		);
		expect(detail.goal.editionId).toBe(e2);
		expect(
			(await guidingQuestionsForBody(s.db, s.tenant.id, s.group.id)).map((q) => q.question)
		).toEqual(['Wie erreiche ich bestimmte Zielgruppen?']);

		// change the copy: rename a guideline, add one, change a measure's state, edit the Leitbild
		const diffBefore = await compareEditions(s.coordinator, s.tenant.id, s.editionId, e2);
		expect(diffBefore.guidelines.unchanged).toBe(2);
		expect(diffBefore.measures.changed).toEqual([]);
		const copiedGuidelines = await s.db
			.select()
			.from(conceptGuidelines)
			.where(eq(conceptGuidelines.editionId, e2));
		const selfHelp = copiedGuidelines.find((g) => g.title === 'Hilfe zur Selbsthilfe')!;
		await updateGuideline(s.coordinator, s.tenant.id, selfHelp.id, {
			title: 'Prinzip Hilfe zur Selbsthilfe'
		});
		await createGuideline(s.coordinator, s.tenant.id, e2, { title: 'Wechselseitiger Prozess' });
		await changeMeasureState(s.coordinator, s.tenant.id, copied[0].id, {
			stateId: s.state('abgeschlossen')
		});
		await updateEdition(s.coordinator, s.tenant.id, e2, {
			title: 'Fortschreibung 2018',
			leitbild: 'Neu'
		});
		const diff = await compareEditions(s.coordinator, s.tenant.id, s.editionId, e2);
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
		await adoptEdition(s.coordinator, s.tenant.id, e2, {
			adoptedOn: '2018-12-13',
			adoptedBy: 'Kreistag'
		});
		const after = await listEditions(s.coordinator, s.tenant.id);
		expect(after.map((e) => e.state)).toEqual(['adopted', 'superseded']);
		await expect(
			createGuideline(s.coordinator, s.tenant.id, s.editionId, { title: 'x' })
		).rejects.toThrow(ValidationError);
	});

	it('needs a date and a body to adopt, and only coordinators may', async () => {
		const s = await setup();
		await expect(
			adoptEdition(s.coordinator, s.tenant.id, s.editionId, { adoptedOn: '', adoptedBy: '' })
		).rejects.toMatchObject({
			fieldErrors: {
				adoptedOn: 'concept_error_date_required',
				adoptedBy: 'concept_error_adopted_by_required'
			}
		});
		const member = await s.ctxFor('member');
		await expect(createEdition(member, s.tenant.id, { title: 'x' })).rejects.toThrow(NotFoundError);
		const outsider = await s.ctxFor('other');
		await expect(listEditions(outsider, s.tenant.id)).rejects.toThrow(NotFoundError);
		expect(await listEditions(member, s.tenant.id)).toHaveLength(1);
	});
});

describe('measures', () => {
	it('keeps state and progress changes as history; progress may be overridden within the state', async () => {
		const s = await setup();
		const { id } = await s.measure({ title: 'Sprachförderung in den Kindertagesstätten' });
		await changeMeasureState(s.coordinator, s.tenant.id, id, {
			stateId: s.state('umsetzung'),
			progressOverride: '70',
			note: 'Drei von vier Kitas'
		});
		await changeMeasureState(s.coordinator, s.tenant.id, id, {
			stateId: s.state('zurueckgestellt')
		});
		const d = await getMeasure(s.coordinator, s.tenant.id, id);
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
			createGoal(s.coordinator, s.tenant.id, s.editionId, {
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
		const d = await getMeasure(s.coordinator, s.tenant.id, id);
		expect(d.measure.costEuro).toBe(12500);
		expect(d.municipalities.map((m) => m.name)).toEqual(['Gemeinde Eching']);
		const member = await s.ctxFor('member');
		await expect(
			updateMeasure(member, s.tenant.id, id, {
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
		await addMeasureLink(s.coordinator, s.tenant.id, id, {
			kind: 'agenda_item',
			targetId: item.id
		});
		const d = await getMeasure(s.coordinator, s.tenant.id, id);
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
		const { id: processId } = await createProcess(s.coordinator, s.tenant.id, {
			title: 'Beteiligung 2026'
		});
		const { id: recId } = await createRecommendation(s.coordinator, s.tenant.id, processId, {
			title: 'Sprachcafés in allen Gemeinden'
		});
		const paper = await createPaper(s.coordinator, s.tenant.id, {
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
		await addMeasureLink(s.coordinator, s.tenant.id, id, {
			kind: 'recommendation',
			targetId: recId
		});
		await addMeasureLink(s.coordinator, s.tenant.id, id, { kind: 'paper', targetId: paper.id });
		// linking the same target twice keeps one link
		await addMeasureLink(s.coordinator, s.tenant.id, id, { kind: 'paper', targetId: paper.id });
		const d = await getMeasure(s.coordinator, s.tenant.id, id);
		expect(d.links.map((l) => [l.kind, l.label, l.targetId, l.processId])).toEqual([
			['recommendation', 'Sprachcafés in allen Gemeinden (Beteiligung 2026)', recId, processId],
			['paper', `${paper.reference} – Bericht der AG Sprache`, paper.id, null]
		]);

		// another tenant's recommendation and paper are rejected
		const otherCoord = await s.ctxFor('other');
		const { id: otherProcess } = await createProcess(otherCoord, s.other.id, { title: 'Fremd' });
		const { id: otherRec } = await createRecommendation(otherCoord, s.other.id, otherProcess, {
			title: 'Fremde Empfehlung'
		});
		const otherPaper = await createPaper(otherCoord, s.other.id, {
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
				addMeasureLink(s.coordinator, s.tenant.id, id, { kind, targetId })
			).rejects.toMatchObject({ fieldErrors: { targetId: 'concept_error_link_target' } });
		expect((await getMeasure(s.coordinator, s.tenant.id, id)).links).toHaveLength(2);
	});
});

describe('visibility of internal measures', () => {
	it('hides internal and proposed measures from the public concept, not from members', async () => {
		const s = await setup();
		await s.measure({ title: 'Öffentliche Maßnahme' });
		await s.measure({ title: 'Interne Maßnahme', isPublic: '' });
		await s.measure({ title: 'Vorgeschlagene Maßnahme', stateId: s.state('vorgeschlagen') });
		expect(await publicConcept(s.db, s.tenant.id, 'de', TODAY)).toBeNull(); // not adopted yet
		await adoptEdition(s.coordinator, s.tenant.id, s.editionId, {
			adoptedOn: '2018-12-13',
			adoptedBy: 'Kreistag'
		});
		const pub = await publicConcept(s.db, s.tenant.id, 'de', TODAY);
		const titles = pub!.tree.fields.flatMap((f) =>
			f.goals.flatMap((g) => g.measures.map((m) => m.title))
		);
		expect(titles).toEqual(['Öffentliche Maßnahme']);
		const member = await s.ctxFor('member');
		const edition = (await listEditions(member, s.tenant.id))[0];
		const dash = await getDashboard(member, s.tenant.id, edition, TODAY);
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
		const edition = (await listEditions(s.coordinator, s.tenant.id))[0];
		const dash = await getDashboard(s.coordinator, s.tenant.id, edition, TODAY);
		expect(dash.overdue.map((m) => m.title)).toEqual(['Überfällig']);
		expect(dash.byState.find((b) => b.name === 'in Umsetzung')!.count).toBe(2);
		expect(dash.average).toBe(67);
	});
});

describe('indicators', () => {
	it('adopts library indicators once and records values manually (replacing the same date)', async () => {
		const s = await setup();
		expect(
			await adoptLibraryIndicators(s.coordinator, s.tenant.id, [
				'auslaenderanteil',
				'sgb2-quote-auslaender'
			])
		).toBe(2);
		expect(await adoptLibraryIndicators(s.coordinator, s.tenant.id, ['auslaenderanteil'])).toBe(0);
		const { id } = await createIndicator(s.coordinator, s.tenant.id, {
			name: 'Teilnehmende am Sprachcafé',
			unit: 'Personen',
			direction: 'higher',
			targetValue: '100',
			targetDate: '2030-12-31',
			goalIds: [s.goalId]
		});
		await recordIndicatorValue(s.coordinator, s.tenant.id, id, { date: '2024-12-31', value: '40' });
		await recordIndicatorValue(s.coordinator, s.tenant.id, id, {
			date: '2025-12-31',
			value: '55,5'
		});
		await recordIndicatorValue(s.coordinator, s.tenant.id, id, { date: '2025-12-31', value: '60' });
		const view = await getIndicator(s.coordinator, s.tenant.id, id);
		expect(view.series).toEqual([
			{ date: '2024-12-31', value: 40 },
			{ date: '2025-12-31', value: 60 }
		]);
		expect(view.trend.status).toBe('on_track');
		expect(view.goalIds).toEqual([s.goalId]);
		await expect(
			recordIndicatorValue(s.coordinator, s.tenant.id, id, { date: '', value: 'viel' })
		).rejects.toMatchObject({
			fieldErrors: { date: 'concept_error_date_required', value: 'concept_error_value_required' }
		});
	});

	it('imports a statistics CSV with preview, all or nothing', async () => {
		const s = await setup();
		await adoptLibraryIndicators(s.coordinator, s.tenant.id, ['auslaenderanteil']);
		const [ind] = (
			await getDashboard(
				s.coordinator,
				s.tenant.id,
				(await listEditions(s.coordinator, s.tenant.id))[0],
				TODAY
			)
		).indicators;
		const bad =
			'Tabelle\n\nJahr;Gemeinde;Wert\n2021;;8,4\n2022;Gemeinde Eching;5,1\n2022;Nirgendwo;3\n2023;;abc\n';
		const preview = await previewValueImport(s.coordinator, s.tenant.id, ind.indicator.id, bad);
		expect(preview.valid).toBe(false);
		expect(preview.errors.map((e) => [e.line, e.key])).toEqual([
			[6, 'concept_import_error_municipality'],
			[7, 'concept_import_error_value']
		]);
		const run = await runValueImport(s.coordinator, s.tenant.id, ind.indicator.id, bad);
		expect('errors' in run).toBe(true);
		const none = await s.db
			.select()
			.from(indicatorValues)
			.where(eq(indicatorValues.indicatorId, ind.indicator.id));
		expect(none).toEqual([]);

		const good = 'Jahr;Gemeinde;Wert\n2021;;8,4\n2022;;x\n2022;Eching;5,1\n2023;;9,0\n';
		const ok = await previewValueImport(s.coordinator, s.tenant.id, ind.indicator.id, good);
		expect(ok).toMatchObject({ valid: true, skipped: 1, errors: [] });
		expect(await runValueImport(s.coordinator, s.tenant.id, ind.indicator.id, good)).toEqual({
			written: 3,
			skipped: 1
		});
		const view = await getIndicator(s.coordinator, s.tenant.id, ind.indicator.id);
		expect(view.series.map((p) => p.value)).toEqual([8.4, 9]);
		expect(view.values.find((v) => v.municipalityId === s.muni.id)?.value).toBe(5.1);
		// a second import replaces values of the same date and marks them in the preview
		const again = await previewValueImport(
			s.coordinator,
			s.tenant.id,
			ind.indicator.id,
			'Jahr;Wert\n2023;9,5\n'
		);
		expect(again.rows[0].replaces).toBe(true);
		const member = await s.ctxFor('member');
		await expect(runValueImport(member, s.tenant.id, ind.indicator.id, good)).rejects.toThrow(
			NotFoundError
		);
	});
});

describe('prioritisation', () => {
	it('lets members spread their points, totals them and the coordinator adopts the top measures', async () => {
		const s = await setup();
		const proposed = s.state('vorgeschlagen');
		const { id: a } = await s.measure({ title: 'Sprachpatenschaften', stateId: proposed });
		const { id: b } = await s.measure({ title: 'Mehrsprachige Einschulung', stateId: proposed });
		const { id: c } = await s.measure({ title: 'Frauenschwimmkurs', stateId: proposed });
		await s.measure({ title: 'Schon beschlossen' });
		const { id: roundId } = await createRound(s.coordinator, s.tenant.id, s.editionId, {
			title: 'Punktabfrage Netzwerktreffen',
			pointsPerMember: '5'
		});
		const m1 = await s.ctxFor('member');
		const m2 = await s.ctxFor('editor');
		await allocatePoints(m1, s.tenant.id, roundId, { [a]: 3, [b]: 2 });
		await allocatePoints(m1, s.tenant.id, roundId, { [a]: 4, [b]: 1 }); // replaces
		await allocatePoints(m2, s.tenant.id, roundId, { [b]: 5 });
		await expect(allocatePoints(m2, s.tenant.id, roundId, { [b]: 6 })).rejects.toMatchObject({
			fieldErrors: { form: 'concept_error_allocation_too_many' }
		});
		const view = await getRound(m1, s.tenant.id, roundId);
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
		await closeRound(s.coordinator, s.tenant.id, roundId);
		await expect(allocatePoints(m1, s.tenant.id, roundId, { [c]: 1 })).rejects.toMatchObject({
			fieldErrors: { form: 'concept_error_round_closed' }
		});
		await expect(adoptPrioritised(m1, s.tenant.id, roundId, [b])).rejects.toThrow(NotFoundError);
		expect(await adoptPrioritised(s.coordinator, s.tenant.id, roundId, [b])).toBe(1);
		const d = await getMeasure(s.coordinator, s.tenant.id, b);
		expect(d.state.key).toBe('geplant');
		expect(d.measure.priorityRank).toBe(1);
		expect(d.history[0]).toMatchObject({
			stateName: 'geplant',
			note: 'Punktabfrage Netzwerktreffen: 6 P. (1.)'
		});
		// adopted measures leave the round
		expect((await getRound(s.coordinator, s.tenant.id, roundId)).measures).toHaveLength(2);
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
		const { id: roundId } = await createRound(s.coordinator, s.tenant.id, s.editionId, {
			title: 'AG Sprache',
			bodyId: s.group.id,
			pointsPerMember: '3'
		});
		const inGroup = await s.ctxFor('member', { memberOf: s.group.id });
		const outside = await s.ctxFor('member');
		expect((await getRound(inGroup, s.tenant.id, roundId)).measures.map((m) => m.id)).toEqual([
			ours
		]);
		await allocatePoints(inGroup, s.tenant.id, roundId, { [ours]: 3 });
		await expect(allocatePoints(outside, s.tenant.id, roundId, { [ours]: 1 })).rejects.toThrow(
			NotFoundError
		);
	});
});

describe('guiding questions on the agenda', () => {
	it('appends the question as the last agenda item, for those who plan the body’s meetings', async () => {
		const s = await setup();
		const { id: g } = await createGuideline(s.coordinator, s.tenant.id, s.editionId, {
			title: 'Integration bedeutet miteinander, nicht nebeneinander leben'
		});
		const { id: q } = await addGuidingQuestion(s.coordinator, s.tenant.id, {
			guidelineId: g,
			bodyId: s.group.id,
			question: 'Wie können mehr Gelegenheiten zum Lernen der deutschen Sprache geschaffen werden?'
		});
		const meeting = await buildMeeting(s.db, s.group);
		await buildAgendaItem(s.db, meeting, 1);
		await buildAgendaItem(s.db, meeting, 2);
		const speaker = await s.ctxFor('member', { speakerOf: s.group.id });
		await addGuidingQuestionToAgenda(speaker, s.tenant.id, meeting.id, q);
		const items = await s.db
			.select()
			.from(agendaItems)
			.where(eq(agendaItems.meetingId, meeting.id))
			.orderBy(asc(agendaItems.position));
		expect(items.map((i) => [i.position, i.title])).toEqual([
			[1, 'TOP 1'],
			[2, 'TOP 2'],
			[3, 'Wie können mehr Gelegenheiten zum Lernen der deutschen Sprache geschaffen werden?']
		]);
		const member = await s.ctxFor('member', { memberOf: s.group.id });
		await expect(addGuidingQuestionToAgenda(member, s.tenant.id, meeting.id, q)).rejects.toThrow(
			NotFoundError
		);
		const outsider = await s.ctxFor('other');
		await expect(addGuidingQuestionToAgenda(outsider, s.other.id, meeting.id, q)).rejects.toThrow(
			NotFoundError
		);
	});

	it('takes only the questions of the meeting’s own body, and not once the minutes are approved', async () => {
		const s = await setup();
		const { id: g } = await createGuideline(s.coordinator, s.tenant.id, s.editionId, {
			title: 'Wechselseitiger Prozess'
		});
		const { id: q } = await addGuidingQuestion(s.coordinator, s.tenant.id, {
			guidelineId: g,
			bodyId: s.group.id,
			question: 'Wie erreichen wir bestimmte Zielgruppen?'
		});
		const otherBody = await buildBody(s.db, s.tenant.id);
		const foreign = await buildMeeting(s.db, otherBody);
		await expect(
			addGuidingQuestionToAgenda(s.coordinator, s.tenant.id, foreign.id, q)
		).rejects.toThrow(NotFoundError);
		const approved = await buildMeeting(s.db, s.group, { minutesState: 'approved' });
		await expect(
			addGuidingQuestionToAgenda(s.coordinator, s.tenant.id, approved.id, q)
		).rejects.toThrow(ValidationError);
		const items = await s.db
			.select()
			.from(agendaItems)
			.where(inArray(agendaItems.meetingId, [foreign.id, approved.id]));
		expect(items).toEqual([]);
	});
});
