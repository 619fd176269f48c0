/**
 * The district report: the municipalities compared for a period (offers, meetings, exchange
 * answers, figures where there are some), as one document model rendered by ../documents/ into
 * accessible HTML and tagged PDF. The district's coordinator only (`district.view` in a district).
 * The document is German (the district's record), whatever the UI language.
 */
import {
	and,
	arrayContains,
	asc,
	count,
	eq,
	gte,
	inArray,
	isNull,
	lt,
	lte,
	ne,
	or,
	sql
} from 'drizzle-orm';
import { z } from 'zod';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import type { DocBlock, DocModel } from '../documents/model';
import { offers } from '../offers/schema';
import { bodies } from '../bodies/schema';
import { meetings } from '../meetings/schema';
import { indicators, indicatorValues } from '../concept/indicator-schema';
import { addDays, addMonths, berlinMidnight, berlinToday, isIsoDate } from '../shared';
import { exchangeAnswers } from './schema';
import { EXCHANGE_BODY_KIND, municipalitiesOf } from './exchange';
import { EXCHANGE_FIELDS } from './rollup';
import { QUESTION_LABELS_DE } from './minutes-blocks';

const day = z.string().refine(isIsoDate, { error: 'district_error_date_invalid' });
export const periodInput = z
	.object({ from: day, to: day })
	.refine((p) => p.from <= p.to, { path: ['to'], error: 'district_error_period_order' });

/** The period of the request; the last twelve months by default. */
export function parsePeriod(raw: { from?: string | null; to?: string | null }) {
	const today = berlinToday();
	const input = { from: raw.from || addMonths(today, -12), to: raw.to || today };
	const parsed = periodInput.safeParse(input);
	if (!parsed.success) {
		const errors: Record<string, string> = {};
		for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
		throw new ValidationError(errors);
	}
	return parsed.data;
}

export interface MunicipalityFigures {
	municipality: { id: string; name: string; slug: string };
	/** published offers available there (the district's for it or for everyone, its own) */
	offers: number;
	/** offers published in the period */
	newOffers: number;
	/** meetings of its own bodies held in the period */
	ownMeetings: number;
	/** networking meetings of the period it answered / all of them */
	exchangeAnswered: number;
	exchangeMeetings: number;
	/** newest value in the period per indicator name */
	figures: Record<string, { value: number; date: string } | undefined>;
}

export interface DistrictReport {
	district: { id: string; name: string };
	period: { from: string; to: string };
	rows: MunicipalityFigures[];
	indicatorNames: { name: string; unit: string }[];
	exchange: {
		meetingId: string;
		startsAt: string;
		answers: { municipality: string; values: Record<string, string | null> }[];
		missing: string[];
	}[];
}

async function countOffers(
	db: Executor,
	districtId: string,
	m: { id: string },
	from?: Date,
	to?: Date
) {
	const period =
		from && to ? and(gte(offers.publishedAt, from), lt(offers.publishedAt, to)) : undefined;
	const [{ n }] = await db
		.select({ n: count() })
		.from(offers)
		.where(
			and(
				eq(offers.status, 'published'),
				period,
				or(
					and(
						eq(offers.tenantId, districtId),
						or(
							arrayContains(offers.municipalityIds, [m.id]),
							sql`cardinality(${offers.municipalityIds}) = 0`
						)
					),
					eq(offers.tenantId, m.id)
				)
			)
		);
	return Number(n);
}

/** The figures of the report; NotFoundError unless a district's coordinator asks. */
export async function districtReport(
	ctx: TenantCtx,
	input: { from?: string | null; to?: string | null }
): Promise<DistrictReport> {
	const tenant = ctx.tenant;
	authorize(ctx.actor, 'district.view', { tenantId: tenant.id });
	if (tenant.kind !== 'district') throw new NotFoundError();
	const period = parsePeriod(input);
	const from = berlinMidnight(period.from);
	const toEnd = berlinMidnight(addDays(period.to, 1));
	const db = ctx.db;
	const municipalities = await municipalitiesOf(db, tenant.id);
	const ids = municipalities.map((m) => m.id);

	const exchangeMeetings = await db
		.select({ id: meetings.id, startsAt: meetings.startsAt })
		.from(meetings)
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(
			and(
				eq(meetings.tenantId, tenant.id),
				eq(bodies.kind, EXCHANGE_BODY_KIND),
				ne(meetings.state, 'cancelled'),
				gte(meetings.startsAt, from),
				lt(meetings.startsAt, toEnd)
			)
		)
		.orderBy(asc(meetings.startsAt))
		.limit(24);
	const answers = exchangeMeetings.length
		? await db
				.select()
				.from(exchangeAnswers)
				.where(
					and(
						eq(exchangeAnswers.tenantId, tenant.id),
						inArray(
							exchangeAnswers.meetingId,
							exchangeMeetings.map((m) => m.id)
						)
					)
				)
		: [];

	const ownMeetings = ids.length
		? await db
				.select({ tenantId: meetings.tenantId, n: count() })
				.from(meetings)
				.where(
					and(
						inArray(meetings.tenantId, ids),
						eq(meetings.state, 'held'),
						gte(meetings.startsAt, from),
						lt(meetings.startsAt, toEnd)
					)
				)
				.groupBy(meetings.tenantId)
		: [];

	const values = ids.length
		? await db
				.select({
					name: indicators.name,
					unit: indicators.unit,
					municipalityId: indicatorValues.municipalityId,
					value: indicatorValues.value,
					date: indicatorValues.date
				})
				.from(indicatorValues)
				.innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
				.where(
					and(
						eq(indicatorValues.tenantId, tenant.id),
						inArray(indicatorValues.municipalityId, ids),
						isNull(indicatorValues.breakdownDimension),
						gte(indicatorValues.date, period.from),
						lte(indicatorValues.date, period.to)
					)
				)
				.orderBy(asc(indicators.name), asc(indicatorValues.date))
				.limit(5000)
		: [];
	const indicatorNames: { name: string; unit: string }[] = [];
	for (const v of values)
		if (!indicatorNames.some((i) => i.name === v.name))
			indicatorNames.push({ name: v.name, unit: v.unit });

	const rows: MunicipalityFigures[] = [];
	for (const m of municipalities) {
		const figures: MunicipalityFigures['figures'] = {};
		// ordered by date: the last one wins
		for (const v of values)
			if (v.municipalityId === m.id) figures[v.name] = { value: v.value, date: v.date };
		rows.push({
			municipality: m,
			offers: await countOffers(db, tenant.id, m),
			newOffers: await countOffers(db, tenant.id, m, from, toEnd),
			ownMeetings: Number(ownMeetings.find((o) => o.tenantId === m.id)?.n ?? 0),
			exchangeMeetings: exchangeMeetings.length,
			exchangeAnswered: answers.filter(
				(a) => a.municipalityId === m.id && EXCHANGE_FIELDS.some((f) => !!a[f]?.trim())
			).length,
			figures
		});
	}
	return {
		district: { id: tenant.id, name: tenant.name },
		period,
		rows,
		indicatorNames,
		exchange: exchangeMeetings.map((meeting) => {
			const mine = answers.filter((a) => a.meetingId === meeting.id);
			return {
				meetingId: meeting.id,
				startsAt: meeting.startsAt.toISOString(),
				answers: municipalities
					.map((m) => ({ m, a: mine.find((a) => a.municipalityId === m.id) }))
					.filter((x) => !!x.a)
					.map(({ m, a }) => ({
						municipality: m.name,
						values: Object.fromEntries(EXCHANGE_FIELDS.map((f) => [f, a![f]]))
					})),
				missing: municipalities
					.filter((m) => !mine.some((a) => a.municipalityId === m.id))
					.map((m) => m.name)
			};
		})
	};
}

const de = (n: number) => n.toLocaleString('de-DE', { maximumFractionDigits: 2 });
const dateDe = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
const instantDe = (iso: string) =>
	new Date(iso).toLocaleDateString('de-DE', {
		timeZone: 'Europe/Berlin',
		day: '2-digit',
		month: '2-digit',
		year: 'numeric'
	});

/** The report as a document model (German). */
export function districtReportDocument(report: DistrictReport): DocModel {
	const title = `Vergleich der Gemeinden – ${report.district.name}`;
	const periodText = `${dateDe(report.period.from)} bis ${dateDe(report.period.to)}`;
	const blocks: DocBlock[] = [
		{ kind: 'heading', level: 1, text: title },
		{ kind: 'paragraph', label: 'Zeitraum:', text: periodText, style: 'meta' },
		{
			kind: 'table',
			caption: 'Angebote, Sitzungen und Erfahrungsaustausch je Gemeinde',
			header: [
				'Gemeinde',
				'Veröffentlichte Angebote',
				'Davon neu im Zeitraum',
				'Eigene Sitzungen im Zeitraum',
				'Antworten im Vernetzungstreffen'
			],
			rows: report.rows.map((r) => [
				r.municipality.name,
				String(r.offers),
				String(r.newOffers),
				String(r.ownMeetings),
				`${r.exchangeAnswered} von ${r.exchangeMeetings}`
			])
		}
	];
	if (report.indicatorNames.length)
		blocks.push({
			kind: 'table',
			caption: 'Kennzahlen je Gemeinde (jüngster Wert im Zeitraum, Stand in Klammern)',
			header: ['Gemeinde', ...report.indicatorNames.map((i) => `${i.name} (${i.unit})`)],
			rows: report.rows.map((r) => [
				r.municipality.name,
				...report.indicatorNames.map((i) => {
					const f = r.figures[i.name];
					return f ? `${de(f.value)} (${dateDe(f.date)})` : 'keine Angabe';
				})
			])
		});
	else
		blocks.push({
			kind: 'paragraph',
			text: 'Für den Zeitraum liegen keine Kennzahlen je Gemeinde vor.',
			style: 'note'
		});
	blocks.push({ kind: 'heading', level: 2, text: 'Erfahrungsaustausch der Gemeinden' });
	if (!report.exchange.length)
		blocks.push({
			kind: 'paragraph',
			text: 'Im Zeitraum fand kein Vernetzungstreffen der Gemeinden statt.',
			style: 'note'
		});
	for (const meeting of report.exchange) {
		const sectionBlocks: DocBlock[] = [];
		if (meeting.answers.length)
			sectionBlocks.push({
				kind: 'table',
				caption: `Antworten der Gemeinden am ${instantDe(meeting.startsAt)}`,
				header: ['Gemeinde', ...EXCHANGE_FIELDS.map((f) => QUESTION_LABELS_DE[f])],
				rows: meeting.answers.map((a) => [
					a.municipality,
					...EXCHANGE_FIELDS.map((f) => a.values[f]?.trim() || '–')
				])
			});
		if (meeting.missing.length)
			sectionBlocks.push({
				kind: 'paragraph',
				label: 'Ohne Antwort:',
				text: meeting.missing.join(', ')
			});
		blocks.push({
			kind: 'section',
			id: `treffen-${meeting.meetingId.slice(0, 8)}`,
			heading: { level: 3, text: `Vernetzungstreffen am ${instantDe(meeting.startsAt)}` },
			blocks: sectionBlocks
		});
	}
	return {
		title,
		lang: 'de-DE',
		subject: `Vergleich der Gemeinden, ${periodText}`,
		author: report.district.name,
		runningHeader: title,
		pageLabel: (page, pages) => `Seite ${page} von ${pages}`,
		blocks
	};
}
