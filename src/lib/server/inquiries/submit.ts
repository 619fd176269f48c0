import { randomBytes } from 'node:crypto';
import { publicMailLocale } from '../mail/compose';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { NotFoundError } from '../errors';
import { recordAudit } from '../audit/record';
import { enqueueMail } from '../mail/enqueue';
import { hashToken, newToken } from '../auth/tokens';
import { inquiries, inquiryEntries, type InquiryKind, type InquiryState } from './schema';
import { followupInput, INQUIRY_CONSENT_VERSION, inquiryInput, newReference } from './validation';
import { passSpamChecks, takeFromLimit } from './spam';
import { acknowledgementMail } from './mails';
import { addMonths, berlinToday, parseOrThrow } from '../shared';

/** Messages per client address and hour, per tenant. */
export const INQUIRY_LIMIT = { max: 5, windowSeconds: 60 * 60 };
/** Follow-ups per client address and hour. */
export const FOLLOWUP_LIMIT = { max: 10, windowSeconds: 60 * 60 };

export function statusPath(tenantSlug: string, token: string): string {
	return `/${tenantSlug}/anliegen/status/${token}`;
}

/**
 * A visitor sends a question, wish, suggestion or complaint through the public form. No account
 * needed. Spam checks first (honeypot, time, proof of work), then the fields, then the rate
 * limit per address. Returns the reference number and the private status link's token.
 */
export async function submitInquiry(
	ctx: TenantCtx,
	input: Record<string, unknown>,
	now: Date = new Date()
): Promise<{ id: string; reference: string; token: string }> {
	const tenant = ctx.tenant;
	// messages go to public tenants only
	if (!tenant.isPublic) throw new NotFoundError();
	// everybody, staff too: the form always carries the challenge
	const spam = passSpamChecks(ctx, input, now, { everybody: true });
	const parsed = parseOrThrow(inquiryInput, input);
	const data = parsed;
	await takeFromLimit(ctx.db, `inquiry:${tenant.id}`, ctx.ip, INQUIRY_LIMIT);
	const token = newToken();
	return ctx.db.transaction(async (tx) => {
		await spam.redeem(tx);
		let row: typeof inquiries.$inferSelect | undefined;
		for (let attempt = 0; !row; attempt++) {
			const reference = newReference(now, (n) => randomBytes(n));
			const clash = await tx
				.select({ id: inquiries.id })
				.from(inquiries)
				.where(and(eq(inquiries.tenantId, tenant.id), eq(inquiries.reference, reference)));
			if (clash.length > 0 && attempt < 5) continue;
			[row] = await tx
				.insert(inquiries)
				.values({
					tenantId: tenant.id,
					reference,
					kind: data.kind,
					subject: data.subject ?? null,
					body: data.body,
					name: data.name ?? null,
					email: data.email ?? null,
					locale: ctx.locale,
					consentVersion: INQUIRY_CONSENT_VERSION,
					consentAt: now,
					statusTokenHash: hashToken(token),
					proofOfWork: spam.proofOfWork,
					// accessibility feedback must be answered within a month (BITV 2.0 § 7)
					dueOn: data.kind === 'accessibility' ? addMonths(berlinToday(now), 1) : null,
					createdAt: now,
					updatedAt: now
				})
				.returning();
		}
		// No personal data in the audit log: it would outlive the retention period.
		await recordAudit(tx, ctx, {
			tenantId: tenant.id,
			action: 'inquiry.submit',
			entityType: 'inquiry',
			entityId: row.id,
			after: { name: row.reference, kind: row.kind, consentVersion: row.consentVersion }
		});
		if (row.email) {
			await enqueueMail(
				tx,
				tenant.id,
				acknowledgementMail({
					to: row.email,
					name: row.name,
					tenantName: tenant.name,
					reference: row.reference,
					link: `${ctx.origin}${statusPath(tenant.slug, token)}`,
					locale: publicMailLocale(ctx.locale)
				})
			);
		}
		return { id: row.id, reference: row.reference, token };
	});
}

/** What the sender sees behind the status link. */
export interface InquiryStatusView {
	reference: string;
	kind: InquiryKind;
	state: InquiryState;
	subject: string | null;
	body: string | null;
	createdAt: Date;
	/** replies and the sender's own follow-ups; internal notes never */
	entries: { kind: 'reply' | 'followup'; body: string; author: string | null; createdAt: Date }[];
}

async function byToken(ctx: TenantCtx, token: unknown) {
	if (typeof token !== 'string' || token.length < 20 || token.length > 100) return null;
	const tenantId = ctx.tenant.id;
	const [row] = await ctx.db
		.select()
		.from(inquiries)
		.where(
			and(
				eq(inquiries.tenantId, tenantId),
				eq(inquiries.statusTokenHash, hashToken(token)),
				isNull(inquiries.purgedAt)
			)
		);
	return row ?? null;
}

/** The state of a message for the holder of its status link; NotFoundError for a wrong link. */
export async function getInquiryStatus(
	ctx: TenantCtx,
	input: { token: string }
): Promise<InquiryStatusView> {
	const tenantId = ctx.tenant.id;
	const row = await byToken(ctx, input.token);
	if (!row) throw new NotFoundError();
	const entries = await ctx.db
		.select()
		.from(inquiryEntries)
		.where(
			and(
				eq(inquiryEntries.tenantId, tenantId),
				eq(inquiryEntries.inquiryId, row.id),
				inArray(inquiryEntries.kind, ['reply', 'followup'])
			)
		)
		.orderBy(asc(inquiryEntries.createdAt));
	return {
		reference: row.reference,
		kind: row.kind,
		state: row.state,
		subject: row.subject,
		body: row.body,
		createdAt: row.createdAt,
		entries: entries.map((e) => ({
			kind: e.kind as 'reply' | 'followup',
			body: e.body,
			author: e.kind === 'reply' ? e.authorLabel : null,
			createdAt: e.createdAt
		}))
	};
}

/** The sender adds to the message behind the status link; an answered or closed one reopens. */
export async function addFollowup(
	ctx: TenantCtx,
	input: { token: string; body?: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	const row = await byToken(ctx, input.token);
	if (!row) throw new NotFoundError();
	const parsed = parseOrThrow(followupInput, { body: input.body });
	await takeFromLimit(ctx.db, `inquiry-followup:${tenantId}`, ctx.ip, FOLLOWUP_LIMIT);
	await ctx.db.transaction(async (tx) => {
		const [entry] = await tx
			.insert(inquiryEntries)
			.values({ tenantId, inquiryId: row.id, kind: 'followup', body: parsed.body })
			.returning({ id: inquiryEntries.id });
		const reopen = row.state === 'answered' || row.state === 'closed';
		await tx
			.update(inquiries)
			.set({
				updatedAt: new Date(),
				...(reopen ? { state: 'in_progress' as const, closedAt: null } : {})
			})
			.where(and(eq(inquiries.tenantId, tenantId), eq(inquiries.id, row.id)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'inquiry.followup',
			entityType: 'inquiry',
			entityId: row.id,
			before: { name: row.reference, state: row.state },
			after: { name: row.reference, state: reopen ? 'in_progress' : row.state, entryId: entry.id }
		});
	});
}
