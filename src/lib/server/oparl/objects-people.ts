/** OParl Organization (bodies), Membership, Person and Location. */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { users } from '../auth/schema';
import { bodies, bodyMemberships } from '../bodies/schema';
import { meetings } from '../meetings/schema';
import { personPublications } from './schema';
import type { Meta } from './sources';
import { formatDate } from './params';
import { BODY_CLASSIFICATION, MEMBERSHIP_ROLE } from './labels';
import {
	object,
	live,
	embed,
	pick,
	type LoadCtx,
	type Loaded,
	type OParlObject
} from './object-kit';

export async function organizations(ctx: LoadCtx, metas: Map<string, Meta>): Promise<Loaded> {
	const keys = [...metas.keys()];
	const rows = await ctx.db
		.select()
		.from(bodies)
		.where(and(eq(bodies.tenantId, ctx.tenant.id), inArray(bodies.id, keys)));
	const memberships = await ctx.db
		.select({ id: bodyMemberships.id, bodyId: bodyMemberships.bodyId })
		.from(bodyMemberships)
		.innerJoin(
			personPublications,
			and(
				eq(personPublications.tenantId, bodyMemberships.tenantId),
				eq(personPublications.userId, bodyMemberships.userId)
			)
		)
		.where(
			and(
				eq(bodyMemberships.tenantId, ctx.tenant.id),
				inArray(bodyMemberships.bodyId, keys),
				isNull(personPublications.withdrawnAt)
			)
		)
		.orderBy(asc(bodyMemberships.createdAt), asc(bodyMemberships.id));
	const out: Loaded = new Map();
	for (const b of rows) {
		out.set(
			b.id,
			object(ctx, 'Organization', metas.get(b.id)!, {
				body: ctx.urls.body(ctx.tenant.id),
				name: b.name,
				shortName: b.shortName ?? undefined,
				membership: memberships
					.filter((m) => m.bodyId === b.id)
					.map((m) => ctx.urls.object('Membership', ctx.tenant.id, m.id)),
				meeting: ctx.urls.organizationMeetings(b.id),
				consultation: ctx.urls.organizationConsultations(b.id),
				organizationType: 'Gremium',
				classification: BODY_CLASSIFICATION[b.kind],
				endDate: b.archivedAt ? formatDate(b.archivedAt) : undefined,
				// the public page shows public bodies that are not archived
				web: b.archivedAt ? undefined : ctx.urls.web.organization(ctx.tenant.slug, b.id)
			})
		);
	}
	return out;
}

export async function memberships(ctx: LoadCtx, metas: Map<string, Meta>): Promise<Loaded> {
	const keys = [...metas.keys()];
	const rows = await ctx.db
		.select()
		.from(bodyMemberships)
		.where(and(eq(bodyMemberships.tenantId, ctx.tenant.id), inArray(bodyMemberships.id, keys)));
	const out: Loaded = new Map();
	for (const m of rows) {
		out.set(
			m.id,
			object(ctx, 'Membership', metas.get(m.id)!, {
				person: ctx.urls.object('Person', ctx.tenant.id, m.userId),
				organization: ctx.urls.object('Organization', ctx.tenant.id, m.bodyId),
				role: MEMBERSHIP_ROLE[m.role],
				startDate: m.startDate,
				endDate: m.endDate ?? undefined
			})
		);
	}
	return out;
}

export async function persons(ctx: LoadCtx, metas: Map<string, Meta>): Promise<Loaded> {
	const keys = [...metas.keys()];
	const rows = await ctx.db
		.select({ id: users.id, name: users.name })
		.from(personPublications)
		.innerJoin(users, eq(users.id, personPublications.userId))
		.where(and(eq(personPublications.tenantId, ctx.tenant.id), inArray(users.id, keys)));
	let byUser = new Map<string, OParlObject[]>();
	if (!ctx.omitInternal) {
		const ms = await ctx.db
			.select({ id: bodyMemberships.id, userId: bodyMemberships.userId })
			.from(bodyMemberships)
			.where(
				and(eq(bodyMemberships.tenantId, ctx.tenant.id), inArray(bodyMemberships.userId, keys))
			)
			.orderBy(asc(bodyMemberships.startDate), asc(bodyMemberships.id));
		const loaded = await memberships(
			ctx,
			await live(
				ctx,
				'Membership',
				ms.map((m) => m.id)
			)
		);
		byUser = new Map(
			keys.map((k) => [
				k,
				pick(
					loaded,
					ms.filter((m) => m.userId === k).map((m) => m.id)
				)
			])
		);
	}
	const out: Loaded = new Map();
	for (const u of rows) {
		out.set(
			u.id,
			object(ctx, 'Person', metas.get(u.id)!, {
				body: ctx.urls.body(ctx.tenant.id),
				name: u.name,
				membership: embed(ctx, byUser.get(u.id))
			})
		);
	}
	return out;
}

export async function locations(ctx: LoadCtx, metas: Map<string, Meta>): Promise<Loaded> {
	const keys = [...metas.keys()];
	const rows = await ctx.db
		.select({ id: meetings.id, location: meetings.location })
		.from(meetings)
		.where(and(eq(meetings.tenantId, ctx.tenant.id), inArray(meetings.id, keys)));
	const out: Loaded = new Map();
	for (const m of rows) {
		out.set(
			m.id,
			object(ctx, 'Location', metas.get(m.id)!, {
				description: m.location ?? undefined,
				meetings: [ctx.urls.object('Meeting', ctx.tenant.id, m.id)]
			})
		);
	}
	return out;
}
