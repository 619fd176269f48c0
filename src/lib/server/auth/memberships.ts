import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantCtx } from '../context';
import { rowsOf, type Executor } from '../db/client';
import { editorOrganizations, tenantMembers, users, ROLES } from './schema';
import { authorize } from './policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { requireUuid } from '../shared';

const roleInput = z.object({
	userId: z.uuid({ error: 'error_not_found' }),
	role: z.enum(ROLES, { error: 'error_role_invalid' })
});

/** The person's membership row in the tenant. */
const memberRow = (tenantId: string, userId: string) =>
	and(eq(tenantMembers.tenantId, tenantId), eq(tenantMembers.userId, userId));
/** The organisations the person edits in the tenant. */
const editorRows = (tenantId: string, userId: string) =>
	and(eq(editorOrganizations.tenantId, tenantId), eq(editorOrganizations.userId, userId));

async function membership(tx: Executor, tenantId: string, userId: string) {
	const [row] = await tx
		.select({ role: tenantMembers.role, name: users.name, email: users.email })
		.from(tenantMembers)
		.innerJoin(users, eq(users.id, tenantMembers.userId))
		.where(memberRow(tenantId, userId))
		.for('update', { of: tenantMembers });
	return row;
}

/** A network is never left without someone who can invite. */
async function assertNotLastCoordinator(tx: Executor, tenantId: string, role: string) {
	if (role !== 'coordinator') return;
	const rows = await tx
		.select({ userId: tenantMembers.userId })
		.from(tenantMembers)
		.where(and(eq(tenantMembers.tenantId, tenantId), eq(tenantMembers.role, 'coordinator')));
	if (rows.length <= 1) throw new ValidationError({ form: 'error_last_coordinator' });
}

/**
 * A coordinator changes a person's role. The last coordinator cannot give up the role, so a
 * network is never left without someone who can invite. Editors keep their organisations only
 * while they are editors.
 */
export async function changeRole(ctx: TenantCtx, raw: unknown): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'tenant.people.invite', { tenantId });
	const parsed = roleInput.safeParse(raw);
	if (!parsed.success) throw new NotFoundError();
	const { userId, role } = parsed.data;
	await ctx.db.transaction(async (tx) => {
		const current = await membership(tx, tenantId, userId);
		if (!current) throw new NotFoundError();
		if (current.role === role) return;
		await assertNotLastCoordinator(tx, tenantId, current.role);
		if (role === 'editor') {
			const orgs = await tx
				.select({ id: editorOrganizations.organizationId })
				.from(editorOrganizations)
				.where(editorRows(tenantId, userId));
			if (orgs.length === 0) throw new ValidationError({ form: 'error_editor_needs_organization' });
		}
		await tx.update(tenantMembers).set({ role }).where(memberRow(tenantId, userId));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'member.role_change',
			entityType: 'user',
			entityId: userId,
			before: { name: current.name, role: current.role },
			after: { name: current.name, role }
		});
	});
}

/** A coordinator removes a person from the network (the account itself stays). */
export async function removeMember(ctx: TenantCtx, input: { userId: unknown }): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'tenant.people.invite', { tenantId });
	const userId = requireUuid(input.userId);
	await ctx.db.transaction(async (tx) => {
		const current = await membership(tx, tenantId, userId);
		if (!current) throw new NotFoundError();
		await assertNotLastCoordinator(tx, tenantId, current.role);
		await tx.delete(editorOrganizations).where(editorRows(tenantId, userId));
		await tx.delete(tenantMembers).where(memberRow(tenantId, userId));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'member.remove',
			entityType: 'user',
			entityId: userId,
			before: { name: current.name, email: current.email, role: current.role },
			after: null
		});
	});
}

/**
 * The networks the person is the only coordinator of (they would be left without anyone who can
 * invite), by name. Locks the coordinator rows of those networks first, so that two
 * coordinators leaving at the same time cannot both pass.
 */
export async function tenantsOnlyCoordinatedBy(tx: Executor, userId: string): Promise<string[]> {
	await tx.execute(sql`
		SELECT 1 FROM tenant_members WHERE role = 'coordinator' AND tenant_id IN
		  (SELECT tenant_id FROM tenant_members WHERE user_id = ${userId} AND role = 'coordinator')
		FOR UPDATE`);
	const rows = await tx.execute<{ name: string }>(sql`
		SELECT t.name FROM tenant_members m JOIN tenants t ON t.id = m.tenant_id
		WHERE m.user_id = ${userId} AND m.role = 'coordinator'
		  AND NOT EXISTS (SELECT 1 FROM tenant_members o
		    WHERE o.tenant_id = m.tenant_id AND o.role = 'coordinator' AND o.user_id <> m.user_id)
		ORDER BY t.name`);
	return rowsOf<{ name: string }>(rows).map((r) => r.name);
}
