import { m } from '$lib/paraglide/messages';
import type { ProcessingActivity } from '$lib/server/privacy/processing';
import type { RetentionJob } from '$lib/server/privacy/retention';

type Texts = { what: string; purpose: string; basis: string; retention: string };

/** The record of processing's texts of one activity (typed, so no activity goes unlabelled). */
const ACTIVITY_TEXTS: Record<ProcessingActivity, () => Texts> = {
	accounts: () => ({
		what: m.privacy_processing_accounts_what(),
		purpose: m.privacy_processing_accounts_purpose(),
		basis: m.privacy_processing_accounts_basis(),
		retention: m.privacy_processing_accounts_retention()
	}),
	sessions: () => ({
		what: m.privacy_processing_sessions_what(),
		purpose: m.privacy_processing_sessions_purpose(),
		basis: m.privacy_processing_sessions_basis(),
		retention: m.privacy_processing_sessions_retention()
	}),
	throttles: () => ({
		what: m.privacy_processing_throttles_what(),
		purpose: m.privacy_processing_throttles_purpose(),
		basis: m.privacy_processing_throttles_basis(),
		retention: m.privacy_processing_throttles_retention()
	}),
	inquiries: () => ({
		what: m.privacy_processing_inquiries_what(),
		purpose: m.privacy_processing_inquiries_purpose(),
		basis: m.privacy_processing_inquiries_basis(),
		retention: m.privacy_processing_inquiries_retention()
	}),
	participation: () => ({
		what: m.privacy_processing_participation_what(),
		purpose: m.privacy_processing_participation_purpose(),
		basis: m.privacy_processing_participation_basis(),
		retention: m.privacy_processing_participation_retention()
	}),
	bodies: () => ({
		what: m.privacy_processing_bodies_what(),
		purpose: m.privacy_processing_bodies_purpose(),
		basis: m.privacy_processing_bodies_basis(),
		retention: m.privacy_processing_bodies_retention()
	}),
	contacts: () => ({
		what: m.privacy_processing_contacts_what(),
		purpose: m.privacy_processing_contacts_purpose(),
		basis: m.privacy_processing_contacts_basis(),
		retention: m.privacy_processing_contacts_retention()
	}),
	audit: () => ({
		what: m.privacy_processing_audit_what(),
		purpose: m.privacy_processing_audit_purpose(),
		basis: m.privacy_processing_audit_basis(),
		retention: m.privacy_processing_audit_retention()
	}),
	mails: () => ({
		what: m.privacy_processing_mails_what(),
		purpose: m.privacy_processing_mails_purpose(),
		basis: m.privacy_processing_mails_basis(),
		retention: m.privacy_processing_mails_retention()
	})
};

export function processingTexts(activity: ProcessingActivity): Texts {
	return ACTIVITY_TEXTS[activity]();
}

const JOB_LABELS: Record<RetentionJob['key'], () => string> = {
	sessions: () => m.privacy_job_sessions(),
	sign_in_attempts: () => m.privacy_job_sign_in_attempts(),
	sign_in_throttles: () => m.privacy_job_sign_in_throttles(),
	redeemed_challenges: () => m.privacy_job_redeemed_challenges(),
	inquiries: () => m.privacy_job_inquiries(),
	outbox: () => m.privacy_job_outbox()
};

export function jobLabel(key: RetentionJob['key']): string {
	return JOB_LABELS[key]();
}
