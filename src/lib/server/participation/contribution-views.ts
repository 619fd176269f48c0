/** What pages show of contributions: the lists for staff and public, and a participant's own. */
import { and, asc, count, desc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { hashToken } from '../auth/tokens';
import { users } from '../auth/schema';
import { fieldsOfAction, type LocalizedNames } from '../fields-of-action/schema';
import { localName } from '../needs/views';
import { requireUuid } from '../shared';
import {
	contributionComments,
	contributions,
	contributionSupports,
	dialogues,
	recommendationContributions,
	recommendations,
	type ContributionStatus,
	type OutcomeKind
} from './schema';
import { loadProcess } from './rows';
import { outcomeMeasures, type OutcomeMeasure } from './recommendation-views';

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
	ctx: TenantCtx,
	input: {
		processId: string;
		staff: boolean;
		supporterKey?: string | null;
		filter?: ContributionFilter;
	}
): Promise<ContributionView[]> {
	const tenantId = ctx.tenant.id;
	if (input.staff) authorize(ctx.actor, 'participation.view', { tenantId });
	return contributionsOf(ctx.db, tenantId, requireUuid(input.processId), {
		...input,
		locale: ctx.locale
	});
}

/** The contributions of a process (internal; listContributions authorises). */
export async function contributionsOf(
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
	const rows = await contributionRows(db)
		.where(and(...where))
		.orderBy(desc(contributions.createdAt), asc(contributions.id))
		.limit(1000);
	return decorate(db, tenantId, rows, opts);
}

/** Contributions with their field's names, dialogue title and author's account name. */
function contributionRows(db: Executor) {
	return db
		.select({
			c: contributions,
			fieldNames: fieldsOfAction.names,
			dialogueTitle: dialogues.title,
			userName: users.name
		})
		.from(contributions)
		.leftJoin(fieldsOfAction, eq(fieldsOfAction.id, contributions.fieldOfActionId))
		.leftJoin(dialogues, eq(dialogues.id, contributions.dialogueId))
		.leftJoin(users, eq(users.id, contributions.authorId));
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

/**
 * What became of one contribution, for the person who wrote it: its state and the
 * recommendations (with their outcome) it went into. By private link (anonymous participants).
 */
export async function contributionByToken(
	ctx: TenantCtx,
	input: { token: string }
): Promise<(ContributionView & { processId: string; processTitle: string }) | null> {
	const { token } = input;
	if (typeof token !== 'string' || token.length < 20 || token.length > 100) return null;
	const tenantId = ctx.tenant.id;
	const [row] = await ctx.db
		.select({ id: contributions.id, processId: contributions.processId })
		.from(contributions)
		.where(
			and(eq(contributions.tenantId, tenantId), eq(contributions.trackTokenHash, hashToken(token)))
		);
	if (!row) return null;
	return contributionForOwner(ctx.db, tenantId, row.id, ctx.locale);
}

async function contributionForOwner(db: Executor, tenantId: string, id: string, locale: string) {
	const rows = await contributionRows(db).where(
		and(eq(contributions.tenantId, tenantId), eq(contributions.id, id))
	);
	if (rows.length === 0) return null;
	// a merged contribution lives on in its target: show the target's recommendations
	const [view] = await decorate(db, tenantId, rows, { staff: false, locale });
	let recs = view.recommendations;
	if (rows[0].c.mergedIntoId) {
		const target = await contributionRows(db).where(
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
	ctx: TenantCtx,
	input: { processId: string }
): Promise<ContributionView[]> {
	if (!ctx.actor) return [];
	const tenantId = ctx.tenant.id;
	const processId = requireUuid(input.processId);
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
