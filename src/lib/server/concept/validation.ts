import { z } from 'zod';
import { TARGET_GROUPS } from '../offers/vocabulary';
import { MEASURE_LINK_KINDS, STATE_CATEGORIES } from './schema';
import { INDICATOR_DIRECTIONS, INDICATOR_LEVELS } from './indicator-schema';
import { parseGermanNumber } from './statcsv';

// Error messages are message keys from messages/concept/*.json; the routes translate them.

const blank = (v: unknown) =>
	v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v;
const optionalText = (max: number, key = 'concept_error_too_long') =>
	z.preprocess(blank, z.string().trim().max(max, { error: key }).optional());
const requiredText = (max: number, key: string) =>
	z
		.string({ error: key })
		.trim()
		.min(1, { error: key })
		.max(max, { error: 'concept_error_too_long' });
const day = (key: string) =>
	z.preprocess(
		blank,
		z
			.string()
			.regex(/^\d{4}-\d{2}-\d{2}$/, { error: key })
			.refine((s) => !Number.isNaN(Date.parse(s)), { error: key })
			.optional()
	);
/** a list from a multi-select (string or string[]) */
const list = <T extends z.ZodType>(item: T) =>
	z.preprocess(
		(v) =>
			v === undefined || v === null || v === ''
				? []
				: Array.isArray(v)
					? v.filter((x) => x !== '')
					: [v],
		z.array(item)
	);
/**
 * A number from a form field typed in German or plain notation: undefined when blank, NaN when
 * it is no number, also for what no form sends (objects, lists: `String()` of a crafted object
 * can throw).
 */
function numberFromInput(v: unknown): number | undefined {
	if (blank(v) === undefined) return undefined;
	if (typeof v === 'number') return v;
	if (typeof v !== 'string') return Number.NaN;
	const n = parseGermanNumber(v);
	return n === null ? Number.NaN : n;
}
/** a number typed in German or plain notation */
export const germanNumber = (key: string) =>
	z.preprocess(numberFromInput, z.number({ error: key }).finite({ error: key }).optional());
const percent = (key: string) =>
	z.preprocess(
		(v) =>
			blank(v) === undefined
				? undefined
				: typeof v === 'string' || typeof v === 'number'
					? Number(v)
					: Number.NaN,
		z
			.number({ error: key })
			.int({ error: key })
			.min(0, { error: key })
			.max(100, { error: key })
			.optional()
	);
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

/** A use case's input: the form values plus the ids from the URL as named fields. */
export type Input = Record<string, unknown>;

/** The concept's use cases import it from here. */
export { parseOrThrow } from '../shared';

export const editionInput = z.object({
	title: requiredText(200, 'concept_error_title_required'),
	leitbild: optionalText(20000)
});

export const adoptInput = z.object({
	adoptedOn: z.preprocess(
		blank,
		z
			.string({ error: 'concept_error_date_required' })
			.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'concept_error_date_required' })
	),
	adoptedBy: requiredText(200, 'concept_error_adopted_by_required')
});

export const guidelineInput = z.object({
	title: requiredText(500, 'concept_error_title_required'),
	explanation: optionalText(5000)
});

export const guidingQuestionInput = z.object({
	guidelineId: z.uuid({ error: 'concept_error_guideline_invalid' }),
	bodyId: z.uuid({ error: 'concept_error_body_invalid' }),
	question: requiredText(1000, 'concept_error_question_required')
});

export const goalInput = z.object({
	fieldOfActionId: z.uuid({ error: 'concept_error_field_required' }),
	title: requiredText(500, 'concept_error_title_required'),
	description: optionalText(5000)
});

export const measureInput = z
	.object({
		goalId: z.uuid({ error: 'concept_error_goal_required' }),
		title: requiredText(300, 'concept_error_title_required'),
		description: optionalText(10000),
		responsibleOrganizationIds: list(z.uuid({ error: 'concept_error_organization_invalid' })),
		bodyId: z.preprocess(blank, z.uuid({ error: 'concept_error_body_invalid' }).optional()),
		partners: optionalText(2000),
		targetGroups: list(z.enum(TARGET_GROUPS, { error: 'concept_error_target_group_invalid' })),
		municipalityIds: list(z.uuid({ error: 'concept_error_municipality_invalid' })),
		startDate: day('concept_error_date_invalid'),
		endDate: day('concept_error_date_invalid'),
		costEuro: z.preprocess(
			numberFromInput,
			z
				.number({ error: 'concept_error_cost_invalid' })
				.int({ error: 'concept_error_cost_invalid' })
				.min(0, { error: 'concept_error_cost_invalid' })
				.max(1_000_000_000, { error: 'concept_error_cost_invalid' })
				.optional()
		),
		funding: optionalText(2000),
		stateId: z.uuid({ error: 'concept_error_state_required' }),
		progressOverride: percent('concept_error_progress_invalid'),
		isPublic: checkbox
	})
	.refine((m) => !m.startDate || !m.endDate || m.endDate >= m.startDate, {
		path: ['endDate'],
		error: 'concept_error_end_before_start'
	});
export type MeasureData = z.output<typeof measureInput>;

export const stateChangeInput = z.object({
	stateId: z.uuid({ error: 'concept_error_state_required' }),
	progressOverride: percent('concept_error_progress_invalid'),
	note: optionalText(1000)
});

export const milestoneInput = z.object({
	title: requiredText(300, 'concept_error_title_required'),
	dueDate: z.preprocess(
		blank,
		z
			.string({ error: 'concept_error_date_required' })
			.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'concept_error_date_required' })
	)
});

export const linkInput = z
	.object({
		kind: z.enum(MEASURE_LINK_KINDS, { error: 'concept_error_link_kind' }),
		targetId: z.preprocess(blank, z.uuid({ error: 'concept_error_link_target' }).optional()),
		label: optionalText(300),
		url: z.preprocess(
			blank,
			z.url({ protocol: /^https?$/, error: 'concept_error_link_url' }).optional()
		)
	})
	.refine((l) => (l.kind === 'url' ? !!l.url : !!l.targetId), {
		path: ['targetId'],
		error: 'concept_error_link_target'
	});

export const stateInput = z.object({
	name: requiredText(100, 'concept_error_name_required'),
	category: z.enum(STATE_CATEGORIES, { error: 'concept_error_category_invalid' }),
	progress: percent('concept_error_progress_invalid')
});

export const indicatorInput = z
	.object({
		name: requiredText(300, 'concept_error_name_required'),
		definition: optionalText(3000),
		numerator: optionalText(1000),
		denominator: optionalText(1000),
		unit: requiredText(50, 'concept_error_unit_required'),
		source: optionalText(1000),
		direction: z.enum(INDICATOR_DIRECTIONS, { error: 'concept_error_direction_required' }),
		level: z.preprocess(
			blank,
			z.enum(INDICATOR_LEVELS, { error: 'concept_error_level_invalid' }).default('tenant')
		),
		baselineValue: germanNumber('concept_error_number_invalid'),
		baselineDate: day('concept_error_date_invalid'),
		targetValue: germanNumber('concept_error_number_invalid'),
		targetDate: day('concept_error_date_invalid'),
		isPublic: checkbox,
		goalIds: list(z.uuid({ error: 'concept_error_goal_required' }))
	})
	.refine((i) => (i.targetValue === undefined) === (i.targetDate === undefined), {
		path: ['targetDate'],
		error: 'concept_error_target_incomplete'
	})
	.refine((i) => (i.baselineValue === undefined) === (i.baselineDate === undefined), {
		path: ['baselineDate'],
		error: 'concept_error_baseline_incomplete'
	});
export type IndicatorData = z.output<typeof indicatorInput>;

export const valueInput = z
	.object({
		date: z.preprocess(
			blank,
			z
				.string({ error: 'concept_error_date_required' })
				.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'concept_error_date_required' })
		),
		value: z.preprocess(
			numberFromInput,
			z
				.number({ error: 'concept_error_value_required' })
				.finite({ error: 'concept_error_value_required' })
		),
		municipalityId: z.preprocess(
			blank,
			z.uuid({ error: 'concept_error_municipality_invalid' }).optional()
		),
		sourceNote: optionalText(1000),
		breakdownDimension: optionalText(100),
		breakdownCategory: optionalText(100)
	})
	.refine((v) => !!v.breakdownDimension === !!v.breakdownCategory, {
		path: ['breakdownCategory'],
		error: 'concept_import_error_breakdown'
	});

export const roundInput = z.object({
	title: requiredText(200, 'concept_error_title_required'),
	bodyId: z.preprocess(blank, z.uuid({ error: 'concept_error_body_invalid' }).optional()),
	pointsPerMember: z.preprocess(
		(v) =>
			blank(v) === undefined
				? undefined
				: typeof v === 'string' || typeof v === 'number'
					? Number(v)
					: Number.NaN,
		z
			.number({ error: 'concept_error_points_invalid' })
			.int({ error: 'concept_error_points_invalid' })
			.min(1, { error: 'concept_error_points_invalid' })
			.max(100, { error: 'concept_error_points_invalid' })
	)
});

export { STATE_CATEGORIES } from './schema';
