import { z } from 'zod';
import { INQUIRY_KINDS, INQUIRY_STATES } from './schema';

export { INQUIRY_KINDS, INQUIRY_STATES };
import { blankOptionalText, blankToUndefined, isIsoDate } from '../shared';

// Error messages are message keys from messages/inquiries/*.json; the routes translate them.

/**
 * The version of the privacy notice shown at the form (message inquiries_privacy_notice).
 * Change it whenever that text changes: every message records the version its sender agreed to.
 */
export const INQUIRY_CONSENT_VERSION = '2026-11-01';

export const DEFAULT_RETENTION_DAYS = 180;
export const INQUIRIES_PAGE_SIZE = 25;

/** The public form. */
export const inquiryInput = z.object({
	kind: z.enum(INQUIRY_KINDS, { error: 'inquiries_error_kind_required' }),
	subject: blankOptionalText(200, 'inquiries_error_subject_too_long'),
	body: z
		.string({ error: 'inquiries_error_body_required' })
		.trim()
		.min(1, { error: 'inquiries_error_body_required' })
		.max(5000, { error: 'inquiries_error_body_too_long' }),
	name: blankOptionalText(200, 'inquiries_error_name_too_long'),
	email: z.preprocess(
		(v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().toLowerCase()) : v),
		z.email({ error: 'inquiries_error_email_invalid' }).max(254).optional()
	),
	consent: z.literal(['on', 'true', 'yes', true], { error: 'inquiries_error_consent_required' })
});
export type InquiryData = z.output<typeof inquiryInput>;

export const followupInput = z.object({
	body: z
		.string({ error: 'inquiries_error_body_required' })
		.trim()
		.min(1, { error: 'inquiries_error_body_required' })
		.max(5000, { error: 'inquiries_error_body_too_long' })
});

export const entryInput = z.object({
	body: z
		.string({ error: 'inquiries_error_text_required' })
		.trim()
		.min(1, { error: 'inquiries_error_text_required' })
		.max(10000, { error: 'inquiries_error_text_too_long' })
});

export const templateInput = z.object({
	title: z
		.string({ error: 'inquiries_error_title_required' })
		.trim()
		.min(1, { error: 'inquiries_error_title_required' })
		.max(200, { error: 'inquiries_error_title_too_long' }),
	body: z
		.string({ error: 'inquiries_error_text_required' })
		.trim()
		.min(1, { error: 'inquiries_error_text_required' })
		.max(10000, { error: 'inquiries_error_text_too_long' })
});

export const stateInput = z.enum(INQUIRY_STATES, { error: 'inquiries_error_state_invalid' });

export const dueInput = z.preprocess(
	blankToUndefined,
	z.string().refine(isIsoDate, { error: 'inquiries_error_due_invalid' }).optional()
);

/** Filters of the inbox, read from the query string; bad values are ignored. */
export const inboxFilter = z.object({
	state: z
		.enum([...INQUIRY_STATES, 'open'])
		.optional()
		.catch(undefined),
	kind: z.enum(INQUIRY_KINDS).optional().catch(undefined),
	assignee: z
		.union([z.literal('me'), z.literal('none'), z.uuid()])
		.optional()
		.catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1)
});
export type InboxFilter = z.infer<typeof inboxFilter>;

/** Reference numbers: A-<year>-<6 characters without look-alikes>. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newReference(now: Date, random: (n: number) => Uint8Array): string {
	const bytes = random(6);
	let code = '';
	for (const b of bytes) code += ALPHABET[b % ALPHABET.length];
	return `A-${now.getUTCFullYear()}-${code}`;
}
