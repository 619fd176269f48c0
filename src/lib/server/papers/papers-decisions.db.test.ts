import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDb } from '../db/testing/test-db';
import { buildBody, buildMeeting, buildOrganization } from '../factories';
import { outbox } from '../mail/schema';
import { agendaItems } from '../meetings/schema';
import { actionItems } from '../minutes/schema';
import { NotFoundError, ValidationError } from '../errors';
import { consultations, instructions, papers } from './schema';
import { createPaper } from './create';
import { transitionPaper } from './transition';
import { scheduleConsultation } from './schedule';
import { recordConsultationResult } from './result';
import { addPaperComment } from './comments';
import { getPaper } from './paper-view';
import { meetingPapers } from './meeting-papers';
import { myInstructions } from './instructions-view';
import { input, setupPapers } from './test-setup';

const database = useTestDb();

const setup = () => setupPapers(database.db);

describe('decision → instruction → action item', () => {
	it('the steering group puts a paper on its agenda, decides it, and the working group gets its action item', async () => {
		const { db, tenant, wg, sg, speaker, wgMember, sgSpeaker, sgMember, outsider, meeting } =
			await setup();
		const org = await buildOrganization(db, tenant.id, { name: 'VHS Gifhorn' });
		// an existing agenda item: the paper goes to the end
		await db
			.insert(agendaItems)
			.values({ tenantId: tenant.id, meetingId: meeting.id, position: 1, title: 'Begrüßung' });
		const { id, reference } = await createPaper(
			speaker,
			input({ originatingBodyId: wg.id, addressedBodyId: sg.id })
		);
		await transitionPaper(speaker, { paperId: id, to: 'submitted' });

		// the meeting page lists it as waiting, for the steering group's speaker only
		const before = await meetingPapers(sgSpeaker, { meetingId: meeting.id });
		expect(before.waiting.map((p) => p.reference)).toEqual([reference]);
		expect((await meetingPapers(sgMember, { meetingId: meeting.id })).waiting).toEqual([]);

		// a working-group speaker cannot plan the steering group's agenda
		await expect(
			scheduleConsultation(speaker, { meetingId: meeting.id, role: 'decision', paperId: id })
		).rejects.toBeInstanceOf(ValidationError);
		const { consultationId, agendaItemId } = await scheduleConsultation(sgSpeaker, {
			meetingId: meeting.id,
			role: 'decision',
			paperId: id
		});
		const [item] = await db.select().from(agendaItems).where(eq(agendaItems.id, agendaItemId));
		expect(item).toMatchObject({ position: 2, meetingId: meeting.id, tenantId: tenant.id });
		expect(item.title).toContain(reference);
		await expect(
			scheduleConsultation(sgSpeaker, { meetingId: meeting.id, paperId: id })
		).rejects.toBeInstanceOf(ValidationError);

		// steering group members discuss it; the working group's plain member does not see the thread
		await addPaperComment(sgMember, { bodyId: sg.id, text: 'Bitte Kosten ergänzen.', paperId: id });
		expect((await getPaper(sgMember, { paperId: id })).threads[0].comments).toHaveLength(1);
		expect((await getPaper(wgMember, { paperId: id })).threads).toEqual([]);
		await expect(
			addPaperComment(wgMember, { bodyId: sg.id, text: 'Hallo', paperId: id })
		).rejects.toBeInstanceOf(NotFoundError);

		// only who plans the meeting records the result
		await expect(
			recordConsultationResult(sgMember, { result: 'decided', consultationId: consultationId })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			recordConsultationResult(sgSpeaker, {
				result: 'decided',
				instructions: [{ bodyId: 'x', text: '' }],
				consultationId: consultationId
			})
		).rejects.toMatchObject({
			fieldErrors: {
				instruction_0_body: 'papers_error_instruction_body',
				instruction_0_text: 'papers_error_instruction_text'
			}
		});
		await recordConsultationResult(sgSpeaker, {
			result: 'decided',
			resultText: 'Die Steuerungsgruppe stimmt zu.',
			instructions: [
				{
					bodyId: wg.id,
					organizationId: org.id,
					text: 'Konzept für Elternkurse vorlegen',
					dueDate: '2025-09-30'
				}
			],
			consultationId: consultationId
		});

		const [paper] = await db.select().from(papers).where(eq(papers.id, id));
		expect(paper.state).toBe('decided');
		const [c] = await db.select().from(consultations).where(eq(consultations.id, consultationId));
		expect(c).toMatchObject({ result: 'decided', resultText: 'Die Steuerungsgruppe stimmt zu.' });
		const [decidedItem] = await db
			.select()
			.from(agendaItems)
			.where(eq(agendaItems.id, agendaItemId));
		expect(decidedItem.decision).toBe('Beschlossen: Die Steuerungsgruppe stimmt zu.');
		const [ins] = await db.select().from(instructions).where(eq(instructions.paperId, id));
		const [action] = await db
			.select()
			.from(actionItems)
			.where(eq(actionItems.id, ins.actionItemId!));
		expect(action).toMatchObject({
			tenantId: tenant.id,
			bodyId: wg.id,
			meetingId: meeting.id,
			agendaItemId,
			title: 'Konzept für Elternkurse vorlegen',
			assigneeOrganizationId: org.id,
			dueDate: '2025-09-30',
			state: 'open'
		});
		// the working group sees its instruction; an outsider does not
		const mine = await myInstructions(wgMember);
		expect(mine.map((i) => [i.text, i.paperReference, i.actionItemState])).toEqual([
			['Konzept für Elternkurse vorlegen', reference, 'open']
		]);
		expect(await myInstructions(outsider)).toEqual([]);
		// the working group was told by mail, with the instruction
		const mails = await db.select().from(outbox).where(eq(outbox.tenantId, tenant.id));
		const decided = mails.filter((m) => m.payload.to === wgMember.actor!.email);
		expect(decided).toHaveLength(1);
		expect(decided[0].payload.text).toContain('Konzept für Elternkurse vorlegen');
		// a second result for the same consultation is refused
		await expect(
			recordConsultationResult(sgSpeaker, { result: 'rejected', consultationId: consultationId })
		).rejects.toBeInstanceOf(ValidationError);
	});

	it('a preliminary consultation records its result without deciding the paper', async () => {
		const { db, wg, sg, coordinator, meeting } = await setup();
		const { id } = await createPaper(
			coordinator,
			input({ originatingBodyId: wg.id, addressedBodyId: sg.id })
		);
		await transitionPaper(coordinator, { paperId: id, to: 'submitted' });
		const { consultationId } = await scheduleConsultation(coordinator, {
			meetingId: meeting.id,
			role: 'preliminary',
			paperId: id
		});
		await recordConsultationResult(coordinator, {
			result: 'noted',
			consultationId: consultationId
		});
		const [paper] = await db.select().from(papers).where(eq(papers.id, id));
		expect(paper.state).toBe('scheduled');
	});

	it('a working group cannot put its paper before itself and decide it', async () => {
		const { db, wg, sg, speaker } = await setup();
		const wgMeeting = await buildMeeting(db, wg, { state: 'planned' });
		const { id } = await createPaper(
			speaker,
			input({ originatingBodyId: wg.id, addressedBodyId: sg.id })
		);
		await transitionPaper(speaker, { paperId: id, to: 'submitted' });
		expect((await getPaper(speaker, { paperId: id })).meetingOptions).toEqual([]);
		await expect(
			scheduleConsultation(speaker, { meetingId: wgMeeting.id, paperId: id })
		).rejects.toMatchObject({ fieldErrors: { meetingId: 'papers_error_meeting_required' } });
	});

	it('does not schedule onto a meeting of another tenant or a cancelled one', async () => {
		const { db, other, wg, sg, coordinator } = await setup();
		const foreignBody = await buildBody(db, other.id);
		const foreign = await buildMeeting(db, foreignBody);
		const cancelled = await buildMeeting(db, sg, { state: 'cancelled' });
		const { id } = await createPaper(coordinator, input({ originatingBodyId: wg.id }));
		await transitionPaper(coordinator, { paperId: id, to: 'submitted' });
		await expect(
			scheduleConsultation(coordinator, { meetingId: foreign.id, paperId: id })
		).rejects.toMatchObject({ fieldErrors: { meetingId: 'papers_error_meeting_required' } });
		await expect(
			scheduleConsultation(coordinator, { meetingId: cancelled.id, paperId: id })
		).rejects.toMatchObject({ fieldErrors: { meetingId: 'papers_error_meeting_closed' } });
	});
	it('records a result only through the meeting whose agenda has the consultation (404 otherwise)', async () => {
		const { db, wg, sg, speaker, coordinator, meeting } = await setup();
		const otherMeeting = await buildMeeting(db, sg, { state: 'planned' });
		const { id } = await createPaper(
			speaker,
			input({ originatingBodyId: wg.id, addressedBodyId: sg.id })
		);
		await transitionPaper(speaker, { paperId: id, to: 'submitted' });
		const { consultationId } = await scheduleConsultation(coordinator, {
			paperId: id,
			meetingId: meeting.id
		});
		// another meeting in the URL: nothing is written
		await expect(
			recordConsultationResult(coordinator, {
				consultationId,
				meetingId: otherMeeting.id,
				result: 'decided'
			})
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			recordConsultationResult(coordinator, {
				consultationId,
				meetingId: 'not-a-uuid',
				result: 'decided'
			})
		).rejects.toBeInstanceOf(NotFoundError);
		const [untouched] = await db
			.select()
			.from(consultations)
			.where(eq(consultations.id, consultationId));
		expect(untouched.result).toBeNull();
		await recordConsultationResult(coordinator, {
			consultationId,
			meetingId: meeting.id,
			result: 'decided'
		});
		const [decided] = await db
			.select()
			.from(consultations)
			.where(eq(consultations.id, consultationId));
		expect(decided.result).toBe('decided');
	});
});
