/**
 * The sections of the half-yearly status report (Sachstandsbericht), each built by a provider
 * from live data for the period. A provider whose data does not exist in an installation may
 * answer `available: false`; the report then lists the section as not yet available. Frozen
 * versions keep the blocks they were built with. To add a section, add a provider to
 * SECTION_PROVIDERS.
 */
import { and, asc, eq, gte, inArray, isNotNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { bodies } from '../bodies/schema';
import { actionItems, meetings } from '../meetings/schema';
import { organizations } from '../organizations/schema';
import { offerTexts, offers } from '../offers/schema';
import { consultations, instructions, papers } from '../papers/schema';
import { loadWorkflow } from '../papers/access';
import { stateLabel } from '../papers/workflow';
import { paperTypeOptions } from '../papers/types';
import { inquiries, INQUIRY_KINDS, INQUIRY_STATES } from '../inquiries/schema';
import { conceptMeasures, measureHistory } from '../concept/schema';
import { adoptedEdition, workingEdition } from '../concept/editions';
import { conceptTree, dashboardOf } from '../concept/views';
import { indicatorViews } from '../concept/indicators';
import { indicatorTrend, type TrendStatus } from '../concept/calc';
import type { DocBlock, DocSection } from './document';

export interface ReportScope {
	db: Executor;
	tenantId: string;
	/** first and last day, inclusive, YYYY-MM-DD */
	periodStart: string;
	periodEnd: string;
}

export interface SectionProvider {
	key: string;
	title: string;
	/** whether the data for this section exists in this installation */
	available(db: Executor): Promise<boolean>;
	build(scope: ReportScope): Promise<DocBlock[]>;
}

const always = async () => true;

const percent = (n: number | null) => (n === null ? '–' : `${n} %`);
const number = (n: number | null | undefined) =>
	n === null || n === undefined ? '–' : n.toLocaleString('de-DE', { maximumFractionDigits: 2 });

/** Period bounds as instants in Europe/Berlin (start of the first day, end of the last day). */
function bounds(scope: ReportScope) {
	const start = berlinMidnight(scope.periodStart);
	const next = new Date(`${scope.periodEnd}T12:00:00Z`);
	next.setUTCDate(next.getUTCDate() + 1);
	const end = berlinMidnight(next.toISOString().slice(0, 10));
	return { start, end };
}

/** 00:00 of a calendar day in Europe/Berlin as an instant. */
export function berlinMidnight(day: string): Date {
	const utc = new Date(`${day}T00:00:00Z`);
	const hour = Number(
		new Intl.DateTimeFormat('en-GB', {
			timeZone: 'Europe/Berlin',
			hour: '2-digit',
			hourCycle: 'h23'
		}).format(utc)
	);
	return new Date(utc.getTime() - hour * 3_600_000);
}

export function formatDay(iso: string | Date): string {
	const d = typeof iso === 'string' ? new Date(`${iso}T12:00:00Z`) : iso;
	return d.toLocaleDateString('de-DE', {
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		timeZone: 'Europe/Berlin'
	});
}

const ACTION_STATE_DE: Record<string, string> = {
	open: 'offen',
	in_progress: 'in Arbeit',
	done: 'erledigt',
	cancelled: 'entfallen'
};

const ROLE_DE: Record<string, string> = {
	information: 'Kenntnisnahme',
	preliminary: 'Vorberatung',
	decision: 'Entscheidung'
};

/** Meetings held per body: meetings in the period that were not cancelled and have begun. */
const meetingsProvider: SectionProvider = {
	key: 'meetings',
	title: 'Sitzungen der Gremien',
	available: always,
	async build(scope) {
		const { start, end } = bounds(scope);
		const rows = await scope.db
			.select({ body: bodies.name, startsAt: meetings.startsAt })
			.from(meetings)
			.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
			.where(
				and(
					eq(meetings.tenantId, scope.tenantId),
					ne(meetings.state, 'cancelled'),
					gte(meetings.startsAt, start),
					sql`${meetings.startsAt} < ${end.toISOString()}::timestamptz`,
					sql`${meetings.startsAt} <= now()`
				)
			)
			.orderBy(asc(bodies.name), asc(meetings.startsAt));
		if (rows.length === 0)
			return [{ kind: 'paragraph', text: 'Im Berichtszeitraum fanden keine Sitzungen statt.' }];
		const byBody = new Map<string, Date[]>();
		for (const r of rows) byBody.set(r.body, [...(byBody.get(r.body) ?? []), r.startsAt]);
		return [
			{
				kind: 'paragraph',
				text: `Im Berichtszeitraum fanden ${rows.length} Sitzungen in ${byBody.size} Gremien statt.`
			},
			{
				kind: 'table',
				caption: 'Sitzungen je Gremium',
				columns: ['Gremium', 'Anzahl', 'Termine'],
				rows: [...byBody.entries()].map(([body, dates]) => [
					body,
					String(dates.length),
					dates.map((d) => formatDay(d)).join(', ')
				])
			}
		];
	}
};

/** Papers of the period (dated in it or decided in it) with their state and results. */
const papersProvider: SectionProvider = {
	key: 'papers',
	title: 'Vorlagen und Beschlüsse',
	available: always,
	async build(scope) {
		const { start, end } = bounds(scope);
		const def = await loadWorkflow(scope.db, scope.tenantId);
		const types = new Map(
			(await paperTypeOptions(scope.db, scope.tenantId, 'de')).map((t) => [t.key, t.label])
		);
		const decidedIn = scope.db
			.select({ id: consultations.paperId })
			.from(consultations)
			.where(
				and(
					eq(consultations.tenantId, scope.tenantId),
					isNotNull(consultations.decidedAt),
					gte(consultations.decidedAt, start),
					sql`${consultations.decidedAt} < ${end.toISOString()}::timestamptz`
				)
			);
		const rows = await scope.db
			.select({ paper: papers, origin: bodies.name })
			.from(papers)
			.leftJoin(bodies, eq(bodies.id, papers.originatingBodyId))
			.where(
				and(
					eq(papers.tenantId, scope.tenantId),
					ne(papers.state, 'draft'),
					ne(papers.type, 'report'),
					or(
						and(gte(papers.date, scope.periodStart), lte(papers.date, scope.periodEnd)),
						inArray(papers.id, decidedIn)
					)
				)
			)
			.orderBy(asc(papers.year), asc(papers.number));
		if (rows.length === 0)
			return [{ kind: 'paragraph', text: 'Im Berichtszeitraum gab es keine Vorlagen.' }];
		const ids = rows.map((r) => r.paper.id);
		const results = await scope.db
			.select({
				paperId: consultations.paperId,
				role: consultations.role,
				result: consultations.result,
				resultText: consultations.resultText,
				decidedAt: consultations.decidedAt,
				body: bodies.name
			})
			.from(consultations)
			.innerJoin(bodies, eq(bodies.id, consultations.bodyId))
			.where(and(inArray(consultations.paperId, ids), isNotNull(consultations.result)))
			.orderBy(asc(consultations.decidedAt));
		const counts = new Map<string, number>();
		for (const r of rows) counts.set(r.paper.state, (counts.get(r.paper.state) ?? 0) + 1);
		const blocks: DocBlock[] = [
			{
				kind: 'facts',
				items: [
					{ label: 'Vorlagen im Berichtszeitraum', value: String(rows.length) },
					...[...counts.entries()].map(([state, n]) => ({
						label: stateLabel(def, state, 'de'),
						value: String(n)
					}))
				]
			},
			{
				kind: 'table',
				caption: 'Vorlagen',
				columns: ['Nummer', 'Titel', 'Art', 'Von', 'Stand', 'Ergebnis'],
				rows: rows.map((r) => {
					const res = results.filter((x) => x.paperId === r.paper.id);
					return [
						r.paper.reference,
						r.paper.title,
						types.get(r.paper.type) ?? r.paper.type,
						r.origin ?? '–',
						stateLabel(def, r.paper.state, 'de'),
						res.length
							? res
									.map(
										(x) =>
											`${x.body} (${ROLE_DE[x.role]}, ${x.decidedAt ? formatDay(x.decidedAt) : ''}): ${stateLabel(def, x.result!, 'de')}${x.resultText ? ` – ${x.resultText}` : ''}`
									)
									.join('; ')
							: '–'
					];
				})
			}
		];
		return blocks;
	}
};

/** Open instructions and action items at the end of the period. */
const actionsProvider: SectionProvider = {
	key: 'actions',
	title: 'Offene Handlungsanweisungen und Aufgaben',
	available: always,
	async build(scope) {
		const openIns = await scope.db
			.select({
				reference: papers.reference,
				body: bodies.name,
				org: organizations.name,
				text: instructions.text,
				due: instructions.dueDate,
				state: actionItems.state
			})
			.from(instructions)
			.innerJoin(papers, eq(papers.id, instructions.paperId))
			.innerJoin(bodies, eq(bodies.id, instructions.bodyId))
			.leftJoin(organizations, eq(organizations.id, instructions.organizationId))
			.leftJoin(actionItems, eq(actionItems.id, instructions.actionItemId))
			.where(
				and(
					eq(instructions.tenantId, scope.tenantId),
					sql`${instructions.createdAt} < (${scope.periodEnd}::date + 1)::timestamptz`,
					or(sql`${actionItems.state} IS NULL`, inArray(actionItems.state, ['open', 'in_progress']))
				)
			)
			.orderBy(asc(instructions.dueDate), asc(papers.reference));
		const items = await scope.db
			.select({ body: bodies.name, state: actionItems.state, due: actionItems.dueDate })
			.from(actionItems)
			.innerJoin(bodies, eq(bodies.id, actionItems.bodyId))
			.where(
				and(
					eq(actionItems.tenantId, scope.tenantId),
					inArray(actionItems.state, ['open', 'in_progress'])
				)
			);
		const perBody = new Map<string, { open: number; overdue: number }>();
		for (const i of items) {
			const e = perBody.get(i.body) ?? { open: 0, overdue: 0 };
			e.open++;
			if (i.due && i.due < scope.periodEnd) e.overdue++;
			perBody.set(i.body, e);
		}
		const blocks: DocBlock[] = [];
		blocks.push(
			openIns.length
				? {
						kind: 'table',
						caption: 'Offene Handlungsanweisungen der Steuerungsgruppe',
						columns: ['Vorlage', 'An', 'Handlungsanweisung', 'Fällig', 'Stand'],
						rows: openIns.map((i) => [
							i.reference,
							i.org ? `${i.body} / ${i.org}` : i.body,
							i.text,
							i.due ? formatDay(i.due) : '–',
							i.state ? ACTION_STATE_DE[i.state] : 'offen'
						])
					}
				: { kind: 'paragraph', text: 'Es gibt keine offenen Handlungsanweisungen.' }
		);
		blocks.push(
			perBody.size
				? {
						kind: 'table',
						caption: 'Offene Aufgaben je Gremium',
						columns: ['Gremium', 'Offen', 'Davon überfällig'],
						rows: [...perBody.entries()]
							.sort(([a], [b]) => a.localeCompare(b, 'de'))
							.map(([body, e]) => [body, String(e.open), String(e.overdue)])
					}
				: { kind: 'paragraph', text: 'Es gibt keine offenen Aufgaben.' }
		);
		return blocks;
	}
};

/** Offers published in the period and offers whose validity ended in it. */
const offersProvider: SectionProvider = {
	key: 'offers',
	title: 'Neue und ausgelaufene Angebote',
	available: always,
	async build(scope) {
		const { start, end } = bounds(scope);
		const title = sql<string>`coalesce((select ${offerTexts.title} from ${offerTexts} where ${offerTexts.offerId} = ${offers.id} order by (${offerTexts.locale} = 'de') desc limit 1), '')`;
		const fresh = await scope.db
			.select({ title, org: organizations.name, at: offers.publishedAt })
			.from(offers)
			.innerJoin(organizations, eq(organizations.id, offers.organizationId))
			.where(
				and(
					eq(offers.tenantId, scope.tenantId),
					eq(offers.status, 'published'),
					gte(offers.publishedAt, start),
					sql`${offers.publishedAt} < ${end.toISOString()}::timestamptz`
				)
			)
			.orderBy(asc(offers.publishedAt));
		const expired = await scope.db
			.select({ title, org: organizations.name, to: offers.validTo })
			.from(offers)
			.innerJoin(organizations, eq(organizations.id, offers.organizationId))
			.where(
				and(
					eq(offers.tenantId, scope.tenantId),
					ne(offers.status, 'draft'),
					gte(offers.validTo, scope.periodStart),
					lte(offers.validTo, scope.periodEnd)
				)
			)
			.orderBy(asc(offers.validTo));
		return [
			{
				kind: 'facts',
				items: [
					{ label: 'Neu veröffentlichte Angebote', value: String(fresh.length) },
					{ label: 'Ausgelaufene Angebote', value: String(expired.length) }
				]
			},
			fresh.length
				? {
						kind: 'table',
						caption: 'Neue Angebote',
						columns: ['Angebot', 'Organisation', 'Veröffentlicht'],
						rows: fresh.map((o) => [o.title, o.org, o.at ? formatDay(o.at) : '–'])
					}
				: { kind: 'paragraph', text: 'Keine neuen Angebote im Berichtszeitraum.' },
			expired.length
				? {
						kind: 'table',
						caption: 'Ausgelaufene Angebote',
						columns: ['Angebot', 'Organisation', 'Gültig bis'],
						rows: expired.map((o) => [o.title, o.org, o.to ? formatDay(o.to) : '–'])
					}
				: { kind: 'paragraph', text: 'Keine Angebote sind im Berichtszeitraum ausgelaufen.' }
		];
	}
};

/**
 * Measures of the integration concept (the adopted edition, else the one being worked on) as
 * they stand now: per field of action and state, with the average progress (the concept's own
 * calculation), the measures overdue at the end of the period and how many changed state or
 * progress in the period.
 */
const measuresProvider: SectionProvider = {
	key: 'measures',
	title: 'Stand und Fortschritt der Maßnahmen',
	available: always,
	async build(scope) {
		const edition =
			(await adoptedEdition(scope.db, scope.tenantId)) ??
			(await workingEdition(scope.db, scope.tenantId));
		if (!edition)
			return [{ kind: 'paragraph', text: 'Es gibt noch kein Integrationskonzept mit Maßnahmen.' }];
		const tree = await conceptTree(scope.db, scope.tenantId, edition, 'de', scope.periodEnd);
		const dash = dashboardOf(tree, []);
		const all = tree.fields.flatMap((f) => f.goals.flatMap((g) => g.measures));
		if (all.length === 0)
			return [{ kind: 'paragraph', text: `„${edition.title}“ enthält noch keine Maßnahmen.` }];
		const { start, end } = bounds(scope);
		const changed = await scope.db
			.selectDistinct({ id: measureHistory.measureId })
			.from(measureHistory)
			.innerJoin(conceptMeasures, eq(conceptMeasures.id, measureHistory.measureId))
			.where(
				and(
					eq(measureHistory.tenantId, scope.tenantId),
					eq(conceptMeasures.editionId, edition.id),
					gte(measureHistory.changedAt, start),
					sql`${measureHistory.changedAt} < ${end.toISOString()}::timestamptz`
				)
			);
		const average = (ms: typeof all) => {
			const w = ms.filter((m) => m.progress !== null && m.category !== 'proposed');
			return w.length ? Math.round(w.reduce((a, m) => a + m.progress!, 0) / w.length) : null;
		};
		const states = tree.states.filter((st) =>
			dash.byState.some((b) => b.stateId === st.id && b.count)
		);
		return [
			{
				kind: 'facts',
				items: [
					{ label: 'Ausgabe', value: edition.title },
					{ label: 'Maßnahmen', value: String(all.length) },
					{ label: 'Durchschnittlicher Fortschritt', value: percent(dash.average) },
					{ label: 'Überfällig am Ende des Zeitraums', value: String(dash.overdue.length) },
					{ label: 'Im Berichtszeitraum fortgeschrieben', value: String(changed.length) }
				]
			},
			{
				kind: 'table',
				caption: 'Maßnahmen je Handlungsfeld und Stand',
				columns: ['Handlungsfeld', 'Maßnahmen', ...states.map((st) => st.name), 'Ø Fortschritt'],
				rows: tree.fields.map((f, i) => [
					f.name,
					String(dash.byField[i].total),
					...states.map((st) => String(dash.byField[i].counts[st.id] ?? 0)),
					percent(average(f.goals.flatMap((g) => g.measures)))
				])
			},
			dash.overdue.length
				? {
						kind: 'table',
						caption: 'Überfällige Maßnahmen',
						columns: ['Maßnahme', 'Handlungsfeld', 'Stand', 'Fortschritt', 'Geplantes Ende'],
						rows: dash.overdue.map((m) => [
							m.title,
							m.field,
							m.stateName,
							percent(m.progress),
							m.endDate ? formatDay(m.endDate) : '–'
						])
					}
				: {
						kind: 'paragraph',
						text: 'Am Ende des Berichtszeitraums war keine Maßnahme überfällig.'
					}
		];
	}
};

const TREND_DE: Record<TrendStatus, string> = {
	achieved: 'Ziel erreicht',
	on_track: 'auf Kurs',
	off_track: 'nicht auf Kurs',
	no_data: 'zu wenige Werte',
	no_target: 'kein Zielwert'
};

/**
 * Indicators with their latest value up to the end of the period, the target and the trend
 * towards it (the concept's trend calculation on the values known at the end of the period).
 */
const indicatorsProvider: SectionProvider = {
	key: 'indicators',
	title: 'Kennzahlen im Vergleich zu den Zielwerten',
	available: always,
	async build(scope) {
		const views = await indicatorViews(scope.db, scope.tenantId);
		if (views.length === 0)
			return [{ kind: 'paragraph', text: 'Es sind noch keine Kennzahlen angelegt.' }];
		const rows = views.map((v) => {
			const i = v.indicator;
			const trend = indicatorTrend(
				v.series.filter((p) => p.date <= scope.periodEnd),
				{ value: i.targetValue, date: i.targetDate },
				i.direction
			);
			const unit = i.unit ? ` ${i.unit}` : '';
			return {
				status: trend.status,
				row: [
					i.name,
					trend.latest
						? `${number(trend.latest.value)}${unit} (${formatDay(trend.latest.date)})`
						: '–',
					i.targetValue === null
						? '–'
						: `${number(i.targetValue)}${unit}${i.targetDate ? ` bis ${formatDay(i.targetDate)}` : ''}`,
					TREND_DE[trend.status]
				]
			};
		});
		const counts = new Map<TrendStatus, number>();
		for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
		return [
			{
				kind: 'facts',
				items: (Object.keys(TREND_DE) as TrendStatus[])
					.filter((k) => counts.has(k))
					.map((k) => ({ label: TREND_DE[k], value: String(counts.get(k)) }))
			},
			{
				kind: 'table',
				caption: 'Kennzahlen, letzter Wert und Zielwert',
				columns: ['Kennzahl', 'Letzter Wert', 'Zielwert', 'Trend'],
				rows: rows.map((r) => r.row)
			}
		];
	}
};

const INQUIRY_KIND_DE: Record<string, string> = {
	question: 'Frage',
	wish: 'Wunsch',
	suggestion: 'Anregung',
	complaint: 'Beschwerde'
};
const INQUIRY_STATE_DE: Record<string, string> = {
	new: 'neu',
	in_progress: 'in Bearbeitung',
	answered: 'beantwortet',
	closed: 'abgeschlossen'
};

/** Citizens' messages received in the period, counted by kind and current state (no content). */
const citizenMessagesProvider: SectionProvider = {
	key: 'citizen_messages',
	title: 'Meldungen von Bürger:innen nach Art',
	available: always,
	async build(scope) {
		const { start, end } = bounds(scope);
		const rows = await scope.db
			.select({ kind: inquiries.kind, state: inquiries.state, n: sql<number>`count(*)::int` })
			.from(inquiries)
			.where(
				and(
					eq(inquiries.tenantId, scope.tenantId),
					gte(inquiries.createdAt, start),
					sql`${inquiries.createdAt} < ${end.toISOString()}::timestamptz`
				)
			)
			.groupBy(inquiries.kind, inquiries.state);
		const total = rows.reduce((a, r) => a + Number(r.n), 0);
		if (total === 0)
			return [{ kind: 'paragraph', text: 'Im Berichtszeitraum gingen keine Meldungen ein.' }];
		const count = (kind: string, state?: string) =>
			rows
				.filter((r) => r.kind === kind && (!state || r.state === state))
				.reduce((a, r) => a + Number(r.n), 0);
		return [
			{
				kind: 'paragraph',
				text: `Im Berichtszeitraum gingen ${total} Meldungen ein (Stand der Bearbeitung heute).`
			},
			{
				kind: 'table',
				caption: 'Meldungen nach Art und Stand',
				columns: ['Art', 'Gesamt', ...INQUIRY_STATES.map((st) => INQUIRY_STATE_DE[st])],
				rows: INQUIRY_KINDS.map((k) => [
					INQUIRY_KIND_DE[k],
					String(count(k)),
					...INQUIRY_STATES.map((st) => String(count(k, st)))
				])
			}
		];
	}
};

export const SECTION_PROVIDERS: SectionProvider[] = [
	meetingsProvider,
	papersProvider,
	measuresProvider,
	indicatorsProvider,
	actionsProvider,
	offersProvider,
	citizenMessagesProvider
];

/** Builds every section for the period; unavailable ones carry a note instead of data. */
export async function buildSections(
	scope: ReportScope,
	remarks: Record<string, string> = {}
): Promise<DocSection[]> {
	const out: DocSection[] = [];
	for (const p of SECTION_PROVIDERS) {
		const blocks: DocBlock[] = (await p.available(scope.db))
			? await p.build(scope)
			: [
					{
						kind: 'note',
						text: 'Für diesen Abschnitt liegen in dieser Installation noch keine Daten vor.'
					}
				];
		out.push({ key: p.key, title: p.title, blocks, remarks: remarks[p.key] ?? '' });
	}
	return out;
}
