/**
 * What the "turn into a measure" form offers: the goals of the concept's editions that can still
 * change, and the measure states. Read only; the concept domain writes the measure.
 */
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { conceptEditions, conceptGoals } from '../concept/schema';
import { statesOf } from '../concept/states';

export interface MeasureOptions {
	goals: { editionId: string; goalId: string; label: string }[];
	states: { id: string; name: string }[];
}

export async function measureOptions(db: Executor, tenantId: string): Promise<MeasureOptions> {
	const [goals, states] = await Promise.all([
		db
			.select({
				editionId: conceptEditions.id,
				edition: conceptEditions.title,
				goalId: conceptGoals.id,
				goal: conceptGoals.title
			})
			.from(conceptGoals)
			.innerJoin(conceptEditions, eq(conceptEditions.id, conceptGoals.editionId))
			.where(and(eq(conceptGoals.tenantId, tenantId), ne(conceptEditions.state, 'superseded')))
			.orderBy(asc(conceptEditions.title), asc(conceptGoals.position))
			.limit(300),
		statesOf(db, tenantId)
	]);
	return {
		goals: goals.map((g) => ({
			editionId: g.editionId,
			goalId: g.goalId,
			label: `${g.edition}: ${g.goal}`
		})),
		states: states.map((s) => ({ id: s.id, name: s.name }))
	};
}
