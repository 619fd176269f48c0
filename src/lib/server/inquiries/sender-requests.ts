/**
 * A message sender's data-protection request, answered by the coordinator (Art. 15 and 17): the
 * sender has no account, so the coordinator looks up the e-mail address the messages came from.
 * Only this tenant's messages; internal notes are staff's working notes and stay out of the
 * access file (they go with the erasure all the same).
 */
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { recordAudit } from '../audit/record';
import { isChecked, parseOrThrow } from '../shared';
import { outbox } from '../mail/schema';
import { inquiries, inquiryEntries } from './schema';
import { purgeInquiries } from './retention';

const senderInput = z.object({
	email: z
		.string()
		.trim()
		.toLowerCase()
		.pipe(z.email({ error: 'privacy_sender_email_invalid' }).max(254))
});

/** The tenant's messages from the address that still hold personal data. */
function fromSender(tenantId: string, email: string) {
	return and(
		eq(inquiries.tenantId, tenantId),
		eq(sql`lower(${inquiries.email})`, email),
		isNull(inquiries.purgedAt)
	);
}

export interface SenderMessages {
	email: string;
	messages: Record<string, unknown>[];
	/** replies to the sender and the sender's follow-ups, by message reference */
	entries: Record<string, unknown>[];
}

/** The access file's content for the address (coordinator only). */
export async function senderMessages(ctx: TenantCtx, raw: unknown): Promise<SenderMessages> {
	authorize(ctx.actor, 'privacy.manage', { tenantId: ctx.tenant.id });
	const { email } = parseOrThrow(senderInput, raw);
	const messages = await ctx.db
		.select({
			id: inquiries.id,
			reference: inquiries.reference,
			kind: inquiries.kind,
			subject: inquiries.subject,
			body: inquiries.body,
			name: inquiries.name,
			email: inquiries.email,
			locale: inquiries.locale,
			consentVersion: inquiries.consentVersion,
			consentAt: inquiries.consentAt,
			state: inquiries.state,
			createdAt: inquiries.createdAt,
			answeredAt: inquiries.answeredAt,
			closedAt: inquiries.closedAt
		})
		.from(inquiries)
		.where(fromSender(ctx.tenant.id, email))
		.orderBy(asc(inquiries.createdAt));
	const ids = messages.map((row) => row.id);
	const entries =
		ids.length === 0
			? []
			: await ctx.db
					.select({
						reference: inquiries.reference,
						kind: inquiryEntries.kind,
						body: inquiryEntries.body,
						shownAs: inquiryEntries.authorLabel,
						createdAt: inquiryEntries.createdAt
					})
					.from(inquiryEntries)
					.innerJoin(inquiries, eq(inquiries.id, inquiryEntries.inquiryId))
					.where(
						and(
							eq(inquiryEntries.tenantId, ctx.tenant.id),
							inArray(inquiryEntries.inquiryId, ids),
							ne(inquiryEntries.kind, 'note')
						)
					)
					.orderBy(asc(inquiryEntries.createdAt));
	return {
		email,
		messages: messages.map(({ id: _id, ...row }) => row),
		entries
	};
}

/**
 * Erases the personal data of the tenant's messages from the address as the retention purge
 * does (kind, state and dates stay for the statistics) and drops mails still waiting for it.
 * The audit entry records the count, never the address. Returns the number of messages.
 */
export async function eraseSenderMessages(ctx: TenantCtx, raw: unknown): Promise<number> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'privacy.manage', { tenantId });
	const { email } = parseOrThrow(
		senderInput.extend({
			confirm: z.literal(true, { error: 'privacy_erasure_confirm_required' })
		}),
		{
			...(raw as object),
			confirm: isChecked((raw as { confirm?: unknown })?.confirm) ? true : undefined
		}
	);
	return ctx.db.transaction(async (tx) => {
		const rows = await tx
			.select({ id: inquiries.id })
			.from(inquiries)
			.where(fromSender(tenantId, email))
			.for('update');
		await purgeInquiries(
			tx,
			rows.map((row) => row.id)
		);
		await tx
			.delete(outbox)
			.where(and(eq(outbox.tenantId, tenantId), eq(sql`lower(${outbox.payload}->>'to')`, email)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'inquiry.sender_erase',
			entityType: 'inquiry',
			after: { messages: rows.length }
		});
		return rows.length;
	});
}
