import { z } from 'zod';
import { BODY_KINDS, BODY_VISIBILITIES, CADENCE_KINDS, MEMBERSHIP_ROLES } from './schema';
import { berlinToday, isIsoDate } from '../shared';

/** What pages need of the schema's choices (routes do not import schema files). */
export { BODY_KINDS, BODY_VISIBILITIES, CADENCE_KINDS, MEMBERSHIP_ROLES };
export type { BodyKind, BodyVisibility, MembershipRole } from './schema';

// Error messages are message keys from messages/bodies/*.json; the routes translate them.

/** An empty form field means "not set". */
const blankToUndefined = (v: unknown) =>
	typeof v === 'string' && v.trim() === '' ? undefined : v === null ? undefined : v;

const optionalText = (max: number, key: string) =>
	z.preprocess(blankToUndefined, z.string().trim().max(max, { error: key }).optional());

const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess(blankToUndefined, schema.optional());

/** A whole number from a form field ("6"), with one message for anything else. */
const int = (min: number, max: number, key: string) =>
	z.preprocess(
		(v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
		z.number({ error: key }).int({ error: key }).min(min, { error: key }).max(max, { error: key })
	);

/** A checkbox: "on"/"true"/"1" is yes, missing or anything else is no. */
const checkbox = z.preprocess(
	(v) => v === true || v === 'on' || v === 'true' || v === '1' || v === 'yes',
	z.boolean()
);

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
		shortName: optionalText(60, 'bodies_error_short_name_too_long'),
		description: optionalText(5000, 'bodies_error_description_too_long'),
		fieldOfActionId: optional(z.uuid({ error: 'bodies_error_field_invalid' })),
		guidingQuestions: optionalText(5000, 'bodies_error_questions_too_long'),
		visibility: z.enum(BODY_VISIBILITIES, { error: 'bodies_error_visibility_required' }),
		cadenceKind: z.preprocess(
			blankToUndefined,
			z.enum(CADENCE_KINDS, { error: 'bodies_error_cadence_invalid' }).default('none')
		),
		cadenceMinWeeks: optional(int(1, 52, 'bodies_error_min_weeks_invalid')),
		cadenceMaxWeeks: optional(int(1, 52, 'bodies_error_max_weeks_invalid')),
		preferredWeekday: optional(int(1, 7, 'bodies_error_weekday_invalid')),
		preferredTime: optional(
			z
				.string()
				.trim()
				.regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { error: 'bodies_error_time_invalid' })
		),
		durationMinutes: z.preprocess(
			blankToUndefined,
			int(15, 720, 'bodies_error_duration_invalid').default(120)
		),
		defaultLocation: optionalText(500, 'bodies_error_location_too_long'),
		rotateHost: checkbox,
		reminderDays: optional(int(0, 60, 'bodies_error_reminder_invalid'))
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
		organizationId: optional(z.uuid({ error: 'bodies_error_organization_invalid' })),
		startDate: z.preprocess(blankToUndefined, isoDate('bodies_error_start_invalid').optional()),
		endDate: optional(isoDate('bodies_error_end_invalid'))
	})
	.superRefine((v, ctx) => {
		if (v.startDate && v.endDate && v.endDate < v.startDate)
			ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'bodies_error_end_before_start' });
	});
export type MembershipData = z.output<typeof membershipInput>;

/** Changing a membership: its role and the organisation the person represents. */
export const membershipChangeInput = z.object({
	role: z.enum(MEMBERSHIP_ROLES, { error: 'bodies_error_role_required' }),
	organizationId: optional(z.uuid({ error: 'bodies_error_organization_invalid' }))
});

/** Ending a membership: its last day (today when not given). */
export const membershipEndInput = z.object({
	endDate: z.preprocess(blankToUndefined, isoDate('bodies_error_end_invalid').optional())
});

/** A member asks to join a body. */
export const joinRequestInput = z.object({
	message: optionalText(2000, 'bodies_error_message_too_long'),
	organizationId: optional(z.uuid({ error: 'bodies_error_organization_invalid' }))
});

/** An organisation willing to host the body's meetings. */
export const hostInput = z.object({
	organizationId: z.uuid({ error: 'bodies_error_host_required' }),
	location: optionalText(500, 'bodies_error_location_too_long')
});

export const BODIES_PAGE_SIZE = 50;

/** Filters of the bodies list, read from the query string; bad values are ignored. */
export const bodyFilter = z.object({
	kind: z.enum(BODY_KINDS).optional().catch(undefined),
	archived: z
		.preprocess((v) => v === '1' || v === 'on' || v === 'true', z.boolean())
		.catch(false)
		.default(false),
	page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1)
});
export type BodyFilter = z.infer<typeof bodyFilter>;
