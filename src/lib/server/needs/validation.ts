import { z } from 'zod';
import { SPOKEN_LANGUAGES, TARGET_GROUPS } from '../offers/vocabulary';

// Error messages are message keys from messages/needs/*.json; the routes translate them.

export const NEED_SOURCE_KINDS = [
	'working_group',
	'dialogue',
	'inquiry',
	'statistics',
	'counselling',
	'other'
] as const;
export type NeedSourceKind = (typeof NEED_SOURCE_KINDS)[number];

export const NEED_URGENCIES = ['low', 'medium', 'high'] as const;
export type NeedUrgency = (typeof NEED_URGENCIES)[number];

export const NEED_STATUSES = ['open', 'covered', 'closed'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/** An empty form field means "not set". */
const blankToUndefined = (v: unknown) =>
	typeof v === 'string' && v.trim() === '' ? undefined : v === null ? undefined : v;

const optionalText = (max: number, key: string) =>
	z.preprocess(blankToUndefined, z.string().trim().max(max, { error: key }).optional());

const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess(blankToUndefined, schema.optional());

/** One schema for the form action, the use case and a later JSON API. */
export const needInput = z.object({
	title: z
		.string({ error: 'needs_error_title_required' })
		.trim()
		.min(1, { error: 'needs_error_title_required' })
		.max(200, { error: 'needs_error_title_too_long' }),
	description: optionalText(5000, 'needs_error_description_too_long'),
	fieldOfActionId: optional(z.uuid({ error: 'needs_error_field_invalid' })),
	targetGroup: optional(z.enum(TARGET_GROUPS, { error: 'needs_error_target_group_invalid' })),
	language: optional(z.enum(SPOKEN_LANGUAGES, { error: 'needs_error_language_invalid' })),
	municipalityId: optional(z.uuid({ error: 'needs_error_municipality_invalid' })),
	sourceKind: z.enum(NEED_SOURCE_KINDS, { error: 'needs_error_source_required' }),
	sourceNote: optionalText(1000, 'needs_error_source_note_too_long'),
	urgency: z.preprocess(
		blankToUndefined,
		z.enum(NEED_URGENCIES, { error: 'needs_error_urgency_invalid' }).default('medium')
	),
	status: z.preprocess(
		blankToUndefined,
		z.enum(NEED_STATUSES, { error: 'needs_error_status_invalid' }).default('open')
	)
});
export type NeedInput = z.input<typeof needInput>;
export type NeedData = z.output<typeof needInput>;

export const NEEDS_PAGE_SIZE = 25;

/** Filters of the needs list, read from the query string; bad values are ignored. */
export const needFilter = z.object({
	status: z.enum(NEED_STATUSES).optional().catch(undefined),
	field: z.uuid().optional().catch(undefined),
	urgency: z.enum(NEED_URGENCIES).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1)
});
export type NeedFilter = z.infer<typeof needFilter>;
