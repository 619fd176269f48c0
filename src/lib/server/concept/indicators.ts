/** Indicators: the starter library, the tenant's indicators, their values, CSV import. */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { tenants } from '../tenants/schema';
import {
	conceptGoals,
	indicatorGoals,
	indicators,
	indicatorValues,
	type Indicator,
	type IndicatorDirection,
	type IndicatorLevel
} from './schema';
import { indicatorInput, isUuid, parseOrThrow, valueInput, type IndicatorData } from './validation';
import { indicatorTrend, type Point, type Trend } from './calc';
import { parseStatisticsCsv, type StatIssue } from './statcsv';

export interface LibraryIndicator {
	key: string;
	name: string;
	definition: string;
	numerator: string;
	denominator: string;
	unit: string;
	source: string;
	direction: IndicatorDirection;
	level: IndicatorLevel;
}

/**
 * Starter library: common municipal integration indicators (after the KGSt integration
 * monitoring and the Länder integration monitors). A tenant adopts the ones it wants and sets
 * baseline and target itself.
 */
export const INDICATOR_LIBRARY: LibraryIndicator[] = [
	{
		key: 'auslaenderanteil',
		name: 'Anteil der Ausländer:innen an der Bevölkerung',
		definition: 'Anteil der Einwohner:innen ohne deutsche Staatsangehörigkeit',
		numerator: 'Einwohner:innen mit ausschließlich ausländischer Staatsangehörigkeit am Stichtag',
		denominator: 'Einwohner:innen insgesamt am Stichtag',
		unit: '%',
		source:
			'Statistisches Landesamt, Fortschreibung des Bevölkerungsstandes; Ausländerzentralregister',
		direction: 'higher',
		level: 'municipality'
	},
	{
		key: 'einbuergerungsquote',
		name: 'Einbürgerungsquote',
		definition: 'Einbürgerungen im Jahr je 100 Ausländer:innen mit mindestens 10 Jahren Aufenthalt',
		numerator: 'Einbürgerungen im Kalenderjahr',
		denominator:
			'Ausländer:innen mit einer Aufenthaltsdauer von mindestens 10 Jahren zum Jahresbeginn',
		unit: '%',
		source: 'Einbürgerungsstatistik des Statistischen Landesamts; Ausländerbehörde',
		direction: 'higher',
		level: 'tenant'
	},
	{
		key: 'betreuungsquote-u3-auslaendisch',
		name: 'Betreuungsquote unter 3-Jähriger mit ausländischer Staatsangehörigkeit',
		definition: 'Anteil der Kinder unter 3 Jahren in Kindertagesbetreuung, ausländische Kinder',
		numerator: 'ausländische Kinder unter 3 Jahren in Kita oder Tagespflege',
		denominator: 'ausländische Kinder unter 3 Jahren',
		unit: '%',
		source: 'Kinder- und Jugendhilfestatistik; Einwohnermeldeamt',
		direction: 'higher',
		level: 'municipality'
	},
	{
		key: 'betreuungsquote-3-6-auslaendisch',
		name: 'Betreuungsquote 3- bis unter 6-Jähriger mit ausländischer Staatsangehörigkeit',
		definition:
			'Anteil der Kinder von 3 bis unter 6 Jahren in Kindertagesbetreuung, ausländische Kinder',
		numerator: 'ausländische Kinder von 3 bis unter 6 Jahren in Kita oder Tagespflege',
		denominator: 'ausländische Kinder von 3 bis unter 6 Jahren',
		unit: '%',
		source: 'Kinder- und Jugendhilfestatistik; Einwohnermeldeamt',
		direction: 'higher',
		level: 'municipality'
	},
	{
		key: 'schulabgang-ohne-abschluss-auslaendisch',
		name: 'Schulabgänger:innen ohne Abschluss, ausländische Jugendliche',
		definition:
			'Anteil der Abgänger:innen allgemeinbildender Schulen ohne Hauptschulabschluss, ausländische Jugendliche',
		numerator: 'ausländische Schulabgänger:innen ohne Abschluss im Schuljahr',
		denominator: 'ausländische Schulabgänger:innen insgesamt im Schuljahr',
		unit: '%',
		source: 'Schulstatistik des Landes',
		direction: 'lower',
		level: 'tenant'
	},
	{
		key: 'arbeitslosenquote-auslaender',
		name: 'Arbeitslosenquote der Ausländer:innen',
		definition: 'Arbeitslose Ausländer:innen je 100 ausländische zivile Erwerbspersonen',
		numerator: 'arbeitslose Ausländer:innen (Jahresdurchschnitt)',
		denominator: 'ausländische zivile Erwerbspersonen',
		unit: '%',
		source: 'Statistik der Bundesagentur für Arbeit',
		direction: 'lower',
		level: 'tenant'
	},
	{
		key: 'sgb2-quote-auslaender',
		name: 'SGB-II-Quote der Ausländer:innen',
		definition: 'Anteil der Ausländer:innen unter 65 Jahren, die Bürgergeld (SGB II) beziehen',
		numerator: 'ausländische Leistungsberechtigte nach SGB II unter 65 Jahren',
		denominator: 'ausländische Einwohner:innen unter 65 Jahren',
		unit: '%',
		source: 'Statistik der Bundesagentur für Arbeit (Grundsicherung); Einwohnermeldeamt',
		direction: 'lower',
		level: 'tenant'
	},
	{
		key: 'sv-beschaeftigungsquote-auslaender',
		name: 'Beschäftigungsquote der Ausländer:innen',
		definition:
			'Sozialversicherungspflichtig Beschäftigte mit ausländischer Staatsangehörigkeit je 100 Ausländer:innen von 15 bis unter 65 Jahren',
		numerator: 'sozialversicherungspflichtig beschäftigte Ausländer:innen am Wohnort (30.6.)',
		denominator: 'ausländische Einwohner:innen von 15 bis unter 65 Jahren',
		unit: '%',
		source: 'Beschäftigungsstatistik der Bundesagentur für Arbeit',
		direction: 'higher',
		level: 'tenant'
	}
];

// ---------------------------------------------------------------- commands

async function checkGoals(db: Executor, tenantId: string, goalIds: string[]) {
	if (!goalIds.length) return;
	const rows = await db
		.select({ id: conceptGoals.id })
		.from(conceptGoals)
		.where(and(eq(conceptGoals.tenantId, tenantId), inArray(conceptGoals.id, goalIds)));
	if (rows.length !== new Set(goalIds).size)
		throw new ValidationError({ goalIds: 'concept_error_goal_required' });
}

const indicatorColumns = (d: IndicatorData) => ({
	name: d.name,
	definition: d.definition ?? null,
	numerator: d.numerator ?? null,
	denominator: d.denominator ?? null,
	unit: d.unit,
	source: d.source ?? null,
	direction: d.direction,
	level: d.level,
	baselineValue: d.baselineValue ?? null,
	baselineDate: d.baselineDate ?? null,
	targetValue: d.targetValue ?? null,
	targetDate: d.targetDate ?? null,
	isPublic: d.isPublic
});

export async function createIndicator(
	ctx: Ctx,
	tenantId: string,
	raw: unknown
): Promise<{ id: string }> {
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const data = parseOrThrow(indicatorInput, raw);
	return ctx.db.transaction(async (tx) => {
		await checkGoals(tx, tenantId, data.goalIds);
		const [row] = await tx
			.insert(indicators)
			.values({ tenantId, ...indicatorColumns(data) })
			.returning();
		if (data.goalIds.length)
			await tx
				.insert(indicatorGoals)
				.values(
					[...new Set(data.goalIds)].map((goalId) => ({ tenantId, indicatorId: row.id, goalId }))
				);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.indicator_create',
			entityType: 'concept_indicator',
			entityId: row.id,
			after: { ...indicatorColumns(data), goalIds: data.goalIds }
		});
		return { id: row.id };
	});
}

export async function updateIndicator(ctx: Ctx, tenantId: string, id: string, raw: unknown) {
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const data = parseOrThrow(indicatorInput, raw);
	await ctx.db.transaction(async (tx) => {
		const before = await indicatorFor(tx, tenantId, id);
		await checkGoals(tx, tenantId, data.goalIds);
		await tx
			.update(indicators)
			.set({ ...indicatorColumns(data), updatedAt: new Date() })
			.where(and(eq(indicators.tenantId, tenantId), eq(indicators.id, id)));
		await tx.delete(indicatorGoals).where(eq(indicatorGoals.indicatorId, id));
		if (data.goalIds.length)
			await tx
				.insert(indicatorGoals)
				.values(
					[...new Set(data.goalIds)].map((goalId) => ({ tenantId, indicatorId: id, goalId }))
				);
		const { tenantId: _t, createdAt: _c, updatedAt: _u, ...b } = before;
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.indicator_update',
			entityType: 'concept_indicator',
			entityId: id,
			before: b,
			after: { ...indicatorColumns(data), goalIds: data.goalIds }
		});
	});
}

/** Adopts indicators of the starter library (those the tenant has already are left alone). */
export async function adoptLibraryIndicators(
	ctx: Ctx,
	tenantId: string,
	keys: string[]
): Promise<number> {
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const chosen = INDICATOR_LIBRARY.filter((l) => keys.includes(l.key));
	if (!chosen.length) throw new ValidationError({ keys: 'concept_error_library_choose' });
	return ctx.db.transaction(async (tx) => {
		const rows = await tx
			.insert(indicators)
			.values(chosen.map(({ key, ...rest }) => ({ tenantId, libraryKey: key, ...rest })))
			.onConflictDoNothing()
			.returning({ id: indicators.id, name: indicators.name });
		for (const r of rows)
			await recordAudit(tx, ctx, {
				tenantId,
				action: 'concept.indicator_create',
				entityType: 'concept_indicator',
				entityId: r.id,
				after: { name: r.name, fromLibrary: true }
			});
		return rows.length;
	});
}

async function indicatorFor(db: Executor, tenantId: string, id: string): Promise<Indicator> {
	if (!isUuid(id)) throw new NotFoundError();
	const [row] = await db
		.select()
		.from(indicators)
		.where(and(eq(indicators.tenantId, tenantId), eq(indicators.id, id)));
	if (!row) throw new NotFoundError();
	return row;
}

/** Manual entry of one value; a value for the same date, area and breakdown is replaced. */
export async function recordIndicatorValue(
	ctx: Ctx,
	tenantId: string,
	indicatorId: string,
	raw: unknown
) {
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const actor = ctx.actor;
	const data = parseOrThrow(valueInput, raw);
	await ctx.db.transaction(async (tx) => {
		const indicator = await indicatorFor(tx, tenantId, indicatorId);
		if (data.municipalityId) {
			const [m] = await tx
				.select({ id: tenants.id })
				.from(tenants)
				.where(and(eq(tenants.parentId, tenantId), eq(tenants.id, data.municipalityId)));
			if (!m) throw new ValidationError({ municipalityId: 'concept_error_municipality_invalid' });
		}
		const row = {
			tenantId,
			indicatorId: indicator.id,
			municipalityId: data.municipalityId ?? null,
			date: data.date,
			value: data.value,
			sourceNote: data.sourceNote ?? null,
			breakdownDimension: data.breakdownDimension ?? null,
			breakdownCategory: data.breakdownCategory ?? null,
			createdBy: actor.userId
		};
		await replaceValues(tx, [row]);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.value_record',
			entityType: 'concept_indicator',
			entityId: indicator.id,
			after: { name: indicator.name, ...row, tenantId: undefined, createdBy: undefined }
		});
	});
}

type ValueRow = typeof indicatorValues.$inferInsert;

/** Inserts values, replacing those with the same key (indicator, area, date, breakdown). */
async function replaceValues(tx: Executor, rows: ValueRow[]) {
	for (const r of rows) {
		await tx
			.delete(indicatorValues)
			.where(
				and(
					eq(indicatorValues.indicatorId, r.indicatorId),
					eq(indicatorValues.date, r.date),
					r.municipalityId
						? eq(indicatorValues.municipalityId, r.municipalityId)
						: isNull(indicatorValues.municipalityId),
					r.breakdownDimension
						? and(
								eq(indicatorValues.breakdownDimension, r.breakdownDimension),
								eq(indicatorValues.breakdownCategory, r.breakdownCategory!)
							)
						: isNull(indicatorValues.breakdownDimension)
				)
			);
	}
	if (rows.length) await tx.insert(indicatorValues).values(rows);
}

export interface ImportPreviewRow {
	line: number;
	date: string;
	area: string;
	breakdown: string | null;
	value: number | null;
	special: string | null;
	sourceNote: string | null;
	/** replaces a value already stored */
	replaces: boolean;
}

export interface ValueImportPreview {
	rows: ImportPreviewRow[];
	errors: StatIssue[];
	/** rows with a special sign (no value): not written */
	skipped: number;
	valid: boolean;
}

/**
 * Reads a CSV of values for one indicator and checks every row: dates, numbers, municipalities
 * (by name or AGS; only the tenant's own), duplicates. Nothing is written.
 */
async function prepareImport(db: Executor, tenantId: string, indicator: Indicator, text: string) {
	const parsed = parseStatisticsCsv(text);
	const errors = [...parsed.errors];
	const [self] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
	const children = await db
		.select({ id: tenants.id, name: tenants.name, slug: tenants.slug, ags: tenants.ags })
		.from(tenants)
		.where(eq(tenants.parentId, tenantId));
	const normal = (s: string) => s.trim().toLowerCase();
	const stripped = (s: string) =>
		normal(s).replace(/^(stadt|gemeinde|markt|landkreis|große kreisstadt)\s+/, '');
	const resolve = (name: string | null): { id: string | null; name: string } | undefined => {
		if (!name) return { id: null, name: self.name };
		const n = normal(name);
		if (
			n === normal(self.name) ||
			(self.ags && n === self.ags) ||
			stripped(name) === stripped(self.name)
		)
			return { id: null, name: self.name };
		const c = children.find(
			(c) =>
				normal(c.name) === n ||
				c.ags === name.trim() ||
				c.slug === n ||
				stripped(c.name) === stripped(name)
		);
		return c ? { id: c.id, name: c.name } : undefined;
	};
	const rows: (ImportPreviewRow & { municipalityId: string | null })[] = [];
	for (const r of parsed.rows) {
		const area = resolve(r.municipality);
		if (!area) {
			errors.push({
				line: r.line,
				key: 'concept_import_error_municipality',
				params: { value: r.municipality ?? '' }
			});
			continue;
		}
		if (area.id && indicator.level === 'tenant') {
			errors.push({ line: r.line, key: 'concept_import_error_level' });
			continue;
		}
		rows.push({
			line: r.line,
			date: r.date,
			area: area.name,
			municipalityId: area.id,
			breakdown: r.dimension ? `${r.dimension}: ${r.category}` : null,
			value: r.value,
			special: r.special ?? null,
			sourceNote: r.sourceNote,
			replaces: false
		});
	}
	const existing = await db
		.select({
			date: indicatorValues.date,
			municipalityId: indicatorValues.municipalityId,
			dim: indicatorValues.breakdownDimension,
			cat: indicatorValues.breakdownCategory
		})
		.from(indicatorValues)
		.where(
			and(eq(indicatorValues.tenantId, tenantId), eq(indicatorValues.indicatorId, indicator.id))
		);
	const keys = new Set(
		existing.map((e) =>
			[e.date, e.municipalityId ?? '', e.dim ? `${e.dim}: ${e.cat}` : ''].join('|')
		)
	);
	for (const r of rows)
		r.replaces = keys.has([r.date, r.municipalityId ?? '', r.breakdown ?? ''].join('|'));
	errors.sort((a, b) => a.line - b.line);
	return { parsed, rows, errors };
}

export async function previewValueImport(
	ctx: Ctx,
	tenantId: string,
	indicatorId: string,
	text: string
): Promise<ValueImportPreview> {
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const indicator = await indicatorFor(ctx.db, tenantId, indicatorId);
	const { rows, errors } = await prepareImport(ctx.db, tenantId, indicator, text);
	return {
		rows: rows.map(({ municipalityId: _m, ...r }) => r),
		errors,
		skipped: rows.filter((r) => r.value === null).length,
		valid: errors.length === 0 && rows.some((r) => r.value !== null)
	};
}

/** Writes the values of the CSV, all or nothing: with any error nothing is written. */
export async function runValueImport(
	ctx: Ctx,
	tenantId: string,
	indicatorId: string,
	text: string,
	sourceNote: string | null = null
): Promise<{ written: number; skipped: number } | { errors: StatIssue[] }> {
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const actor = ctx.actor;
	return ctx.db.transaction(async (tx) => {
		const indicator = await indicatorFor(tx, tenantId, indicatorId);
		const { rows, errors } = await prepareImport(tx, tenantId, indicator, text);
		if (errors.length) return { errors };
		const values = rows.filter((r) => r.value !== null);
		if (!values.length) return { errors: [{ line: 1, key: 'concept_import_error_empty' }] };
		await replaceValues(
			tx,
			values.map((r) => {
				const [dim, cat] = r.breakdown ? r.breakdown.split(': ') : [null, null];
				return {
					tenantId,
					indicatorId: indicator.id,
					municipalityId: r.municipalityId,
					date: r.date,
					value: r.value!,
					sourceNote: r.sourceNote ?? sourceNote,
					breakdownDimension: dim,
					breakdownCategory: cat,
					createdBy: actor.userId
				};
			})
		);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.values_import',
			entityType: 'concept_indicator',
			entityId: indicator.id,
			after: { name: indicator.name, written: values.length, skipped: rows.length - values.length }
		});
		return { written: values.length, skipped: rows.length - values.length };
	});
}

// ---------------------------------------------------------------- views

export interface ValueView {
	id: string;
	date: string;
	value: number;
	municipalityId: string | null;
	area: string;
	sourceNote: string | null;
	breakdownDimension: string | null;
	breakdownCategory: string | null;
	isDemo: boolean;
}

export interface IndicatorView {
	indicator: Indicator;
	goalIds: string[];
	/** totals of the tenant as a whole, in time order */
	series: Point[];
	trend: Trend;
	values: ValueView[];
	hasDemo: boolean;
}

export async function indicatorViews(
	db: Executor,
	tenantId: string,
	opts: { publicOnly?: boolean; ids?: string[] } = {}
): Promise<IndicatorView[]> {
	const conds = [eq(indicators.tenantId, tenantId)];
	if (opts.publicOnly) conds.push(eq(indicators.isPublic, true));
	if (opts.ids) {
		if (!opts.ids.length) return [];
		conds.push(inArray(indicators.id, opts.ids));
	}
	const list = await db
		.select()
		.from(indicators)
		.where(and(...conds))
		.orderBy(asc(indicators.name));
	if (!list.length) return [];
	const ids = list.map((i) => i.id);
	const [values, goals] = await Promise.all([
		db
			.select({ v: indicatorValues, area: tenants.name })
			.from(indicatorValues)
			.leftJoin(tenants, eq(tenants.id, indicatorValues.municipalityId))
			.where(and(eq(indicatorValues.tenantId, tenantId), inArray(indicatorValues.indicatorId, ids)))
			.orderBy(asc(indicatorValues.date)),
		db
			.select()
			.from(indicatorGoals)
			.where(and(eq(indicatorGoals.tenantId, tenantId), inArray(indicatorGoals.indicatorId, ids)))
	]);
	const [self] = await db
		.select({ name: tenants.name })
		.from(tenants)
		.where(eq(tenants.id, tenantId));
	return list.map((indicator) => {
		const own = values
			.filter((x) => x.v.indicatorId === indicator.id)
			.map(({ v, area }): ValueView => ({
				id: v.id,
				date: v.date,
				value: v.value,
				municipalityId: v.municipalityId,
				area: area ?? self.name,
				sourceNote: v.sourceNote,
				breakdownDimension: v.breakdownDimension,
				breakdownCategory: v.breakdownCategory,
				isDemo: v.isDemo
			}));
		const series = own
			.filter((v) => !v.municipalityId && !v.breakdownDimension)
			.map((v) => ({ date: v.date, value: v.value }));
		return {
			indicator,
			goalIds: goals.filter((g) => g.indicatorId === indicator.id).map((g) => g.goalId),
			series,
			trend: indicatorTrend(
				series,
				{ value: indicator.targetValue, date: indicator.targetDate },
				indicator.direction
			),
			values: own,
			hasDemo: own.some((v) => v.isDemo)
		};
	});
}

export async function listIndicators(ctx: Ctx, tenantId: string): Promise<IndicatorView[]> {
	authorize(ctx.actor, 'concept.view', { tenantId });
	return indicatorViews(ctx.db, tenantId);
}

export async function getIndicator(ctx: Ctx, tenantId: string, id: string): Promise<IndicatorView> {
	authorize(ctx.actor, 'concept.view', { tenantId });
	if (!isUuid(id)) throw new NotFoundError();
	const [view] = await indicatorViews(ctx.db, tenantId, { ids: [id] });
	if (!view) throw new NotFoundError();
	return view;
}

/**
 * Comparison of the municipalities of a district: per municipality the latest total value of
 * the indicator (no breakdown), with its date.
 */
export function municipalityComparison(view: IndicatorView) {
	const latest = new Map<string, ValueView>();
	for (const v of view.values) {
		if (!v.municipalityId || v.breakdownDimension) continue;
		const prev = latest.get(v.municipalityId);
		if (!prev || prev.date < v.date) latest.set(v.municipalityId, v);
	}
	return [...latest.values()].sort((a, b) => a.area.localeCompare(b.area, 'de'));
}
