import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError } from '../errors';
import { fieldsOfAction } from '../fields-of-action/schema';
import { tenants } from '../tenants/schema';
import { needs } from './schema';
import { NEEDS_PAGE_SIZE, type NeedFilter } from './validation';
import { fieldOptions, municipalityOptions, toNeedView, type NeedView, type Option } from './views';
import { isUuid } from '../shared';

const municipality = alias(tenants, 'municipality');

/** Needs with their field of action and municipality, for views. Callers scope by tenant. */
export async function selectNeedViews(
	db: Executor,
	where: SQL | undefined,
	locale: string,
	page?: { limit: number; offset: number }
): Promise<NeedView[]> {
	const query = db
		.select({ need: needs, fieldNames: fieldsOfAction.names, municipalityName: municipality.name })
		.from(needs)
		.leftJoin(fieldsOfAction, eq(fieldsOfAction.id, needs.fieldOfActionId))
		.leftJoin(municipality, eq(municipality.id, needs.municipalityId))
		.where(where)
		.orderBy(
			sql`CASE ${needs.status} WHEN 'open' THEN 0 WHEN 'covered' THEN 1 ELSE 2 END`,
			sql`CASE ${needs.urgency} WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END`,
			desc(needs.createdAt),
			needs.id
		);
	const rows = page ? await query.limit(page.limit).offset(page.offset) : await query;
	return rows.map((r) =>
		toNeedView(r.need, { fieldNames: r.fieldNames, municipalityName: r.municipalityName }, locale)
	);
}

/** The tenant's needs: open before covered before closed, urgent first; filtered, paginated. */
export async function listNeeds(
	ctx: Ctx,
	tenantId: string,
	filter: NeedFilter
): Promise<{ rows: NeedView[]; hasMore: boolean }> {
	authorize(ctx.actor, 'needs.manage', { tenantId });
	const where: SQL[] = [eq(needs.tenantId, tenantId)];
	if (filter.status) where.push(eq(needs.status, filter.status));
	if (filter.urgency) where.push(eq(needs.urgency, filter.urgency));
	if (filter.field) where.push(eq(needs.fieldOfActionId, filter.field));
	const rows = await selectNeedViews(ctx.db, and(...where), ctx.locale, {
		limit: NEEDS_PAGE_SIZE + 1,
		offset: (filter.page - 1) * NEEDS_PAGE_SIZE
	});
	return { rows: rows.slice(0, NEEDS_PAGE_SIZE), hasMore: rows.length > NEEDS_PAGE_SIZE };
}

/** One need of the tenant; an id of another tenant, unknown or malformed, is "not found". */
export async function getNeed(ctx: Ctx, tenantId: string, id: string): Promise<NeedView> {
	authorize(ctx.actor, 'needs.manage', { tenantId });
	if (!isUuid(id)) throw new NotFoundError();
	const [row] = await selectNeedViews(
		ctx.db,
		and(eq(needs.tenantId, tenantId), eq(needs.id, id)),
		ctx.locale
	);
	if (!row) throw new NotFoundError();
	return row;
}

/** What the need form offers to choose from: the tenant's fields and, for a district, its municipalities. */
export async function needFormOptions(
	ctx: Ctx,
	tenantId: string
): Promise<{ fields: Option[]; municipalities: Option[] }> {
	authorize(ctx.actor, 'needs.manage', { tenantId });
	const [fields, municipalities] = await Promise.all([
		fieldOptions(ctx.db, tenantId, ctx.locale),
		municipalityOptions(ctx.db, tenantId)
	]);
	return {
		fields: fields.map(({ id, name }) => ({ id, name })),
		municipalities: municipalities.map(({ id, name }) => ({ id, name }))
	};
}
