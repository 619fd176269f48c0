import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { hashToken, newToken } from '../auth/tokens';
import { users } from '../auth/schema';
import { fieldsOfAction, type LocalizedNames } from '../fields-of-action/schema';
import { localName, isOwnMunicipality } from '../needs/views';
import { checkSubmission, HONEYPOT_FIELD, takeFromLimit } from '../inquiries/spam';
import {
	contributionComments,
	contributions,
	contributionSupports,
	dialogues,
	moderationLog,
	recommendationContributions,
	recommendations,
	type ContributionStatus,
	type OutcomeKind
} from './schema';
import { commentInput, contributionInput, isUuid, offlineInput, reasonInput } from './validation';
import { loadProcess, processRules } from './processes';
import { outcomeMeasures, type OutcomeMeasure } from './recommendations';
import { fieldErrors } from '../shared';

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
	if (data.fieldOfActionId) {
		const [f] = await db
			.select({ id: fieldsOfAction.id })
			.from(fieldsOfAction)
			.where(
				and(eq(fieldsOfAction.tenantId, tenantId), eq(fieldsOfAction.id, data.fieldOfActionId))
			);
		if (!f) errors.fieldOfActionId = 'participation_error_field_invalid';
	}
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

function spamCheck(raw: Record<string, unknown>, now: Date) {
	const verdict = checkSubmission(
		{ honeypot: raw[HONEYPOT_FIELD], challenge: raw.challenge, pow: raw.pow },
		now
	);
	if (!verdict.ok) throw new ValidationError({ form: `inquiries_error_spam_${verdict.reason}` });
}

/**
 * A participant writes a contribution online, during the collecting phase. With an account it
 * is published at once; without one (only where the process allows it) it passes the spam
 * checks and a limit per address, waits for moderation, and the person gets a private link.
 */
export async function submitContribution(
	ctx: Ctx,
	tenantId: string,
	processId: string,
	raw: Record<string, unknown>,
	now: Date = new Date()
): Promise<{ id: string; status: ContributionStatus; token: string | null }> {
	const process = await loadProcess(ctx.db, tenantId, processId);
	if (process.status === 'draft') throw new NotFoundError();
	const { rules } = await processRules(ctx.db, process, now);
	if (!rules.contribute) throw new ValidationError({ form: 'participation_error_phase_closed' });
	const actor = ctx.actor;
	if (!actor && !process.allowAnonymous)
		throw new ValidationError({ form: 'participation_error_account_required' });
	if (!actor) spamCheck(raw, now);
	const parsed = contributionInput.safeParse(raw);
	if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
	const data = parsed.data;
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
	ctx: Ctx,
	tenantId: string,
	processId: string,
	raw: unknown
): Promise<{ count: number }> {
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const actor = ctx.actor;
	const parsed = offlineInput.safeParse(raw);
	if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
	const data = parsed.data;
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

async function loadContribution(db: Executor, tenantId: string, id: string, lock = false) {
	if (!isUuid(id)) throw new NotFoundError();
	const q = db
		.select()
		.from(contributions)
		.where(and(eq(contributions.tenantId, tenantId), eq(contributions.id, id)));
	const [row] = lock ? await q.for('update') : await q;
	if (!row) throw new NotFoundError();
	return row;
}

async function logModeration(
	tx: Executor,
	ctx: Ctx,
	row: typeof contributions.$inferSelect,
	action: 'publish' | 'hide' | 'merge',
	extra: { reason?: string | null; targetId?: string | null; status: ContributionStatus }
) {
	await tx.insert(moderationLog).values({
		tenantId: row.tenantId,
		contributionId: row.id,
		action,
		reason: extra.reason ?? null,
		targetId: extra.targetId ?? null,
		actorId: ctx.actor?.userId ?? null
	});
	await recordAudit(tx, ctx, {
		tenantId: row.tenantId,
		action: `contribution.${action}`,
		entityType: 'contribution',
		entityId: row.id,
		before: { status: row.status },
		after: { status: extra.status, reason: extra.reason ?? null, targetId: extra.targetId ?? null }
	});
}

/** Publishes a waiting or hidden contribution. */
export async function publishContribution(ctx: Ctx, tenantId: string, id: string): Promise<void> {
	authorize(ctx.actor, 'participation.manage', { tenantId });
	await ctx.db.transaction(async (tx) => {
		const row = await loadContribution(tx, tenantId, id, true);
		if (row.status === 'published') return;
		if (row.status === 'merged') throw new ValidationError({ form: 'participation_error_merged' });
		await tx
			.update(contributions)
			.set({ status: 'published', hiddenReason: null, updatedAt: new Date() })
			.where(eq(contributions.id, id));
		await logModeration(tx, ctx, row, 'publish', { status: 'published' });
	});
}

/** Hides a contribution from the public; the reason is required and logged. */
export async function hideContribution(
	ctx: Ctx,
	tenantId: string,
	id: string,
	reason: unknown
): Promise<void> {
	authorize(ctx.actor, 'participation.manage', { tenantId });
	const parsed = reasonInput.safeParse(reason);
	if (!parsed.success) throw new ValidationError({ reason: fieldErrors(parsed.error).form });
	await ctx.db.transaction(async (tx) => {
		const row = await loadContribution(tx, tenantId, id, true);
		if (row.status === 'merged') throw new ValidationError({ form: 'participation_error_merged' });
		await tx
			.update(contributions)
			.set({ status: 'hidden', hiddenReason: parsed.data, updatedAt: new Date() })
			.where(eq(contributions.id, id));
		await logModeration(tx, ctx, row, 'hide', { status: 'hidden', reason: parsed.data });
	});
}

/**
 * Merges a duplicate into another contribution of the same process: the duplicate is kept
 * (marked merged, pointing to the target), its supports and recommendation links move over.
 */
export async function mergeContribution(
	ctx: Ctx,
	tenantId: string,
	id: string,
	targetId: unknown,
	reason?: unknown
): Promise<void> {
	authorize(ctx.actor, 'participation.manage', { tenantId });
	if (!isUuid(targetId) || targetId === id)
		throw new ValidationError({ targetId: 'participation_error_merge_target_invalid' });
	const note =
		typeof reason === 'string' && reason.trim() !== '' ? reason.trim().slice(0, 500) : null;
	await ctx.db.transaction(async (tx) => {
		const row = await loadContribution(tx, tenantId, id, true);
		const [target] = await tx
			.select()
			.from(contributions)
			.where(
				and(
					eq(contributions.tenantId, tenantId),
					eq(contributions.processId, row.processId),
					eq(contributions.id, targetId)
				)
			)
			.for('update');
		if (!target || target.status === 'merged')
			throw new ValidationError({ targetId: 'participation_error_merge_target_invalid' });
		if (row.status === 'merged') throw new ValidationError({ form: 'participation_error_merged' });
		// supports: one per person on the target as well
		await tx.execute(sql`
			INSERT INTO contribution_supports (tenant_id, contribution_id, supporter_key, created_at)
			SELECT tenant_id, ${targetId}::uuid, supporter_key, created_at FROM contribution_supports
			WHERE contribution_id = ${id}::uuid
			ON CONFLICT DO NOTHING`);
		await tx.delete(contributionSupports).where(eq(contributionSupports.contributionId, id));
		await tx.execute(sql`
			INSERT INTO recommendation_contributions (tenant_id, recommendation_id, contribution_id, created_at)
			SELECT tenant_id, recommendation_id, ${targetId}::uuid, created_at FROM recommendation_contributions
			WHERE contribution_id = ${id}::uuid
			ON CONFLICT DO NOTHING`);
		await tx
			.delete(recommendationContributions)
			.where(eq(recommendationContributions.contributionId, id));
		await tx
			.update(contributions)
			.set({ status: 'merged', mergedIntoId: targetId, updatedAt: new Date() })
			.where(eq(contributions.id, id));
		await logModeration(tx, ctx, row, 'merge', { status: 'merged', targetId, reason: note });
	});
}

/** The supporter key of a request: the account, or the hashed participant cookie. */
export function supporterKey(actor: Ctx['actor'], participantCookie: string | undefined) {
	if (actor) return `user:${actor.userId}`;
	if (participantCookie && /^[A-Za-z0-9_-]{20,100}$/.test(participantCookie))
		return `anon:${hashToken(participantCookie)}`;
	return null;
}

async function publicContribution(ctx: Ctx, tenantId: string, id: string, now: Date) {
	const row = await loadContribution(ctx.db, tenantId, id);
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
	ctx: Ctx,
	tenantId: string,
	id: string,
	participantCookie: string | undefined,
	now: Date = new Date()
): Promise<boolean> {
	const { process, rules } = await publicContribution(ctx, tenantId, id, now);
	if (!rules.support) throw new ValidationError({ form: 'participation_error_phase_closed' });
	if (!ctx.actor && !process.allowAnonymous)
		throw new ValidationError({ form: 'participation_error_account_required' });
	const key = supporterKey(ctx.actor, participantCookie);
	if (!key) throw new ValidationError({ form: 'participation_error_cookie_required' });
	if (!ctx.actor)
		await takeFromLimit(ctx.db, `support:${process.id}`, ctx.ip, ANONYMOUS_SUPPORT_LIMIT);
	const rows = await ctx.db
		.insert(contributionSupports)
		.values({ tenantId, contributionId: id, supporterKey: key })
		.onConflictDoNothing()
		.returning({ key: contributionSupports.supporterKey });
	return rows.length > 0;
}

/** A comment on a published contribution, where the phase allows it. */
export async function commentOnContribution(
	ctx: Ctx,
	tenantId: string,
	id: string,
	raw: Record<string, unknown>,
	now: Date = new Date()
): Promise<{ id: string }> {
	const { process, rules } = await publicContribution(ctx, tenantId, id, now);
	if (!rules.comment) throw new ValidationError({ form: 'participation_error_phase_closed' });
	if (!ctx.actor && !process.allowAnonymous)
		throw new ValidationError({ form: 'participation_error_account_required' });
	if (!ctx.actor) spamCheck(raw, now);
	const parsed = commentInput.safeParse(raw);
	if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
	if (!ctx.actor)
		await takeFromLimit(ctx.db, `comment:${process.id}`, ctx.ip, ANONYMOUS_COMMENT_LIMIT);
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(contributionComments)
			.values({
				tenantId,
				contributionId: id,
				body: parsed.data.body,
				authorId: ctx.actor?.userId ?? null,
				authorName: ctx.actor ? ctx.actor.name : (parsed.data.authorName ?? null)
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

/** Hides a comment (post-moderation), with a reason in the audit log. */
export async function hideComment(
	ctx: Ctx,
	tenantId: string,
	commentId: string,
	reason: unknown
): Promise<void> {
	authorize(ctx.actor, 'participation.manage', { tenantId });
	if (!isUuid(commentId)) throw new NotFoundError();
	const parsed = reasonInput.safeParse(reason);
	if (!parsed.success) throw new ValidationError({ reason: fieldErrors(parsed.error).form });
	await ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.update(contributionComments)
			.set({ status: 'hidden' })
			.where(
				and(eq(contributionComments.tenantId, tenantId), eq(contributionComments.id, commentId))
			)
			.returning();
		if (!row) throw new NotFoundError();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'contribution.comment_hide',
			entityType: 'contribution',
			entityId: row.contributionId,
			after: { commentId, reason: parsed.data }
		});
	});
}

// Views -------------------------------------------------------------------------------------

export interface ContributionView {
	id: string;
	body: string;
	fieldOfActionId: string | null;
	fieldOfActionName: string | null;
	targetGroup: string | null;
	municipalityId: string | null;
	language: string;
	source: 'online' | 'offline';
	dialogueId: string | null;
	dialogueTitle: string | null;
	authorName: string | null;
	status: ContributionStatus;
	hiddenReason: string | null;
	mergedIntoId: string | null;
	supports: number;
	supportedByMe: boolean;
	createdAt: Date;
	comments: {
		id: string;
		body: string;
		authorName: string | null;
		status: string;
		createdAt: Date;
	}[];
	recommendations: {
		id: string;
		title: string;
		outcomeKind: OutcomeKind | null;
		/** the measure it became; only one on the public concept page */
		measure: OutcomeMeasure | null;
	}[];
}

export interface ContributionFilter {
	status?: ContributionStatus;
	fieldOfActionId?: string;
	dialogueId?: string;
}

/**
 * Contributions of a process with supports, comments and the recommendations they went into.
 * `staff`: every status (moderation); otherwise published ones only, with published comments.
 */
export async function listContributions(
	db: Executor,
	tenantId: string,
	processId: string,
	opts: {
		staff: boolean;
		locale: string;
		supporterKey?: string | null;
		filter?: ContributionFilter;
	}
): Promise<ContributionView[]> {
	const where: SQL[] = [
		eq(contributions.tenantId, tenantId),
		eq(contributions.processId, processId)
	];
	if (!opts.staff) where.push(eq(contributions.status, 'published'));
	else if (opts.filter?.status) where.push(eq(contributions.status, opts.filter.status));
	if (opts.filter?.fieldOfActionId)
		where.push(eq(contributions.fieldOfActionId, opts.filter.fieldOfActionId));
	if (opts.filter?.dialogueId) where.push(eq(contributions.dialogueId, opts.filter.dialogueId));
	const rows = await db
		.select({
			c: contributions,
			fieldNames: fieldsOfAction.names,
			dialogueTitle: dialogues.title,
			userName: users.name
		})
		.from(contributions)
		.leftJoin(fieldsOfAction, eq(fieldsOfAction.id, contributions.fieldOfActionId))
		.leftJoin(dialogues, eq(dialogues.id, contributions.dialogueId))
		.leftJoin(users, eq(users.id, contributions.authorId))
		.where(and(...where))
		.orderBy(desc(contributions.createdAt), asc(contributions.id))
		.limit(1000);
	return decorate(db, tenantId, rows, opts);
}

async function decorate(
	db: Executor,
	tenantId: string,
	rows: {
		c: typeof contributions.$inferSelect;
		fieldNames: LocalizedNames | null;
		dialogueTitle: string | null;
		userName: string | null;
	}[],
	opts: { staff: boolean; locale: string; supporterKey?: string | null }
): Promise<ContributionView[]> {
	const ids = rows.map((r) => r.c.id);
	if (ids.length === 0) return [];
	const [supports, mine, comments, recs] = await Promise.all([
		db
			.select({ id: contributionSupports.contributionId, n: count() })
			.from(contributionSupports)
			.where(inArray(contributionSupports.contributionId, ids))
			.groupBy(contributionSupports.contributionId),
		opts.supporterKey
			? db
					.select({ id: contributionSupports.contributionId })
					.from(contributionSupports)
					.where(
						and(
							inArray(contributionSupports.contributionId, ids),
							eq(contributionSupports.supporterKey, opts.supporterKey)
						)
					)
			: Promise.resolve([]),
		db
			.select()
			.from(contributionComments)
			.where(
				and(
					eq(contributionComments.tenantId, tenantId),
					inArray(contributionComments.contributionId, ids),
					...(opts.staff ? [] : [eq(contributionComments.status, 'published')])
				)
			)
			.orderBy(asc(contributionComments.createdAt)),
		db
			.select({
				contributionId: recommendationContributions.contributionId,
				id: recommendations.id,
				title: recommendations.title,
				outcomeKind: recommendations.outcomeKind,
				outcomeRef: recommendations.outcomeRef
			})
			.from(recommendationContributions)
			.innerJoin(
				recommendations,
				eq(recommendations.id, recommendationContributions.recommendationId)
			)
			.where(
				and(
					eq(recommendationContributions.tenantId, tenantId),
					inArray(recommendationContributions.contributionId, ids)
				)
			)
			.orderBy(asc(recommendations.position))
	]);
	const measures = await outcomeMeasures(
		db,
		tenantId,
		recs.filter((r) => r.outcomeKind === 'measure' && r.outcomeRef).map((r) => r.outcomeRef!)
	);
	const supportMap = new Map(supports.map((s) => [s.id, Number(s.n)]));
	const mineSet = new Set(mine.map((x) => x.id));
	return rows.map(({ c, fieldNames, dialogueTitle, userName }) => ({
		id: c.id,
		body: c.body,
		fieldOfActionId: c.fieldOfActionId,
		fieldOfActionName: fieldNames ? localName(fieldNames, opts.locale) : null,
		targetGroup: c.targetGroup,
		municipalityId: c.municipalityId,
		language: c.language,
		source: c.source,
		dialogueId: c.dialogueId,
		dialogueTitle,
		// the public sees a chosen name only; staff also see the account's name
		authorName: c.authorName ?? (opts.staff ? userName : null),
		status: c.status,
		hiddenReason: opts.staff ? c.hiddenReason : null,
		mergedIntoId: c.mergedIntoId,
		supports: supportMap.get(c.id) ?? 0,
		supportedByMe: mineSet.has(c.id),
		createdAt: c.createdAt,
		comments: comments
			.filter((x) => x.contributionId === c.id)
			.map((x) => ({
				id: x.id,
				body: x.body,
				authorName: x.authorName,
				status: x.status,
				createdAt: x.createdAt
			})),
		recommendations: recs
			.filter((r) => r.contributionId === c.id)
			.map((r) => {
				const measure =
					r.outcomeKind === 'measure' && r.outcomeRef ? measures.get(r.outcomeRef) : undefined;
				return {
					id: r.id,
					title: r.title,
					outcomeKind: r.outcomeKind,
					measure: measure && (opts.staff || measure.isPublic) ? measure : null
				};
			})
	}));
}

/** The moderation log of a contribution (staff). */
export async function moderationHistory(ctx: Ctx, tenantId: string, contributionId: string) {
	authorize(ctx.actor, 'participation.manage', { tenantId });
	return ctx.db
		.select({
			id: moderationLog.id,
			action: moderationLog.action,
			reason: moderationLog.reason,
			targetId: moderationLog.targetId,
			actorName: users.name,
			createdAt: moderationLog.createdAt
		})
		.from(moderationLog)
		.leftJoin(users, eq(users.id, moderationLog.actorId))
		.where(
			and(eq(moderationLog.tenantId, tenantId), eq(moderationLog.contributionId, contributionId))
		)
		.orderBy(asc(moderationLog.createdAt));
}

/** The moderation log of a whole process (staff), newest first. */
export async function processModerationLog(ctx: Ctx, tenantId: string, processId: string) {
	authorize(ctx.actor, 'participation.manage', { tenantId });
	return ctx.db
		.select({
			id: moderationLog.id,
			contributionId: moderationLog.contributionId,
			excerpt: sql<string>`left(${contributions.body}, 80)`,
			action: moderationLog.action,
			reason: moderationLog.reason,
			actorName: users.name,
			createdAt: moderationLog.createdAt
		})
		.from(moderationLog)
		.innerJoin(contributions, eq(contributions.id, moderationLog.contributionId))
		.leftJoin(users, eq(users.id, moderationLog.actorId))
		.where(and(eq(moderationLog.tenantId, tenantId), eq(contributions.processId, processId)))
		.orderBy(desc(moderationLog.createdAt))
		.limit(200);
}

/**
 * What became of one contribution, for the person who wrote it: its state and the
 * recommendations (with their outcome) it went into. By private link (anonymous participants).
 */
export async function contributionByToken(
	db: Executor,
	tenantId: string,
	token: string,
	locale: string
): Promise<(ContributionView & { processId: string; processTitle: string }) | null> {
	if (typeof token !== 'string' || token.length < 20 || token.length > 100) return null;
	const [row] = await db
		.select({ id: contributions.id, processId: contributions.processId })
		.from(contributions)
		.where(
			and(eq(contributions.tenantId, tenantId), eq(contributions.trackTokenHash, hashToken(token)))
		);
	if (!row) return null;
	return contributionForOwner(db, tenantId, row.id, locale);
}

async function contributionForOwner(db: Executor, tenantId: string, id: string, locale: string) {
	const rows = await db
		.select({
			c: contributions,
			fieldNames: fieldsOfAction.names,
			dialogueTitle: dialogues.title,
			userName: users.name
		})
		.from(contributions)
		.leftJoin(fieldsOfAction, eq(fieldsOfAction.id, contributions.fieldOfActionId))
		.leftJoin(dialogues, eq(dialogues.id, contributions.dialogueId))
		.leftJoin(users, eq(users.id, contributions.authorId))
		.where(and(eq(contributions.tenantId, tenantId), eq(contributions.id, id)));
	if (rows.length === 0) return null;
	// a merged contribution lives on in its target: show the target's recommendations
	const [view] = await decorate(db, tenantId, rows, { staff: false, locale });
	let recs = view.recommendations;
	if (rows[0].c.mergedIntoId) {
		const target = await db
			.select({
				c: contributions,
				fieldNames: fieldsOfAction.names,
				dialogueTitle: dialogues.title,
				userName: users.name
			})
			.from(contributions)
			.leftJoin(fieldsOfAction, eq(fieldsOfAction.id, contributions.fieldOfActionId))
			.leftJoin(dialogues, eq(dialogues.id, contributions.dialogueId))
			.leftJoin(users, eq(users.id, contributions.authorId))
			.where(
				and(eq(contributions.tenantId, tenantId), eq(contributions.id, rows[0].c.mergedIntoId))
			);
		if (target.length > 0)
			recs = (await decorate(db, tenantId, target, { staff: false, locale }))[0].recommendations;
	}
	const process = await loadProcess(db, tenantId, rows[0].c.processId);
	return {
		...view,
		hiddenReason: rows[0].c.hiddenReason,
		recommendations: recs,
		processId: process.id,
		processTitle: process.title
	};
}

/** The signed-in participant's own contributions in a process, whatever their state. */
export async function myContributions(
	ctx: Ctx,
	tenantId: string,
	processId: string
): Promise<ContributionView[]> {
	if (!ctx.actor) return [];
	const ids = await ctx.db
		.select({ id: contributions.id })
		.from(contributions)
		.where(
			and(
				eq(contributions.tenantId, tenantId),
				eq(contributions.processId, processId),
				eq(contributions.authorId, ctx.actor.userId),
				ne(contributions.status, 'merged')
			)
		)
		.orderBy(desc(contributions.createdAt));
	const out: ContributionView[] = [];
	for (const { id } of ids) {
		const v = await contributionForOwner(ctx.db, tenantId, id, ctx.locale);
		if (v) out.push(v);
	}
	return out;
}
