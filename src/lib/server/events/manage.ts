/** Network events (Veranstaltungen): the coordination keeps them in the signed-in area. */
import { and, desc, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError } from '../errors';
import { recordAudit } from '../audit/record';
import { pageOf, pageOffset, parseOrThrow, requireUuid } from '../shared';
import { toBerlinDateTime } from '../shared/berlin-datetime';
import { networkEvents, type NetworkEvent } from './schema';
import { eventInputSchema, type EventInput } from './validation';

export const EVENTS_APP_PAGE_SIZE = 25;

async function findEvent(ctx: TenantCtx, db: Executor, id: string): Promise<NetworkEvent> {
	requireUuid(id);
	const [row] = await db
		.select()
		.from(networkEvents)
		.where(and(eq(networkEvents.id, id), eq(networkEvents.tenantId, ctx.tenant.id)));
	if (!row) throw new NotFoundError();
	return row;
}

export async function saveEvent(
	ctx: TenantCtx,
	input: EventInput & { id?: string }
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'events.manage', { tenantId });
	const actor = ctx.actor;
	const data = parseOrThrow(eventInputSchema, input);
	const values = {
		title: data.title,
		description: data.description,
		place: data.place,
		registrationNote: data.registrationNote,
		startsAt: data.startsAt,
		endsAt: data.endsAt,
		status: data.published ? ('published' as const) : ('draft' as const)
	};
	return ctx.db.transaction(async (tx) => {
		let id: string;
		let before: NetworkEvent | null = null;
		if (input.id) {
			before = await findEvent(ctx, tx, input.id);
			id = before.id;
			await tx
				.update(networkEvents)
				.set({ ...values, updatedAt: new Date() })
				.where(eq(networkEvents.id, id));
		} else {
			const [row] = await tx
				.insert(networkEvents)
				.values({ ...values, tenantId, authorId: actor.userId })
				.returning({ id: networkEvents.id });
			id = row.id;
		}
		await recordAudit(tx, ctx, {
			tenantId,
			action: before ? 'event.update' : 'event.create',
			entityType: 'event',
			entityId: id,
			before: before && { title: before.title, status: before.status, startsAt: before.startsAt },
			after: { title: values.title, status: values.status, startsAt: values.startsAt }
		});
		return { id };
	});
}

export async function deleteEvent(ctx: TenantCtx, input: { id: string }): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'events.manage', { tenantId });
	await ctx.db.transaction(async (tx) => {
		const row = await findEvent(ctx, tx, input.id);
		await tx.delete(networkEvents).where(eq(networkEvents.id, row.id));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'event.delete',
			entityType: 'event',
			entityId: row.id,
			before: { title: row.title, status: row.status, startsAt: row.startsAt },
			after: null
		});
	});
}

export async function listAppEvents(ctx: TenantCtx, input: { page?: number } = {}) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'events.manage', { tenantId });
	const page = input.page ?? 1;
	const rows = await ctx.db
		.select({
			id: networkEvents.id,
			title: networkEvents.title,
			startsAt: networkEvents.startsAt,
			status: networkEvents.status
		})
		.from(networkEvents)
		.where(eq(networkEvents.tenantId, tenantId))
		.orderBy(desc(networkEvents.startsAt), desc(networkEvents.id))
		.limit(EVENTS_APP_PAGE_SIZE + 1)
		.offset(pageOffset(page, EVENTS_APP_PAGE_SIZE));
	return { page, ...pageOf(rows, EVENTS_APP_PAGE_SIZE) };
}

export async function getEventForEdit(ctx: TenantCtx, input: { id: string }) {
	authorize(ctx.actor, 'events.manage', { tenantId: ctx.tenant.id });
	const row = await findEvent(ctx, ctx.db, input.id);
	return {
		id: row.id,
		status: row.status,
		values: {
			title: row.title,
			description: row.description ?? '',
			place: row.place ?? '',
			registrationNote: row.registrationNote ?? '',
			startsAt: toBerlinDateTime(row.startsAt),
			endsAt: toBerlinDateTime(row.endsAt),
			published: row.status === 'published'
		}
	};
}
