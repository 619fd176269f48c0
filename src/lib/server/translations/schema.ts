import { index, integer, text, timestamp } from 'drizzle-orm/pg-core';
import { timestampColumns } from '../db/columns';
import { tenantTable } from '../tenants/schema';
import { userRefColumn } from '../auth/schema';

/**
 * A background job that machine-translates every missing text of one language in a tenant
 * (translations/job.ts). Its progress lives here, so a restarted app picks it up again.
 */
export const translationJobs = tenantTable(
	'translation_jobs',
	{
		locale: text('locale').notNull(),
		/** pending → running → done | failed (a failed job can be started again) */
		status: text('status', { enum: ['pending', 'running', 'done', 'failed'] })
			.notNull()
			.default('pending'),
		/** texts missing when the job started */
		total: integer('total').notNull().default(0),
		/** texts translated so far */
		done: integer('done').notNull().default(0),
		lastError: text('last_error'),
		lockedAt: timestamp('locked_at', { withTimezone: true }),
		startedBy: userRefColumn('started_by'),
		...timestampColumns()
	},
	(t) => [index('translation_jobs_status_idx').on(t.status, t.createdAt)]
);
export type TranslationJob = typeof translationJobs.$inferSelect;
