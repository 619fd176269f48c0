/**
 * GDPR erasure (Art. 17): a signed-in person deletes their own account. Each domain removes or
 * anonymises what it stores about the person through its own `erase…PersonalData` function
 * (beside the export's `…PersonalData` in `<domain>/personal-data.ts`), all in one transaction.
 * Kept on purpose: approved minutes keep the name as recorded in the meeting, and the audit log
 * keeps its entries under a pseudonym (random, the same for all the person's entries, with no
 * way back to the person).
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../context';
import { NotFoundError, ValidationError } from '../errors';
import { isChecked, parseOrThrow } from '../shared';
import { recordAudit } from '../audit/record';
import { users } from '../auth/schema';
import { verifyPassword } from '../auth/password';
import { tenantsOnlyCoordinatedBy } from '../auth/memberships';
import { eraseAuditPersonalData } from '../audit/personal-data';
import { eraseAuthPersonalData } from '../auth/personal-data';
import { eraseBodiesPersonalData } from '../bodies/personal-data';
import { eraseInquiriesPersonalData } from '../inquiries/personal-data';
import { eraseInvitationsPersonalData } from '../invitations/personal-data';
import { eraseMinutesPersonalData } from '../minutes/personal-data';
import { eraseOparlPersonalData } from '../oparl/personal-data';
import { eraseOrganizationsPersonalData } from '../organizations/personal-data';
import { erasePapersPersonalData } from '../papers/personal-data';
import { eraseParticipationPersonalData } from '../participation/personal-data';
import type { ErasureSubject } from './types';

const erasureInput = z.object({
	password: z.string().min(1, { error: 'error_password_required' }),
	confirm: z.literal(true, { error: 'privacy_erasure_confirm_required' })
});

/** A new pseudonym for one erased person. */
export function newPseudonym(): string {
	return `person-${randomBytes(6).toString('hex')}`;
}

/**
 * The networks the signed-in person must first hand over (they are its only coordinator); the
 * account page names them before the person tries.
 */
export async function erasureBlockers(ctx: Ctx): Promise<string[]> {
	if (!ctx.actor) throw new NotFoundError();
	return tenantsOnlyCoordinatedBy(ctx.db, ctx.actor.userId);
}

/**
 * Deletes the signed-in person's account after the password is confirmed; refused while they are
 * the last coordinator of a network. Every session of the person ends with it.
 */
export async function deleteMyAccount(
	ctx: Ctx,
	raw: { password?: unknown; confirm?: unknown }
): Promise<void> {
	const actor = ctx.actor;
	if (!actor) throw new NotFoundError();
	const input = parseOrThrow(erasureInput, {
		password: raw.password ?? '',
		confirm: isChecked(raw.confirm)
	});
	const [user] = await ctx.db
		.select({ passwordHash: users.passwordHash, name: users.name, email: users.email })
		.from(users)
		.where(eq(users.id, actor.userId));
	if (!user) throw new NotFoundError();
	if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.password)))
		throw new ValidationError({ password: 'error_current_password_wrong' });
	const person: ErasureSubject = {
		userId: actor.userId,
		email: user.email.toLowerCase(),
		name: user.name,
		pseudonym: newPseudonym()
	};
	await ctx.db.transaction(async (tx) => {
		if ((await tenantsOnlyCoordinatedBy(tx, person.userId)).length > 0)
			throw new ValidationError({ form: 'privacy_erasure_last_coordinator' });
		// the account goes last: the others still find the person's rows by the account's id
		for (const erase of [
			eraseOparlPersonalData,
			eraseOrganizationsPersonalData,
			eraseBodiesPersonalData,
			eraseInvitationsPersonalData,
			eraseMinutesPersonalData,
			eraseParticipationPersonalData,
			erasePapersPersonalData,
			eraseInquiriesPersonalData,
			eraseAuditPersonalData,
			eraseAuthPersonalData
		])
			await erase(tx, person);
		await recordAudit(
			tx,
			{ requestId: ctx.requestId },
			{
				tenantId: null,
				action: 'user.erase',
				entityType: 'user',
				entityId: person.pseudonym
			}
		);
	});
}
