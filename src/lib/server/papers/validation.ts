import { z } from 'zod';
import { CONSULTATION_RESULTS, CONSULTATION_ROLES, PAPER_VISIBILITIES } from './schema';

// Error messages are message keys from messages/papers/*.json; the routes translate them.

const blankToUndefined = (v: unknown) =>
	typeof v === 'string' && v.trim() === '' ? undefined : v === null ? undefined : v;
const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess(blankToUndefined, schema.optional());
const toList = (v: unknown) =>
	Array.isArray(v) ? v.filter((x) => x !== '') : typeof v === 'string' && v !== '' ? [v] : [];

const isoDate = z
	.string({ error: 'papers_error_date_invalid' })
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'papers_error_date_invalid' })
	.refine(
		(s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && s >= '1990-01-01' && s <= '2999-12-31',
		{
			error: 'papers_error_date_invalid'
		}
	);

/** One schema for the form action, the use case and the demo. */
export const paperInput = z.object({
	type: z
		.string({ error: 'papers_error_type_invalid' })
		.trim()
		.min(1, { error: 'papers_error_type_invalid' }),
	title: z
		.string({ error: 'papers_error_title_required' })
		.trim()
		.min(1, { error: 'papers_error_title_required' })
		.max(300, { error: 'papers_error_title_too_long' }),
	text: z.preprocess(
		(v) => (v == null ? '' : v),
		z.string().max(100_000, { error: 'papers_error_text_too_long' })
	),
	date: isoDate,
	originatingBodyId: optional(z.uuid({ error: 'papers_error_body_invalid' })),
	addressedBodyId: optional(z.uuid({ error: 'papers_error_body_invalid' })),
	visibility: z.preprocess(
		blankToUndefined,
		z.enum(PAPER_VISIBILITIES, { error: 'papers_error_visibility_invalid' }).default('network')
	),
	authorIds: z.preprocess(
		toList,
		z.array(z.uuid({ error: 'papers_error_author_invalid' })).max(20)
	),
	/** authors without an account, one per line */
	authorNames: z.preprocess(
		(v) =>
			typeof v === 'string'
				? v
						.split('\n')
						.map((s) => s.trim())
						.filter(Boolean)
				: toList(v),
		z.array(z.string().max(200, { error: 'papers_error_author_invalid' })).max(20)
	),
	parentPaperId: optional(z.uuid({ error: 'papers_error_parent_invalid' }))
});
export type PaperInput = z.input<typeof paperInput>;
export type PaperData = z.output<typeof paperInput>;

export const scheduleInput = z.object({
	meetingId: z.uuid({ error: 'papers_error_meeting_required' }),
	role: z.preprocess(
		blankToUndefined,
		z.enum(CONSULTATION_ROLES, { error: 'papers_error_role_invalid' }).default('decision')
	)
});

export const instructionInput = z.object({
	bodyId: z.uuid({ error: 'papers_error_instruction_body' }),
	organizationId: optional(z.uuid({ error: 'papers_error_instruction_org' })),
	text: z
		.string({ error: 'papers_error_instruction_text' })
		.trim()
		.min(1, { error: 'papers_error_instruction_text' })
		.max(2000, { error: 'papers_error_instruction_text' }),
	dueDate: optional(isoDate)
});
export type InstructionData = z.output<typeof instructionInput>;

export const resultInput = z.object({
	result: z.enum(CONSULTATION_RESULTS, { error: 'papers_error_result_invalid' }),
	resultText: z.preprocess(
		blankToUndefined,
		z.string().trim().max(20_000, { error: 'papers_error_text_too_long' }).optional()
	),
	instructions: z.array(instructionInput).max(20).default([])
});
export type ResultInput = z.input<typeof resultInput>;

export const commentInput = z.object({
	bodyId: z.uuid({ error: 'papers_error_body_invalid' }),
	text: z
		.string({ error: 'papers_error_comment_required' })
		.trim()
		.min(1, { error: 'papers_error_comment_required' })
		.max(5000, { error: 'papers_error_comment_too_long' })
});

export const PAPERS_PAGE_SIZE = 25;

export const paperFilter = z.object({
	state: z
		.string()
		.regex(/^[a-z][a-z0-9_]{0,39}$/)
		.optional()
		.catch(undefined),
	type: z
		.string()
		.regex(/^[a-z][a-z0-9_]{0,39}$/)
		.optional()
		.catch(undefined),
	body: z.uuid().optional().catch(undefined),
	q: z.string().trim().max(100).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1)
});
export type PaperFilter = z.infer<typeof paperFilter>;

/** "NNN/YYYY" with at least three digits, e.g. "007/2025", "144/2009". */
export function formatReference(number: number, year: number): string {
	return `${String(number).padStart(3, '0')}/${year}`;
}
