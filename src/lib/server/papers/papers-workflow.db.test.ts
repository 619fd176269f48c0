import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDb } from '../db/testing/test-db';
import { auditLog } from '../audit/schema';
import { outbox } from '../mail/schema';
import { NotFoundError, ValidationError } from '../errors';
import { papers } from './schema';
import { createPaper } from './create';
import { transitionPaper } from './transition';
import { saveWorkflow } from './settings';
import { getPaper } from './paper-view';
import { DEFAULT_WORKFLOW } from './workflow';
import { input, setupPapers } from './test-setup';
import { buildMembership, buildUser, grantRole } from '../factories';
import { addDays, berlinToday } from '../shared';

const database = useTestDb();

const setup = () => setupPapers(database.db);

describe('workflow permissions', () => {
	it('follows the default graph: who may submit, withdraw and return', async () => {
		const { db, tenant, wg, sg, speaker, wgMember, sgSpeaker, coordinator } = await setup();
		const { id } = await createPaper(
			speaker,
			input({ originatingBodyId: wg.id, addressedBodyId: sg.id })
		);
		// a plain member of the working group may not submit
		await expect(
			transitionPaper(wgMember, { paperId: id, to: 'submitted' })
		).rejects.toBeInstanceOf(ValidationError);
		// results only through a consultation, never as a plain step
		await expect(
			transitionPaper(coordinator, { paperId: id, to: 'decided' })
		).rejects.toBeInstanceOf(ValidationError);
		await transitionPaper(speaker, { paperId: id, to: 'submitted' });
		const [submitted] = await db.select().from(papers).where(eq(papers.id, id));
		expect(submitted.state).toBe('submitted');
		expect(submitted.submittedBy).toBe(speaker.actor!.userId);
		// the steering group's speaker may not return it to draft; the coordinator may
		await expect(transitionPaper(sgSpeaker, { paperId: id, to: 'draft' })).rejects.toBeInstanceOf(
			ValidationError
		);
		await transitionPaper(coordinator, { paperId: id, to: 'draft' });
		await transitionPaper(speaker, { paperId: id, to: 'submitted' });
		// the addressed body's speaker sees the steps she may take
		const view = await getPaper(sgSpeaker, { paperId: id });
		expect(view.canSchedule).toBe(true);
		expect(view.transitions).toEqual([]);
		const speakerView = await getPaper(speaker, { paperId: id });
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
		const { wg, speaker, wgMember, coordinator } = await setup();
		await expect(saveWorkflow(speaker, DEFAULT_WORKFLOW)).rejects.toBeInstanceOf(NotFoundError);
		await saveWorkflow(coordinator, {
			...DEFAULT_WORKFLOW,
			transitions: DEFAULT_WORKFLOW.transitions.map((t) =>
				t.from === 'draft' && t.to === 'submitted' ? { ...t, roles: ['coordinator'] } : t
			)
		});
		await expect(saveWorkflow(coordinator, { initial: 'x' })).rejects.toBeInstanceOf(
			ValidationError
		);
		const { id } = await createPaper(speaker, input({ originatingBodyId: wg.id }));
		await expect(transitionPaper(speaker, { paperId: id, to: 'submitted' })).rejects.toBeInstanceOf(
			ValidationError
		);
		await transitionPaper(coordinator, { paperId: id, to: 'submitted' });
		await expect(
			transitionPaper(wgMember, { paperId: id, to: 'withdrawn' })
		).rejects.toBeInstanceOf(ValidationError);
		await saveWorkflow(coordinator, null);
		const { id: id2 } = await createPaper(speaker, input({ originatingBodyId: wg.id }));
		await transitionPaper(speaker, { paperId: id2, to: 'submitted' });
	});
	it('tells only current members of the addressed body: not one whose membership starts later', async () => {
		const { db, tenant, wg, sg, speaker } = await setup();
		const future = await buildUser(db);
		await grantRole(db, tenant.id, future.id, 'member');
		await buildMembership(db, sg, future.id, 'deputy', { startDate: addDays(berlinToday(), 1) });
		const ended = await buildUser(db);
		await grantRole(db, tenant.id, ended.id, 'member');
		await buildMembership(db, sg, ended.id, 'deputy', {
			startDate: '2020-01-01',
			endDate: addDays(berlinToday(), -1)
		});
		const current = await buildUser(db);
		await grantRole(db, tenant.id, current.id, 'member');
		await buildMembership(db, sg, current.id, 'deputy');
		const { id } = await createPaper(
			speaker,
			input({ originatingBodyId: wg.id, addressedBodyId: sg.id })
		);
		await transitionPaper(speaker, { paperId: id, to: 'submitted' });
		const to = (await db.select().from(outbox).where(eq(outbox.tenantId, tenant.id))).map(
			(m) => m.payload.to
		);
		expect(to).toContain(current.email);
		expect(to).not.toContain(future.email);
		expect(to).not.toContain(ended.email);
	});
});
