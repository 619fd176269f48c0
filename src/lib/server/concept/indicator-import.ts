/** Import of indicator values from a statistics CSV: preview, then all or nothing. */
import { and, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { tenants } from '../tenants/schema';
import { indicatorValues, type Indicator } from './indicator-schema';
import { parseStatisticsCsv, type StatIssue } from './statcsv';
import { indicatorFor } from './indicators';
import { replaceValues } from './indicator-edit';
import { keyFromProperty } from './geojson';

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
	// "Stadt Freising", "Freising, GKSt" (the statistical offices' suffixes) → "freising"
	const stripped = (s: string) =>
		normal(s)
			.replace(/^(stadt|gemeinde|markt|flecken|landkreis|große kreisstadt)\s+/, '')
			.replace(/,\s*(gkst|st|stadt|m|markt|flecken|gem|gemeinde|lk|landkreis|kreis)\.?$/, '');
	const resolve = (name: string | null): { id: string | null; name: string } | undefined => {
		if (!name) return { id: null, name: self.name };
		const n = normal(name);
		if (
			n === normal(self.name) ||
			(self.ags &&
				(n === self.ags ||
					keyFromProperty(name) === self.ags ||
					(/^\d{5}$/.test(n) && `${n}000` === self.ags))) ||
			stripped(name) === stripped(self.name)
		)
			return { id: null, name: self.name };
		const key = keyFromProperty(name);
		const c = children.find(
			(c) =>
				normal(c.name) === n ||
				(key !== null && c.ags === key) ||
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

/** Checks a CSV of values without writing; no text at all is a validation error. */
export async function previewValueImport(
	ctx: TenantCtx,
	input: { indicatorId: string; text: string }
): Promise<ValueImportPreview> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const indicator = await indicatorFor(ctx.db, tenantId, input.indicatorId);
	const text = input.text;
	if (!text.trim()) throw new ValidationError({ csv: 'concept_import_error_no_file' });
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
	ctx: TenantCtx,
	input: { indicatorId: string; text: string; sourceNote?: string | null }
): Promise<{ written: number; skipped: number } | { errors: StatIssue[] }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const actor = ctx.actor;
	const { text, sourceNote = null } = input;
	return ctx.db.transaction(async (tx) => {
		const indicator = await indicatorFor(tx, tenantId, input.indicatorId);
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
