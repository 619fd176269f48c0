import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestSetup } from '../db/testing/test-db';
import { withTenant } from '../context';
import { buildMembership } from '../factories';
import { loadActor } from '../auth/sessions';
import { auditLog } from '../audit/schema';
import { NotFoundError } from '../errors';
import { bodyMemberships } from './schema';
import { addMembership, changeMembership, endMembership } from './memberships';
import { getBodyPage } from './views';
import { defaultStartDate } from './validation';
import { setupBodies } from './testing';

const setup = useTestSetup(setupBodies);

describe('memberships', () => {
	it('a coordinator adds a person with role and organisation; it is audited', async () => {
		const { db, tenant, body, org, person, ctxOf, coordinator } = await setup();
		const member = await person('member');
		const ctx = await ctxOf(coordinator.id);
		const { id } = await addMembership(withTenant(ctx, tenant), {
			bodyId: body.id,
			userId: member.id,
			role: 'speaker',
			organizationId: org.id,
			startDate: '',
			endDate: ''
		});
		const [row] = await db.select().from(bodyMemberships).where(eq(bodyMemberships.id, id));
		expect(row).toMatchObject({
			tenantId: tenant.id,
			bodyId: body.id,
			userId: member.id,
			role: 'speaker',
			organizationId: org.id,
			startDate: defaultStartDate(),
			endDate: null
		});
		const [audit] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'body.membership_add')));
		expect(audit.after).toMatchObject({ name: 'AK Bildung', role: 'speaker', userId: member.id });
		// the person's actor now carries the body role
		expect((await loadActor(db, member.id))?.bodyRoles[body.id]).toBe('speaker');
	});

	it('one current membership per person and body; end date not before start', async () => {
		const { db, tenant, body, person, ctxOf, coordinator } = await setup();
		const member = await person('member');
		const ctx = await ctxOf(coordinator.id);
		await addMembership(withTenant(ctx, tenant), {
			bodyId: body.id,
			userId: member.id,
			role: 'member',
			startDate: '2024-01-01'
		});
		await expect(
			addMembership(withTenant(ctx, tenant), { bodyId: body.id, userId: member.id, role: 'deputy' })
		).rejects.toMatchObject({ fieldErrors: { userId: 'bodies_error_already_member' } });
		await expect(
			addMembership(withTenant(ctx, tenant), {
				bodyId: body.id,
				userId: (await person('member')).id,
				role: 'member',
				startDate: '2024-05-01',
				endDate: '2024-04-30'
			})
		).rejects.toMatchObject({ fieldErrors: { endDate: 'bodies_error_end_before_start' } });
		await expect(
			addMembership(withTenant(ctx, tenant), {
				bodyId: body.id,
				userId: member.id,
				role: 'member',
				startDate: '2024-02-30'
			})
		).rejects.toMatchObject({ fieldErrors: { startDate: 'bodies_error_start_invalid' } });
		const rows = await db.select().from(bodyMemberships).where(eq(bodyMemberships.bodyId, body.id));
		expect(rows).toHaveLength(1);
	});

	it('refuses persons and organisations of another tenant', async () => {
		const { tenant, other, body, otherOrg, person, ctxOf, coordinator } = await setup();
		const ctx = await ctxOf(coordinator.id);
		const stranger = await person('member', other.id);
		await expect(
			addMembership(withTenant(ctx, tenant), {
				bodyId: body.id,
				userId: stranger.id,
				role: 'member'
			})
		).rejects.toMatchObject({ fieldErrors: { userId: 'bodies_error_person_required' } });
		const member = await person('member');
		await expect(
			addMembership(withTenant(ctx, tenant), {
				bodyId: body.id,
				userId: member.id,
				role: 'member',
				organizationId: otherOrg.id
			})
		).rejects.toMatchObject({
			fieldErrors: { organizationId: 'bodies_error_organization_invalid' }
		});
	});

	it('changes the role, ends the membership; the former member stays in the history', async () => {
		const { db, tenant, body, org, person, ctxOf, coordinator } = await setup();
		const member = await person('member');
		const ctx = await ctxOf(coordinator.id);
		const m = await buildMembership(db, body, member.id, 'member', { startDate: '2024-01-01' });
		await changeMembership(withTenant(ctx, tenant), {
			bodyId: body.id,
			membershipId: m.id,
			role: 'moderator',
			organizationId: org.id
		});
		expect((await loadActor(db, member.id))?.bodyRoles[body.id]).toBe('moderator');
		await expect(
			endMembership(withTenant(ctx, tenant), {
				bodyId: body.id,
				membershipId: m.id,
				endDate: '2023-12-31'
			})
		).rejects.toMatchObject({ fieldErrors: { endDate: 'bodies_error_end_before_start' } });
		await endMembership(withTenant(ctx, tenant), {
			bodyId: body.id,
			membershipId: m.id,
			endDate: '2024-06-30'
		});
		const [row] = await db.select().from(bodyMemberships).where(eq(bodyMemberships.id, m.id));
		expect(row).toMatchObject({ role: 'moderator', organizationId: org.id, endDate: '2024-06-30' });
		expect((await loadActor(db, member.id))?.bodyRoles[body.id]).toBeUndefined();
		const page = await getBodyPage(withTenant(ctx, tenant), { bodyId: body.id });
		expect(page.members.current).toHaveLength(0);
		expect(page.members.former).toMatchObject([{ userId: member.id, endDate: '2024-06-30' }]);
		// after it ended, the person can be added again
		await addMembership(withTenant(ctx, tenant), {
			bodyId: body.id,
			userId: member.id,
			role: 'member'
		});
		const actions = await db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.entityId, m.id));
		expect(actions.map((a) => a.action).sort()).toEqual([
			'body.membership_end',
			'body.membership_update'
		]);
	});

	it('only coordinators manage memberships; a speaker of the body may not', async () => {
		const { db, tenant, other, body, person, ctxOf } = await setup();
		const member = await person('member');
		const m = await buildMembership(db, body, member.id, 'member');
		const speaker = await person('member');
		await buildMembership(db, body, speaker.id, 'speaker');
		const foreign = await person('coordinator', other.id);
		for (const userId of [speaker.id, member.id, foreign.id]) {
			const ctx = await ctxOf(userId);
			await expect(
				addMembership(withTenant(ctx, tenant), {
					bodyId: body.id,
					userId: member.id,
					role: 'member'
				})
			).rejects.toBeInstanceOf(NotFoundError);
			await expect(
				changeMembership(withTenant(ctx, tenant), {
					bodyId: body.id,
					membershipId: m.id,
					role: 'speaker'
				})
			).rejects.toBeInstanceOf(NotFoundError);
			await expect(
				endMembership(withTenant(ctx, tenant), { bodyId: body.id, membershipId: m.id })
			).rejects.toBeInstanceOf(NotFoundError);
		}
		// the other tenant's coordinator through their own tenant id: the membership is not there
		const foreignCtx = await ctxOf(foreign.id);
		await expect(
			endMembership(withTenant(foreignCtx, other), { bodyId: body.id, membershipId: m.id })
		).rejects.toBeInstanceOf(NotFoundError);
		const [row] = await db.select().from(bodyMemberships).where(eq(bodyMemberships.id, m.id));
		expect(row).toMatchObject({ role: 'member', endDate: null });
	});
});
