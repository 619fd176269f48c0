import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestSetup } from '../db/testing/test-db';
import { withTenant } from '../context';
import { buildMembership, buildOrganization } from '../factories';
import { auditLog } from '../audit/schema';
import { NotFoundError } from '../errors';
import { bodyHosts } from './schema';
import { removeHost, saveHost } from './hosts';
import { getMembersPage } from './views';
import { setupBodies } from './testing';

const setup = useTestSetup(setupBodies);

describe('host pool', () => {
	it('coordinators and the body speakers keep the pool; members may not', async () => {
		const { db, tenant, other, body, org, otherOrg, person, ctxOf, coordinator } = await setup();
		const ctx = await ctxOf(coordinator.id);
		await saveHost(withTenant(ctx, tenant), {
			bodyId: body.id,
			organizationId: org.id,
			location: ''
		});
		await saveHost(withTenant(ctx, tenant), {
			bodyId: body.id,
			organizationId: org.id,
			location: 'Caritas-Haus, Saal 1'
		});
		let rows = await db.select().from(bodyHosts).where(eq(bodyHosts.bodyId, body.id));
		expect(rows).toMatchObject([{ organizationId: org.id, location: 'Caritas-Haus, Saal 1' }]);
		await expect(
			saveHost(withTenant(ctx, tenant), { bodyId: body.id, organizationId: otherOrg.id })
		).rejects.toMatchObject({ fieldErrors: { organizationId: 'bodies_error_host_required' } });

		const speaker = await person('member');
		await buildMembership(db, body, speaker.id, 'deputy');
		const second = await buildOrganization(db, tenant.id, { name: 'AWO' });
		await saveHost(withTenant(await ctxOf(speaker.id), tenant), {
			bodyId: body.id,
			organizationId: second.id
		});
		expect(
			(await getMembersPage(withTenant(await ctxOf(speaker.id), tenant), { bodyId: body.id })).hosts
		).toHaveLength(2);

		const member = await person('member');
		await buildMembership(db, body, member.id, 'member');
		const foreign = await person('coordinator', other.id);
		for (const u of [member, foreign]) {
			const c = await ctxOf(u.id);
			await expect(
				saveHost(withTenant(c, tenant), { bodyId: body.id, organizationId: org.id })
			).rejects.toBeInstanceOf(NotFoundError);
			await expect(
				removeHost(withTenant(c, tenant), { bodyId: body.id, organizationId: org.id })
			).rejects.toBeInstanceOf(NotFoundError);
			await expect(
				getMembersPage(withTenant(c, tenant), { bodyId: body.id })
			).rejects.toBeInstanceOf(NotFoundError);
		}
		await removeHost(withTenant(ctx, tenant), { bodyId: body.id, organizationId: org.id });
		rows = await db.select().from(bodyHosts).where(eq(bodyHosts.bodyId, body.id));
		expect(rows.map((r) => r.organizationId)).toEqual([second.id]);
		const actions = await db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.entityId, body.id));
		expect(actions.map((a) => a.action).sort()).toEqual([
			'body.host_add',
			'body.host_add',
			'body.host_remove',
			'body.host_update'
		]);
	});
});
