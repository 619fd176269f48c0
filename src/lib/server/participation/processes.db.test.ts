/** Processes and their phases. */
import { describe, expect, it } from 'vitest';
import { testTenantCtx } from '../db/testing/test-db';
import { buildFieldOfAction, buildTenant } from '../factories';
import { actorCtx } from '../db/testing/test-actors';
import { NotFoundError, ValidationError } from '../errors';
import { addDays } from '../shared';
import {
	addPhase,
	createProcess,
	getProcess,
	getPublicProcess,
	listProcesses,
	listPublicProcesses,
	updateProcess
} from './processes';
import {
	commentOnContribution,
	enterOfflineContributions,
	submitContribution,
	supportContribution
} from './contributions';
import { contributionsOf } from './contribution-views';
import { anon, contribution, participationFixture, spamFields, today } from './testing';

const { db: testDb, setup } = participationFixture();

describe('processes', () => {
	it('are created and changed by coordinators only; drafts stay out of the public site', async () => {
		const { tenant, staff, ctxFor, processId, field, db } = await setup();
		for (const role of ['member', 'editor', 'steering', 'guest', 'none', 'other'] as const) {
			const ctx = await ctxFor(role);
			await expect(createProcess(ctx, { title: 'X' })).rejects.toBeInstanceOf(NotFoundError);
			await expect(updateProcess(ctx, { processId, title: 'X' })).rejects.toBeInstanceOf(
				NotFoundError
			);
		}
		// members of the network may look
		const member = await ctxFor('member');
		expect((await listProcesses(member)).map((p) => p.id)).toContain(processId);
		await expect(getProcess(await ctxFor('guest'), { processId })).rejects.toBeInstanceOf(
			NotFoundError
		);

		const view = await getProcess(staff, { processId });
		expect(view).toMatchObject({ currentPhase: 'collecting', status: 'published' });
		expect(view.fields.map((f) => f.name)).toContain('Sprache');
		await updateProcess(staff, {
			processId,
			title: 'Entwurf',
			status: 'draft',
			fieldIds: [field.id]
		});
		expect((await listPublicProcesses(testTenantCtx(db, tenant))).map((p) => p.id)).not.toContain(
			processId
		);
		await expect(getPublicProcess(testTenantCtx(db, tenant), { processId })).rejects.toBeInstanceOf(
			NotFoundError
		);
		// a field of another tenant is refused
		const foreign = await buildFieldOfAction(db, (await buildTenant(db)).id);
		await expect(
			updateProcess(staff, { processId, title: 'X', fieldIds: [foreign.id] })
		).rejects.toBeInstanceOf(ValidationError);
	});

	it('rejects a phase that ends before it starts', async () => {
		const { staff, processId } = await setup();
		const err = await addPhase(staff, {
			processId,
			kind: 'results',
			startsOn: '2026-05-10',
			endsOn: '2026-05-01'
		}).catch((e) => e);
		expect(err.fieldErrors).toEqual({ endsOn: 'participation_error_end_before_start' });
	});
});

describe('phase rules', () => {
	it.each(['information', 'evaluation', 'results'] as const)(
		'refuse contributions and supports in the %s phase',
		async (phase) => {
			const { db, tenant, processId, field, staff } = await setup({ phase });
			const err = await submitContribution(anon(db, tenant), {
				processId,
				...contribution(field.id)
			}).catch((e) => e);
			expect(err).toBeInstanceOf(ValidationError);
			expect(err.fieldErrors).toEqual({ form: 'participation_error_phase_closed' });
			// staff may still enter what was said at an event
			await enterOfflineContributions(staff, { processId, lines: 'Karte 1' });
			const [c] = await contributionsOf(db, tenant.id, processId, { staff: false, locale: 'de' });
			await expect(
				supportContribution(anon(db, tenant), {
					processId,
					contributionId: c.id,
					participantCookie: 'p'.repeat(30)
				})
			).rejects.toBeInstanceOf(ValidationError);
			const comment = commentOnContribution(anon(db, tenant), {
				processId,
				contributionId: c.id,
				body: 'Ja',
				...spamFields()
			});
			if (phase === 'evaluation')
				await expect(comment).resolves.toMatchObject({ id: expect.any(String) });
			else await expect(comment).rejects.toBeInstanceOf(ValidationError);
		}
	);

	it('refuse everything outside the phases', async () => {
		const db = testDb();
		const tenant = await buildTenant(db);
		const field = await buildFieldOfAction(db, tenant.id);
		const staff = await actorCtx(db, tenant, 'coordinator');
		const { id } = await createProcess(staff, {
			title: 'P',
			status: 'published',
			allowAnonymous: 'on'
		});
		await addPhase(staff, {
			processId: id,
			kind: 'collecting',
			startsOn: addDays(today, 5),
			endsOn: addDays(today, 9)
		});
		await expect(
			submitContribution(anon(db, tenant), { processId: id, ...contribution(field.id) })
		).rejects.toBeInstanceOf(ValidationError);
	});
});
