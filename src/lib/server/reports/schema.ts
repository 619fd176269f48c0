import { sql } from 'drizzle-orm';
import {
	check,
	date,
	index,
	integer,
	jsonb,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { timestampColumns, requiredRefColumn, optionalRefColumn } from '../db/columns';
import { tenantTable } from '../tenants/schema';
import { userRefColumn } from '../auth/schema';
import { bodies } from '../bodies/schema';
import { papers } from '../papers/schema';

export const STATUS_REPORT_STATES = ['draft', 'frozen'] as const;

/** Sachstandsbericht for a period; sections come from live data until a version is frozen. */
export const statusReports = tenantTable(
	'status_reports',
	{
		title: text('title').notNull(),
		periodStart: date('period_start').notNull(),
		periodEnd: date('period_end').notNull(),
		/** the body the report is for (the steering group) */
		bodyId: optionalRefColumn('body_id', () => bodies.id),
		introduction: text('introduction').notNull().default(''),
		/** remarks per section key: { [sectionKey]: string } */
		remarks: jsonb('remarks').notNull().default({}),
		state: text('state', { enum: STATUS_REPORT_STATES }).notNull().default('draft'),
		/** the paper of type "report" created when the first version is frozen */
		paperId: optionalRefColumn('paper_id', () => papers.id),
		createdBy: userRefColumn('created_by'),
		...timestampColumns()
	},
	(t) => [
		index('status_reports_tenant_idx').on(t.tenantId, t.periodEnd),
		check('status_reports_period', sql`${t.periodEnd} >= ${t.periodStart}`)
	]
);
export type StatusReport = typeof statusReports.$inferSelect;

/** Frozen versions: the rendered document (JSON) that never changes afterwards. */
export const statusReportVersions = tenantTable(
	'status_report_versions',
	{
		reportId: requiredRefColumn('report_id', () => statusReports.id),
		version: integer('version').notNull(),
		content: jsonb('content').notNull(),
		frozenBy: userRefColumn('frozen_by'),
		frozenAt: timestamp('frozen_at', { withTimezone: true }).notNull().defaultNow(),
		...timestampColumns()
	},
	(t) => [uniqueIndex('status_report_versions_key').on(t.reportId, t.version)]
);
