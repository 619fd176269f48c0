/** Comparing two editions: what the diff compares of each, and the diff itself. */
import { and, asc, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError } from '../errors';
import { fieldsOfAction } from '../fields-of-action/schema';
import { fieldName } from '../fields-of-action/service';
import {
	conceptEditions,
	conceptGoals,
	conceptGuidelines,
	conceptMeasures,
	measureStates
} from './schema';
import { findEdition } from './editions';
import { diffEditions, type EditionDiff, type EditionSnapshot } from './diff';
import { measureProgress } from './calc';

/** What the diff compares of an edition. */
export async function editionSnapshot(
	db: Executor,
	tenantId: string,
	editionId: string,
	locale: string
): Promise<EditionSnapshot> {
	const [edition] = await db
		.select()
		.from(conceptEditions)
		.where(and(eq(conceptEditions.tenantId, tenantId), eq(conceptEditions.id, editionId)));
	const guidelines = await db
		.select()
		.from(conceptGuidelines)
		.where(
			and(eq(conceptGuidelines.tenantId, tenantId), eq(conceptGuidelines.editionId, editionId))
		)
		.orderBy(asc(conceptGuidelines.position));
	const goals = await db
		.select({ goal: conceptGoals, names: fieldsOfAction.names })
		.from(conceptGoals)
		.innerJoin(fieldsOfAction, eq(fieldsOfAction.id, conceptGoals.fieldOfActionId))
		.where(and(eq(conceptGoals.tenantId, tenantId), eq(conceptGoals.editionId, editionId)))
		.orderBy(asc(fieldsOfAction.position), asc(conceptGoals.position));
	const measures = await db
		.select({ m: conceptMeasures, state: measureStates })
		.from(conceptMeasures)
		.innerJoin(measureStates, eq(measureStates.id, conceptMeasures.stateId))
		.where(and(eq(conceptMeasures.tenantId, tenantId), eq(conceptMeasures.editionId, editionId)))
		.orderBy(asc(conceptMeasures.title));
	return {
		leitbild: edition?.leitbild ?? null,
		guidelines: guidelines.map((g) => ({
			id: g.id,
			originId: g.originId,
			label: g.title,
			fields: { title: g.title, explanation: g.explanation }
		})),
		goals: goals.map(({ goal, names }) => ({
			id: goal.id,
			originId: goal.originId,
			label: goal.title,
			fields: { title: goal.title, description: goal.description, field: fieldName(names, locale) }
		})),
		measures: measures.map(({ m, state }) => ({
			id: m.id,
			originId: m.originId,
			label: m.title,
			fields: {
				title: m.title,
				description: m.description,
				state: state.name,
				progress: measureProgress({
					category: state.category,
					stateProgress: state.progress,
					progressOverride: m.progressOverride
				}),
				startDate: m.startDate,
				endDate: m.endDate,
				isPublic: m.isPublic
			}
		}))
	};
}

/** What changed from one edition to another (the `von`/`bis` of the editions page). */
export async function compareEditions(
	ctx: TenantCtx,
	input: { beforeId: string; afterId: string }
): Promise<EditionDiff> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'concept.view', { tenantId });
	const [a, b] = await Promise.all([
		findEdition(ctx.db, tenantId, input.beforeId),
		findEdition(ctx.db, tenantId, input.afterId)
	]);
	if (!a || !b) throw new NotFoundError();
	return diffEditions(
		await editionSnapshot(ctx.db, tenantId, a.id, ctx.locale),
		await editionSnapshot(ctx.db, tenantId, b.id, ctx.locale)
	);
}
