import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { idColumn, createdAtColumn, optionalRefColumn } from '../db/columns';
import { tenants } from '../tenants/schema';

export interface MailPayload {
	to: string;
	subject: string;
	text: string;
	html?: string;
	attachments?: { filename: string; content: string; contentType: string }[];
}

/**
 * Transactional outbox: a row is written in the same transaction as the change that causes
 * the mail; the worker claims rows with FOR UPDATE SKIP LOCKED and delivers them.
 */
export const outbox = pgTable(
	'outbox',
	{
		id: idColumn(),
		tenantId: optionalRefColumn('tenant_id', () => tenants.id),
		kind: text('kind', { enum: ['mail'] })
			.notNull()
			.default('mail'),
		payload: jsonb('payload').$type<MailPayload>().notNull(),
		/** pending → sending → sent | failed (after the last retry) */
		status: text('status', { enum: ['pending', 'sending', 'sent', 'failed'] })
			.notNull()
			.default('pending'),
		attempts: integer('attempts').notNull().default(0),
		runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
		lockedAt: timestamp('locked_at', { withTimezone: true }),
		lastError: text('last_error'),
		/** "smtp" or "mailbox" (kept for the dev mailbox) */
		transport: text('transport'),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		createdAt: createdAtColumn()
	},
	(t) => [
		index('outbox_due_idx').on(t.status, t.runAt),
		index('outbox_created_idx').on(t.createdAt)
	]
);
export type OutboxRow = typeof outbox.$inferSelect;
