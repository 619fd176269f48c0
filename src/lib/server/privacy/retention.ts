/**
 * Every retention job the platform runs, with its period, in one place: the maintenance loop
 * (runtime.ts) runs exactly this list, and the record of processing (/app/<tenant>/datenschutz/
 * verarbeitung) shows it. A new purge job goes here, not into the loop.
 */
import type { Db } from '../db/client';
import { deleteExpiredSessions, SESSION_DAYS } from '../auth/sessions';
import { pruneAttempts } from '../auth/rate-limit';
import { pruneThrottles, SIGN_IN_THROTTLE } from '../auth/throttle';
import { purgeExpiredInquiries } from '../inquiries/retention';
import { DEFAULT_RETENTION_DAYS } from '../inquiries/validation';
import { MAX_FORM_AGE_SECONDS, purgeRedeemedChallenges } from '../inquiries/spam';
import { OUTBOX_RETENTION_DAYS, purgeDeliveredMails } from '../mail/retention';

const DAY_SECONDS = 24 * 60 * 60;

export interface RetentionJob {
	/** also the message key suffix of its label (privacy_job_<key>) */
	key:
		| 'sessions'
		| 'sign_in_attempts'
		| 'sign_in_throttles'
		| 'redeemed_challenges'
		| 'inquiries'
		| 'outbox';
	/** the period in days after which the data goes */
	days: number;
	/** whether a tenant sets its own period (then `days` is the default) */
	perTenant: boolean;
	/** how many rows it removed (or nothing when the job does not count) */
	run: (db: Db) => Promise<number | void>;
}

export const RETENTION_JOBS: readonly RetentionJob[] = [
	// sessions end SESSION_DAYS after their last extension and are deleted then
	{ key: 'sessions', days: SESSION_DAYS, perTenant: false, run: deleteExpiredSessions },
	// failed sign-in attempts (rate limit of the password reset and invitations)
	{ key: 'sign_in_attempts', days: 1, perTenant: false, run: pruneAttempts },
	// sign-in throttling keys (account address and client address) quiet for a day
	{
		key: 'sign_in_throttles',
		days: SIGN_IN_THROTTLE.resetSeconds / DAY_SECONDS,
		perTenant: false,
		run: pruneThrottles
	},
	// single-use spam challenges of the public forms, forgotten once they have expired anyway
	{
		key: 'redeemed_challenges',
		days: MAX_FORM_AGE_SECONDS / DAY_SECONDS,
		perTenant: false,
		run: purgeRedeemedChallenges
	},
	// citizens' messages: personal data deleted the tenant's period after closing
	{ key: 'inquiries', days: DEFAULT_RETENTION_DAYS, perTenant: true, run: purgeExpiredInquiries },
	// mails (their texts hold names, addresses and personal links) once sent or given up on
	{ key: 'outbox', days: OUTBOX_RETENTION_DAYS, perTenant: false, run: purgeDeliveredMails }
];

/** Runs every job; one failing job does not stop the others. Returns the counts by job. */
export async function runRetentionJobs(
	db: Db
): Promise<{ counts: Partial<Record<RetentionJob['key'], number>>; errors: unknown[] }> {
	const counts: Partial<Record<RetentionJob['key'], number>> = {};
	const errors: unknown[] = [];
	for (const job of RETENTION_JOBS) {
		try {
			const n = await job.run(db);
			if (typeof n === 'number') counts[job.key] = n;
		} catch (err) {
			errors.push(err);
		}
	}
	return { counts, errors };
}
