/** A new edition starts as a copy of the last one; each copied item remembers its origin for the diff. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import {
	conceptGoals,
	conceptGuidelines,
	conceptGuidingQuestions,
	conceptMeasures,
	measureLinks,
	milestones
} from './schema';
import { indicatorGoals } from './indicator-schema';

/**
 * Copies the content of one edition into another: guidelines with their guiding
 * questions, goals with their indicator links, measures with milestones and links.
 */
export async function copyEditionContent(
	tx: Executor,
	tenantId: string,
	fromId: string,
	toId: string
) {
	const guidelines = await tx
		.select()
		.from(conceptGuidelines)
		.where(and(eq(conceptGuidelines.tenantId, tenantId), eq(conceptGuidelines.editionId, fromId)));
	const guidelineMap = new Map<string, string>();
	for (const g of guidelines) {
		const [row] = await tx
			.insert(conceptGuidelines)
			.values({
				tenantId,
				editionId: toId,
				originId: g.id,
				position: g.position,
				title: g.title,
				explanation: g.explanation
			})
			.returning({ id: conceptGuidelines.id });
		guidelineMap.set(g.id, row.id);
	}
	if (guidelines.length) {
		const questions = await tx
			.select()
			.from(conceptGuidingQuestions)
			.where(
				and(
					eq(conceptGuidingQuestions.tenantId, tenantId),
					inArray(conceptGuidingQuestions.guidelineId, [...guidelineMap.keys()])
				)
			);
		if (questions.length)
			await tx.insert(conceptGuidingQuestions).values(
				questions.map((q) => ({
					tenantId,
					guidelineId: guidelineMap.get(q.guidelineId)!,
					bodyId: q.bodyId,
					position: q.position,
					question: q.question
				}))
			);
	}
	const goals = await tx
		.select()
		.from(conceptGoals)
		.where(and(eq(conceptGoals.tenantId, tenantId), eq(conceptGoals.editionId, fromId)));
	const goalMap = new Map<string, string>();
	for (const g of goals) {
		const [row] = await tx
			.insert(conceptGoals)
			.values({
				tenantId,
				editionId: toId,
				fieldOfActionId: g.fieldOfActionId,
				originId: g.id,
				position: g.position,
				title: g.title,
				description: g.description
			})
			.returning({ id: conceptGoals.id });
		goalMap.set(g.id, row.id);
	}
	if (goals.length) {
		const links = await tx
			.select()
			.from(indicatorGoals)
			.where(
				and(
					eq(indicatorGoals.tenantId, tenantId),
					inArray(indicatorGoals.goalId, [...goalMap.keys()])
				)
			);
		if (links.length)
			await tx.insert(indicatorGoals).values(
				links.map((l) => ({
					tenantId,
					indicatorId: l.indicatorId,
					goalId: goalMap.get(l.goalId)!
				}))
			);
	}
	const measures = await tx
		.select()
		.from(conceptMeasures)
		.where(and(eq(conceptMeasures.tenantId, tenantId), eq(conceptMeasures.editionId, fromId)));
	for (const m of measures) {
		const { id, createdAt: _c, updatedAt: _u, ...rest } = m;
		const [row] = await tx
			.insert(conceptMeasures)
			.values({ ...rest, editionId: toId, goalId: goalMap.get(m.goalId)!, originId: id })
			.returning({ id: conceptMeasures.id });
		const ms = await tx.select().from(milestones).where(eq(milestones.measureId, id));
		if (ms.length)
			await tx.insert(milestones).values(
				ms.map((x) => ({
					tenantId,
					measureId: row.id,
					title: x.title,
					dueDate: x.dueDate,
					doneOn: x.doneOn
				}))
			);
		const ls = await tx.select().from(measureLinks).where(eq(measureLinks.measureId, id));
		if (ls.length)
			await tx.insert(measureLinks).values(
				ls.map((x) => ({
					tenantId,
					measureId: row.id,
					kind: x.kind,
					// a guideline link points to the copy of the guideline
					targetId:
						x.kind === 'guideline' && x.targetId
							? (guidelineMap.get(x.targetId) ?? x.targetId)
							: x.targetId,
					label: x.label,
					url: x.url
				}))
			);
	}
}
