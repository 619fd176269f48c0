/** Sections about meetings, papers and action items. */
import { and, asc, eq, gte, inArray, isNotNull, lte, ne, or, sql } from 'drizzle-orm';
import { bodies } from '../bodies/schema';
import { meetings } from '../meetings/schema';
import { actionItems } from '../minutes/schema';
import { organizations } from '../organizations/schema';
import { consultations, instructions, papers } from '../papers/schema';
import { loadWorkflow } from '../papers/access';
import { stateLabel } from '../papers/workflow';
import { paperTypeOptions } from '../papers/types';
import type { DocBlock } from './document';
import { addDays, berlinMidnight } from '../shared';
import {
	ACTION_STATE_DE,
	always,
	withinPeriod,
	formatDay,
	ROLE_DE,
	type SectionProvider
} from './section-kit';

export const meetingsProvider: SectionProvider = {
	key: 'meetings',
	title: 'Sitzungen der Gremien',
	available: always,
	async build(scope) {
		const rows = await scope.db
			.select({ body: bodies.name, startsAt: meetings.startsAt })
			.from(meetings)
			.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
			.where(
				and(
					eq(meetings.tenantId, scope.tenantId),
					ne(meetings.state, 'cancelled'),
					withinPeriod(meetings.startsAt, scope),
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
export const papersProvider: SectionProvider = {
	key: 'papers',
	title: 'Vorlagen und Beschlüsse',
	available: always,
	async build(scope) {
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
					withinPeriod(consultations.decidedAt, scope)
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
export const actionsProvider: SectionProvider = {
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
					sql`${instructions.createdAt} < ${berlinMidnight(addDays(scope.periodEnd, 1)).toISOString()}::timestamptz`,
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
