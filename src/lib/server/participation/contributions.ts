/**
 * Contributions (Beiträge) of participants: written online during the collecting phase, entered
 * by staff after an offline event, supported and commented on by others.
 */
import { and, eq } from 'drizzle-orm';
import type { Ctx, TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { hashToken, newToken } from '../auth/tokens';
import { isOwnMunicipality } from '../needs/views';
import { passSpamChecks, takeFromLimit } from '../inquiries/spam';
import { parseOrThrow, requireUuid } from '../shared';
import {
	contributionComments,
	contributions,
	contributionSupports,
	dialogues,
	type ContributionStatus
} from './schema';
import { commentInput, contributionInput, offlineInput } from './validation';
import { areOwnFields, loadContribution, loadProcess } from './rows';
import { processRules } from './processes';

/** Contributions without an account: per address and hour, per process. */
export const ANONYMOUS_CONTRIBUTION_LIMIT = { max: 5, windowSeconds: 60 * 60 };
/** Contributions with an account: per person and hour, per process. */
export const ACCOUNT_CONTRIBUTION_LIMIT = { max: 30, windowSeconds: 60 * 60 };
export const ANONYMOUS_COMMENT_LIMIT = { max: 10, windowSeconds: 60 * 60 };
export const ANONYMOUS_SUPPORT_LIMIT = { max: 100, windowSeconds: 60 * 60 };

/** The private link with which an anonymous participant follows a contribution. */
export function trackPath(tenantSlug: string, token: string) {
	return `/${tenantSlug}/beteiligung/beitrag/${token}`;
}

async function checkRefs(
	db: Executor,
	tenantId: string,
	processId: string,
	data: { fieldOfActionId?: string; municipalityId?: string; dialogueId?: string }
) {
	const errors: Record<string, string> = {};
	if (data.fieldOfActionId && !(await areOwnFields(db, tenantId, [data.fieldOfActionId])))
		errors.fieldOfActionId = 'participation_error_field_invalid';
	if (data.municipalityId && !(await isOwnMunicipality(db, tenantId, data.municipalityId)))
		errors.municipalityId = 'participation_error_municipality_invalid';
	if (data.dialogueId) {
		const [d] = await db
			.select({ id: dialogues.id })
			.from(dialogues)
			.where(
				and(
					eq(dialogues.tenantId, tenantId),
					eq(dialogues.processId, processId),
					eq(dialogues.id, data.dialogueId)
				)
			);
		if (!d) errors.dialogueId = 'participation_error_dialogue_invalid';
	}
	if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

/**
 * A participant writes a contribution online, during the collecting phase. With an account it
 * is published at once; without one (only where the process allows it) it passes the spam
 * checks and a limit per address, waits for moderation, and the person gets a private link.
 */
export async function submitContribution(
	ctx: TenantCtx,
	input: { processId: string } & Record<string, unknown>,
	now: Date = new Date()
): Promise<{ id: string; status: ContributionStatus; token: string | null }> {
	const tenantId = ctx.tenant.id;
	const process = await loadProcess(ctx.db, tenantId, input.processId);
	const processId = process.id;
	if (process.status === 'draft') throw new NotFoundError();
	const { rules } = await processRules(ctx.db, process, now);
	if (!rules.contribute) throw new ValidationError({ form: 'participation_error_phase_closed' });
	const actor = ctx.actor;
	if (!actor && !process.allowAnonymous)
		throw new ValidationError({ form: 'participation_error_account_required' });
	const spam = passSpamChecks(ctx, input, now);
	const parsed = parseOrThrow(contributionInput, input);
	const data = parsed;
	await checkRefs(ctx.db, tenantId, processId, data);
	if (actor) {
		await takeFromLimit(
			ctx.db,
			`contribution:${processId}:user`,
			actor.userId,
			ACCOUNT_CONTRIBUTION_LIMIT
		);
	} else {
		await takeFromLimit(ctx.db, `contribution:${processId}`, ctx.ip, ANONYMOUS_CONTRIBUTION_LIMIT);
	}
	const token = actor ? null : newToken();
	const status: ContributionStatus = actor ? 'published' : 'pending';
	return ctx.db.transaction(async (tx) => {
		await spam.redeem(tx);
		const [row] = await tx
			.insert(contributions)
			.values({
				tenantId,
				processId,
				dialogueId: data.dialogueId ?? null,
				body: data.body,
				fieldOfActionId: data.fieldOfActionId,
				targetGroup: data.targetGroup ?? null,
				municipalityId: data.municipalityId ?? null,
				language: data.language,
				source: 'online',
				authorId: actor?.userId ?? null,
				authorName: data.authorName ?? null,
				status,
				trackTokenHash: token ? hashToken(token) : null,
				createdAt: now,
				updatedAt: now
			})
			.returning({ id: contributions.id });
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'contribution.submit',
			entityType: 'contribution',
			entityId: row.id,
			after: { name: process.title, status, anonymous: !actor }
		});
		return { id: row.id, status, token };
	});
}

/**
 * Staff enter the results of an offline event (flip charts, cards) in one go: one contribution
 * per line, sharing dialogue, field of action, target group, municipality and language.
 * Published at once; allowed in any phase (the event has taken place).
 */
export async function enterOfflineContributions(
	ctx: TenantCtx,
	input: { processId: string; [field: string]: unknown }
): Promise<{ count: number }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const actor = ctx.actor;
	const processId = requireUuid(input.processId);
	const parsed = parseOrThrow(offlineInput, input);
	const data = parsed;
	await checkRefs(ctx.db, tenantId, processId, data);
	return ctx.db.transaction(async (tx) => {
		const process = await loadProcess(tx, tenantId, processId);
		const rows = await tx
			.insert(contributions)
			.values(
				data.lines.map((body) => ({
					tenantId,
					processId,
					dialogueId: data.dialogueId ?? null,
					body,
					fieldOfActionId: data.fieldOfActionId ?? null,
					targetGroup: data.targetGroup ?? null,
					municipalityId: data.municipalityId ?? null,
					language: data.language,
					source: 'offline' as const,
					enteredBy: actor.userId,
					status: 'published' as const
				}))
			)
			.returning({ id: contributions.id });
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'contribution.offline_entry',
			entityType: 'consultation_process',
			entityId: processId,
			after: { name: process.title, count: rows.length, dialogueId: data.dialogueId ?? null }
		});
		return { count: rows.length };
	});
}

/** The supporter key of a request: the account, or the hashed participant cookie. */
export function supporterKey(actor: Ctx['actor'], participantCookie: string | undefined) {
	if (actor) return `user:${actor.userId}`;
	if (participantCookie && /^[A-Za-z0-9_-]{20,100}$/.test(participantCookie))
		return `anon:${hashToken(participantCookie)}`;
	return null;
}

/** A published contribution of the process the URL names, with what its phase allows. */
async function publicContribution(
	ctx: TenantCtx,
	input: { processId: string; contributionId: unknown },
	now: Date
) {
	const tenantId = ctx.tenant.id;
	const processId = requireUuid(input.processId);
	const row = await loadContribution(ctx.db, tenantId, input.contributionId, { processId });
	if (row.status !== 'published') throw new NotFoundError();
	const process = await loadProcess(ctx.db, tenantId, row.processId);
	if (process.status === 'draft') throw new NotFoundError();
	const { rules } = await processRules(ctx.db, process, now);
	return { row, process, rules };
}

/**
 * Supports a published contribution, once per person (account or participant cookie).
 * Returns false when this person had already supported it.
 */
export async function supportContribution(
	ctx: TenantCtx,
	input: { processId: string; contributionId: unknown; participantCookie?: string },
	now: Date = new Date()
): Promise<boolean> {
	const tenantId = ctx.tenant.id;
	const { row, process, rules } = await publicContribution(ctx, input, now);
	if (!rules.support) throw new ValidationError({ form: 'participation_error_phase_closed' });
	if (!ctx.actor && !process.allowAnonymous)
		throw new ValidationError({ form: 'participation_error_account_required' });
	const key = supporterKey(ctx.actor, input.participantCookie);
	if (!key) throw new ValidationError({ form: 'participation_error_cookie_required' });
	if (!ctx.actor)
		await takeFromLimit(ctx.db, `support:${process.id}`, ctx.ip, ANONYMOUS_SUPPORT_LIMIT);
	const rows = await ctx.db
		.insert(contributionSupports)
		.values({ tenantId, contributionId: row.id, supporterKey: key })
		.onConflictDoNothing()
		.returning({ key: contributionSupports.supporterKey });
	return rows.length > 0;
}

/** A comment on a published contribution, where the phase allows it. */
export async function commentOnContribution(
	ctx: TenantCtx,
	input: { processId: string; contributionId: unknown } & Record<string, unknown>,
	now: Date = new Date()
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	const { row: contribution, process, rules } = await publicContribution(ctx, input, now);
	const id = contribution.id;
	if (!rules.comment) throw new ValidationError({ form: 'participation_error_phase_closed' });
	if (!ctx.actor && !process.allowAnonymous)
		throw new ValidationError({ form: 'participation_error_account_required' });
	const spam = passSpamChecks(ctx, input, now);
	const parsed = parseOrThrow(commentInput, input);
	if (!ctx.actor)
		await takeFromLimit(ctx.db, `comment:${process.id}`, ctx.ip, ANONYMOUS_COMMENT_LIMIT);
	return ctx.db.transaction(async (tx) => {
		await spam.redeem(tx);
		const [row] = await tx
			.insert(contributionComments)
			.values({
				tenantId,
				contributionId: id,
				body: parsed.body,
				authorId: ctx.actor?.userId ?? null,
				authorName: ctx.actor ? ctx.actor.name : (parsed.authorName ?? null)
			})
			.returning({ id: contributionComments.id });
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'contribution.comment',
			entityType: 'contribution',
			entityId: id,
			after: { commentId: row.id, anonymous: !ctx.actor }
		});
		return { id: row.id };
	});
}
