import { z } from 'zod';
import { BODY_KINDS, BODY_VISIBILITIES, CADENCE_KINDS, MEMBERSHIP_ROLES } from './schema';
import {
	berlinToday,
	blankOptional,
	blankOptionalText,
	blankToUndefined,
	isChecked,
	isIsoDate
} from '../shared';

/** What pages need of the schema's choices (routes do not import schema files). */
export { BODY_KINDS, BODY_VISIBILITIES, CADENCE_KINDS, MEMBERSHIP_ROLES };
export type { BodyKind, BodyVisibility, MembershipRole } from './schema';

// Error messages are message keys from messages/bodies/*.json; the routes translate them.

/** A whole number from a form field ("6"), with one message for anything else. */
const int = (min: number, max: number, key: string) =>
	z.preprocess(
		(v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
		z.number({ error: key }).int({ error: key }).min(min, { error: key }).max(max, { error: key })
	);

/** A checkbox: ticked (see isChecked) or "yes" is yes, missing or anything else is no. */
const checkbox = z.preprocess((v) => isChecked(v) || v === 'yes', z.boolean());

const isoDate = (key: string) => z.string({ error: key }).trim().refine(isIsoDate, { error: key });

/**
 * The first day of a membership that starts "today": the Berlin calendar day, the same day the
 * membership rule (./membership-rule.ts) compares with, so it counts at once, also just after
 * midnight in Berlin.
 */
export function defaultStartDate(now: Date = new Date()): string {
	return berlinToday(now);
}

/** The body form: what the body is, who sees it, and its meeting series. */
export const bodyInput = z
	.object({
		kind: z.enum(BODY_KINDS, { error: 'bodies_error_kind_required' }),
		name: z
			.string({ error: 'bodies_error_name_required' })
			.trim()
			.min(1, { error: 'bodies_error_name_required' })
			.max(200, { error: 'bodies_error_name_too_long' }),
		shortName: blankOptionalText(60, 'bodies_error_short_name_too_long'),
		description: blankOptionalText(5000, 'bodies_error_description_too_long'),
		fieldOfActionId: blankOptional(z.uuid({ error: 'bodies_error_field_invalid' })),
		guidingQuestions: blankOptionalText(5000, 'bodies_error_questions_too_long'),
		visibility: z.enum(BODY_VISIBILITIES, { error: 'bodies_error_visibility_required' }),
		cadenceKind: z.preprocess(
			blankToUndefined,
			z.enum(CADENCE_KINDS, { error: 'bodies_error_cadence_invalid' }).default('none')
		),
		cadenceMinWeeks: blankOptional(int(1, 52, 'bodies_error_min_weeks_invalid')),
		cadenceMaxWeeks: blankOptional(int(1, 52, 'bodies_error_max_weeks_invalid')),
		preferredWeekday: blankOptional(int(1, 7, 'bodies_error_weekday_invalid')),
		preferredTime: blankOptional(
			z
				.string()
				.trim()
				.regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { error: 'bodies_error_time_invalid' })
		),
		durationMinutes: z.preprocess(
			blankToUndefined,
			int(15, 720, 'bodies_error_duration_invalid').default(120)
		),
		defaultLocation: blankOptionalText(500, 'bodies_error_location_too_long'),
		rotateHost: checkbox,
		reminderDays: blankOptional(int(0, 60, 'bodies_error_reminder_invalid'))
	})
	.superRefine((v, ctx) => {
		if (v.cadenceKind !== 'weeks') return;
		if (v.cadenceMinWeeks === undefined)
			ctx.addIssue({
				code: 'custom',
				path: ['cadenceMinWeeks'],
				message: 'bodies_error_min_weeks_required'
			});
		if (v.cadenceMaxWeeks === undefined)
			ctx.addIssue({
				code: 'custom',
				path: ['cadenceMaxWeeks'],
				message: 'bodies_error_max_weeks_required'
			});
		if (
			v.cadenceMinWeeks !== undefined &&
			v.cadenceMaxWeeks !== undefined &&
			v.cadenceMaxWeeks < v.cadenceMinWeeks
		)
			ctx.addIssue({
				code: 'custom',
				path: ['cadenceMaxWeeks'],
				message: 'bodies_error_max_below_min'
			});
	});
export type BodyInput = z.input<typeof bodyInput>;
export type BodyData = z.output<typeof bodyInput>;

/** A coordinator adds a person to a body. */
export const membershipInput = z
	.object({
		userId: z.uuid({ error: 'bodies_error_person_required' }),
		role: z.enum(MEMBERSHIP_ROLES, { error: 'bodies_error_role_required' }),
		organizationId: blankOptional(z.uuid({ error: 'bodies_error_organization_invalid' })),
		startDate: z.preprocess(blankToUndefined, isoDate('bodies_error_start_invalid').optional()),
		endDate: blankOptional(isoDate('bodies_error_end_invalid'))
	})
	.superRefine((v, ctx) => {
		if (v.startDate && v.endDate && v.endDate < v.startDate)
			ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'bodies_error_end_before_start' });
	});
export type MembershipData = z.output<typeof membershipInput>;

/** Changing a membership: its role and the organisation the person represents. */
export const membershipChangeInput = z.object({
	role: z.enum(MEMBERSHIP_ROLES, { error: 'bodies_error_role_required' }),
	organizationId: blankOptional(z.uuid({ error: 'bodies_error_organization_invalid' }))
});

/** Ending a membership: its last day (today when not given). */
export const membershipEndInput = z.object({
	endDate: z.preprocess(blankToUndefined, isoDate('bodies_error_end_invalid').optional())
});

/** A member asks to join a body. */
export const joinRequestInput = z.object({
	message: blankOptionalText(2000, 'bodies_error_message_too_long'),
	organizationId: blankOptional(z.uuid({ error: 'bodies_error_organization_invalid' }))
});

/** An organisation willing to host the body's meetings. */
export const hostInput = z.object({
	organizationId: z.uuid({ error: 'bodies_error_host_required' }),
	location: blankOptionalText(500, 'bodies_error_location_too_long')
});

export const BODIES_PAGE_SIZE = 50;

/** Filters of the bodies list, read from the query string; bad values are ignored. */
export const bodyFilter = z.object({
	kind: z.enum(BODY_KINDS).optional().catch(undefined),
	archived: z.preprocess(isChecked, z.boolean()).catch(false).default(false),
	page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1)
});
export type BodyFilter = z.infer<typeof bodyFilter>;
