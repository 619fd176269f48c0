/**
 * Use cases of touring projects. The district's coordinators keep the projects and decide on
 * stops (`touring.manage` in the district); a municipality's coordinators (`touring.manage` in
 * the municipality) may ask for a stop of a published project of their district — never confirm
 * one, never see another municipality's requests (views.ts).
 */
import { and, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { parseOrThrow, requireUuid } from '../shared';
import { tenants } from '../tenants/schema';
import { enqueueMail } from '../mail/enqueue';
import { composeMail } from '../mail/compose';
import { coordinatorsOf } from '../organizations/editors';
import { dateText, timeText } from '../shared';
import { m } from '$lib/paraglide/messages';
import { touringProjects, touringStops, type TouringStopRow } from './schema';
import { projectInput, requestInput, stopInput } from './validation';

/** The request's tenant is a district whose touring projects the actor keeps. */
function authorizeDistrict(ctx: TenantCtx): string {
	authorize(ctx.actor, 'touring.manage', { tenantId: ctx.tenant.id });
	if (ctx.tenant.kind !== 'district') throw new NotFoundError();
	return ctx.tenant.id;
}

async function findProject(db: Executor, districtId: string, projectId: unknown) {
	const id = requireUuid(projectId);
	const [row] = await db
		.select()
		.from(touringProjects)
		.where(and(eq(touringProjects.id, id), eq(touringProjects.tenantId, districtId)));
	if (!row) throw new NotFoundError();
	return row;
}

async function findStop(db: Executor, districtId: string, stopId: unknown) {
	const id = requireUuid(stopId);
	const [row] = await db
		.select()
		.from(touringStops)
		.where(and(eq(touringStops.id, id), eq(touringStops.tenantId, districtId)))
		.for('update');
	if (!row) throw new NotFoundError();
	return row;
}

/** The municipality must be a child tenant of the district. */
async function requireMunicipality(db: Executor, districtId: string, municipalityId: unknown) {
	if (typeof municipalityId !== 'string' || municipalityId === '')
		throw new ValidationError({ municipalityId: 'tour_error_municipality' });
	const [row] = await db
		.select({ id: tenants.id })
		.from(tenants)
		.where(and(eq(tenants.id, requireUuid(municipalityId)), eq(tenants.parentId, districtId)));
	if (!row) throw new ValidationError({ municipalityId: 'tour_error_municipality' });
	return row.id;
}

function stopAudit(row: TouringStopRow) {
	return {
		projectId: row.projectId,
		municipalityId: row.municipalityId,
		place: row.place,
		startsAt: row.startsAt,
		endsAt: row.endsAt,
		status: row.status
	};
}

export async function createTouringProject(
	ctx: TenantCtx,
	raw: Record<string, unknown>
): Promise<{ id: string }> {
	const tenantId = authorizeDistrict(ctx);
	const input = parseOrThrow(projectInput, raw);
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(touringProjects)
			.values({ tenantId, ...input })
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'touring.project_create',
			entityType: 'touring_project',
			entityId: row.id,
			after: input
		});
		return { id: row.id };
	});
}

export async function updateTouringProject(
	ctx: TenantCtx,
	raw: { projectId: string } & Record<string, unknown>
): Promise<void> {
	const tenantId = authorizeDistrict(ctx);
	const input = parseOrThrow(projectInput, raw);
	await ctx.db.transaction(async (tx) => {
		const before = await findProject(tx, tenantId, raw.projectId);
		await tx
			.update(touringProjects)
			.set({ ...input, updatedAt: new Date() })
			.where(eq(touringProjects.id, before.id));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'touring.project_update',
			entityType: 'touring_project',
			entityId: before.id,
			before: { title: before.title, description: before.description, status: before.status },
			after: input
		});
	});
}

/** The district adds a stop it has agreed with the municipality: confirmed at once. */
export async function addTouringStop(
	ctx: TenantCtx,
	raw: { projectId: string; municipalityId: string } & Record<string, unknown>
): Promise<{ id: string }> {
	const tenantId = authorizeDistrict(ctx);
	const project = await findProject(ctx.db, tenantId, raw.projectId);
	const input = parseOrThrow(stopInput, raw);
	const municipalityId = await requireMunicipality(ctx.db, tenantId, raw.municipalityId);
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(touringStops)
			.values({
				tenantId,
				projectId: project.id,
				municipalityId,
				...input,
				status: 'confirmed',
				decidedBy: ctx.actor?.userId ?? null,
				decidedAt: new Date()
			})
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'touring.stop_add',
			entityType: 'touring_stop',
			entityId: row.id,
			after: stopAudit(row)
		});
		return { id: row.id };
	});
}

/**
 * A municipality asks for a stop of a published project of its district (its interest). The
 * stop belongs to the district's project, waiting for the district's decision.
 */
export async function requestTouringStop(
	ctx: TenantCtx,
	raw: { projectId: string } & Record<string, unknown>
): Promise<{ id: string }> {
	authorize(ctx.actor, 'touring.manage', { tenantId: ctx.tenant.id });
	const districtId = ctx.tenant.parentId;
	if (ctx.tenant.kind === 'district' || !districtId) throw new NotFoundError();
	const project = await findProject(ctx.db, districtId, raw.projectId);
	if (project.status !== 'published') throw new NotFoundError();
	const input = parseOrThrow(requestInput, raw);
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(touringStops)
			.values({
				tenantId: districtId,
				projectId: project.id,
				municipalityId: ctx.tenant.id,
				...input,
				status: 'requested',
				requestedBy: ctx.actor?.userId ?? null
			})
			.returning();
		// the district's coordinators learn of the request (outbox, same transaction)
		const [district] = await tx
			.select({ slug: tenants.slug })
			.from(tenants)
			.where(eq(tenants.id, districtId));
		for (const c of await coordinatorsOf(tx, districtId)) {
			const locale = c.locale;
			const when = row.startsAt
				? `${dateText(row.startsAt, locale)}, ${timeText(row.startsAt, locale)}`
				: m.tour_time_open({}, { locale });
			await enqueueMail(
				tx,
				districtId,
				composeMail(
					{ to: c.email, locale },
					m.tour_mail_request_subject({ municipality: ctx.tenant.name }, { locale }),
					m.tour_mail_request_body(
						{
							name: c.name,
							municipality: ctx.tenant.name,
							project: project.title,
							place: row.place,
							when,
							note: row.requestNote ? `\n\n${row.requestNote}` : '',
							link: `${ctx.origin}/app/${district?.slug ?? ''}/unterwegs`
						},
						{ locale }
					)
				)
			);
		}
		await recordAudit(tx, ctx, {
			tenantId: ctx.tenant.id,
			action: 'touring.stop_request',
			entityType: 'touring_stop',
			entityId: row.id,
			after: { ...stopAudit(row), requestNote: row.requestNote }
		});
		return { id: row.id };
	});
}

/** The municipality takes back its own request while it is still open. */
export async function withdrawTouringRequest(
	ctx: TenantCtx,
	input: { stopId: string }
): Promise<void> {
	authorize(ctx.actor, 'touring.manage', { tenantId: ctx.tenant.id });
	const districtId = ctx.tenant.parentId;
	if (ctx.tenant.kind === 'district' || !districtId) throw new NotFoundError();
	await ctx.db.transaction(async (tx) => {
		const stop = await findStop(tx, districtId, input.stopId);
		if (stop.municipalityId !== ctx.tenant.id) throw new NotFoundError();
		if (stop.status !== 'requested') throw new ValidationError({ form: 'tour_error_not_open' });
		await tx.delete(touringStops).where(eq(touringStops.id, stop.id));
		await recordAudit(tx, ctx, {
			tenantId: ctx.tenant.id,
			action: 'touring.request_withdraw',
			entityType: 'touring_stop',
			entityId: stop.id,
			before: stopAudit(stop)
		});
	});
}

/**
 * The district decides on a stop: `confirm` (with place and time, which may differ from the
 * request) makes it a public date; `decline` answers an open request; `cancel` takes a confirmed
 * date back (it disappears from the finder).
 */
export async function decideTouringStop(
	ctx: TenantCtx,
	raw: { stopId: string; decision: string } & Record<string, unknown>
): Promise<void> {
	const tenantId = authorizeDistrict(ctx);
	const decision = raw.decision;
	if (decision !== 'confirm' && decision !== 'decline' && decision !== 'cancel')
		throw new ValidationError({ form: 'tour_error_decision' });
	const input = decision === 'confirm' ? parseOrThrow(stopInput, raw) : null;
	await ctx.db.transaction(async (tx) => {
		const before = await findStop(tx, tenantId, raw.stopId);
		const allowed =
			decision === 'cancel'
				? before.status === 'confirmed'
				: decision === 'decline'
					? before.status === 'requested'
					: before.status === 'requested' || before.status === 'confirmed';
		if (!allowed) throw new ValidationError({ form: 'tour_error_not_open' });
		const status =
			decision === 'confirm' ? 'confirmed' : decision === 'decline' ? 'declined' : 'cancelled';
		const [after] = await tx
			.update(touringStops)
			.set({
				...(input ?? {}),
				status,
				decidedBy: ctx.actor?.userId ?? null,
				decidedAt: new Date(),
				updatedAt: new Date()
			})
			.where(eq(touringStops.id, before.id))
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: `touring.stop_${decision}`,
			entityType: 'touring_stop',
			entityId: before.id,
			before: stopAudit(before),
			after: stopAudit(after)
		});
	});
}
