/**
 * A person's consent to be shown publicly (name and body memberships) in the OParl interface
 * and on the public pages, per tenant. Given and withdrawn by the person only; every change is
 * audited. The consent text lives in messages/oparl (oparl_consent_text) and carries a version:
 * when the text changes, raise CONSENT_TEXT_VERSION so that new consents record the new one.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../context';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { tenants } from '../tenants/schema';
import { bodyMemberships } from '../bodies/schema';
import { personPublications } from './schema';

export const CONSENT_TEXT_VERSION = '2025-1';

export interface PublicationView {
	tenantId: string;
	tenantName: string;
	tenantSlug: string;
	/** whether the consent is in force */
	consented: boolean;
	consentedAt: Date | null;
	consentTextVersion: string | null;
	withdrawnAt: Date | null;
	/** the consent was given to an older text: ask again */
	outdated: boolean;
}

/** Tenants where the person has a role or a body membership: where they could be shown. */
async function myTenantIds(ctx: Ctx): Promise<string[]> {
	const actor = ctx.actor;
	if (!actor) return [];
	const fromBodies = await ctx.db
		.selectDistinct({ tenantId: bodyMemberships.tenantId })
		.from(bodyMemberships)
		.where(eq(bodyMemberships.userId, actor.userId));
	return [...new Set([...Object.keys(actor.roles), ...fromBodies.map((r) => r.tenantId)])];
}

export async function listMyPublications(ctx: Ctx): Promise<PublicationView[]> {
	if (!ctx.actor) throw new NotFoundError();
	const ids = await myTenantIds(ctx);
	if (ids.length === 0) return [];
	const rows = await ctx.db
		.select({ tenant: tenants, consent: personPublications })
		.from(tenants)
		.leftJoin(
			personPublications,
			and(
				eq(personPublications.tenantId, tenants.id),
				eq(personPublications.userId, ctx.actor.userId)
			)
		)
		.where(inArray(tenants.id, ids))
		.orderBy(asc(tenants.name));
	return rows.map(({ tenant, consent }) => {
		const consented = !!consent && consent.withdrawnAt === null;
		return {
			tenantId: tenant.id,
			tenantName: tenant.name,
			tenantSlug: tenant.slug,
			consented,
			consentedAt: consent?.consentedAt ?? null,
			consentTextVersion: consent?.consentTextVersion ?? null,
			withdrawnAt: consent?.withdrawnAt ?? null,
			outdated: consented && consent!.consentTextVersion !== CONSENT_TEXT_VERSION
		};
	});
}

const input = z.object({ tenantId: z.uuid({ error: 'error_not_found' }) });

/** Gives (or renews, to the current text) the consent for one tenant. */
export async function givePublicationConsent(ctx: Ctx, raw: unknown): Promise<void> {
	const actor = ctx.actor;
	if (!actor) throw new NotFoundError();
	const parsed = input.safeParse(raw);
	if (!parsed.success) throw new NotFoundError();
	const { tenantId } = parsed.data;
	if (!(await myTenantIds(ctx)).includes(tenantId)) throw new NotFoundError();
	await ctx.db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(personPublications)
			.where(
				and(eq(personPublications.tenantId, tenantId), eq(personPublications.userId, actor.userId))
			)
			.for('update');
		const now = new Date();
		const values = {
			consentedAt: now,
			consentTextVersion: CONSENT_TEXT_VERSION,
			withdrawnAt: null,
			updatedAt: now
		};
		const [after] = before
			? await tx
					.update(personPublications)
					.set(values)
					.where(
						and(
							eq(personPublications.tenantId, tenantId),
							eq(personPublications.userId, actor.userId)
						)
					)
					.returning()
			: await tx
					.insert(personPublications)
					.values({ tenantId, userId: actor.userId, ...values })
					.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'person_publication.consent',
			entityType: 'person_publication',
			entityId: actor.userId,
			before: before ?? null,
			after
		});
	});
}

/** Withdraws the consent: from now on the person is no longer shown (OParl: deleted). */
export async function withdrawPublicationConsent(ctx: Ctx, raw: unknown): Promise<void> {
	const actor = ctx.actor;
	if (!actor) throw new NotFoundError();
	const parsed = input.safeParse(raw);
	if (!parsed.success) throw new NotFoundError();
	const { tenantId } = parsed.data;
	await ctx.db.transaction(async (tx) => {
		const where = and(
			eq(personPublications.tenantId, tenantId),
			eq(personPublications.userId, actor.userId)
		);
		const [before] = await tx.select().from(personPublications).where(where).for('update');
		if (!before) throw new NotFoundError();
		if (before.withdrawnAt) throw new ValidationError({ form: 'oparl_consent_already_withdrawn' });
		const now = new Date();
		const [after] = await tx
			.update(personPublications)
			.set({ withdrawnAt: now, updatedAt: now })
			.where(where)
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'person_publication.withdraw',
			entityType: 'person_publication',
			entityId: actor.userId,
			before,
			after
		});
	});
}
