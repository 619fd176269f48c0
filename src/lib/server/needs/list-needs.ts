import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError } from '../errors';
import { fieldsOfAction } from '../fields-of-action/schema';
import { tenants } from '../tenants/schema';
import { needs } from './schema';
import { NEEDS_PAGE_SIZE, type NeedFilter } from './validation';
import { fieldOptions, municipalityOptions, toNeedView, type NeedView, type Option } from './views';
import { isUuid, requireUuid } from '../shared';

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
	ctx: TenantCtx,
	filter: NeedFilter
): Promise<{ rows: NeedView[]; hasMore: boolean }> {
	const tenantId = ctx.tenant.id;
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
export async function getNeed(ctx: TenantCtx, input: { needId: string }): Promise<NeedView> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'needs.manage', { tenantId });
	const id = requireUuid(input.needId);
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
	ctx: TenantCtx
): Promise<{ fields: Option[]; municipalities: Option[] }> {
	const tenantId = ctx.tenant.id;
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

/**
 * The needs page: the list, the form's choices and, after a need was recorded, its title for the
 * confirmation (null when the id is not one of the tenant's needs).
 */
export async function needsPage(
	ctx: TenantCtx,
	input: { filter: NeedFilter; createdId: string | null }
) {
	const [list, options] = await Promise.all([listNeeds(ctx, input.filter), needFormOptions(ctx)]);
	let created: string | null = null;
	if (input.createdId && isUuid(input.createdId)) {
		created = await getNeed(ctx, { needId: input.createdId }).then(
			(n) => n.title,
			(e) => {
				if (e instanceof NotFoundError) return null;
				throw e;
			}
		);
	}
	return { ...list, options, created };
}
