/**
 * Public pages: only bodies with visibility "public" that are not archived, of public tenants
 * (the hook resolved the tenant). Never persons' names.
 */
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { NotFoundError } from '../errors';
import { organizations } from '../organizations/schema';
import { fieldsOfAction } from '../fields-of-action/schema';
import { localName } from '../needs/views';
import { bodies, bodyMemberships, type BodyKind } from './schema';
import { canSeeBody } from './access';
import { isCurrentMembership } from './membership-rule';
import { bodyDetails, kindOrder, meetingRows, nextMeetingSql } from './view-parts';
import { requireUuid } from '../shared';

export interface PublicBodyRow {
	id: string;
	kind: BodyKind;
	name: string;
	shortName: string | null;
	fieldName: string | null;
	nextMeeting: Date | null;
}

const publicWhere = (tenantId: string) =>
	and(eq(bodies.tenantId, tenantId), eq(bodies.visibility, 'public'), isNull(bodies.archivedAt));

export async function listPublicBodies(ctx: TenantCtx): Promise<PublicBodyRow[]> {
	const rows = await ctx.db
		.select({ body: bodies, fieldNames: fieldsOfAction.names, nextMeeting: nextMeetingSql() })
		.from(bodies)
		.leftJoin(fieldsOfAction, eq(fieldsOfAction.id, bodies.fieldOfActionId))
		.where(publicWhere(ctx.tenant.id))
		.orderBy(kindOrder, asc(bodies.name), asc(bodies.id))
		.limit(500);
	return rows.map((r) => ({
		id: r.body.id,
		kind: r.body.kind,
		name: r.body.name,
		shortName: r.body.shortName,
		fieldName: r.fieldNames ? localName(r.fieldNames, ctx.locale) : null,
		nextMeeting: r.nextMeeting ?? null
	}));
}

/**
 * A public body's page; NotFoundError when it is not public (or missing, archived, malformed or
 * of another tenant).
 */
export async function getPublicBody(ctx: TenantCtx, input: { bodyId: string }) {
	const { db, locale } = ctx;
	const tenantId = ctx.tenant.id;
	const bodyId = requireUuid(input.bodyId);
	const [body] = await db
		.select()
		.from(bodies)
		.where(and(publicWhere(tenantId), eq(bodies.id, bodyId)));
	if (!body || !canSeeBody(null, body)) throw new NotFoundError();
	const [details, memberOrgs, upcoming, past] = await Promise.all([
		bodyDetails(db, body, locale),
		db
			.selectDistinct({ id: organizations.id, name: organizations.name })
			.from(bodyMemberships)
			.innerJoin(organizations, eq(organizations.id, bodyMemberships.organizationId))
			.where(
				and(
					eq(bodyMemberships.tenantId, tenantId),
					eq(bodyMemberships.bodyId, body.id),
					isNotNull(bodyMemberships.organizationId),
					isCurrentMembership(),
					eq(organizations.isPublic, true)
				)
			)
			.orderBy(asc(organizations.name)),
		meetingRows(db, body, 'upcoming', 10, true),
		meetingRows(db, body, 'past', 20, true)
	]);
	return { body: details, organizations: memberOrgs, upcoming, past };
}
