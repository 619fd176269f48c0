/**
 * The district's figures per municipality: the comparison of every municipality-level indicator
 * across the district's municipalities (per 1,000 inhabitants where it makes sense), the map of
 * municipality boundaries the district uploads as GeoJSON, and the values a municipality's own
 * coordinators keep for their municipality (stored with the district's indicator).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { tenants } from '../tenants/schema';
import { requireUuid } from '../shared';
import { indicators } from './indicator-schema';
import { indicatorViews, type IndicatorView, type ValueView } from './indicators';
import { replaceValues } from './indicator-edit';
import { parseOrThrow, valueInput, type Input } from './validation';
import { districtMaps } from './map-schema';
import { parseDistrictGeoJson, type GeoIssue, type MapFeature } from './geojson';
import {
	compareMunicipalities,
	isPerCapita,
	POPULATION_KEY,
	type ComparisonRow,
	type MunicipalityRef
} from './municipality-figures';

/** The municipalities of a district (its child tenants), by name. */
export async function municipalitiesOf(db: Executor, tenantId: string): Promise<MunicipalityRef[]> {
	return db
		.select({ id: tenants.id, name: tenants.name, slug: tenants.slug, ags: tenants.ags })
		.from(tenants)
		.where(eq(tenants.parentId, tenantId))
		.orderBy(asc(tenants.name));
}

export interface IndicatorComparison {
	indicator: IndicatorView;
	perCapita: boolean;
	rows: ComparisonRow[];
}

export interface DistrictFigures {
	municipalities: MunicipalityRef[];
	comparisons: IndicatorComparison[];
	map: { features: MapFeature[]; updatedAt: Date } | null;
}

/**
 * Every municipality-level indicator that has a value for at least one municipality, compared
 * across all municipalities of the tenant (those without a value included, as missing).
 */
export async function districtFiguresOf(
	db: Executor,
	tenantId: string,
	opts: { publicOnly?: boolean } = {}
): Promise<DistrictFigures> {
	const [municipalities, views, [map]] = await Promise.all([
		municipalitiesOf(db, tenantId),
		indicatorViews(db, tenantId, { publicOnly: opts.publicOnly }),
		db.select().from(districtMaps).where(eq(districtMaps.tenantId, tenantId))
	]);
	return {
		municipalities,
		comparisons: comparisonsOf(views, municipalities),
		map: map ? { features: map.features, updatedAt: map.updatedAt } : null
	};
}

/**
 * The comparisons of the municipality-level indicators that have a value for at least one
 * municipality; the population first, then by name.
 */
export function comparisonsOf(
	views: IndicatorView[],
	municipalities: MunicipalityRef[]
): IndicatorComparison[] {
	if (!municipalities.length) return [];
	const population = views.find((v) => v.indicator.libraryKey === POPULATION_KEY) ?? null;
	const comparisons = views
		.filter((v) => v.indicator.level === 'municipality' && v.values.some((x) => x.municipalityId))
		.map((view) => ({
			indicator: view,
			perCapita: isPerCapita(view.indicator) && population !== null,
			rows: compareMunicipalities(view, municipalities, population)
		}));
	return comparisons.sort(
		(a, b) =>
			Number(b.indicator.indicator.libraryKey === POPULATION_KEY) -
			Number(a.indicator.indicator.libraryKey === POPULATION_KEY)
	);
}

export async function getDistrictFigures(ctx: TenantCtx): Promise<DistrictFigures> {
	authorize(ctx.actor, 'concept.view', { tenantId: ctx.tenant.id });
	return districtFiguresOf(ctx.db, ctx.tenant.id);
}

export interface MapCheck {
	errors: GeoIssue[];
	unknown: string[];
	missing: string[];
	matched: number;
}

/**
 * Stores the district's municipality boundaries from GeoJSON text, replacing the former map.
 * With any error nothing is stored and the errors come back; unknown keys are reported.
 */
export async function uploadDistrictMap(
	ctx: TenantCtx,
	input: { text: string }
): Promise<MapCheck & { saved: boolean }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	const actor = ctx.actor;
	const municipalities = await municipalitiesOf(ctx.db, tenantId);
	if (!municipalities.length)
		throw new ValidationError({ geojson: 'figures_geo_error_no_municipalities' });
	const parsed = parseDistrictGeoJson(String(input.text ?? ''), municipalities);
	const check = {
		errors: parsed.errors,
		unknown: parsed.unknown,
		missing: parsed.missing,
		matched: parsed.features.length
	};
	if (parsed.errors.length) return { ...check, saved: false };
	await ctx.db.transaction(async (tx) => {
		const values = {
			tenantId,
			features: parsed.features,
			featureCount: parsed.features.length,
			uploadedBy: actor.userId,
			updatedAt: new Date()
		};
		await tx
			.insert(districtMaps)
			.values(values)
			.onConflictDoUpdate({ target: districtMaps.tenantId, set: values });
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.map_upload',
			entityType: 'concept_district_map',
			entityId: tenantId,
			after: { matched: parsed.features.length, unknown: parsed.unknown, missing: parsed.missing }
		});
	});
	return { ...check, saved: true };
}

export async function removeDistrictMap(ctx: TenantCtx): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId });
	await ctx.db.transaction(async (tx) => {
		const gone = await tx
			.delete(districtMaps)
			.where(eq(districtMaps.tenantId, tenantId))
			.returning({ id: districtMaps.id });
		if (!gone.length) throw new NotFoundError();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'concept.map_remove',
			entityType: 'concept_district_map',
			entityId: tenantId
		});
	});
}

// ---- a municipality keeps its own figures -------------------------------------------------

export interface OwnFigures {
	district: { id: string; name: string; slug: string };
	indicators: { indicator: IndicatorView['indicator']; values: ValueView[] }[];
}

/** The district of the request's municipality; NotFoundError when the tenant has none. */
async function districtOf(ctx: TenantCtx) {
	if (!ctx.tenant.parentId) throw new NotFoundError();
	const [district] = await ctx.db
		.select({ id: tenants.id, name: tenants.name, slug: tenants.slug })
		.from(tenants)
		.where(eq(tenants.id, ctx.tenant.parentId));
	if (!district) throw new NotFoundError();
	return district;
}

/**
 * For a municipality's signed-in area: the district's municipality-level indicators with this
 * municipality's values only (never another municipality's).
 */
export async function getOwnFigures(ctx: TenantCtx): Promise<OwnFigures> {
	authorize(ctx.actor, 'concept.view', { tenantId: ctx.tenant.id });
	const district = await districtOf(ctx);
	const views = await indicatorViews(ctx.db, district.id);
	return {
		district,
		indicators: views
			.filter((v) => v.indicator.level === 'municipality')
			.map((v) => ({
				indicator: v.indicator,
				values: v.values.filter((x) => x.municipalityId === ctx.tenant.id).reverse()
			}))
	};
}

/**
 * A municipality's coordinator records a value of one of the district's municipality-level
 * indicators — always for their own municipality (the request's tenant); a value of the same
 * date and breakdown is replaced.
 */
export async function recordOwnValue(
	ctx: TenantCtx,
	input: Input & { indicatorId: string }
): Promise<void> {
	const municipalityId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.manage', { tenantId: municipalityId });
	const actor = ctx.actor;
	const district = await districtOf(ctx);
	const indicatorId = requireUuid(input.indicatorId);
	const data = parseOrThrow(valueInput, { ...input, municipalityId: undefined });
	await ctx.db.transaction(async (tx) => {
		const [indicator] = await tx
			.select()
			.from(indicators)
			.where(
				and(
					eq(indicators.tenantId, district.id),
					eq(indicators.id, indicatorId),
					eq(indicators.level, 'municipality')
				)
			);
		if (!indicator) throw new NotFoundError();
		const row = {
			tenantId: district.id,
			indicatorId,
			municipalityId,
			date: data.date,
			value: data.value,
			sourceNote: data.sourceNote ?? null,
			breakdownDimension: data.breakdownDimension ?? null,
			breakdownCategory: data.breakdownCategory ?? null,
			createdBy: actor.userId
		};
		await replaceValues(tx, [row]);
		// recorded in both logs: the district's (where the value lives) and the municipality's
		for (const tenantId of [district.id, municipalityId])
			await recordAudit(tx, ctx, {
				tenantId,
				action: 'concept.value_record',
				entityType: 'concept_indicator',
				entityId: indicator.id,
				after: {
					name: indicator.name,
					municipality: ctx.tenant.name,
					date: row.date,
					value: row.value,
					breakdownDimension: row.breakdownDimension,
					breakdownCategory: row.breakdownCategory
				}
			});
	});
}
