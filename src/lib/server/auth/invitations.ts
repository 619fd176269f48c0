import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx, TenantCtx } from '../context';
import { editorOrganizations, invitations, tenantMembers, users, type Role } from './schema';
import { tenants } from '../tenants/schema';
import { organizations } from '../organizations/schema';
import { inviteInput, setPasswordInput, newPassword } from './validation';
import { authorize } from './policy';
import { hashToken, newToken } from './tokens';
import { hashPassword, verifyPassword } from './password';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { enqueueMail } from '../mail/enqueue';
import { invitationMail } from '../mail/templates';
import { createSession } from './sessions';
import { parseOrThrow, requireUuid } from '../shared';

export const INVITATION_DAYS = 7;

/** A coordinator invites a person by e-mail; the mail is queued in the same transaction. */
export async function inviteUser(ctx: TenantCtx, raw: unknown) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'tenant.people.invite', { tenantId });
	const actor = ctx.actor;
	const parsed = parseOrThrow(inviteInput, raw);
	const input = parsed;
	if (input.role === 'editor' && input.organizationIds.length === 0) {
		throw new ValidationError({ organizationIds: 'error_editor_needs_organization' });
	}
	const organizationIds = input.role === 'editor' ? input.organizationIds : [];

	return ctx.db.transaction(async (tx) => {
		const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId));
		if (!tenant) throw new NotFoundError();
		if (organizationIds.length > 0) {
			const found = await tx
				.select({ id: organizations.id })
				.from(organizations)
				.where(
					and(eq(organizations.tenantId, tenantId), inArray(organizations.id, organizationIds))
				);
			if (found.length !== new Set(organizationIds).size) {
				throw new ValidationError({ organizationIds: 'error_organization_invalid' });
			}
		}
		const [existing] = await tx
			.select({ role: tenantMembers.role })
			.from(tenantMembers)
			.innerJoin(users, eq(users.id, tenantMembers.userId))
			.where(and(eq(tenantMembers.tenantId, tenantId), eq(users.email, input.email)));
		if (existing) throw new ValidationError({ email: 'error_already_member' });

		// A new invitation replaces an open one for the same address.
		await tx
			.update(invitations)
			.set({ revokedAt: new Date() })
			.where(
				and(
					eq(invitations.tenantId, tenantId),
					eq(invitations.email, input.email),
					isNull(invitations.acceptedAt),
					isNull(invitations.revokedAt)
				)
			);
		const token = newToken();
		const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
		const [row] = await tx
			.insert(invitations)
			.values({
				tenantId,
				email: input.email,
				name: input.name,
				role: input.role,
				organizationIds,
				tokenHash: hashToken(token),
				invitedBy: actor.userId,
				expiresAt
			})
			.returning();
		await enqueueMail(
			tx,
			tenantId,
			invitationMail({
				to: input.email,
				name: input.name,
				tenantName: tenant.name,
				inviterName: actor.name,
				link: `${ctx.origin}/einladung/${token}`,
				expiresAt,
				locale: input.locale
			})
		);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'invitation.create',
			entityType: 'invitation',
			entityId: row.id,
			after: { email: row.email, name: row.name, role: row.role, organizationIds, expiresAt }
		});
		return { id: row.id, token, expiresAt };
	});
}

export type InvitationState = 'open' | 'expired' | 'used' | 'invalid';

export interface InvitationView {
	state: InvitationState;
	email?: string;
	name?: string;
	tenantName?: string;
	role?: Role;
	/** whether the invitee already has an account with a password */
	hasAccount?: boolean;
}

/** What the invitation page shows. Unknown, revoked and malformed tokens all read "invalid". */
export async function findInvitation(ctx: Ctx, input: { token: string }): Promise<InvitationView> {
	const token = input.token;
	const [row] = await ctx.db
		.select({ invitation: invitations, tenantName: tenants.name })
		.from(invitations)
		.innerJoin(tenants, eq(tenants.id, invitations.tenantId))
		.where(eq(invitations.tokenHash, hashToken(token)));
	if (!row || row.invitation.revokedAt) return { state: 'invalid' };
	if (row.invitation.acceptedAt) return { state: 'used' };
	if (row.invitation.expiresAt.getTime() <= Date.now())
		return { state: 'expired', tenantName: row.tenantName };
	const [user] = await ctx.db
		.select({ passwordHash: users.passwordHash })
		.from(users)
		.where(eq(users.email, row.invitation.email));
	return {
		state: 'open',
		email: row.invitation.email,
		name: row.invitation.name,
		tenantName: row.tenantName,
		role: row.invitation.role,
		hasAccount: !!user?.passwordHash
	};
}

/**
 * Accepts an invitation: a new person sets a password; a person who already has an account
 * confirms with their password. Single use; the person is signed in afterwards (the new session
 * and the tenant to go to are returned).
 */
export async function acceptInvitation(
	ctx: Ctx,
	raw: { token: string; password?: unknown; passwordConfirm?: unknown }
) {
	return ctx.db.transaction(async (tx) => {
		const [found] = await tx
			.select({ invitation: invitations, tenantSlug: tenants.slug })
			.from(invitations)
			.innerJoin(tenants, eq(tenants.id, invitations.tenantId))
			.where(eq(invitations.tokenHash, hashToken(raw.token)))
			.for('update', { of: invitations });
		const inv = found?.invitation;
		if (!inv || inv.revokedAt || inv.acceptedAt)
			throw new ValidationError({ form: 'error_invitation_invalid' });
		if (inv.expiresAt.getTime() <= Date.now())
			throw new ValidationError({ form: 'error_invitation_expired' });

		let [user] = await tx.select().from(users).where(eq(users.email, inv.email));
		if (user?.passwordHash) {
			const pw = typeof raw.password === 'string' ? raw.password : '';
			if (!(await verifyPassword(user.passwordHash, pw))) {
				throw new ValidationError({ password: 'error_existing_password_wrong' });
			}
		} else {
			const parsed = parseOrThrow(setPasswordInput, raw);
			const passwordHash = await hashPassword(parsed.password);
			if (user) {
				await tx
					.update(users)
					.set({ passwordHash, updatedAt: new Date() })
					.where(eq(users.id, user.id));
			} else {
				[user] = await tx
					.insert(users)
					.values({ email: inv.email, name: inv.name, passwordHash })
					.returning();
				await recordAudit(
					tx,
					{ requestId: ctx.requestId, actor: null },
					{
						tenantId: inv.tenantId,
						action: 'user.create',
						entityType: 'user',
						entityId: user.id,
						after: { email: user.email, name: user.name }
					}
				);
			}
		}
		await tx
			.insert(tenantMembers)
			.values({ tenantId: inv.tenantId, userId: user.id, role: inv.role })
			.onConflictDoUpdate({
				target: [tenantMembers.tenantId, tenantMembers.userId],
				set: { role: inv.role }
			});
		if (inv.organizationIds.length > 0) {
			await tx
				.insert(editorOrganizations)
				.values(
					inv.organizationIds.map((organizationId) => ({
						tenantId: inv.tenantId,
						userId: user.id,
						organizationId
					}))
				)
				.onConflictDoNothing();
		}
		await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, inv.id));
		await recordAudit(
			tx,
			{ requestId: ctx.requestId, actor: { userId: user.id } },
			{
				tenantId: inv.tenantId,
				action: 'invitation.accept',
				entityType: 'invitation',
				entityId: inv.id,
				before: { acceptedAt: null },
				after: { acceptedAt: new Date(), role: inv.role, userId: user.id }
			}
		);
		const session = await createSession(tx, user.id);
		return { userId: user.id, tenantId: inv.tenantId, tenantSlug: found.tenantSlug, ...session };
	});
}

/** Revokes an open invitation. */
export async function revokeInvitation(ctx: TenantCtx, input: { id: unknown }) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'tenant.people.invite', { tenantId });
	const invitationId = requireUuid(input.id);
	return ctx.db.transaction(async (tx) => {
		const [inv] = await tx
			.select()
			.from(invitations)
			.where(and(eq(invitations.id, invitationId), eq(invitations.tenantId, tenantId)));
		if (!inv || inv.acceptedAt || inv.revokedAt) throw new NotFoundError();
		const revokedAt = new Date();
		await tx.update(invitations).set({ revokedAt }).where(eq(invitations.id, inv.id));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'invitation.revoke',
			entityType: 'invitation',
			entityId: inv.id,
			before: { revokedAt: null },
			after: { revokedAt }
		});
	});
}

export { newPassword };
