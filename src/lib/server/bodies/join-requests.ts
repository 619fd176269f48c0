/**
 * Requests to join a body: a member of the tenant asks (body.join), can withdraw; the body's
 * speakers and deputies or the coordinators (body.members.decide) accept or decline. Mails go
 * through the outbox in the same transaction.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx, TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize, can } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { enqueueMail } from '../mail/enqueue';
import { organizations } from '../organizations/schema';
import { users } from '../auth/schema';
import { coordinatorsOf } from '../organizations/editors';
import { bodyJoinRequests, bodyMemberships, type Body } from './schema';
import { loadVisibleBody, lockBodyRow } from './access';
import { defaultStartDate, joinRequestInput } from './validation';
import { isTenantPerson, parseWithOrganization } from './lookups';
import { hasOverlappingMembership, insertMembership } from './memberships';
import { isCurrentMembership } from './membership-rule';
import { joinDecisionMail, joinRequestMail } from './mails';
import { mailLocale } from '../mail/compose';
import { berlinToday, requireUuid } from '../shared';

export function bodyLink(ctx: Pick<Ctx, 'origin'>, slug: string, bodyId: string): string {
	return `${ctx.origin}/app/${slug}/gremien/${bodyId}`;
}

/**
 * Who hears about a new request: the body's current speakers and deputies; when it has none, the
 * tenant's coordinators.
 */
async function deciderRecipients(tx: Executor, body: Body) {
	const speakers = await tx
		.selectDistinct({ email: users.email, name: users.name, locale: users.locale })
		.from(bodyMemberships)
		.innerJoin(users, eq(users.id, bodyMemberships.userId))
		.where(
			and(
				eq(bodyMemberships.tenantId, body.tenantId),
				eq(bodyMemberships.bodyId, body.id),
				inArray(bodyMemberships.role, ['speaker', 'deputy']),
				isCurrentMembership(),
				isNull(users.disabledAt)
			)
		);
	if (speakers.length > 0) return speakers;
	return coordinatorsOf(tx, body.tenantId);
}

/** Whether the person is, or will be, a member of the body (a membership that has not ended). */
async function isMemberNow(db: Executor, bodyId: string, userId: string): Promise<boolean> {
	return hasOverlappingMembership(db, bodyId, userId, berlinToday(), null);
}

/** A member of the tenant asks to join a body they can see. */
export async function requestToJoin(
	ctx: TenantCtx,
	input: { bodyId: string } & Record<string, unknown>
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'body.join', { tenantId });
	const actor = ctx.actor;
	const body = await loadVisibleBody(ctx, tenantId, input.bodyId);
	if (body.archivedAt) throw new ValidationError({ form: 'bodies_error_archived' });
	const data = await parseWithOrganization(ctx.db, tenantId, joinRequestInput, input);
	const slug = ctx.tenant.slug;
	return ctx.db.transaction(async (tx) => {
		await lockBodyRow(tx, tenantId, body.id);
		if (await isMemberNow(tx, body.id, actor.userId))
			throw new ValidationError({ form: 'bodies_error_already_member_self' });
		const [pending] = await tx
			.select({ id: bodyJoinRequests.id })
			.from(bodyJoinRequests)
			.where(
				and(
					eq(bodyJoinRequests.bodyId, body.id),
					eq(bodyJoinRequests.userId, actor.userId),
					eq(bodyJoinRequests.status, 'pending')
				)
			);
		if (pending) throw new ValidationError({ form: 'bodies_error_request_pending' });
		const [row] = await tx
			.insert(bodyJoinRequests)
			.values({
				tenantId,
				bodyId: body.id,
				userId: actor.userId,
				organizationId: data.organizationId ?? null,
				message: data.message ?? null
			})
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'body.join_request',
			entityType: 'body_join_request',
			entityId: row.id,
			after: {
				name: body.name,
				bodyId: body.id,
				userId: actor.userId,
				organizationId: row.organizationId,
				message: row.message
			}
		});
		let organization: string | null = null;
		if (row.organizationId) {
			const [org] = await tx
				.select({ name: organizations.name })
				.from(organizations)
				.where(eq(organizations.id, row.organizationId));
			organization = org?.name ?? null;
		}
		const link = bodyLink(ctx, slug, body.id);
		for (const r of await deciderRecipients(tx, body)) {
			await enqueueMail(
				tx,
				tenantId,
				joinRequestMail({
					to: r.email,
					name: r.name,
					requester: actor.name,
					organization,
					message: row.message,
					bodyName: body.name,
					link,
					locale: mailLocale(r.locale)
				})
			);
		}
		return { id: row.id };
	});
}

/** The request locked for a decision, checked to belong to the body the URL names (and tenant). */
async function lockRequest(tx: Executor, tenantId: string, bodyId: string, requestId: string) {
	const [row] = await tx
		.select()
		.from(bodyJoinRequests)
		.where(
			and(
				eq(bodyJoinRequests.tenantId, tenantId),
				eq(bodyJoinRequests.bodyId, bodyId),
				eq(bodyJoinRequests.id, requestId)
			)
		)
		.for('update');
	if (!row) throw new NotFoundError();
	return row;
}

/** The ids of a request: the body from the URL, the request from the form. */
export type JoinRequestRef = { bodyId: string; requestId: unknown };

/** The person who asked withdraws their pending request. */
export async function withdrawJoinRequest(ctx: TenantCtx, input: JoinRequestRef): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'body.view', { tenantId });
	const actor = ctx.actor;
	const bodyId = requireUuid(input.bodyId);
	const requestId = requireUuid(input.requestId);
	await ctx.db.transaction(async (tx) => {
		const request = await lockRequest(tx, tenantId, bodyId, requestId);
		if (request.userId !== actor.userId) throw new NotFoundError();
		if (request.status !== 'pending')
			throw new ValidationError({ form: 'bodies_error_request_closed' });
		await tx
			.update(bodyJoinRequests)
			.set({ status: 'withdrawn', decidedAt: new Date() })
			.where(eq(bodyJoinRequests.id, requestId));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'body.join_withdraw',
			entityType: 'body_join_request',
			entityId: requestId,
			before: { status: 'pending', bodyId: request.bodyId },
			after: { status: 'withdrawn', bodyId: request.bodyId }
		});
	});
}

/**
 * A speaker, deputy or coordinator accepts (the person becomes a member, role "member", from
 * today) or declines a pending request. The person gets a mail either way.
 */
export async function decideJoinRequest(
	ctx: TenantCtx,
	input: JoinRequestRef & { decision: unknown }
): Promise<{ name: string; accepted: boolean }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'body.view', { tenantId });
	const actor = ctx.actor;
	const bodyId = requireUuid(input.bodyId);
	const requestId = requireUuid(input.requestId);
	const decision = input.decision;
	if (decision !== 'accept' && decision !== 'decline') throw new NotFoundError();
	await loadVisibleBody(ctx, tenantId, bodyId);
	if (!can(actor, 'body.members.decide', { tenantId, bodyId })) throw new NotFoundError();
	const slug = ctx.tenant.slug;
	return ctx.db.transaction(async (tx) => {
		// Body first, then the request, as in requestToJoin and addMembership.
		const body = await lockBodyRow(tx, tenantId, bodyId);
		const request = await lockRequest(tx, tenantId, bodyId, requestId);
		if (request.status !== 'pending')
			throw new ValidationError({ form: 'bodies_error_request_closed' });
		const accepted = decision === 'accept';
		if (accepted) {
			if (!(await isTenantPerson(tx, tenantId, request.userId)))
				throw new ValidationError({ form: 'bodies_error_person_gone' });
			if (!(await isMemberNow(tx, body.id, request.userId))) {
				await insertMembership(
					tx,
					ctx,
					{
						tenantId,
						bodyId: body.id,
						userId: request.userId,
						role: 'member',
						organizationId: request.organizationId,
						startDate: defaultStartDate(),
						endDate: null
					},
					body.name,
					'join_request'
				);
			}
		}
		const status = accepted ? 'accepted' : 'declined';
		await tx
			.update(bodyJoinRequests)
			.set({ status, decidedBy: actor.userId, decidedAt: new Date() })
			.where(eq(bodyJoinRequests.id, requestId));
		await recordAudit(tx, ctx, {
			tenantId,
			action: accepted ? 'body.join_accept' : 'body.join_decline',
			entityType: 'body_join_request',
			entityId: requestId,
			before: { name: body.name, status: 'pending', userId: request.userId },
			after: { name: body.name, status, userId: request.userId }
		});
		const [person] = await tx
			.select({ email: users.email, name: users.name, locale: users.locale })
			.from(users)
			.where(eq(users.id, request.userId));
		if (person) {
			await enqueueMail(
				tx,
				tenantId,
				joinDecisionMail({
					to: person.email,
					name: person.name,
					bodyName: body.name,
					accepted,
					link: bodyLink(ctx, slug, body.id),
					locale: mailLocale(person.locale)
				})
			);
		}
		return { name: person?.name ?? '', accepted };
	});
}
