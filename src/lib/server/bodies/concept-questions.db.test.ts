import { describe, expect, it } from 'vitest';
import { useTestDb, testCtx } from '../db/testing/test-db';
import { withTenant } from '../context';
import { buildBody, buildMeeting, buildTenant, buildUser, grantRole } from '../factories';
import { loadActor } from '../auth/sessions';
import { createEdition } from '../concept/editions';
import {
	addGuidingQuestion,
	addGuidingQuestionToAgenda,
	createGuideline
} from '../concept/structure';
import { fullAgenda } from '../meetings/agenda';
import { getBodyPage } from './views';

const database = useTestDb();

describe("the concept's guiding questions on the body page and the agenda", () => {
	it('shows them grouped by guideline beside the own questions, and puts one on the agenda', async () => {
		const db = database.db;
		const tenant = await buildTenant(db);
		const group = await buildBody(db, tenant.id, {
			name: 'AK Sprache',
			kind: 'working_group',
			guidingQuestions: 'Wo fehlen Kurse?'
		});
		const otherGroup = await buildBody(db, tenant.id, { name: 'AK Arbeit' });
		const user = await buildUser(db);
		await grantRole(db, tenant.id, user.id, 'coordinator');
		const ctx = testCtx(db, await loadActor(db, user.id));
		const { id: editionId } = await createEdition(withTenant(ctx, tenant), {
			title: 'Integrationskonzept 2026'
		});
		const { id: g1 } = await createGuideline(withTenant(ctx, tenant), {
			editionId,
			title: 'Sprache öffnet Türen'
		});
		const { id: g2 } = await createGuideline(withTenant(ctx, tenant), {
			editionId,
			title: 'Arbeit und Ausbildung'
		});
		const { id: q1 } = await addGuidingQuestion(withTenant(ctx, tenant), {
			guidelineId: g1,
			bodyId: group.id,
			question: 'Wie erreichen wir Eltern?'
		});
		const { id: q2 } = await addGuidingQuestion(withTenant(ctx, tenant), {
			guidelineId: g2,
			bodyId: group.id,
			question: 'Welche Kurse helfen beim Berufseinstieg?'
		});
		const { id: q3 } = await addGuidingQuestion(withTenant(ctx, tenant), {
			guidelineId: g1,
			bodyId: group.id,
			question: 'Welche Kurse gibt es am Abend?'
		});
		await addGuidingQuestion(withTenant(ctx, tenant), {
			guidelineId: g1,
			bodyId: otherGroup.id,
			question: 'Nicht für diesen Arbeitskreis'
		});

		const page = await getBodyPage(withTenant(ctx, tenant), { bodyId: group.id });
		expect(page.conceptQuestions).toEqual([
			{
				guidelineId: g1,
				guideline: 'Sprache öffnet Türen',
				editionTitle: 'Integrationskonzept 2026',
				questions: [
					{ id: q1, question: 'Wie erreichen wir Eltern?' },
					{ id: q3, question: 'Welche Kurse gibt es am Abend?' }
				]
			},
			{
				guidelineId: g2,
				guideline: 'Arbeit und Ausbildung',
				editionTitle: 'Integrationskonzept 2026',
				questions: [{ id: q2, question: 'Welche Kurse helfen beim Berufseinstieg?' }]
			}
		]);
		// the body's own free-text questions stay
		expect(page.body.guidingQuestions).toEqual(['Wo fehlen Kurse?']);
		expect(
			(await getBodyPage(withTenant(ctx, tenant), { bodyId: otherGroup.id })).conceptQuestions
		).toHaveLength(1);

		const meeting = await buildMeeting(db, group);
		await addGuidingQuestionToAgenda(withTenant(ctx, tenant), {
			meetingId: meeting.id,
			questionId: q2
		});
		const agenda = await fullAgenda(db, tenant.id, meeting.id);
		expect(agenda!.items.map((i) => [i.number, i.title, i.description])).toEqual([
			['1', 'Welche Kurse helfen beim Berufseinstieg?', 'Arbeit und Ausbildung']
		]);
	});
});
