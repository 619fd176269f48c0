/**
 * Demo integration concepts, from the seeds: the guidelines of the Integrationsrat paper (001),
 * Gifhorn's concept of 2010 revised 2018 on the Leitbild adopted by the Kreistag (002) with its
 * four Lebensfelder, goals and measures from the Laatzen recommendations (003). Indicator values
 * are invented demo figures (isDemo) with plausible orders of magnitude, marked as such.
 */
import { and, eq, ilike } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { tenants } from '../tenants/schema';
import { fieldsOfAction } from '../fields-of-action/schema';
import { bodies } from '../bodies/schema';
import { organizations } from '../organizations/schema';
import {
	conceptEditions,
	conceptGoals,
	conceptGuidelines,
	conceptGuidingQuestions,
	conceptMeasures,
	measureHistory,
	measureLinks,
	measureStates,
	milestones
} from '../concept/schema';
import { indicatorGoals, indicators, indicatorValues } from '../concept/indicator-schema';
import { priorityAllocations, priorityRounds } from '../concept/prioritisation-schema';
import { DEFAULT_STATES } from '../concept/editions';
import { INDICATOR_LIBRARY } from '../concept/indicator-library';

/** 001: "Vorschläge für Leitlinien zur Eingrenzung/Akzentuierung des Integrationsbegriffs". */
export const GUIDELINES_001: [string, string | null][] = [
	['Integration bedeutet miteinander, nicht nebeneinander leben', 'Austausch'],
	['Integration ist ein wechselseitiger Prozess', null],
	[
		'Integration ist kein linearer, sondern ein partizipativer und häufig konfliktreicher Prozess',
		null
	],
	['Integration ist kein gradliniger, sondern ein ungleichmäßig verlaufender Prozess', null],
	[
		'Integration vollzieht sich auf persönlicher, institutioneller und gesellschaftlicher Ebene',
		null
	],
	[
		'Integration ist ein gesamtgesellschaftlicher, gesamtkommunaler, mehrdimensionaler Prozess',
		'Mit dem Ziel, Chancengleichheit bzw. gleichberechtigte Teilhabechancen herzustellen, indem bei der Überwindung migrationsspezifischer Hürden geholfen wird.'
	],
	['Integration kann sich über mehrere Generationen hinziehen', null],
	['Prinzip Hilfe zur Selbsthilfe', null],
	[
		'Eltern spielen eine zentrale Rolle wegen ihres zukunftsbestimmenden Einflusses auf die Kinder',
		null
	],
	[
		'Migrant:innen werden als Akteur:innen wahrgenommen statt als Benachteiligte',
		'… und als soziokulturelle Bereicherung statt als Gefährdung oder Konkurrenz.'
	],
	['Grundlage ist der Respekt des Grundgesetzes durch alle', null],
	['Grundlage ist der grundsätzliche Respekt dem anderen und dem Fremden gegenüber', null],
	[
		'Grundlage ist die Verständigung über die gemeinsame Sprache Deutsch',
		'Ohne dass die Herkunftssprachen deswegen vernachlässigt werden sollten.'
	],
	[
		'Integration wird gefördert durch bürgerschaftliches Engagement und die Beteiligung der Betroffenen',
		'Sicherstellung der Partizipation der Beteiligten bei neuen Maßnahmen, insbesondere in kommunaler Politik und Verwaltung.'
	],
	['Zentrale Akteur:innen werden in die kommunalen Netzwerke eingebunden', null],
	['Die Kommune erkennt die soziokulturelle Vielfalt an', null]
];

/** 001: questions the first guideline raises for the language working group. */
const QUESTIONS_001 = [
	'Wie können mehr Gelegenheiten zum Lernen der deutschen Sprache in direktem Kontakt geschaffen werden?',
	'Wie kann ich die bestehenden Ankommenstreffpunkte, die ein solches Angebot machen, bekannter machen?',
	'Wie erreiche ich bestimmte Zielgruppen?'
];

const LEITBILD_GIFHORN =
	'Integrationsleitbild des Landkreises Gifhorn, beschlossen vom Kreistag am 18.12.2008:\n\n„Integration als gesamtgesellschaftliche Aufgabe betrifft alle Bereiche menschlichen Lebens und fordert auch Institutionen, Verbände, Unternehmen, Vereine und jeden Einzelnen heraus. […] Achtung voreinander und gegenseitige Wertschätzung sind Grundlage im gegenseitigen Verständigungsprozess. Der Erfolg von Integration entscheidet sich im alltäglichen Miteinander im Dialog mit allen Beteiligten. Integration setzt Chancengleichheit voraus. Die zugewanderten Menschen im Landkreis Gifhorn nehmen gleichberechtigt am gesellschaftlichen Leben teil.“';

interface MeasureSpec {
	title: string;
	description?: string;
	state: string;
	progress?: number;
	start?: string;
	end?: string;
	cost?: number;
	funding?: string;
	partners?: string;
	targetGroups?: string[];
	isPublic?: boolean;
	milestones?: [string, string, string | null][];
	/** index into the guidelines */
	guideline?: number;
}

interface GoalSpec {
	field: string;
	title: string;
	description?: string;
	measures: MeasureSpec[];
}

/** Goals and measures after the Laatzen recommendations (003), by Gifhorn's Lebensfelder. */
const GIFHORN_GOALS: GoalSpec[] = [
	{
		field: 'bildung',
		title: 'Alle Kinder erwerben früh die deutsche Sprache',
		description:
			'Integration und Partizipation setzen Information und Sprachkenntnisse voraus; insbesondere den Kindern ist die Möglichkeit zum Erwerb der deutschen Sprache einzuräumen.',
		measures: [
			{
				title: 'Sprachförderung in den Kindertagesstätten',
				description:
					'Alltagsintegrierte Sprachbildung in allen Kitas des Landkreises, Fortbildung der Fachkräfte.',
				state: 'umsetzung',
				progress: 60,
				start: '2018-08-01',
				end: '2024-07-31',
				cost: 45000,
				funding: 'Landesprogramm Sprachförderung, Eigenmittel Landkreis',
				targetGroups: ['children'],
				guideline: 12,
				milestones: [
					['Fortbildungsreihe für Kita-Fachkräfte abgeschlossen', '2019-06-30', '2019-06-28'],
					['Sprachbildung in allen Kitas verankert', '2024-07-31', null]
				]
			},
			{
				title: 'Sprach- und Bildungsförderung an Grund- und weiterführenden Schulen',
				state: 'umsetzung',
				progress: 40,
				start: '2019-02-01',
				end: '2026-07-31',
				targetGroups: ['children', 'youth'],
				partners: 'Schulen, Regionales Landesamt für Schule und Bildung'
			},
			{
				title: 'Integrationsberatung an den Schulen (mehrsprachige Einschulung)',
				state: 'vorbereitung',
				start: '2025-08-01',
				end: '2026-12-31',
				targetGroups: ['parents', 'children']
			}
		]
	},
	{
		field: 'familienleben',
		title: 'Familien mit Zuwanderungsgeschichte nutzen Bildung und Betreuung',
		measures: [
			{
				title: 'Besondere Integrationsangebote für Frauen und Mütter (Sprache, Bildung, Sport)',
				state: 'umsetzung',
				start: '2018-09-01',
				end: '2025-12-31',
				targetGroups: ['women', 'parents'],
				cost: 12000,
				funding: 'Kreismittel Integration',
				guideline: 8
			},
			{
				title: 'Kita-Besuch von Kindern aus zugewanderten Familien fördern',
				description:
					'Die Empfehlung „verpflichtender Besuch der Kindertagesstätten“ wird als Beratung und Begleitung der Eltern umgesetzt.',
				state: 'geplant',
				start: '2026-01-01',
				end: '2027-12-31',
				targetGroups: ['families']
			}
		]
	},
	{
		field: 'ausbildung-arbeit',
		title: 'Zugewanderte finden Ausbildung und Arbeit',
		measures: [
			{
				title:
					'Berufliche Qualifikation in Zusammenarbeit mit Arbeitsverwaltung, Verwaltung und Unternehmen',
				state: 'umsetzung',
				progress: 70,
				start: '2018-01-01',
				end: '2025-06-30',
				partners: 'Agentur für Arbeit, Jobcenter, Kammern',
				targetGroups: ['young_adults', 'skilled_workers'],
				milestones: [['Kooperationsvereinbarung mit dem Jobcenter', '2018-06-30', '2018-05-15']]
			},
			{
				title: 'Interkulturelle Ausrichtung der Verwaltung',
				description:
					'Leitbild, Fortbildungen in allen Bereichen, Einstellung mehrsprachiger Mitarbeiterinnen und Mitarbeiter.',
				state: 'abgeschlossen',
				start: '2018-01-01',
				end: '2021-12-31'
			}
		]
	},
	{
		field: 'teilhabe',
		title: 'Zugewanderte nehmen gleichberechtigt am gesellschaftlichen Leben teil',
		measures: [
			{
				title: 'Information über die demokratischen Werte in Deutschland',
				description: 'Menschenrechte, Information über einschlägige Gesetze etc.',
				state: 'umsetzung',
				start: '2019-01-01',
				end: '2025-12-31',
				guideline: 10
			},
			{
				title: 'Interkulturelle und interreligiöse Dialoge',
				state: 'umsetzung',
				progress: 30,
				start: '2020-03-01',
				end: '2026-12-31',
				guideline: 0
			},
			{
				title: 'Leitfaden zur Aufnahme neuer Geflüchteter und Zugewanderter',
				state: 'geplant',
				start: '2025-03-01',
				end: '2026-03-31',
				funding: 'Drittmittel werden akquiriert'
			},
			{
				title: 'Sofortige Reaktion auf ausländerfeindliche Aktivitäten',
				state: 'zurueckgestellt',
				isPublic: false,
				description: 'Abstimmung mit Polizei und Ordnungsamt; internes Verfahren.'
			},
			{
				title: 'Zugang zu preiswerten Wohnungen in allen Ortsteilen',
				state: 'vorgeschlagen'
			}
		]
	}
];

/** Landshut's draft: proposed measures for the members' dot voting. */
const LANDSHUT_GOALS: GoalSpec[] = [
	{
		field: 'sprache',
		title: 'Mehr Gelegenheiten, Deutsch im direkten Kontakt zu lernen',
		measures: [
			{ title: 'Sprachcafés in allen Stadtteilen', state: 'vorgeschlagen', guideline: 0 },
			{ title: 'Ankommenstreffpunkte bekannter machen', state: 'vorgeschlagen' },
			{ title: 'Sprachpatenschaften mit Ehrenamtlichen', state: 'vorgeschlagen' }
		]
	},
	{
		field: 'teilhabe',
		title: 'Migrant:innen gestalten das Stadtleben mit',
		measures: [
			{
				title: 'Interkulturelle Veranstaltungen mit Migrantenselbstorganisationen',
				state: 'vorgeschlagen'
			},
			{
				title: 'Beirat für Migration und Integration in die Netzwerktreffen einbinden',
				state: 'umsetzung',
				start: '2024-01-01',
				end: '2026-12-31'
			}
		]
	}
];

/** Demo values: year → value, the last day of the year. */
type Series = Record<number, number>;
const GIFHORN_VALUES: Record<
	string,
	{ target?: [number, string]; baseline?: [number, string]; values: Series }
> = {
	auslaenderanteil: {
		values: {
			2014: 5.6,
			2015: 6.8,
			2016: 7.4,
			2017: 7.7,
			2018: 8.0,
			2019: 8.3,
			2020: 8.4,
			2021: 8.7,
			2022: 9.9,
			2023: 10.2
		}
	},
	'sgb2-quote-auslaender': {
		baseline: [21.4, '2017-12-31'],
		target: [15, '2028-12-31'],
		values: { 2017: 21.4, 2018: 20.6, 2019: 19.5, 2020: 19.9, 2021: 18.8, 2022: 18.1, 2023: 17.4 }
	},
	'arbeitslosenquote-auslaender': {
		baseline: [15.2, '2017-12-31'],
		target: [10, '2028-12-31'],
		values: { 2017: 15.2, 2018: 14.6, 2019: 14.1, 2020: 15.3, 2021: 14.9, 2022: 14.4, 2023: 14.2 }
	},
	einbuergerungsquote: {
		baseline: [1.9, '2017-12-31'],
		target: [3, '2026-12-31'],
		values: { 2017: 1.9, 2018: 2.0, 2019: 2.2, 2020: 2.1, 2021: 2.4, 2022: 2.7, 2023: 2.9 }
	},
	'betreuungsquote-u3-auslaendisch': {
		baseline: [17.5, '2018-03-01'],
		target: [35, '2027-03-01'],
		values: { 2018: 17.5, 2019: 18.9, 2020: 19.4, 2021: 20.8 }
	},
	'schulabgang-ohne-abschluss-auslaendisch': {
		baseline: [14.8, '2017-07-31'],
		target: [8, '2026-07-31'],
		values: {}
	}
};

/** Freising: share of foreign nationals per municipality (demo), for the district comparison. */
const FREISING_SHARE: Record<string, Series> = {
	'': { 2020: 15.1, 2021: 15.6, 2022: 17.0, 2023: 17.6 },
	freising: { 2020: 19.2, 2021: 19.8, 2022: 21.3, 2023: 22.0 },
	moosburg: { 2020: 17.4, 2021: 17.9, 2022: 19.5, 2023: 20.1 },
	neufahrn: { 2020: 21.0, 2021: 21.4, 2022: 23.0, 2023: 23.6 },
	eching: { 2020: 16.3, 2021: 16.8, 2022: 18.1, 2023: 18.5 }
};

async function ensureStates(tx: Executor, tenantId: string) {
	const rows = await tx
		.insert(measureStates)
		.values(DEFAULT_STATES.map((s, i) => ({ tenantId, ...s, position: i + 1 })))
		.onConflictDoNothing()
		.returning();
	const all = rows.length
		? rows
		: await tx.select().from(measureStates).where(eq(measureStates.tenantId, tenantId));
	return Object.fromEntries(all.map((s) => [s.key, s]));
}

async function fieldIds(tx: Executor, tenantId: string) {
	const rows = await tx.select().from(fieldsOfAction).where(eq(fieldsOfAction.tenantId, tenantId));
	return Object.fromEntries(rows.map((r) => [r.key, r.id]));
}

/** The measure states (created when missing) and the fields of action a tenant's concept uses. */
async function conceptLookups(tx: Executor, tenantId: string) {
	const states = await ensureStates(tx, tenantId);
	const fields = await fieldIds(tx, tenantId);
	return { states, fields };
}

/** Inserts one concept edition of the tenant and returns it. */
async function insertEdition(
	tx: Executor,
	tenantId: string,
	values: Omit<typeof conceptEditions.$inferInsert, 'tenantId'>
) {
	const [edition] = await tx
		.insert(conceptEditions)
		.values({ tenantId, ...values })
		.returning();
	return edition;
}

/** Demo values of one indicator, one per year (on 31 December); municipality null: the tenant. */
function yearEndValues(
	tenantId: string,
	indicatorId: string,
	series: Record<string, number>,
	municipalityId: string | null = null
) {
	return Object.entries(series).map(([year, value]) => ({
		tenantId,
		indicatorId,
		municipalityId,
		date: `${year}-12-31`,
		value,
		sourceNote: 'Demo-Zahlen',
		isDemo: true
	}));
}

/** A working group of the tenant whose name contains the word; created when there is none. */
async function workingGroup(tx: Executor, tenantId: string, word: string, name: string) {
	const [found] = await tx
		.select()
		.from(bodies)
		.where(
			and(
				eq(bodies.tenantId, tenantId),
				eq(bodies.kind, 'working_group'),
				ilike(bodies.name, `%${word}%`)
			)
		)
		.limit(1);
	if (found) return found;
	const [row] = await tx
		.insert(bodies)
		.values({ tenantId, kind: 'working_group', name, visibility: 'network' })
		.returning();
	return row;
}

async function fillEdition(
	tx: Executor,
	tenantId: string,
	editionId: string,
	guidelineList: [string, string | null][],
	goals: GoalSpec[],
	states: Record<string, typeof measureStates.$inferSelect>,
	fields: Record<string, string>,
	responsible: string | null,
	createdBy: string
) {
	const guidelineIds: string[] = [];
	for (const [i, [title, explanation]] of guidelineList.entries()) {
		const [g] = await tx
			.insert(conceptGuidelines)
			.values({ tenantId, editionId, position: i + 1, title, explanation })
			.returning({ id: conceptGuidelines.id });
		guidelineIds.push(g.id);
	}
	const goalIds: Record<string, string> = {};
	for (const [i, goal] of goals.entries()) {
		const [g] = await tx
			.insert(conceptGoals)
			.values({
				tenantId,
				editionId,
				fieldOfActionId: fields[goal.field],
				position: i + 1,
				title: goal.title,
				description: goal.description ?? null
			})
			.returning({ id: conceptGoals.id });
		goalIds[goal.field] = g.id;
		for (const ms of goal.measures) {
			const state = states[ms.state];
			const [row] = await tx
				.insert(conceptMeasures)
				.values({
					tenantId,
					editionId,
					goalId: g.id,
					title: ms.title,
					description: ms.description ?? null,
					responsibleOrganizationIds: responsible ? [responsible] : [],
					partners: ms.partners ?? null,
					targetGroups: ms.targetGroups ?? [],
					startDate: ms.start ?? null,
					endDate: ms.end ?? null,
					costEuro: ms.cost ?? null,
					funding: ms.funding ?? null,
					stateId: state.id,
					progressOverride: ms.progress ?? null,
					isPublic: ms.isPublic ?? true,
					createdBy
				})
				.returning({ id: conceptMeasures.id });
			await tx.insert(measureHistory).values({
				tenantId,
				measureId: row.id,
				stateName: state.name,
				progress: state.category === 'completed' ? 100 : (ms.progress ?? state.progress),
				changedBy: createdBy
			});
			for (const [title, due, done] of ms.milestones ?? [])
				await tx
					.insert(milestones)
					.values({ tenantId, measureId: row.id, title, dueDate: due, doneOn: done });
			if (ms.guideline !== undefined && guidelineIds[ms.guideline])
				await tx.insert(measureLinks).values({
					tenantId,
					measureId: row.id,
					kind: 'guideline',
					targetId: guidelineIds[ms.guideline]
				});
		}
	}
	return { guidelineIds, goalIds };
}

async function adoptIndicators(
	tx: Executor,
	tenantId: string,
	keys: string[],
	overrides: Record<string, Partial<typeof indicators.$inferInsert>> = {}
) {
	const out: Record<string, string> = {};
	for (const key of keys) {
		const lib = INDICATOR_LIBRARY.find((l) => l.key === key)!;
		const { key: _k, ...rest } = lib;
		const [row] = await tx
			.insert(indicators)
			.values({ tenantId, libraryKey: key, ...rest, ...(overrides[key] ?? {}) })
			.returning({ id: indicators.id });
		out[key] = row.id;
	}
	return out;
}

export async function seedConcepts(
	tx: Executor,
	input: {
		coordinators: { landshut: string; gifhorn: string; freising: string };
		/** demo member of Landshut, who has already given points in the open round */
		landshutMember?: string;
	}
): Promise<void> {
	const bySlug = async (slug: string) => {
		const [t] = await tx.select().from(tenants).where(eq(tenants.slug, slug));
		return t;
	};
	const gifhorn = await bySlug('landkreis-gifhorn');
	const landshut = await bySlug('landshut');
	const freising = await bySlug('landkreis-freising');
	const orgOf = async (tenantId: string) => {
		const [o] = await tx
			.select({ id: organizations.id })
			.from(organizations)
			.where(and(eq(organizations.tenantId, tenantId), ilike(organizations.name, '%Integration%')))
			.limit(1);
		return o?.id ?? null;
	};

	// ---- Gifhorn: 2010 (superseded) and the 2018 revision (adopted), on the 2008 Leitbild
	{
		const { states, fields } = await conceptLookups(tx, gifhorn.id);
		const office = await orgOf(gifhorn.id);
		const by = input.coordinators.gifhorn;
		const e2010 = await insertEdition(tx, gifhorn.id, {
			title:
				'Konzept zur Förderung der Integration von Zugewanderten und ihren Familien im Landkreis Gifhorn (2010)',
			leitbild: LEITBILD_GIFHORN,
			state: 'superseded',
			adoptedOn: '2010-03-25',
			adoptedBy: 'Kreistag',
			createdBy: by,
			createdAt: new Date('2010-01-15T10:00:00Z')
		});
		const old = GIFHORN_GOALS.map((g) => ({
			...g,
			measures: g.measures.filter((m) => (m.start ?? '9999') < '2019-01-01')
		}));
		const first = await fillEdition(
			tx,
			gifhorn.id,
			e2010.id,
			GUIDELINES_001.slice(0, 8),
			old,
			states,
			fields,
			office,
			by
		);
		const e2018 = await insertEdition(tx, gifhorn.id, {
			title: 'Integrationskonzept Landkreis Gifhorn – Fortschreibung 2018',
			leitbild: LEITBILD_GIFHORN,
			state: 'adopted',
			adoptedOn: '2018-12-13',
			adoptedBy: 'Kreistag',
			basedOnId: e2010.id,
			createdBy: by,
			createdAt: new Date('2018-02-01T10:00:00Z')
		});
		const second = await fillEdition(
			tx,
			gifhorn.id,
			e2018.id,
			GUIDELINES_001,
			GIFHORN_GOALS,
			states,
			fields,
			office,
			by
		);
		// the revision continues the 2010 items: originId lets the diff match them
		for (const [i, id] of second.guidelineIds.entries())
			if (first.guidelineIds[i])
				await tx
					.update(conceptGuidelines)
					.set({ originId: first.guidelineIds[i] })
					.where(eq(conceptGuidelines.id, id));
		for (const [field, id] of Object.entries(second.goalIds))
			await tx
				.update(conceptGoals)
				.set({ originId: first.goalIds[field] })
				.where(eq(conceptGoals.id, id));
		const oldMeasures = await tx
			.select()
			.from(conceptMeasures)
			.where(eq(conceptMeasures.editionId, e2010.id));
		const newMeasures = await tx
			.select()
			.from(conceptMeasures)
			.where(eq(conceptMeasures.editionId, e2018.id));
		for (const n of newMeasures) {
			const o = oldMeasures.find((x) => x.title === n.title);
			if (o)
				await tx
					.update(conceptMeasures)
					.set({ originId: o.id })
					.where(eq(conceptMeasures.id, n.id));
		}
		// 001's example: the first guideline's questions for the language/education working group
		const group = await workingGroup(tx, gifhorn.id, 'Bildung', 'Arbeitskreis Bildung');
		for (const [i, question] of QUESTIONS_001.entries())
			await tx.insert(conceptGuidingQuestions).values({
				tenantId: gifhorn.id,
				guidelineId: second.guidelineIds[0],
				bodyId: group.id,
				position: i + 1,
				question
			});
		const ids = await adoptIndicators(tx, gifhorn.id, Object.keys(GIFHORN_VALUES), {
			auslaenderanteil: { level: 'tenant' }
		});
		for (const [key, spec] of Object.entries(GIFHORN_VALUES)) {
			await tx
				.update(indicators)
				.set({
					baselineValue: spec.baseline?.[0] ?? null,
					baselineDate: spec.baseline?.[1] ?? null,
					targetValue: spec.target?.[0] ?? null,
					targetDate: spec.target?.[1] ?? null
				})
				.where(eq(indicators.id, ids[key]));
			const rows = yearEndValues(gifhorn.id, ids[key], spec.values);
			if (rows.length) await tx.insert(indicatorValues).values(rows);
		}
		// breakdown by sex for the SGB II rate, latest year
		await tx.insert(indicatorValues).values([
			{
				tenantId: gifhorn.id,
				indicatorId: ids['sgb2-quote-auslaender'],
				date: '2023-12-31',
				value: 18.9,
				breakdownDimension: 'Geschlecht',
				breakdownCategory: 'weiblich',
				sourceNote: 'Demo-Zahlen',
				isDemo: true
			},
			{
				tenantId: gifhorn.id,
				indicatorId: ids['sgb2-quote-auslaender'],
				date: '2023-12-31',
				value: 16.0,
				breakdownDimension: 'Geschlecht',
				breakdownCategory: 'männlich',
				sourceNote: 'Demo-Zahlen',
				isDemo: true
			}
		]);
		const linkGoal = (key: string, field: string) =>
			tx
				.insert(indicatorGoals)
				.values({ tenantId: gifhorn.id, indicatorId: ids[key], goalId: second.goalIds[field] });
		await linkGoal('betreuungsquote-u3-auslaendisch', 'familienleben');
		await linkGoal('schulabgang-ohne-abschluss-auslaendisch', 'bildung');
		await linkGoal('sgb2-quote-auslaender', 'ausbildung-arbeit');
		await linkGoal('arbeitslosenquote-auslaender', 'ausbildung-arbeit');
		await linkGoal('einbuergerungsquote', 'teilhabe');
	}

	// ---- Landshut: a draft with proposed measures and an open dot-voting round
	{
		const { states, fields } = await conceptLookups(tx, landshut.id);
		const by = input.coordinators.landshut;
		const edition = await insertEdition(tx, landshut.id, {
			title: 'Integrationskonzept Stadt Landshut (Entwurf)',
			leitbild:
				'Vor Ort entscheidet sich, wie das Zusammenleben von Menschen verschiedener Herkunft gelingt. Es ist eine Integration auf Gegenseitigkeit.',
			createdBy: by
		});
		const { guidelineIds } = await fillEdition(
			tx,
			landshut.id,
			edition.id,
			GUIDELINES_001.slice(0, 8),
			LANDSHUT_GOALS,
			states,
			fields,
			await orgOf(landshut.id),
			by
		);
		const group = await workingGroup(tx, landshut.id, 'Sprache', 'AG Sprache');
		for (const [i, question] of QUESTIONS_001.entries())
			await tx.insert(conceptGuidingQuestions).values({
				tenantId: landshut.id,
				guidelineId: guidelineIds[0],
				bodyId: group.id,
				position: i + 1,
				question
			});
		const [round] = await tx
			.insert(priorityRounds)
			.values({
				tenantId: landshut.id,
				editionId: edition.id,
				title: 'Punktabfrage beim Netzwerktreffen',
				pointsPerMember: 5,
				createdBy: by
			})
			.returning();
		const proposed = await tx
			.select({ id: conceptMeasures.id, title: conceptMeasures.title })
			.from(conceptMeasures)
			.where(
				and(
					eq(conceptMeasures.editionId, edition.id),
					eq(conceptMeasures.stateId, states.vorgeschlagen.id)
				)
			);
		const byTitle = (t: string) => proposed.find((p) => p.title === t)!.id;
		await tx.insert(priorityAllocations).values([
			{
				tenantId: landshut.id,
				roundId: round.id,
				userId: by,
				measureId: byTitle('Sprachcafés in allen Stadtteilen'),
				points: 3
			},
			{
				tenantId: landshut.id,
				roundId: round.id,
				userId: by,
				measureId: byTitle('Sprachpatenschaften mit Ehrenamtlichen'),
				points: 2
			}
		]);
		const ids = await adoptIndicators(
			tx,
			landshut.id,
			['auslaenderanteil', 'einbuergerungsquote'],
			{
				auslaenderanteil: { level: 'tenant' }
			}
		);
		await tx.insert(indicatorValues).values(
			yearEndValues(landshut.id, ids.auslaenderanteil, {
				2019: 15.9,
				2020: 16.4,
				2021: 16.9,
				2022: 18.6,
				2023: 19.1
			})
		);
	}

	// ---- Freising: the share of foreign nationals per municipality, for the district comparison
	{
		const { states, fields } = await conceptLookups(tx, freising.id);
		const by = input.coordinators.freising;
		const edition = await insertEdition(tx, freising.id, {
			title: 'Integrationskonzept Landkreis Freising',
			state: 'adopted',
			adoptedOn: '2021-07-19',
			adoptedBy: 'Kreistag',
			createdBy: by
		});
		await fillEdition(
			tx,
			freising.id,
			edition.id,
			[],
			[
				{
					field: 'familie',
					title: 'Familien erhalten wohnortnah Beratung',
					measures: [
						{
							title: 'Mobile Elternbegleitung – Beratungsbus in allen Gemeinden',
							state: 'umsetzung',
							progress: 50,
							start: '2022-01-01',
							end: '2026-12-31',
							funding: 'Landkreis Freising'
						}
					]
				}
			],
			states,
			fields,
			await orgOf(freising.id),
			by
		);
		const ids = await adoptIndicators(tx, freising.id, ['auslaenderanteil']);
		const children = await tx.select().from(tenants).where(eq(tenants.parentId, freising.id));
		for (const [slug, series] of Object.entries(FREISING_SHARE)) {
			const municipalityId = slug ? (children.find((c) => c.slug === slug)?.id ?? null) : null;
			if (slug && !municipalityId) continue;
			await tx
				.insert(indicatorValues)
				.values(yearEndValues(freising.id, ids.auslaenderanteil, series, municipalityId));
		}
	}
}
