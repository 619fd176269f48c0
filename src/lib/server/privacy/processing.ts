/**
 * The record of processing activities (Art. 30 GDPR) a coordinator sees for their network: what
 * the platform stores, why, on which legal basis, how long (texts in messages, keyed by the
 * activity), and the retention jobs with their periods from retention.ts.
 */
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { retentionDays } from '../inquiries/retention';
import { RETENTION_JOBS, type RetentionJob } from './retention';

export const PROCESSING_ACTIVITIES = [
	'accounts',
	'sessions',
	'throttles',
	'inquiries',
	'participation',
	'bodies',
	'contacts',
	'audit',
	'mails'
] as const;
export type ProcessingActivity = (typeof PROCESSING_ACTIVITIES)[number];

export interface ProcessingRecord {
	activities: readonly ProcessingActivity[];
	jobs: { key: RetentionJob['key']; days: number; perTenant: boolean }[];
}

export async function processingRecord(ctx: TenantCtx): Promise<ProcessingRecord> {
	authorize(ctx.actor, 'privacy.manage', { tenantId: ctx.tenant.id });
	const tenantDays = await retentionDays(ctx);
	return {
		activities: PROCESSING_ACTIVITIES,
		jobs: RETENTION_JOBS.map((job) => ({
			key: job.key,
			days: job.perTenant ? tenantDays : job.days,
			perTenant: job.perTenant
		}))
	};
}
