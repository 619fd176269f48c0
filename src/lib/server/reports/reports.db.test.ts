import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testTenantCtx, useTestDb } from '../db/testing/test-db';
import { actorCtx } from '../db/testing/test-actors';
import {
	buildActionItem,
	buildBody,
	buildFieldOfAction,
	buildMeeting,
	buildMembership,
	buildOffer,
	buildOrganization,
	buildTenant
} from '../factories';
import { loadActor } from '../auth/sessions';
import type { Role } from '../auth/schema';
import { NotFoundError, ValidationError } from '../errors';
import { consultations, instructions, paperFiles, papers } from '../papers/schema';
import { statusReportVersions } from './schema';
import { createPaper } from '../papers/create';
import { transitionPaper } from '../papers/transition';
import { scheduleConsultation } from '../papers/schedule';
import { recordConsultationResult } from '../papers/result';
import { createStatusReport, saveReportNotes } from './manage';
import { freezeStatusReport } from './freeze';
import { getStatusReport, reportVersionDocument } from './views';
import { lastHalfYear } from './input';
import { renderReportHtml, renderReportPdf, type ReportDocument } from './document';
import { SECTION_PROVIDERS } from './sections';
import { adoptEdition, createEdition } from '../concept/editions';
import { createGoal } from '../concept/structure';
import { createMeasure } from '../concept/measures';
import { createIndicator, recordIndicatorValue } from '../concept/indicator-edit';
import { measureHistory, measureStates } from '../concept/schema';
import { inquiries } from '../inquiries/schema';

const database = useTestDb();

const section = (doc: ReportDocument, key: string) => doc.sections.find((s) => s.key === key)!;
const tables = (doc: ReportDocument, key: string) =>
	section(doc, key).blocks.filter((b) => b.kind === 'table') as Extract<
		ReportDocument['sections'][number]['blocks'][number],
		{ kind: 'table' }
	>[];

async function setup() {
	const db = database.db;
	const tenant = await buildTenant(db, { name: 'Landkreis Gifhorn' });
	const ctxFor = (role: Role) => actorCtx(db, tenant, role);
	const coordinator = await ctxFor('coordinator');
	const wg = await buildBody(db, tenant.id, { name: 'Arbeitskreis Bildung' });
	const sg = await buildBody(db, tenant.id, { kind: 'steering_group', name: 'Steuerungsgruppe' });
	await buildMembership(db, sg, coordinator.actor!.userId, 'speaker');
	const coord = testTenantCtx(db, tenant, await loadActor(db, coordinator.actor!.userId));
	return { db, tenant, coordinator: coord, ctxFor, wg, sg };
}

describe('status report', () => {
	it('is built from the data of the period, section by section', async () => {
		const { db, tenant, coordinator, wg, sg } = await setup();
		const at = (s: string) => new Date(s);
		// meetings: two held in the period, one cancelled, one before the period
		await buildMeeting(db, wg, { startsAt: at('2025-02-10T16:00:00Z'), state: 'held' });
		await buildMeeting(db, wg, { startsAt: at('2025-05-12T15:00:00Z'), state: 'held' });
		await buildMeeting(db, wg, { startsAt: at('2025-03-10T16:00:00Z'), state: 'cancelled' });
		await buildMeeting(db, sg, { startsAt: at('2024-12-01T10:00:00Z'), state: 'held' });
		// a paper decided in the period with an instruction
		const meeting = await buildMeeting(db, sg, { startsAt: new Date(Date.now() + 86_400_000) });
		const { id, reference } = await createPaper(coordinator, {
			type: 'resolution_proposal',
			title: 'Elternkurse',
			text: '',
			date: '2025-03-01',
			originatingBodyId: wg.id,
			addressedBodyId: sg.id
		});
		await transitionPaper(coordinator, { paperId: id, to: 'submitted' });
		const { consultationId } = await scheduleConsultation(coordinator, {
			meetingId: meeting.id,
			paperId: id
		});
		await recordConsultationResult(coordinator, {
			result: 'decided',
			resultText: 'Zugestimmt',
			instructions: [{ bodyId: wg.id, text: 'Kurskonzept vorlegen', dueDate: '2025-09-30' }],
			consultationId: consultationId
		});
		// as if decided in May 2025
		await db
			.update(instructions)
			.set({ createdAt: at('2025-05-20T10:00:00Z') })
			.where(eq(instructions.tenantId, tenant.id));
		await db
			.update(consultations)
			.set({ decidedAt: at('2025-05-20T10:00:00Z') })
			.where(eq(consultations.tenantId, tenant.id));
		// a draft is never reported
		await createPaper(coordinator, {
			type: 'notice',
			title: 'Geheimer Entwurf',
			date: '2025-03-02'
		});
		await buildActionItem(db, wg, { title: 'Liste aktualisieren', dueDate: '2025-04-01' });
		// offers: one new in the period, one expired in it, one new outside
		const org = await buildOrganization(db, tenant.id, { name: 'VHS' });
		await buildOffer(db, tenant.id, org.id, {
			title: 'Sprachcafé',
			publishedAt: at('2025-03-15T10:00:00Z')
		});
		await buildOffer(db, tenant.id, org.id, {
			title: 'Alter Kurs',
			publishedAt: at('2023-01-01T10:00:00Z'),
			validTo: '2025-06-30'
		});
		await buildOffer(db, tenant.id, org.id, {
			title: 'Später',
			publishedAt: at('2025-08-01T10:00:00Z')
		});

		// the concept: three measures in "Sprache" (one overdue at the period's end, one completed,
		// one at 30 %), a proposal in "Wohnen"; one of them changed in the period
		const sprache = await buildFieldOfAction(db, tenant.id, {
			key: 'sprache',
			position: 1,
			names: { de: 'Sprache' }
		});
		const wohnen = await buildFieldOfAction(db, tenant.id, {
			key: 'wohnen',
			position: 2,
			names: { de: 'Wohnen' }
		});
		const { id: editionId } = await createEdition(coordinator, {
			title: 'Integrationskonzept 2024'
		});
		const states = await db
			.select()
			.from(measureStates)
			.where(eq(measureStates.tenantId, tenant.id));
		const state = (key: string) => states.find((x) => x.key === key)!.id;
		const goal = async (fieldOfActionId: string, title: string) =>
			(await createGoal(coordinator, { fieldOfActionId, title, editionId: editionId })).id;
		const g1 = await goal(sprache.id, 'Deutsch lernen');
		const g2 = await goal(wohnen.id, 'Wohnraum');
		const measure = (goalId: string, title: string, stateKey: string, extra = {}) =>
			createMeasure(coordinator, {
				goalId,
				title,
				stateId: state(stateKey),
				...extra,
				editionId: editionId
			});
		const { id: cafe } = await measure(g1, 'Sprachcafé', 'umsetzung', { endDate: '2025-05-31' });
		await measure(g1, 'Elternbus', 'abgeschlossen', { endDate: '2025-03-31' });
		await measure(g1, 'Lernpaten', 'umsetzung', {
			endDate: '2025-12-31',
			progressOverride: '30'
		});
		await measure(g2, 'Wohnraumbörse', 'vorgeschlagen');
		await db
			.update(measureHistory)
			.set({ changedAt: at('2025-03-01T10:00:00Z') })
			.where(eq(measureHistory.measureId, cafe));
		await adoptEdition(coordinator, {
			adoptedOn: '2024-10-01',
			adoptedBy: 'Kreistag',
			editionId: editionId
		});
		// indicators: values up to the period's end count (the later one would reach the target)
		const { id: courses } = await createIndicator(coordinator, {
			name: 'Deutschkurs-Abschlüsse',
			unit: 'Personen',
			direction: 'higher',
			targetValue: '100',
			targetDate: '2030-12-31'
		});
		for (const [date, value] of [
			['2024-06-30', '40'],
			['2025-03-31', '60'],
			['2025-09-30', '200']
		])
			await recordIndicatorValue(coordinator, { date, value, indicatorId: courses });
		await createIndicator(coordinator, {
			name: 'Einbürgerungen',
			unit: 'Personen',
			direction: 'higher'
		});
		// citizens' messages: three in the period (Berlin days), two just outside
		const message = (kind: 'question' | 'wish' | 'complaint', state: string, createdAt: string) =>
			db.insert(inquiries).values({
				tenantId: tenant.id,
				reference: `A-${Math.random().toString(36).slice(2, 8)}`,
				kind,
				state: state as 'new',
				consentVersion: '1',
				consentAt: at(createdAt),
				createdAt: at(createdAt)
			});
		await message('question', 'new', '2025-02-01T10:00:00Z');
		await message('question', 'answered', '2025-04-01T10:00:00Z');
		await message('complaint', 'closed', '2025-06-30T20:00:00Z');
		await message('wish', 'new', '2024-12-31T22:30:00Z');
		await message('wish', 'new', '2025-07-01T00:30:00Z');

		const { id: reportId } = await createStatusReport(coordinator, {
			title: 'Sachstandsbericht 1. Halbjahr 2025',
			periodStart: '2025-01-01',
			periodEnd: '2025-06-30',
			bodyId: sg.id
		});
		const { live } = await getStatusReport(coordinator, { reportId });
		expect(live.subtitle).toContain('01.01.2025 bis 30.06.2025');
		expect(live.sections.map((s) => s.key)).toEqual(SECTION_PROVIDERS.map((p) => p.key));

		const [meetingsTable] = tables(live, 'meetings');
		expect(meetingsTable.rows).toEqual([['Arbeitskreis Bildung', '2', '10.02.2025, 12.05.2025']]);

		const [papersTable] = tables(live, 'papers');
		expect(papersTable.rows).toHaveLength(1);
		expect(papersTable.rows[0].slice(0, 5)).toEqual([
			reference,
			'Elternkurse',
			'Beschlussvorlage',
			'Arbeitskreis Bildung',
			'Beschlossen'
		]);
		expect(papersTable.rows[0][5]).toContain('Beschlossen – Zugestimmt');
		expect(JSON.stringify(live)).not.toContain('Geheimer Entwurf');

		const [instructionsTable, perBody] = tables(live, 'actions');
		expect(instructionsTable.rows).toEqual([
			[reference, 'Arbeitskreis Bildung', 'Kurskonzept vorlegen', '30.09.2025', 'offen']
		]);
		// two open action items of the working group (instruction + one), one overdue at period end
		expect(perBody.rows).toEqual([['Arbeitskreis Bildung', '2', '1']]);

		const [fresh, expired] = tables(live, 'offers');
		expect(fresh.rows.map((r) => r[0])).toEqual(['Sprachcafé']);
		expect(expired.rows.map((r) => r[0])).toEqual(['Alter Kurs']);

		// measures: by field and state, average progress, overdue at the period's end
		expect(section(live, 'measures').blocks[0]).toEqual({
			kind: 'facts',
			items: [
				{ label: 'Ausgabe', value: 'Integrationskonzept 2024' },
				{ label: 'Maßnahmen', value: '4' },
				{ label: 'Durchschnittlicher Fortschritt', value: '60 %' },
				{ label: 'Überfällig am Ende des Zeitraums', value: '1' },
				{ label: 'Im Berichtszeitraum fortgeschrieben', value: '1' }
			]
		});
		const [byField, overdue] = tables(live, 'measures');
		expect(byField.columns).toEqual([
			'Handlungsfeld',
			'Maßnahmen',
			'vorgeschlagen',
			'in Umsetzung',
			'abgeschlossen',
			'Ø Fortschritt'
		]);
		expect(byField.rows).toEqual([
			['Sprache', '3', '0', '2', '1', '60 %'],
			['Wohnen', '1', '1', '0', '0', '–']
		]);
		expect(overdue.rows).toEqual([['Sprachcafé', 'Sprache', 'in Umsetzung', '50 %', '31.05.2025']]);

		// indicators: latest value within the period, target and trend
		expect(section(live, 'indicators').blocks[0]).toEqual({
			kind: 'facts',
			items: [
				{ label: 'auf Kurs', value: '1' },
				{ label: 'zu wenige Werte', value: '1' }
			]
		});
		expect(tables(live, 'indicators')[0].rows).toEqual([
			[
				'Deutschkurs-Abschlüsse',
				'60 Personen (31.03.2025)',
				'100 Personen bis 31.12.2030',
				'auf Kurs'
			],
			['Einbürgerungen', '–', '–', 'zu wenige Werte']
		]);

		// citizens' messages: counts by kind and state, nothing else
		const [messages] = tables(live, 'citizen_messages');
		expect(messages.columns).toEqual([
			'Art',
			'Gesamt',
			'neu',
			'in Bearbeitung',
			'beantwortet',
			'abgeschlossen'
		]);
		expect(messages.rows).toEqual([
			['Frage', '2', '1', '0', '1', '0'],
			['Wunsch', '0', '0', '0', '0', '0'],
			['Anregung', '0', '0', '0', '0', '0'],
			['Beschwerde', '1', '0', '0', '0', '1'],
			// accessibility feedback (Barriere melden) is counted as a kind of its own
			['Barrierefreiheit', '0', '0', '0', '0', '0']
		]);
		expect(section(live, 'citizen_messages').blocks[0]).toMatchObject({
			text: expect.stringContaining('3 Meldungen')
		});
	});

	it('freezes versions that never change, and files the report as a paper of type report', async () => {
		const { db, coordinator, wg, sg } = await setup();
		const { id } = await createStatusReport(coordinator, {
			title: 'Sachstandsbericht 2. Halbjahr 2024',
			periodStart: '2024-07-01',
			periodEnd: '2024-12-31',
			bodyId: sg.id
		});
		await saveReportNotes(coordinator, {
			introduction: 'Ein bewegtes Halbjahr.',
			remarks: { meetings: 'Alle Arbeitskreise tagten regelmäßig.', bogus: 'ignoriert' },
			reportId: id
		});
		const first = await freezeStatusReport(coordinator, { reportId: id });
		expect(first.version).toBe(1);
		const [paper] = await db.select().from(papers).where(eq(papers.id, first.paperId));
		expect(paper).toMatchObject({ type: 'report', addressedBodyId: sg.id, state: 'submitted' });
		expect(paper.text).toContain('Ein bewegtes Halbjahr.');
		const attached = await db.select().from(paperFiles).where(eq(paperFiles.paperId, paper.id));
		expect(attached).toHaveLength(1);

		// later data does not change the frozen version
		await buildMeeting(db, wg, { startsAt: new Date('2024-10-01T10:00:00Z'), state: 'held' });
		const v1 = await reportVersionDocument(coordinator, { reportId: id, version: '1' });
		expect(v1.introduction).toBe('Ein bewegtes Halbjahr.');
		expect(v1.sections.find((s) => s.key === 'meetings')!.remarks).toBe(
			'Alle Arbeitskreise tagten regelmäßig.'
		);
		expect(JSON.stringify(v1.sections[0].blocks)).not.toContain(wg.name);
		const live = await reportVersionDocument(coordinator, { reportId: id, version: 'live' });
		expect(JSON.stringify(live.sections[0])).toContain(wg.name);

		const second = await freezeStatusReport(coordinator, { reportId: id });
		expect(second).toEqual({ version: 2, paperId: first.paperId });
		const versions = await db
			.select()
			.from(statusReportVersions)
			.where(eq(statusReportVersions.reportId, id));
		expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
		// a version is read only through its own report
		const { id: otherReport } = await createStatusReport(coordinator, {
			title: 'Anderer Bericht',
			periodStart: '2025-01-01',
			periodEnd: '2025-06-30'
		});
		await expect(
			reportVersionDocument(coordinator, { reportId: otherReport, version: '1' })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			reportVersionDocument(coordinator, { reportId: 'kein-bericht', version: '1' })
		).rejects.toBeInstanceOf(NotFoundError);
	});

	it('only coordinators manage reports; the steering group reads them; others see nothing', async () => {
		const { coordinator, ctxFor } = await setup();
		const steering = await ctxFor('steering');
		const member = await ctxFor('member');
		const raw = { title: 'Bericht', periodStart: '2025-01-01', periodEnd: '2025-06-30' };
		await expect(createStatusReport(steering, raw)).rejects.toBeInstanceOf(NotFoundError);
		const { id } = await createStatusReport(coordinator, raw);
		await expect(getStatusReport(steering, { reportId: id })).resolves.toBeTruthy();
		await expect(getStatusReport(member, { reportId: id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(freezeStatusReport(steering, { reportId: id })).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(
			createStatusReport(coordinator, { ...raw, periodEnd: '2024-01-01' })
		).rejects.toBeInstanceOf(ValidationError);
	});
});

describe('renderers', () => {
	const doc: ReportDocument = {
		title: 'Sachstandsbericht <Test>',
		subtitle: 'Landkreis Gifhorn',
		lang: 'de',
		generatedAt: '2025-07-01T00:00:00Z',
		introduction: 'Einleitung',
		sections: [
			{
				key: 'meetings',
				title: 'Sitzungen',
				blocks: [
					{
						kind: 'table',
						caption: 'Sitzungen je Gremium',
						columns: ['Gremium', 'Anzahl'],
						rows: [['AK <b>', '2']]
					},
					{ kind: 'list', items: ['eins'] }
				],
				remarks: 'Anmerkung'
			}
		]
	};

	it('HTML: language, one h1, escaped content, tables with caption and header scopes', () => {
		const html = renderReportHtml(doc);
		expect(html).toContain('<html lang="de-DE">');
		expect(html.match(/<h1>/g)).toHaveLength(1);
		expect(html).toContain('Sachstandsbericht &lt;Test&gt;');
		expect(html).toContain('<caption>Sitzungen je Gremium</caption>');
		expect(html).toContain('<th scope="col">Gremium</th>');
		expect(html).toContain('<th scope="row">AK &lt;b&gt;</th>');
		expect(html).not.toContain('<b>');
	});

	it('PDF: tagged, with language and title', async () => {
		const pdf = await renderReportPdf(doc);
		const text = pdf.toString('latin1');
		expect(text.startsWith('%PDF-1.7')).toBe(true);
		expect(text).toContain('/StructTreeRoot');
		expect(text).toContain('/Lang (de-DE)');
		expect(text).toContain('/Marked true');
		expect(text).toMatch(/\/S \/Table/);
		expect(text).toContain('/DisplayDocTitle true');
	});

	it('lastHalfYear picks the last completed half-year', () => {
		expect(lastHalfYear(new Date('2026-11-27T00:00:00Z'))).toMatchObject({
			start: '2026-01-01',
			end: '2026-06-30'
		});
		expect(lastHalfYear(new Date('2026-03-01T00:00:00Z'))).toMatchObject({
			start: '2025-07-01',
			end: '2025-12-31'
		});
	});
});
