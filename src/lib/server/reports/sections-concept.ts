/** Sections about offers, the concept's measures and indicators, and citizens' messages. */
import { and, asc, eq, gte, lte, ne, sql } from 'drizzle-orm';
import { organizations } from '../organizations/schema';
import { offerTexts, offers } from '../offers/schema';
import { inquiries, INQUIRY_KINDS, INQUIRY_STATES, type InquiryKind } from '../inquiries/schema';
import { conceptMeasures, measureHistory } from '../concept/schema';
import { adoptedEdition, workingEdition } from '../concept/editions';
import { conceptTree, dashboardOf } from '../concept/views';
import { indicatorViews } from '../concept/indicators';
import { indicatorTrend, type TrendStatus } from '../concept/calc';
import {
	always,
	formatDay,
	number,
	percent,
	withinPeriod,
	type SectionProvider
} from './section-kit';

export const offersProvider: SectionProvider = {
	key: 'offers',
	title: 'Neue und ausgelaufene Angebote',
	available: always,
	async build(scope) {
		const title = sql<string>`coalesce((select ${offerTexts.title} from ${offerTexts} where ${offerTexts.offerId} = ${offers.id} order by (${offerTexts.locale} = 'de') desc limit 1), '')`;
		const fresh = await scope.db
			.select({ title, org: organizations.name, at: offers.publishedAt })
			.from(offers)
			.innerJoin(organizations, eq(organizations.id, offers.organizationId))
			.where(
				and(
					eq(offers.tenantId, scope.tenantId),
					eq(offers.status, 'published'),
					withinPeriod(offers.publishedAt, scope)
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
export const measuresProvider: SectionProvider = {
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
		const changed = await scope.db
			.selectDistinct({ id: measureHistory.measureId })
			.from(measureHistory)
			.innerJoin(conceptMeasures, eq(conceptMeasures.id, measureHistory.measureId))
			.where(
				and(
					eq(measureHistory.tenantId, scope.tenantId),
					eq(conceptMeasures.editionId, edition.id),
					withinPeriod(measureHistory.changedAt, scope)
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
export const indicatorsProvider: SectionProvider = {
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

const INQUIRY_KIND_DE: Record<InquiryKind, string> = {
	question: 'Frage',
	wish: 'Wunsch',
	suggestion: 'Anregung',
	complaint: 'Beschwerde',
	accessibility: 'Barrierefreiheit'
};
const INQUIRY_STATE_DE: Record<string, string> = {
	new: 'neu',
	in_progress: 'in Bearbeitung',
	answered: 'beantwortet',
	closed: 'abgeschlossen'
};

/** Citizens' messages received in the period, counted by kind and current state (no content). */
export const citizenMessagesProvider: SectionProvider = {
	key: 'citizen_messages',
	title: 'Meldungen von Bürger:innen nach Art',
	available: always,
	async build(scope) {
		const rows = await scope.db
			.select({ kind: inquiries.kind, state: inquiries.state, n: sql<number>`count(*)::int` })
			.from(inquiries)
			.where(and(eq(inquiries.tenantId, scope.tenantId), withinPeriod(inquiries.createdAt, scope)))
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
