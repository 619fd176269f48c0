/** Indicators as read: values, series and trend per indicator; the indicator pages. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError } from '../errors';
import { tenants } from '../tenants/schema';
import { isUuid, requireUuid } from '../shared';
import { indicatorGoals, indicators, indicatorValues, type Indicator } from './indicator-schema';
import { indicatorTrend, type Point, type Trend } from './calc';

/** An indicator of the tenant; NotFoundError otherwise. */
export async function indicatorFor(
	db: Executor,
	tenantId: string,
	id: unknown
): Promise<Indicator> {
	if (!isUuid(id)) throw new NotFoundError();
	const [row] = await db
		.select()
		.from(indicators)
		.where(and(eq(indicators.tenantId, tenantId), eq(indicators.id, id)));
	if (!row) throw new NotFoundError();
	return row;
}

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

export async function listIndicators(ctx: TenantCtx): Promise<IndicatorView[]> {
	authorize(ctx.actor, 'concept.view', { tenantId: ctx.tenant.id });
	return indicatorViews(ctx.db, ctx.tenant.id);
}

export async function getIndicator(
	ctx: TenantCtx,
	input: { indicatorId: string }
): Promise<IndicatorView> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.view', { tenantId });
	const id = requireUuid(input.indicatorId);
	const [view] = await indicatorViews(ctx.db, tenantId, { ids: [id] });
	if (!view) throw new NotFoundError();
	return view;
}
