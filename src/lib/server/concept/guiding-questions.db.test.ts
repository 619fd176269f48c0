import { describe, expect, it } from 'vitest';
import { asc, eq, inArray } from 'drizzle-orm';
import { buildAgendaItem, buildBody, buildMeeting } from '../factories';
import { agendaItems } from '../meetings/schema';
import { NotFoundError, ValidationError } from '../errors';
import { addGuidingQuestion, addGuidingQuestionToAgenda, createGuideline } from './structure';
import { useConceptFixture } from './test-fixture';

const setup = useConceptFixture();

describe('guiding questions on the agenda', () => {
	it('appends the question as the last agenda item, for those who plan the body’s meetings', async () => {
		const s = await setup();
		const { id: g } = await createGuideline(s.coordinator, {
			editionId: s.editionId,
			title: 'Integration bedeutet miteinander, nicht nebeneinander leben'
		});
		const { id: q } = await addGuidingQuestion(s.coordinator, {
			guidelineId: g,
			bodyId: s.group.id,
			question: 'Wie können mehr Gelegenheiten zum Lernen der deutschen Sprache geschaffen werden?'
		});
		const meeting = await buildMeeting(s.db, s.group);
		await buildAgendaItem(s.db, meeting, 1);
		await buildAgendaItem(s.db, meeting, 2);
		const speaker = await s.ctxFor('member', { speakerOf: s.group.id });
		await addGuidingQuestionToAgenda(speaker, { meetingId: meeting.id, questionId: q });
		const items = await s.db
			.select()
			.from(agendaItems)
			.where(eq(agendaItems.meetingId, meeting.id))
			.orderBy(asc(agendaItems.position));
		expect(items.map((i) => [i.position, i.title])).toEqual([
			[1, 'TOP 1'],
			[2, 'TOP 2'],
			[3, 'Wie können mehr Gelegenheiten zum Lernen der deutschen Sprache geschaffen werden?']
		]);
		const member = await s.ctxFor('member', { memberOf: s.group.id });
		await expect(
			addGuidingQuestionToAgenda(member, { meetingId: meeting.id, questionId: q })
		).rejects.toThrow(NotFoundError);
		const outsider = await s.otherCoordinator();
		await expect(
			addGuidingQuestionToAgenda(outsider, { meetingId: meeting.id, questionId: q })
		).rejects.toThrow(NotFoundError);
	});

	it('takes only the questions of the meeting’s own body, and not once the minutes are approved', async () => {
		const s = await setup();
		const { id: g } = await createGuideline(s.coordinator, {
			editionId: s.editionId,
			title: 'Wechselseitiger Prozess'
		});
		const { id: q } = await addGuidingQuestion(s.coordinator, {
			guidelineId: g,
			bodyId: s.group.id,
			question: 'Wie erreichen wir bestimmte Zielgruppen?'
		});
		const otherBody = await buildBody(s.db, s.tenant.id);
		const foreign = await buildMeeting(s.db, otherBody);
		await expect(
			addGuidingQuestionToAgenda(s.coordinator, { meetingId: foreign.id, questionId: q })
		).rejects.toThrow(NotFoundError);
		const open = await buildMeeting(s.db, s.group);
		for (const questionId of [undefined, ''])
			await expect(
				addGuidingQuestionToAgenda(s.coordinator, { meetingId: open.id, questionId })
			).rejects.toMatchObject({
				fieldErrors: { questionId: 'meetings_error_question_required' }
			});
		const approved = await buildMeeting(s.db, s.group, { minutesState: 'approved' });
		await expect(
			addGuidingQuestionToAgenda(s.coordinator, { meetingId: approved.id, questionId: q })
		).rejects.toThrow(ValidationError);
		const items = await s.db
			.select()
			.from(agendaItems)
			.where(inArray(agendaItems.meetingId, [foreign.id, open.id, approved.id]));
		expect(items).toEqual([]);
	});
});
