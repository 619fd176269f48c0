import { eq, sql } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { tenants } from '../tenants/schema';
import { rowsOf, type Executor } from '../db/client';
import { DEFAULT_RETENTION_DAYS } from './validation';

/**
 * Deletes the personal data of closed citizens' messages once the tenant's retention period
 * (settings.inquiryRetentionDays, default 180 days after closing) has passed: name, e-mail,
 * subject, text and the status link go, and so do the thread (replies, notes, follow-ups) and
 * the sent mails to the sender.
 * Kind, state and dates stay for the anonymous statistics. Runs in the hourly maintenance.
 * Returns the number of messages purged.
 */
export async function purgeExpiredInquiries(db: Executor, now: Date = new Date()): Promise<number> {
	const at = now.toISOString();
	return db.transaction(async (tx) => {
		const due = await tx.execute(sql`
			SELECT i.id FROM inquiries i JOIN tenants t ON t.id = i.tenant_id
			WHERE i.state = 'closed' AND i.purged_at IS NULL AND i.closed_at IS NOT NULL
			  AND i.closed_at <= ${at}::timestamptz - make_interval(days => COALESCE(
			    CASE WHEN (t.settings->>'inquiryRetentionDays') ~ '^[0-9]{1,5}$'
			         THEN (t.settings->>'inquiryRetentionDays')::int END, ${DEFAULT_RETENTION_DAYS}))
			FOR UPDATE OF i`);
		const rows = rowsOf<{ id: string }>(due);
		if (rows.length === 0) return 0;
		const ids = rows.map((r) => r.id);
		await purgeInquiries(tx, ids, now);
		return ids.length;
	});
}

/**
 * Removes the personal data of the given messages (ids checked by the caller): name, e-mail,
 * subject, text, the status link, the thread and the sent mails to the sender. Kind, state and
 * dates stay for the anonymous statistics. Used by the retention purge and by erasure.
 */
export async function purgeInquiries(tx: Executor, ids: string[], now: Date = new Date()) {
	if (ids.length === 0) return;
	const at = now.toISOString();
	const list = sql.join(
		ids.map((id) => sql`${id}::uuid`),
		sql`, `
	);
	await tx.execute(sql`DELETE FROM inquiry_entries WHERE inquiry_id IN (${list})`);
	// the mails to the sender (acknowledgement, answers) carry the same personal data; their
	// subjects name the reference number
	await tx.execute(sql`
			DELETE FROM outbox o USING inquiries i
			WHERE i.id IN (${list}) AND o.tenant_id = i.tenant_id
			  AND o.status IN ('sent', 'failed')
			  AND strpos(o.payload->>'subject', i.reference) > 0`);
	await tx.execute(sql`
			UPDATE inquiries SET name = NULL, email = NULL, subject = NULL, body = NULL,
			  status_token_hash = NULL, purged_at = ${at}::timestamptz, updated_at = ${at}::timestamptz
			WHERE id IN (${list})`);
}

/** How many days after closing the tenant keeps a message's personal data (for the form's notice). */
export async function retentionDays(ctx: TenantCtx): Promise<number> {
	const [row] = await ctx.db
		.select({ settings: tenants.settings })
		.from(tenants)
		.where(eq(tenants.id, ctx.tenant.id));
	return row?.settings.inquiryRetentionDays ?? DEFAULT_RETENTION_DAYS;
}
