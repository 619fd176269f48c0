/**
 * Children checked against their parent: every action whose URL names a process and whose form
 * names a phase, dialogue, contribution, comment or recommendation refuses one of another
 * process with NotFoundError (a 404) before it writes anything.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { NotFoundError } from '../errors';
import { addDays } from '../shared';
import { addPhase, createProcess, removePhase } from './processes';
import { createDialogue, getDialogue, updateDialogue } from './dialogues';
import { listRegistrations, registerForDialogue } from './registrations';
import { commentOnContribution, submitContribution, supportContribution } from './contributions';
import {
	hideComment,
	hideContribution,
	mergeContribution,
	publishContribution
} from './moderation';
import {
	createRecommendation,
	deleteRecommendation,
	linkContributions,
	unlinkContribution,
	updateRecommendation
} from './recommendations';
import {
	setRecommendationOutcome,
	turnRecommendationIntoMeasure,
	turnRecommendationIntoNeed
} from './outcomes';
import {
	contributionComments,
	contributions,
	dialogueRegistrations,
	dialogues,
	processPhases,
	recommendationContributions,
	recommendations
} from './schema';
import { anon, contribution, participationFixture, spamFields, today } from './testing';

const { setup } = participationFixture();

/** Process A of the fixture with a dialogue, a contribution with a comment and a recommendation; process B beside it. */
async function twoProcesses() {
	const s = await setup();
	const { staff, processId: a, field } = s;
	const { id: b } = await createProcess(staff, { title: 'Zweiter Prozess', status: 'published' });
	const { id: phaseA } = await addPhase(staff, {
		processId: a,
		kind: 'information',
		startsOn: addDays(today, 40),
		endsOn: addDays(today, 50)
	});
	const { id: dialogueA } = await createDialogue(staff, {
		processId: a,
		title: 'Dialog A',
		targetGroup: 'all',
		startsAt: `${addDays(today, 5)}T17:00`,
		registrationEnabled: 'on'
	});
	const { id: contributionA } = await submitContribution(staff, {
		processId: a,
		...contribution(field.id)
	});
	const { id: otherA } = await submitContribution(staff, {
		processId: a,
		...contribution(field.id, { body: 'Noch ein Beitrag' })
	});
	const { id: commentA } = await commentOnContribution(staff, {
		processId: a,
		contributionId: contributionA,
		body: 'Gute Idee'
	});
	const { id: recommendationA } = await createRecommendation(staff, {
		processId: a,
		title: 'Empfehlung A',
		contributionIds: [contributionA]
	});
	return { ...s, a, b, phaseA, dialogueA, contributionA, otherA, commentA, recommendationA };
}

describe('children of another process are not found', () => {
	it('phases: removing a phase through another process', async () => {
		const { db, staff, b, phaseA } = await twoProcesses();
		await expect(removePhase(staff, { processId: b, phaseId: phaseA })).rejects.toBeInstanceOf(
			NotFoundError
		);
		expect(await db.select().from(processPhases).where(eq(processPhases.id, phaseA))).toHaveLength(
			1
		);
	});

	it('dialogues: viewing, changing and registering through another process', async () => {
		const { db, tenant, staff, b, dialogueA } = await twoProcesses();
		const ids = { processId: b, dialogueId: dialogueA };
		await expect(getDialogue(staff, { ...ids, staff: true })).rejects.toBeInstanceOf(NotFoundError);
		await expect(listRegistrations(staff, ids)).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			updateDialogue(staff, {
				...ids,
				title: 'Umbenannt',
				targetGroup: 'all',
				startsAt: `${addDays(today, 6)}T17:00`
			})
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			registerForDialogue(anon(db, tenant), {
				...ids,
				name: 'A',
				email: 'a@example.org',
				...spamFields()
			})
		).rejects.toBeInstanceOf(NotFoundError);
		const [row] = await db.select().from(dialogues).where(eq(dialogues.id, dialogueA));
		expect(row.title).toBe('Dialog A');
		expect(
			await db
				.select()
				.from(dialogueRegistrations)
				.where(eq(dialogueRegistrations.dialogueId, dialogueA))
		).toHaveLength(0);
	});

	it('moderation: publishing, hiding, merging and hiding comments through another process', async () => {
		const { db, staff, b, contributionA, otherA, commentA } = await twoProcesses();
		const ref = { processId: b, contributionId: contributionA };
		await expect(publishContribution(staff, ref)).rejects.toBeInstanceOf(NotFoundError);
		await expect(hideContribution(staff, { ...ref, reason: 'Test' })).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(
			mergeContribution(staff, { ...ref, targetId: otherA, reason: 'Doppelt' })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			hideComment(staff, { processId: b, commentId: commentA, reason: 'Test' })
		).rejects.toBeInstanceOf(NotFoundError);
		const [row] = await db.select().from(contributions).where(eq(contributions.id, contributionA));
		expect(row.status).toBe('published');
		const [comment] = await db
			.select()
			.from(contributionComments)
			.where(eq(contributionComments.id, commentA));
		expect(comment.status).toBe('published');
	});

	it('participants: supporting and commenting through another process', async () => {
		const { staff, b, contributionA } = await twoProcesses();
		const ref = { processId: b, contributionId: contributionA };
		await expect(supportContribution(staff, ref)).rejects.toBeInstanceOf(NotFoundError);
		await expect(commentOnContribution(staff, { ...ref, body: 'Ja' })).rejects.toBeInstanceOf(
			NotFoundError
		);
	});

	it('recommendations: every action through another process', async () => {
		const { db, staff, b, recommendationA, contributionA, otherA } = await twoProcesses();
		const ref = { processId: b, recommendationId: recommendationA };
		await expect(updateRecommendation(staff, { ...ref, title: 'Neu' })).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(
			linkContributions(staff, { ...ref, contributionIds: [otherA] })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			unlinkContribution(staff, { ...ref, contributionId: contributionA })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			setRecommendationOutcome(staff, { ...ref, kind: 'adopted' })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(turnRecommendationIntoNeed(staff, ref)).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			turnRecommendationIntoMeasure(staff, { ...ref, mode: 'existing', measureId: otherA })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(deleteRecommendation(staff, ref)).rejects.toBeInstanceOf(NotFoundError);
		const [row] = await db
			.select()
			.from(recommendations)
			.where(eq(recommendations.id, recommendationA));
		expect(row).toMatchObject({ title: 'Empfehlung A', outcomeKind: null });
		const links = await db
			.select()
			.from(recommendationContributions)
			.where(eq(recommendationContributions.recommendationId, recommendationA));
		expect(links.map((l) => l.contributionId)).toEqual([contributionA]);
	});
});
