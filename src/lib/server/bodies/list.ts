/** The list of the tenant's bodies for signed-in people. */
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Ctx, TenantCtx } from '../context';
import { authorize, can } from '../auth/policy';
import { fieldsOfAction } from '../fields-of-action/schema';
import { localName } from '../needs/views';
import {
	BODY_KINDS,
	bodies,
	bodyJoinRequests,
	bodyMemberships,
	type BodyKind,
	type BodyVisibility,
	type MembershipRole
} from './schema';
import { findBody } from './access';
import { BODIES_PAGE_SIZE, bodyFilter, type BodyFilter } from './validation';
import { isCurrentMembership } from './membership-rule';
import { kindOrder, nextMeetingSql } from './view-parts';

export interface BodyListRow {
	id: string;
	kind: BodyKind;
	name: string;
	shortName: string | null;
	fieldName: string | null;
	visibility: BodyVisibility;
	archived: boolean;
	nextMeeting: Date | null;
	memberCount: number;
	/** the actor's current role in the body, if any */
	myRole: MembershipRole | null;
	/** the actor has asked to join and not heard back yet */
	myRequestPending: boolean;
	canJoin: boolean;
}

/** Bodies the actor may see: public and network ones, members-only ones they belong to. */
function visibleWhere(ctx: Ctx, tenantId: string): SQL | undefined {
	if (can(ctx.actor, 'body.manage', { tenantId })) return undefined;
	const own = Object.keys(ctx.actor?.bodyRoles ?? {});
	return or(
		inArray(bodies.visibility, ['public', 'network']),
		own.length > 0 ? and(eq(bodies.visibility, 'members'), inArray(bodies.id, own)) : undefined
	);
}

/** The tenant's bodies the actor can see, by kind and name, with their next meeting. */
export async function listBodies(
	ctx: TenantCtx,
	filter: BodyFilter
): Promise<{ rows: BodyListRow[]; hasMore: boolean }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'body.view', { tenantId });
	const actor = ctx.actor;
	const where: (SQL | undefined)[] = [eq(bodies.tenantId, tenantId), visibleWhere(ctx, tenantId)];
	if (filter.kind) where.push(eq(bodies.kind, filter.kind));
	if (!filter.archived) where.push(isNull(bodies.archivedAt));
	const rows = await ctx.db
		.select({
			body: bodies,
			fieldNames: fieldsOfAction.names,
			nextMeeting: nextMeetingSql(),
			memberCount:
				sql`(SELECT count(*) FROM ${bodyMemberships} WHERE ${bodyMemberships.bodyId} = ${bodies.id} AND ${isCurrentMembership()})`.mapWith(
					Number
				),
			pending:
				sql`EXISTS (SELECT 1 FROM ${bodyJoinRequests} WHERE ${bodyJoinRequests.bodyId} = ${bodies.id} AND ${bodyJoinRequests.userId} = ${actor.userId} AND ${bodyJoinRequests.status} = 'pending')`.mapWith(
					Boolean
				)
		})
		.from(bodies)
		.leftJoin(fieldsOfAction, eq(fieldsOfAction.id, bodies.fieldOfActionId))
		.where(and(...where))
		.orderBy(kindOrder, asc(bodies.name), asc(bodies.id))
		.limit(BODIES_PAGE_SIZE + 1)
		.offset((filter.page - 1) * BODIES_PAGE_SIZE);
	const mayJoin = can(actor, 'body.join', { tenantId });
	return {
		rows: rows.slice(0, BODIES_PAGE_SIZE).map((r) => {
			const myRole = actor.bodyRoles?.[r.body.id] ?? null;
			return {
				id: r.body.id,
				kind: r.body.kind,
				name: r.body.name,
				shortName: r.body.shortName,
				fieldName: r.fieldNames ? localName(r.fieldNames, ctx.locale) : null,
				visibility: r.body.visibility,
				archived: !!r.body.archivedAt,
				nextMeeting: r.nextMeeting ?? null,
				memberCount: r.memberCount,
				myRole,
				myRequestPending: r.pending,
				canJoin: mayJoin && !myRole && !r.pending && !r.body.archivedAt
			};
		}),
		hasMore: rows.length > BODIES_PAGE_SIZE
	};
}

/**
 * The bodies page: the list by the query string's filter, whether the actor may create bodies,
 * and the name of a body just created (`angelegt`, to confirm it).
 */
export async function getBodiesPage(ctx: TenantCtx, query: Record<string, string>) {
	const filter = bodyFilter.parse(query);
	const list = await listBodies(ctx, filter);
	const canManage = can(ctx.actor, 'body.manage', { tenantId: ctx.tenant.id });
	const createdId = query.angelegt;
	const created =
		createdId && canManage
			? ((await findBody(ctx.db, ctx.tenant.id, createdId))?.name ?? null)
			: null;
	return { filter, ...list, kinds: BODY_KINDS, canManage, created };
}
