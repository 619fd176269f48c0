import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testCtx, testTenantCtx, useTestSetup } from '../db/testing/test-db';
import type { Db } from '../db/client';
import { buildOrganization, buildTenant, buildUser, grantRole } from '../factories';
import { loadActor } from './sessions';
import { changeRole, removeMember } from './memberships';
import { auditLog } from '../audit/schema';
import { tenantMembers } from './schema';
import { NotFoundError, ValidationError } from '../errors';
import { getTenantSettings, updateTenantSettings } from '../tenants/settings';
import { tenants } from '../tenants/schema';

const setup = useTestSetup(async (db: Db) => {
	const tenant = await buildTenant(db);
	const other = await buildTenant(db);
	const coordinator = await buildUser(db);
	await grantRole(db, tenant.id, coordinator.id, 'coordinator');
	const member = await buildUser(db);
	await grantRole(db, tenant.id, member.id, 'member');
	const otherCoordinator = await buildUser(db);
	await grantRole(db, other.id, otherCoordinator.id, 'coordinator');
	const actor = (id: string) => loadActor(db, id).then((a) => testTenantCtx(db, tenant, a));
	return { db, tenant, other, coordinator, member, otherCoordinator, actor };
});

describe('changeRole / removeMember', () => {
	it('a coordinator changes a role and the change is audited with before and after', async () => {
		const { db, tenant, coordinator, member, actor } = await setup();
		await changeRole(await actor(coordinator.id), {
			userId: member.id,
			role: 'steering'
		});
		const [row] = await db
			.select()
			.from(tenantMembers)
			.where(and(eq(tenantMembers.tenantId, tenant.id), eq(tenantMembers.userId, member.id)));
		expect(row.role).toBe('steering');
		const [audit] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.tenantId, tenant.id), eq(auditLog.action, 'member.role_change')));
		expect(audit.actorId).toBe(coordinator.id);
		expect(audit.before).toMatchObject({ role: 'member' });
		expect(audit.after).toMatchObject({ role: 'steering' });
	});

	it('the last coordinator can neither be demoted nor removed', async () => {
		const { coordinator, actor } = await setup();
		const ctx = await actor(coordinator.id);
		await expect(changeRole(ctx, { userId: coordinator.id, role: 'member' })).rejects.toMatchObject(
			{
				fieldErrors: { form: 'error_last_coordinator' }
			}
		);
		await expect(removeMember(ctx, { userId: coordinator.id })).rejects.toBeInstanceOf(
			ValidationError
		);
	});

	it('an editor role needs an organisation', async () => {
		const { db, tenant, coordinator, member, actor } = await setup();
		const ctx = await actor(coordinator.id);
		await expect(changeRole(ctx, { userId: member.id, role: 'editor' })).rejects.toMatchObject({
			fieldErrors: { form: 'error_editor_needs_organization' }
		});
		const org = await buildOrganization(db, tenant.id);
		const editor = await buildUser(db);
		await grantRole(db, tenant.id, editor.id, 'editor', [org.id]);
		await changeRole(ctx, { userId: editor.id, role: 'member' });
		await changeRole(ctx, { userId: editor.id, role: 'editor' });
	});

	it('removing a person ends their access to the tenant', async () => {
		const { tenant, coordinator, member, actor } = await setup();
		await removeMember(await actor(coordinator.id), { userId: member.id });
		const after = await actor(member.id);
		expect(after.actor?.roles[tenant.id]).toBeUndefined();
	});

	it('members, other tenants’ coordinators and unknown ids all get NotFoundError', async () => {
		const { coordinator, member, otherCoordinator, actor } = await setup();
		await expect(
			changeRole(await actor(member.id), { userId: coordinator.id, role: 'member' })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			removeMember(await actor(otherCoordinator.id), { userId: member.id })
		).rejects.toBeInstanceOf(NotFoundError);
		const ctx = await actor(coordinator.id);
		await expect(
			removeMember(ctx, { userId: '00000000-0000-4000-8000-000000000000' })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(removeMember(ctx, { userId: 'not-a-uuid' })).rejects.toBeInstanceOf(NotFoundError);
		// A person of another tenant cannot be reached through this tenant.
		await expect(removeMember(ctx, { userId: otherCoordinator.id })).rejects.toBeInstanceOf(
			NotFoundError
		);
	});
});

describe('tenant settings', () => {
	it('a coordinator saves settings; bad input changes nothing', async () => {
		const { db, tenant, coordinator, actor } = await setup();
		const ctx = await actor(coordinator.id);
		expect((await getTenantSettings(ctx)).offerConfirmationMonths).toBe(6);
		await updateTenantSettings(ctx, {
			publicDescription: 'Wir sind ein Netzwerk.',
			publicContactEmail: 'Integration@Example.org',
			offerConfirmationMonths: '12'
		});
		await expect(
			updateTenantSettings(ctx, {
				publicContactEmail: 'kaputt',
				offerConfirmationMonths: '0'
			})
		).rejects.toMatchObject({
			fieldErrors: {
				publicContactEmail: 'error_email_invalid',
				offerConfirmationMonths: 'error_months_invalid'
			}
		});
		const [row] = await db.select().from(tenants).where(eq(tenants.id, tenant.id));
		expect(row.settings).toEqual({
			publicDescription: 'Wir sind ein Netzwerk.',
			publicContactEmail: 'integration@example.org',
			offerConfirmationMonths: 12
		});
	});

	it('only the tenant’s coordinators (and the platform admin) may change settings', async () => {
		const { member, otherCoordinator, actor } = await setup();
		for (const id of [member.id, otherCoordinator.id]) {
			await expect(
				updateTenantSettings(await actor(id), { offerConfirmationMonths: 3 })
			).rejects.toBeInstanceOf(NotFoundError);
		}
	});
});

describe('own account', () => {
	it('changing the password needs the current one and ends the other sessions only', async () => {
		const { db, tenant } = await setup();
		const { changePassword } = await import('./account');
		const { createSession, validateSession } = await import('./sessions');
		const { signIn } = await import('./sign-in');
		const user = await buildUser(db, { password: 'altes-passwort-123' });
		await grantRole(db, tenant.id, user.id, 'member');
		const current = await createSession(db, user.id);
		const other = await createSession(db, user.id);
		const ctx = testCtx(db, await loadActor(db, user.id));
		await expect(
			changePassword(ctx, {
				sessionToken: current.token,
				currentPassword: 'falsch',
				password: 'neues-passwort-456',
				passwordConfirm: 'neues-passwort-456'
			})
		).rejects.toMatchObject({ fieldErrors: { currentPassword: 'error_current_password_wrong' } });
		await changePassword(ctx, {
			sessionToken: current.token,
			currentPassword: 'altes-passwort-123',
			password: 'neues-passwort-456',
			passwordConfirm: 'neues-passwort-456'
		});
		expect(await validateSession(db, current.token)).not.toBeNull();
		expect(await validateSession(db, other.token)).toBeNull();
		await expect(
			signIn(testCtx(db), { email: user.email, password: 'altes-passwort-123' })
		).rejects.toBeInstanceOf(ValidationError);
		await expect(
			signIn(testCtx(db), { email: user.email, password: 'neues-passwort-456' })
		).resolves.toMatchObject({ userId: user.id });
	});
});
