/** What pages show of recommendations, and the measures they became. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { fieldsOfAction } from '../fields-of-action/schema';
import { localName } from '../needs/views';
import { conceptEditions, conceptMeasures, measureStates } from '../concept/schema';
import { isUuid, requireUuid } from '../shared';
import {
	contributions,
	recommendationContributions,
	recommendations,
	type OutcomeKind
} from './schema';

export interface OutcomeMeasure {
	id: string;
	title: string;
	/** on the public concept page: public, its edition adopted, not a mere proposal */
	isPublic: boolean;
}

/** The measures recommendations became, by id (only the tenant's). */
export async function outcomeMeasures(
	db: Executor,
	tenantId: string,
	ids: string[]
): Promise<Map<string, OutcomeMeasure>> {
	const unique = [...new Set(ids)].filter(isUuid);
	if (unique.length === 0) return new Map();
	const rows = await db
		.select({
			id: conceptMeasures.id,
			title: conceptMeasures.title,
			isPublic: conceptMeasures.isPublic,
			edition: conceptEditions.state,
			category: measureStates.category
		})
		.from(conceptMeasures)
		.innerJoin(conceptEditions, eq(conceptEditions.id, conceptMeasures.editionId))
		.innerJoin(measureStates, eq(measureStates.id, conceptMeasures.stateId))
		.where(and(eq(conceptMeasures.tenantId, tenantId), inArray(conceptMeasures.id, unique)));
	return new Map(
		rows.map((r) => [
			r.id,
			{
				id: r.id,
				title: r.title,
				isPublic: r.isPublic && r.edition === 'adopted' && r.category !== 'proposed'
			}
		])
	);
}

export interface RecommendationView {
	id: string;
	title: string;
	body: string | null;
	position: number;
	fieldOfActionId: string | null;
	fieldOfActionName: string | null;
	outcomeKind: OutcomeKind | null;
	outcomeRef: string | null;
	outcomeNote: string | null;
	outcomeAt: Date | null;
	/** the measure it became (outcome "measure"), when it still exists */
	measure: OutcomeMeasure | null;
	contributions: {
		id: string;
		body: string;
		status: string;
		dialogueId: string | null;
		targetGroup: string | null;
		source: 'online' | 'offline';
	}[];
}

/**
 * The recommendations of a process in field and position order, each with the contributions it
 * draws on. For the public only published contributions are listed (the count includes all).
 */
export async function listRecommendations(
	ctx: TenantCtx,
	input: { processId: string }
): Promise<RecommendationView[]> {
	return recommendationsOf(ctx.db, ctx.tenant.id, requireUuid(input.processId), ctx.locale);
}

/** The recommendations of a process (internal; the views authorise). */
export async function recommendationsOf(
	db: Executor,
	tenantId: string,
	processId: string,
	locale: string
): Promise<RecommendationView[]> {
	const rows = await db
		.select({ r: recommendations, names: fieldsOfAction.names, fieldPos: fieldsOfAction.position })
		.from(recommendations)
		.leftJoin(fieldsOfAction, eq(fieldsOfAction.id, recommendations.fieldOfActionId))
		.where(and(eq(recommendations.tenantId, tenantId), eq(recommendations.processId, processId)))
		.orderBy(
			sql`${fieldsOfAction.position} NULLS LAST`,
			asc(recommendations.position),
			asc(recommendations.createdAt)
		);
	const ids = rows.map((x) => x.r.id);
	const links =
		ids.length === 0
			? []
			: await db
					.select({
						recommendationId: recommendationContributions.recommendationId,
						id: contributions.id,
						body: contributions.body,
						status: contributions.status,
						dialogueId: contributions.dialogueId,
						targetGroup: contributions.targetGroup,
						source: contributions.source
					})
					.from(recommendationContributions)
					.innerJoin(
						contributions,
						eq(contributions.id, recommendationContributions.contributionId)
					)
					.where(
						and(
							eq(recommendationContributions.tenantId, tenantId),
							inArray(recommendationContributions.recommendationId, ids)
						)
					)
					.orderBy(asc(contributions.createdAt));
	const measures = await outcomeMeasures(
		db,
		tenantId,
		rows.filter((x) => x.r.outcomeKind === 'measure' && x.r.outcomeRef).map((x) => x.r.outcomeRef!)
	);
	return rows.map(({ r, names }) => ({
		id: r.id,
		title: r.title,
		body: r.body,
		position: r.position,
		fieldOfActionId: r.fieldOfActionId,
		fieldOfActionName: names ? localName(names, locale) : null,
		outcomeKind: r.outcomeKind,
		outcomeRef: r.outcomeRef,
		outcomeNote: r.outcomeNote,
		outcomeAt: r.outcomeAt,
		measure:
			r.outcomeKind === 'measure' && r.outcomeRef ? (measures.get(r.outcomeRef) ?? null) : null,
		contributions: links
			.filter((l) => l.recommendationId === r.id)
			.map(({ recommendationId: _r, ...c }) => c)
	}));
}

/** Groups recommendations by field of action, in order (for pages and the results document). */
export function groupByField<
	T extends { fieldOfActionId: string | null; fieldOfActionName: string | null }
>(items: T[]): { fieldOfActionId: string | null; name: string | null; items: T[] }[] {
	const groups: { fieldOfActionId: string | null; name: string | null; items: T[] }[] = [];
	for (const item of items) {
		let g = groups.find((x) => x.fieldOfActionId === item.fieldOfActionId);
		if (!g)
			groups.push(
				(g = { fieldOfActionId: item.fieldOfActionId, name: item.fieldOfActionName, items: [] })
			);
		g.items.push(item);
	}
	return groups;
}
