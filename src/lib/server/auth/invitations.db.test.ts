import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { createTestDb, testCtx, testTenantCtx } from '../db/testing/test-db';
import { buildOrganization, buildTenant, buildUser, grantRole } from '../factories';
import { loadActor, validateSession } from './sessions';
import type { Actor } from './actor';
import { editorOrganizations, invitations, tenantMembers, users } from './schema';
import { acceptInvitation, findInvitation, inviteUser, revokeInvitation } from './invitations';
import { listOpenInvitations } from './people';
import { verifyPassword } from './password';
import { outbox } from '../mail/schema';
import { auditLog } from '../audit/schema';
import type { Tenant } from '../tenants/schema';
import { ValidationError } from '../errors';

let database: Database;
let tenant: Tenant;
let otherTenant: Tenant;
let coordinator: Actor;

const NEW_PASSWORD = { password: 'ein-gutes-passwort', passwordConfirm: 'ein-gutes-passwort' };

beforeAll(async () => {
	database = await createTestDb();
	tenant = await buildTenant(database.db, { name: 'Stadt Einladungshausen' });
	otherTenant = await buildTenant(database.db);
	const user = await buildUser(database.db, { name: 'Koordinatorin Kim' });
	await grantRole(database.db, tenant.id, user.id, 'coordinator');
	coordinator = (await loadActor(database.db, user.id))!;
});
afterAll(() => database?.close());

const ctx = () => testTenantCtx(database.db, tenant, coordinator);
let counter = 0;
const uniqueEmail = () => `eingeladen-${++counter}-${Date.now()}@example.org`;

async function rowsFor(email: string) {
	const db = database.db;
	const invitationRows = await db.select().from(invitations).where(eq(invitations.email, email));
	const mails = await db
		.select()
		.from(outbox)
		.where(sql`${outbox.payload}->>'to' = ${email}`);
	const audits = await db
		.select()
		.from(auditLog)
		.where(
			and(eq(auditLog.action, 'invitation.create'), sql`${auditLog.after}->>'email' = ${email}`)
		);
	return { invitations: invitationRows, mails, audits };
}

async function validationError(promise: Promise<unknown>): Promise<Record<string, string>> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof ValidationError) return error.fieldErrors;
		throw error;
	}
	throw new Error('expected a ValidationError');
}

describe('inviteUser', () => {
	it('writes the invitation, the mail with the link and the audit row', async () => {
		const email = uniqueEmail();
		const result = await inviteUser(ctx(), {
			email: email.toUpperCase(),
			name: ' Neue Person ',
			role: 'member'
		});
		const { invitations: inv, mails, audits } = await rowsFor(email);

		expect(inv).toHaveLength(1);
		expect(inv[0]).toMatchObject({
			id: result.id,
			tenantId: tenant.id,
			name: 'Neue Person',
			role: 'member',
			invitedBy: coordinator.userId
		});
		// only the hash of the token is stored
		expect(inv[0].tokenHash).not.toContain(result.token);

		expect(mails).toHaveLength(1);
		expect(mails[0]).toMatchObject({ tenantId: tenant.id, status: 'pending' });
		expect(mails[0].payload.subject).toContain(tenant.name);
		expect(mails[0].payload.text).toContain(`http://localhost:3000/einladung/${result.token}`);
		expect(mails[0].payload.text).toContain('Koordinatorin Kim');

		expect(audits).toHaveLength(1);
		expect(audits[0]).toMatchObject({
			tenantId: tenant.id,
			actorId: coordinator.userId,
			entityType: 'invitation',
			entityId: result.id
		});
		expect(JSON.stringify(audits[0].after)).not.toContain(result.token);
	});

	it('writes nothing when the input is invalid', async () => {
		const email = uniqueEmail();
		expect(await validationError(inviteUser(ctx(), { email, name: '', role: 'member' }))).toEqual({
			name: 'error_name_required'
		});
		expect(
			await validationError(
				inviteUser(ctx(), { email: 'kein-at-zeichen', name: 'X', role: 'member' })
			)
		).toEqual({
			email: 'error_email_invalid'
		});
		expect(await validationError(inviteUser(ctx(), { email, name: 'X', role: 'chef' }))).toEqual({
			role: 'error_role_invalid'
		});
		expect(await validationError(inviteUser(ctx(), { email, name: 'X', role: 'editor' }))).toEqual({
			organizationIds: 'error_editor_needs_organization'
		});
		expect(await rowsFor(email)).toEqual({ invitations: [], mails: [], audits: [] });
	});

	it('rejects an organisation of another tenant for an editor and keeps the open invitation', async () => {
		const email = uniqueEmail();
		const first = await inviteUser(ctx(), { email, name: 'Erste', role: 'member' });
		const foreign = await buildOrganization(database.db, otherTenant.id);
		expect(
			await validationError(
				inviteUser(ctx(), {
					email,
					name: 'Zweite',
					role: 'editor',
					organizationIds: [foreign.id]
				})
			)
		).toEqual({ organizationIds: 'error_organization_invalid' });
		const after = await rowsFor(email);
		expect(after.invitations).toHaveLength(1);
		expect(after.invitations[0]).toMatchObject({ id: first.id, revokedAt: null });
		expect(after.mails).toHaveLength(1);
		expect(after.audits).toHaveLength(1);
	});

	it('rolls back the invitation and the mail when the audit row cannot be written', async () => {
		const email = uniqueEmail();
		const open = await inviteUser(ctx(), { email, name: 'Offen', role: 'member' });
		// Make the audit insert of this one invitation fail inside the database.
		await database.db.execute(
			sql.raw(`
			CREATE OR REPLACE FUNCTION test_fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
				IF NEW.after->>'name' = 'Audit scheitert' THEN RAISE EXCEPTION 'audit write failed'; END IF;
				RETURN NEW;
			END $$`)
		);
		await database.db.execute(
			sql.raw(
				`CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_fail_audit()`
			)
		);
		try {
			await expect(
				inviteUser(ctx(), { email, name: 'Audit scheitert', role: 'member' })
			).rejects.toThrow();
		} finally {
			await database.db.execute(sql.raw(`DROP TRIGGER test_fail_audit ON audit_log`));
			await database.db.execute(sql.raw(`DROP FUNCTION test_fail_audit()`));
		}
		const after = await rowsFor(email);
		// only the first invitation, still open, and only its mail
		expect(after.invitations.map((i) => [i.id, i.revokedAt])).toEqual([[open.id, null]]);
		expect(after.mails).toHaveLength(1);
		expect(after.audits).toHaveLength(1);
	});

	it('re-inviting revokes the open invitation and its link', async () => {
		const email = uniqueEmail();
		const first = await inviteUser(ctx(), { email, name: 'Erste', role: 'member' });
		const second = await inviteUser(ctx(), { email, name: 'Zweite', role: 'guest' });
		const rows = await database.db.select().from(invitations).where(eq(invitations.email, email));
		expect(rows.find((r) => r.id === first.id)?.revokedAt).toBeInstanceOf(Date);
		expect(rows.find((r) => r.id === second.id)?.revokedAt).toBeNull();
		const open = (await listOpenInvitations(ctx())).filter((i) => i.email === email);
		expect(open.map((i) => i.id)).toEqual([second.id]);
		expect(await findInvitation(ctx(), { token: first.token })).toEqual({ state: 'invalid' });
		expect(
			await validationError(acceptInvitation(ctx(), { token: first.token, ...NEW_PASSWORD }))
		).toEqual({
			form: 'error_invitation_invalid'
		});
		expect((await findInvitation(ctx(), { token: second.token })).state).toBe('open');
	});

	it('refuses a person who already belongs to the tenant', async () => {
		const member = await buildUser(database.db);
		await grantRole(database.db, tenant.id, member.id, 'member');
		expect(
			await validationError(
				inviteUser(ctx(), {
					email: member.email.toUpperCase(),
					name: 'Doppelt',
					role: 'guest'
				})
			)
		).toEqual({ email: 'error_already_member' });
		expect(await rowsFor(member.email)).toEqual({ invitations: [], mails: [], audits: [] });
	});
});

describe('acceptInvitation', () => {
	it('creates the account with an argon2id hash, grants the role and signs the person in', async () => {
		const email = uniqueEmail();
		const { token } = await inviteUser(ctx(), {
			email,
			name: 'Neue Mitglied',
			role: 'member'
		});
		expect(await findInvitation(testCtx(database.db), { token })).toMatchObject({
			state: 'open',
			email,
			tenantName: tenant.name,
			role: 'member',
			hasAccount: false
		});

		const accepted = await acceptInvitation(testCtx(database.db), { token, ...NEW_PASSWORD });
		const [user] = await database.db.select().from(users).where(eq(users.email, email));
		expect(user).toMatchObject({
			id: accepted.userId,
			name: 'Neue Mitglied',
			isPlatformAdmin: false
		});
		expect(user.passwordHash).toMatch(/^\$argon2id\$/);
		expect(await verifyPassword(user.passwordHash!, NEW_PASSWORD.password)).toBe(true);

		const session = await validateSession(database.db, accepted.token);
		expect(session?.actor).toMatchObject({ userId: user.id, roles: { [tenant.id]: 'member' } });
		expect(accepted.tenantId).toBe(tenant.id);
		// the page goes on to the tenant's start page
		expect(accepted.tenantSlug).toBe(tenant.slug);
	});

	it('gives an editor the organisations of the invitation', async () => {
		const email = uniqueEmail();
		const orgs = [
			await buildOrganization(database.db, tenant.id),
			await buildOrganization(database.db, tenant.id)
		];
		const { token } = await inviteUser(ctx(), {
			email,
			name: 'Redaktion',
			role: 'editor',
			organizationIds: orgs.map((o) => o.id)
		});
		const { userId } = await acceptInvitation(testCtx(database.db), { token, ...NEW_PASSWORD });
		const rows = await database.db
			.select()
			.from(editorOrganizations)
			.where(eq(editorOrganizations.userId, userId));
		expect(rows.map((r) => r.organizationId).sort()).toEqual(orgs.map((o) => o.id).sort());
		const actor = await loadActor(database.db, userId);
		expect(actor?.roles[tenant.id]).toBe('editor');
		expect(actor?.editorOf[tenant.id]?.sort()).toEqual(orgs.map((o) => o.id).sort());
	});

	it('is single use', async () => {
		const { token } = await inviteUser(ctx(), {
			email: uniqueEmail(),
			name: 'Einmal',
			role: 'guest'
		});
		await acceptInvitation(testCtx(database.db), { token, ...NEW_PASSWORD });
		expect(await findInvitation(testCtx(database.db), { token })).toEqual({ state: 'used' });
		expect(
			await validationError(acceptInvitation(testCtx(database.db), { token, ...NEW_PASSWORD }))
		).toEqual({
			form: 'error_invitation_invalid'
		});
	});

	it('refuses an expired invitation', async () => {
		const email = uniqueEmail();
		const { id, token } = await inviteUser(ctx(), {
			email,
			name: 'Zu spät',
			role: 'member'
		});
		await database.db
			.update(invitations)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(invitations.id, id));
		expect(await findInvitation(testCtx(database.db), { token })).toMatchObject({
			state: 'expired'
		});
		expect(
			await validationError(acceptInvitation(testCtx(database.db), { token, ...NEW_PASSWORD }))
		).toEqual({
			form: 'error_invitation_expired'
		});
		expect(await database.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
	});

	it('refuses a revoked invitation and an unknown token', async () => {
		const { id, token } = await inviteUser(ctx(), {
			email: uniqueEmail(),
			name: 'Zurück',
			role: 'member'
		});
		await revokeInvitation(ctx(), { id });
		expect(
			await validationError(acceptInvitation(testCtx(database.db), { token, ...NEW_PASSWORD }))
		).toEqual({
			form: 'error_invitation_invalid'
		});
		expect(
			await validationError(
				acceptInvitation(testCtx(database.db), { token: 'unbekannt', ...NEW_PASSWORD })
			)
		).toEqual({
			form: 'error_invitation_invalid'
		});
	});

	it('checks the new password and writes nothing when it is too short or does not match', async () => {
		const email = uniqueEmail();
		const { token } = await inviteUser(ctx(), { email, name: 'Kurz', role: 'member' });
		for (const [password, passwordConfirm, errors] of [
			['kurz', 'kurz', { password: 'error_password_too_short' }],
			['ein-gutes-passwort', 'ein-anderes-passwort', { passwordConfirm: 'error_password_mismatch' }]
		] as const)
			expect(
				await validationError(
					acceptInvitation(testCtx(database.db), { token, password, passwordConfirm })
				)
			).toEqual(errors);
		expect(await database.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
		expect((await findInvitation(testCtx(database.db), { token })).state).toBe('open');
	});

	it('asks a person with an account for their existing password', async () => {
		const existing = await buildUser(database.db, { password: 'mein-altes-passwort' });
		await grantRole(database.db, otherTenant.id, existing.id, 'member');
		const { token } = await inviteUser(ctx(), {
			email: existing.email,
			name: 'Schon da',
			role: 'steering'
		});
		expect(await findInvitation(testCtx(database.db), { token })).toMatchObject({
			state: 'open',
			hasAccount: true
		});

		expect(
			await validationError(
				acceptInvitation(testCtx(database.db), {
					token,
					password: 'falsch-falsch-falsch'
				})
			)
		).toEqual({
			password: 'error_existing_password_wrong'
		});
		expect(
			await database.db.select().from(tenantMembers).where(eq(tenantMembers.userId, existing.id))
		).toHaveLength(1);

		const accepted = await acceptInvitation(testCtx(database.db), {
			token,
			password: 'mein-altes-passwort'
		});
		expect(accepted.userId).toBe(existing.id);
		const [after] = await database.db.select().from(users).where(eq(users.id, existing.id));
		expect(after.passwordHash).toBe(existing.passwordHash);
		expect(after.name).toBe(existing.name);
		const actor = await loadActor(database.db, existing.id);
		expect(actor?.roles).toEqual({ [otherTenant.id]: 'member', [tenant.id]: 'steering' });
	});
});
