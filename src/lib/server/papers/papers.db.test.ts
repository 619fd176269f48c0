import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDb, testCtx } from '../db/testing/test-db';
import type { Database } from '../db/client';
import {
	buildBody,
	buildFieldOfAction,
	buildMeeting,
	buildMembership,
	buildOrganization,
	buildTenant,
	buildUser,
	grantRole
} from '../factories';
import { loadActor } from '../auth/sessions';
import type { Role } from '../auth/schema';
import type { MembershipRole } from '../bodies/schema';
import { auditLog } from '../audit/schema';
import { outbox } from '../mail/schema';
import { actionItems, agendaItems } from '../meetings/schema';
import { NotFoundError, ValidationError } from '../errors';
import { consultations, instructions, paperCounters, papers } from './schema';
import {
	addPaperComment,
	addPaperLink,
	addPaperType,
	createPaper,
	recordConsultationResult,
	saveWorkflow,
	scheduleConsultation,
	transitionPaper,
	updatePaper
} from './service';
import { getPaper, listPapers, meetingPapers, myInstructions, getPublicPaper } from './views';
import { paperFilter } from './validation';
import { DEFAULT_WORKFLOW } from './workflow';
import type { Ctx } from '../context';
import { createEdition } from '../concept/editions';
import { createGoal } from '../concept/structure';
import { createMeasure } from '../concept/measures';
import { measureOptions } from '../concept/views';
import { measureStates } from '../concept/schema';

let database: Database;
beforeAll(async () => {
	database = await createTestDb();
});
afterAll(() => database.close());

async function setup() {
	const db = database.db;
	const tenant = await buildTenant(db);
	const other = await buildTenant(db);
	const wg = await buildBody(db, tenant.id, {
		kind: 'working_group',
		name: 'Arbeitskreis Bildung'
	});
	const sg = await buildBody(db, tenant.id, {
		kind: 'steering_group',
		name: 'Steuerungsgruppe Integration'
	});
	const person = async (role: Role, bodyRoles: [string, MembershipRole][] = []) => {
		const user = await buildUser(db);
		await grantRole(db, tenant.id, user.id, role);
		for (const [bodyId, r] of bodyRoles)
			await buildMembership(db, { id: bodyId, tenantId: tenant.id }, user.id, r);
		return testCtx(db, await loadActor(db, user.id));
	};
	const coordinator = await person('coordinator');
	const speaker = await person('member', [[wg.id, 'speaker']]);
	const wgMember = await person('member', [[wg.id, 'member']]);
	const sgSpeaker = await person('member', [[sg.id, 'speaker']]);
	const sgMember = await person('member', [[sg.id, 'member']]);
	const outsider = await person('member');
	const meeting = await buildMeeting(db, sg, { state: 'planned' });
	return {
		db,
		tenant,
		other,
		wg,
		sg,
		coordinator,
		speaker,
		wgMember,
		sgSpeaker,
		sgMember,
		outsider,
		meeting,
		person
	};
}

const input = (extra: Record<string, unknown> = {}) => ({
	type: 'resolution_proposal',
	title: 'Sprachförderung in Kitas ausbauen',
	text: 'Der Arbeitskreis empfiehlt:\n\n- mehr Sprachkitas\n- **Elternkurse**',
	date: '2025-03-10',
	originatingBodyId: '',
	addressedBodyId: '',
	visibility: 'network',
	authorIds: [],
	authorNames: '',
	parentPaperId: '',
	...extra
});

describe('numbering', () => {
	it('20 concurrent creations get 001/YYYY … 020/YYYY exactly, per tenant and year', async () => {
		const { db, tenant, coordinator } = await setup();
		const created = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				createPaper(coordinator, tenant.id, input({ title: `Vorlage ${i}` }))
			)
		);
		const numbers = created.map((c) => Number(c.reference.split('/')[0])).sort((a, b) => a - b);
		expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
		expect(new Set(created.map((c) => c.reference)).size).toBe(20);
		expect(created.every((c) => c.reference.endsWith('/2025'))).toBe(true);
		// a new year starts at 1 again
		const next = await createPaper(coordinator, tenant.id, input({ date: '2026-01-05' }));
		expect(next.reference).toBe('001/2026');
		const [counter] = await db
			.select()
			.from(paperCounters)
			.where(and(eq(paperCounters.tenantId, tenant.id), eq(paperCounters.year, 2025)));
		expect(counter.last).toBe(20);
	});

	it('a failed creation gives its number back (no gaps)', async () => {
		const { db, tenant, coordinator } = await setup();
		await createPaper(coordinator, tenant.id, input());
		// a creating transaction that fails after taking the next number
		await expect(
			db.transaction(async (tx) => {
				const { nextPaperNumber } = await import('./service');
				const n = await nextPaperNumber(tx, tenant.id, 2025);
				expect(n).toBe(2);
				throw new Error('rollback');
			})
		).rejects.toThrow('rollback');
		const second = await createPaper(coordinator, tenant.id, input());
		expect(second.reference).toBe('002/2025');
	});
});

describe('create and see', () => {
	it('a speaker writes a draft for her working group; only the group, authors and coordinators see it', async () => {
		const { tenant, wg, sg, speaker, wgMember, sgMember, outsider, coordinator } = await setup();
		const { id } = await createPaper(
			speaker,
			tenant.id,
			input({ originatingBodyId: wg.id, addressedBodyId: sg.id })
		);
		const view = await getPaper(speaker, tenant.id, id);
		expect(view.paper.state).toBe('draft');
		expect(view.authors.map((a) => a.userId)).toEqual([speaker.actor!.userId]);
		expect(view.paper.textHtml).toContain('<li><strong>Elternkurse</strong></li>');
		await expect(getPaper(wgMember, tenant.id, id)).resolves.toBeTruthy();
		await expect(getPaper(coordinator, tenant.id, id)).resolves.toBeTruthy();
		await expect(getPaper(sgMember, tenant.id, id)).rejects.toBeInstanceOf(NotFoundError);
		await expect(getPaper(outsider, tenant.id, id)).rejects.toBeInstanceOf(NotFoundError);
		const list = await listPapers(outsider, tenant.id, paperFilter.parse({}));
		expect(list.items.map((p) => p.id)).not.toContain(id);
		const own = await listPapers(wgMember, tenant.id, paperFilter.parse({}));
		expect(own.items.map((p) => p.id)).toContain(id);
	});

	it('a plain member cannot write papers for a body, a speaker not for another body', async () => {
		const { tenant, wg, sg, wgMember, speaker } = await setup();
		await expect(
			createPaper(wgMember, tenant.id, input({ originatingBodyId: wg.id }))
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			createPaper(speaker, tenant.id, input({ originatingBodyId: sg.id }))
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(createPaper(speaker, tenant.id, input())).rejects.toBeInstanceOf(NotFoundError);
	});

	it('rejects invalid input with message keys and bodies of another tenant', async () => {
		const { db, tenant, other, coordinator } = await setup();
		const foreign = await buildBody(db, other.id);
		const err = await createPaper(
			coordinator,
			tenant.id,
			input({ title: '', type: 'nonsense', date: '2025-13-40', originatingBodyId: foreign.id })
		).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.fieldErrors).toMatchObject({
			title: 'papers_error_title_required',
			date: 'papers_error_date_invalid'
		});
		const err2 = await createPaper(
			coordinator,
			tenant.id,
			input({ type: 'nonsense', originatingBodyId: foreign.id })
		).catch((e) => e);
		expect(err2.fieldErrors).toEqual({
			type: 'papers_error_type_invalid',
			originatingBodyId: 'papers_error_body_invalid'
		});
	});

	it('internal papers are seen only by the bodies involved; public ones also on the public page', async () => {
		const { tenant, wg, sg, speaker, sgMember, outsider, coordinator } = await setup();
		const internal = await createPaper(
			speaker,
			tenant.id,
			input({ originatingBodyId: wg.id, addressedBodyId: sg.id, visibility: 'internal' })
		);
		await transitionPaper(speaker, tenant.id, internal.id, 'submitted');
		await expect(getPaper(sgMember, tenant.id, internal.id)).resolves.toBeTruthy();
		await expect(getPaper(outsider, tenant.id, internal.id)).rejects.toBeInstanceOf(NotFoundError);
		expect(await getPublicPaper(coordinator.db, tenant.id, internal.id, 'de')).toBeNull();

		const pub = await createPaper(
			speaker,
			tenant.id,
			input({ originatingBodyId: wg.id, visibility: 'public' })
		);
		expect(await getPublicPaper(coordinator.db, tenant.id, pub.id, 'de')).toBeNull(); // draft
		await transitionPaper(speaker, tenant.id, pub.id, 'submitted');
		expect(await getPublicPaper(coordinator.db, tenant.id, pub.id, 'de')).toMatchObject({
			reference: pub.reference
		});
	});

	it('a speaker edits her draft but not after submission; the coordinator still can', async () => {
		const { db, tenant, wg, speaker, coordinator } = await setup();
		const { id } = await createPaper(speaker, tenant.id, input({ originatingBodyId: wg.id }));
		await updatePaper(speaker, tenant.id, id, input({ originatingBodyId: wg.id, title: 'Neu' }));
		await transitionPaper(speaker, tenant.id, id, 'submitted');
		await expect(
			updatePaper(speaker, tenant.id, id, input({ originatingBodyId: wg.id, title: 'Später' }))
		).rejects.toBeInstanceOf(NotFoundError);
		await updatePaper(
			coordinator,
			tenant.id,
			id,
			input({ originatingBodyId: wg.id, title: 'Korrigiert' })
		);
		const [row] = await db.select().from(papers).where(eq(papers.id, id));
		expect(row.title).toBe('Korrigiert');
		expect(row.reference).toMatch(/^001\/2025$/);
	});
});

describe('workflow permissions', () => {
	it('follows the default graph: who may submit, withdraw and return', async () => {
		const { db, tenant, wg, sg, speaker, wgMember, sgSpeaker, coordinator } = await setup();
		const { id } = await createPaper(
			speaker,
			tenant.id,
			input({ originatingBodyId: wg.id, addressedBodyId: sg.id })
		);
		// a plain member of the working group may not submit
		await expect(transitionPaper(wgMember, tenant.id, id, 'submitted')).rejects.toBeInstanceOf(
			ValidationError
		);
		// results only through a consultation, never as a plain step
		await expect(transitionPaper(coordinator, tenant.id, id, 'decided')).rejects.toBeInstanceOf(
			ValidationError
		);
		await transitionPaper(speaker, tenant.id, id, 'submitted');
		const [submitted] = await db.select().from(papers).where(eq(papers.id, id));
		expect(submitted.state).toBe('submitted');
		expect(submitted.submittedBy).toBe(speaker.actor!.userId);
		// the steering group's speaker may not return it to draft; the coordinator may
		await expect(transitionPaper(sgSpeaker, tenant.id, id, 'draft')).rejects.toBeInstanceOf(
			ValidationError
		);
		await transitionPaper(coordinator, tenant.id, id, 'draft');
		await transitionPaper(speaker, tenant.id, id, 'submitted');
		// the addressed body's speaker sees the steps she may take
		const view = await getPaper(sgSpeaker, tenant.id, id);
		expect(view.canSchedule).toBe(true);
		expect(view.transitions).toEqual([]);
		const speakerView = await getPaper(speaker, tenant.id, id);
		expect(speakerView.transitions.map((t) => t.to)).toEqual(['withdrawn']);
		expect(speakerView.canSchedule).toBe(false);
		// submission told the coordinator and the steering group's speaker
		const mails = await db.select().from(outbox).where(eq(outbox.tenantId, tenant.id));
		const to = mails.map((m) => m.payload.to);
		expect(to).toContain(coordinator.actor!.email);
		expect(to).toContain(sgSpeaker.actor!.email);
		const audits = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'paper.state_change')));
		expect(audits).toHaveLength(3); // submitted, back to draft, submitted again
	});

	it('a tenant graph stored as data changes who may move a paper', async () => {
		const { tenant, wg, speaker, wgMember, coordinator } = await setup();
		await expect(saveWorkflow(speaker, tenant.id, DEFAULT_WORKFLOW)).rejects.toBeInstanceOf(
			NotFoundError
		);
		await saveWorkflow(coordinator, tenant.id, {
			...DEFAULT_WORKFLOW,
			transitions: DEFAULT_WORKFLOW.transitions.map((t) =>
				t.from === 'draft' && t.to === 'submitted' ? { ...t, roles: ['coordinator'] } : t
			)
		});
		await expect(saveWorkflow(coordinator, tenant.id, { initial: 'x' })).rejects.toBeInstanceOf(
			ValidationError
		);
		const { id } = await createPaper(speaker, tenant.id, input({ originatingBodyId: wg.id }));
		await expect(transitionPaper(speaker, tenant.id, id, 'submitted')).rejects.toBeInstanceOf(
			ValidationError
		);
		await transitionPaper(coordinator, tenant.id, id, 'submitted');
		await expect(transitionPaper(wgMember, tenant.id, id, 'withdrawn')).rejects.toBeInstanceOf(
			ValidationError
		);
		await saveWorkflow(coordinator, tenant.id, null);
		const { id: id2 } = await createPaper(speaker, tenant.id, input({ originatingBodyId: wg.id }));
		await transitionPaper(speaker, tenant.id, id2, 'submitted');
	});
});

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
			tenant.id,
			input({ originatingBodyId: wg.id, addressedBodyId: sg.id })
		);
		await transitionPaper(speaker, tenant.id, id, 'submitted');

		// the meeting page lists it as waiting, for the steering group's speaker only
		const before = await meetingPapers(sgSpeaker, tenant.id, meeting.id);
		expect(before.waiting.map((p) => p.reference)).toEqual([reference]);
		expect((await meetingPapers(sgMember, tenant.id, meeting.id)).waiting).toEqual([]);

		// a working-group speaker cannot plan the steering group's agenda
		await expect(
			scheduleConsultation(speaker, tenant.id, id, { meetingId: meeting.id, role: 'decision' })
		).rejects.toBeInstanceOf(ValidationError);
		const { consultationId, agendaItemId } = await scheduleConsultation(sgSpeaker, tenant.id, id, {
			meetingId: meeting.id,
			role: 'decision'
		});
		const [item] = await db.select().from(agendaItems).where(eq(agendaItems.id, agendaItemId));
		expect(item).toMatchObject({ position: 2, meetingId: meeting.id, tenantId: tenant.id });
		expect(item.title).toContain(reference);
		await expect(
			scheduleConsultation(sgSpeaker, tenant.id, id, { meetingId: meeting.id })
		).rejects.toBeInstanceOf(ValidationError);

		// steering group members discuss it; the working group's plain member does not see the thread
		await addPaperComment(sgMember, tenant.id, id, {
			bodyId: sg.id,
			text: 'Bitte Kosten ergänzen.'
		});
		expect((await getPaper(sgMember, tenant.id, id)).threads[0].comments).toHaveLength(1);
		expect((await getPaper(wgMember, tenant.id, id)).threads).toEqual([]);
		await expect(
			addPaperComment(wgMember, tenant.id, id, { bodyId: sg.id, text: 'Hallo' })
		).rejects.toBeInstanceOf(NotFoundError);

		// only who plans the meeting records the result
		await expect(
			recordConsultationResult(sgMember, tenant.id, consultationId, { result: 'decided' })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			recordConsultationResult(sgSpeaker, tenant.id, consultationId, {
				result: 'decided',
				instructions: [{ bodyId: 'x', text: '' }]
			})
		).rejects.toMatchObject({
			fieldErrors: {
				instruction_0_body: 'papers_error_instruction_body',
				instruction_0_text: 'papers_error_instruction_text'
			}
		});
		await recordConsultationResult(sgSpeaker, tenant.id, consultationId, {
			result: 'decided',
			resultText: 'Die Steuerungsgruppe stimmt zu.',
			instructions: [
				{
					bodyId: wg.id,
					organizationId: org.id,
					text: 'Konzept für Elternkurse vorlegen',
					dueDate: '2025-09-30'
				}
			]
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
		const mine = await myInstructions(wgMember, tenant.id);
		expect(mine.map((i) => [i.text, i.paperReference, i.actionItemState])).toEqual([
			['Konzept für Elternkurse vorlegen', reference, 'open']
		]);
		expect(await myInstructions(outsider, tenant.id)).toEqual([]);
		// the working group was told by mail, with the instruction
		const mails = await db.select().from(outbox).where(eq(outbox.tenantId, tenant.id));
		const decided = mails.filter((m) => m.payload.to === wgMember.actor!.email);
		expect(decided).toHaveLength(1);
		expect(decided[0].payload.text).toContain('Konzept für Elternkurse vorlegen');
		// a second result for the same consultation is refused
		await expect(
			recordConsultationResult(sgSpeaker, tenant.id, consultationId, { result: 'rejected' })
		).rejects.toBeInstanceOf(ValidationError);
	});

	it('a preliminary consultation records its result without deciding the paper', async () => {
		const { db, tenant, wg, sg, coordinator, meeting } = await setup();
		const { id } = await createPaper(
			coordinator,
			tenant.id,
			input({ originatingBodyId: wg.id, addressedBodyId: sg.id })
		);
		await transitionPaper(coordinator, tenant.id, id, 'submitted');
		const { consultationId } = await scheduleConsultation(coordinator, tenant.id, id, {
			meetingId: meeting.id,
			role: 'preliminary'
		});
		await recordConsultationResult(coordinator, tenant.id, consultationId, { result: 'noted' });
		const [paper] = await db.select().from(papers).where(eq(papers.id, id));
		expect(paper.state).toBe('scheduled');
	});

	it('a working group cannot put its paper before itself and decide it', async () => {
		const { db, tenant, wg, sg, speaker } = await setup();
		const wgMeeting = await buildMeeting(db, wg, { state: 'planned' });
		const { id } = await createPaper(
			speaker,
			tenant.id,
			input({ originatingBodyId: wg.id, addressedBodyId: sg.id })
		);
		await transitionPaper(speaker, tenant.id, id, 'submitted');
		expect((await getPaper(speaker, tenant.id, id)).meetingOptions).toEqual([]);
		await expect(
			scheduleConsultation(speaker, tenant.id, id, { meetingId: wgMeeting.id })
		).rejects.toMatchObject({ fieldErrors: { meetingId: 'papers_error_meeting_required' } });
	});

	it('does not schedule onto a meeting of another tenant or a cancelled one', async () => {
		const { db, tenant, other, wg, sg, coordinator } = await setup();
		const foreignBody = await buildBody(db, other.id);
		const foreign = await buildMeeting(db, foreignBody);
		const cancelled = await buildMeeting(db, sg, { state: 'cancelled' });
		const { id } = await createPaper(coordinator, tenant.id, input({ originatingBodyId: wg.id }));
		await transitionPaper(coordinator, tenant.id, id, 'submitted');
		await expect(
			scheduleConsultation(coordinator, tenant.id, id, { meetingId: foreign.id })
		).rejects.toMatchObject({ fieldErrors: { meetingId: 'papers_error_meeting_required' } });
		await expect(
			scheduleConsultation(coordinator, tenant.id, id, { meetingId: cancelled.id })
		).rejects.toMatchObject({ fieldErrors: { meetingId: 'papers_error_meeting_closed' } });
	});
});

describe('paper types', () => {
	it('a coordinator adds a type that papers may then use; others may not add types', async () => {
		const { tenant, coordinator, speaker } = await setup();
		await expect(
			addPaperType(speaker, tenant.id, { key: 'statement', label: 'Stellungnahme' })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			createPaper(coordinator, tenant.id, input({ type: 'statement' }))
		).rejects.toMatchObject({ fieldErrors: { type: 'papers_error_type_invalid' } });
		await addPaperType(coordinator, tenant.id, { key: 'statement', label: 'Stellungnahme' });
		await expect(
			addPaperType(coordinator, tenant.id, { key: 'notice', label: 'Mitteilung 2' })
		).rejects.toMatchObject({ fieldErrors: { key: 'papers_error_type_exists' } });
		await expect(
			addPaperType(coordinator, tenant.id, { key: 'Bad Key', label: '' })
		).rejects.toMatchObject({
			fieldErrors: { key: 'papers_error_type_key', label: 'papers_error_type_label' }
		});
		const { id } = await createPaper(coordinator, tenant.id, input({ type: 'statement' }));
		expect((await getPaper(coordinator, tenant.id, id)).paper.typeLabel).toBe('Stellungnahme');
	});
});

describe('links to measures', () => {
	async function measureOf(ctx: Ctx, tenantId: string, title: string) {
		const field = await buildFieldOfAction(database.db, tenantId, { names: { de: 'Sprache' } });
		const { id: editionId } = await createEdition(ctx, tenantId, { title: 'Konzept' });
		const { id: goalId } = await createGoal(ctx, tenantId, editionId, {
			fieldOfActionId: field.id,
			title: 'Deutsch lernen'
		});
		const [state] = await database.db
			.select()
			.from(measureStates)
			.where(eq(measureStates.tenantId, tenantId));
		return createMeasure(ctx, tenantId, editionId, { goalId, title, stateId: state.id });
	}

	it('links a measure of the tenant as "Ziel › Maßnahme", never another tenant’s', async () => {
		const s = await setup();
		const { id: measureId } = await measureOf(s.coordinator, s.tenant.id, 'Sprachcafé');
		const otherCoord = testCtx(
			s.db,
			await loadActor(
				s.db,
				await buildUser(s.db).then(async (u) => {
					await grantRole(s.db, s.other.id, u.id, 'coordinator');
					return u.id;
				})
			)
		);
		const { id: foreign } = await measureOf(otherCoord, s.other.id, 'Fremde Maßnahme');
		const { id } = await createPaper(s.coordinator, s.tenant.id, input());
		// the picker offers the tenant's measures only
		expect((await measureOptions(s.db, s.tenant.id)).measures).toEqual([
			{ id: measureId, name: 'Deutsch lernen › Sprachcafé' }
		]);
		await expect(
			addPaperLink(s.coordinator, s.tenant.id, id, { kind: 'measure', targetId: foreign })
		).rejects.toMatchObject({ fieldErrors: { targetId: 'papers_error_link_target' } });
		await expect(
			addPaperLink(s.coordinator, s.tenant.id, id, { kind: 'measure', targetId: null })
		).rejects.toBeInstanceOf(ValidationError);
		// someone who may not edit the paper cannot link
		await expect(
			addPaperLink(s.outsider, s.tenant.id, id, { kind: 'measure', targetId: measureId })
		).rejects.toBeInstanceOf(NotFoundError);
		await addPaperLink(s.coordinator, s.tenant.id, id, { kind: 'measure', targetId: measureId });
		await addPaperLink(s.coordinator, s.tenant.id, id, { kind: 'measure', targetId: measureId });
		const view = await getPaper(s.coordinator, s.tenant.id, id);
		expect(view.links).toEqual([
			{
				id: expect.any(String),
				kind: 'measure',
				targetId: measureId,
				label: 'Deutsch lernen › Sprachcafé',
				measureId
			}
		]);
	});
});
