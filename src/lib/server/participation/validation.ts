import { z } from 'zod';
import { SPOKEN_LANGUAGES, TARGET_GROUPS } from '../offers/vocabulary';
import {
	berlinInstant,
	blankOptional,
	blankOptionalText,
	blankToUndefined,
	isChecked,
	isIsoDate
} from '../shared';
import { CONTRIBUTION_STATUSES, PHASE_KINDS, PROCESS_STATUSES } from './schema';

// Error messages are message keys from messages/participation/*.json; the routes translate them.

const checkbox = z.preprocess(isChecked, z.boolean());
/** A form sends one value or several under the same name. */
const list = <T extends z.ZodType>(schema: T) =>
	z.preprocess(
		(v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
		z.array(schema)
	);

export const processInput = z.object({
	title: z
		.string({ error: 'participation_error_title_required' })
		.trim()
		.min(1, { error: 'participation_error_title_required' })
		.max(200, { error: 'participation_error_title_too_long' }),
	purpose: blankOptionalText(5000, 'participation_error_text_too_long'),
	status: z.preprocess(
		blankToUndefined,
		z.enum(PROCESS_STATUSES, { error: 'participation_error_status_invalid' }).default('draft')
	),
	allowAnonymous: checkbox,
	resultsIntro: blankOptionalText(10000, 'participation_error_text_too_long'),
	fieldIds: list(z.uuid({ error: 'participation_error_field_invalid' })).pipe(
		z.array(z.string()).max(50)
	)
});
export type ProcessData = z.output<typeof processInput>;

const day = (key: string) => z.string({ error: key }).trim().refine(isIsoDate, { error: key });

export const phaseInput = z
	.object({
		kind: z.enum(PHASE_KINDS, { error: 'participation_error_phase_kind_required' }),
		title: blankOptionalText(200, 'participation_error_title_too_long'),
		startsOn: day('participation_error_date_invalid'),
		endsOn: day('participation_error_date_invalid')
	})
	.refine((p) => p.endsOn >= p.startsOn, {
		path: ['endsOn'],
		error: 'participation_error_end_before_start'
	});
export type PhaseData = z.output<typeof phaseInput>;

const berlinDateTime = (key: string) =>
	z
		.string({ error: key })
		.trim()
		.transform((v, c) => {
			// a datetime-local field: YYYY-MM-DDTHH:MM (seconds ignored), Berlin wall-clock time
			const m = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)(?::\d{2})?$/.exec(v);
			if (!m || !isIsoDate(m[1])) {
				c.addIssue({ code: 'custom', message: key });
				return z.NEVER;
			}
			return berlinInstant(m[1], `${m[2]}:${m[3]}`);
		});

export const dialogueInput = z
	.object({
		title: z
			.string({ error: 'participation_error_title_required' })
			.trim()
			.min(1, { error: 'participation_error_title_required' })
			.max(200, { error: 'participation_error_title_too_long' }),
		description: blankOptionalText(5000, 'participation_error_text_too_long'),
		targetGroup: z.enum(TARGET_GROUPS, { error: 'participation_error_target_group_required' }),
		startsAt: berlinDateTime('participation_error_datetime_invalid'),
		endsAt: blankOptional(berlinDateTime('participation_error_datetime_invalid')),
		place: blankOptionalText(500, 'participation_error_place_too_long'),
		languages: list(z.enum(SPOKEN_LANGUAGES, { error: 'participation_error_language_invalid' })),
		accessibilityNote: blankOptionalText(1000, 'participation_error_text_too_long'),
		registrationEnabled: checkbox,
		capacity: blankOptional(
			z.coerce
				.number({ error: 'participation_error_capacity_invalid' })
				.int({ error: 'participation_error_capacity_invalid' })
				.min(1, { error: 'participation_error_capacity_invalid' })
				.max(100000, { error: 'participation_error_capacity_invalid' })
		)
	})
	.refine((d) => !d.endsAt || d.endsAt > d.startsAt, {
		path: ['endsAt'],
		error: 'participation_error_end_before_start'
	});
export type DialogueData = z.output<typeof dialogueInput>;

export const registrationInput = z.object({
	name: z
		.string({ error: 'participation_error_name_required' })
		.trim()
		.min(1, { error: 'participation_error_name_required' })
		.max(200, { error: 'participation_error_name_too_long' }),
	email: z
		.string({ error: 'participation_error_email_invalid' })
		.trim()
		.toLowerCase()
		.pipe(z.email({ error: 'participation_error_email_invalid' }).max(254))
});

const contributionText = z
	.string({ error: 'participation_error_body_required' })
	.trim()
	.min(1, { error: 'participation_error_body_required' })
	.max(2000, { error: 'participation_error_body_too_long' });

/** Where a contribution comes from: target group, municipality, dialogue, language. */
const contributionContext = {
	targetGroup: blankOptional(
		z.enum(TARGET_GROUPS, { error: 'participation_error_target_group_invalid' })
	),
	municipalityId: blankOptional(z.uuid({ error: 'participation_error_municipality_invalid' })),
	dialogueId: blankOptional(z.uuid({ error: 'participation_error_dialogue_invalid' })),
	language: z.preprocess(
		blankToUndefined,
		z.enum(SPOKEN_LANGUAGES, { error: 'participation_error_language_invalid' }).default('de')
	)
};

/** What a participant writes online. */
export const contributionInput = z.object({
	body: contributionText,
	fieldOfActionId: z.uuid({ error: 'participation_error_field_required' }),
	...contributionContext,
	authorName: blankOptionalText(100, 'participation_error_name_too_long')
});
export type ContributionData = z.output<typeof contributionInput>;

/** Staff enter the cards of an offline event: one contribution per line. */
export const offlineInput = z.object({
	lines: z
		.string({ error: 'participation_error_lines_required' })
		.transform((v) =>
			v
				.split(/\r?\n/)
				.map((l) => l.replace(/^\s*[-•*·Ø]\s*/, '').trim())
				.filter((l) => l !== '')
		)
		.pipe(
			z
				.array(z.string().max(2000, { error: 'participation_error_line_too_long' }))
				.min(1, { error: 'participation_error_lines_required' })
				.max(300, { error: 'participation_error_too_many_lines' })
		),
	fieldOfActionId: blankOptional(z.uuid({ error: 'participation_error_field_invalid' })),
	...contributionContext
});

export const commentInput = z.object({
	body: z
		.string({ error: 'participation_error_comment_required' })
		.trim()
		.min(1, { error: 'participation_error_comment_required' })
		.max(1000, { error: 'participation_error_comment_too_long' }),
	authorName: blankOptionalText(100, 'participation_error_name_too_long')
});

export const reasonInput = z
	.string({ error: 'participation_error_reason_required' })
	.trim()
	.min(1, { error: 'participation_error_reason_required' })
	.max(500, { error: 'participation_error_reason_too_long' });

export const recommendationInput = z.object({
	title: z
		.string({ error: 'participation_error_title_required' })
		.trim()
		.min(1, { error: 'participation_error_title_required' })
		.max(300, { error: 'participation_error_title_too_long' }),
	body: blankOptionalText(5000, 'participation_error_text_too_long'),
	fieldOfActionId: blankOptional(z.uuid({ error: 'participation_error_field_invalid' })),
	position: z.preprocess(
		blankToUndefined,
		z.coerce
			.number({ error: 'participation_error_position_invalid' })
			.int({ error: 'participation_error_position_invalid' })
			.min(0, { error: 'participation_error_position_invalid' })
			.max(10000, { error: 'participation_error_position_invalid' })
			.default(0)
	),
	contributionIds: list(z.uuid({ error: 'participation_error_contribution_invalid' })).pipe(
		z.array(z.string()).max(500)
	)
});
export type RecommendationData = z.output<typeof recommendationInput>;

export const outcomeInput = z.object({
	kind: z.enum(['adopted', 'rejected', 'none'], { error: 'participation_error_outcome_invalid' }),
	note: blankOptionalText(2000, 'participation_error_text_too_long')
});

/** The filters of the staff's contribution list, from the query string; bad values are ignored. */
export const contributionFilter = z.object({
	status: z.enum(CONTRIBUTION_STATUSES).optional().catch(undefined),
	feld: z.uuid().optional().catch(undefined),
	dialog: z.uuid().optional().catch(undefined)
});
