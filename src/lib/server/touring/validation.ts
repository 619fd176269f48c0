import { z } from 'zod';
import {
	optionalBerlinDateTime,
	optionalText,
	requiredBerlinDateTime,
	requiredText
} from '../shared';
import { TOURING_PROJECT_STATUSES } from './schema';

/** An optional text that may also be left out of the input altogether. */
const maybeText = (max: number, key: string) =>
	z.preprocess((v) => v ?? '', optionalText(max, key));

export const projectInput = z.object({
	title: requiredText(200, 'tour_error_title_required', 'org_error_name_too_long'),
	description: maybeText(5000, 'org_error_description_too_long'),
	status: z.enum(TOURING_PROJECT_STATUSES, { error: 'tour_error_status' }).default('draft')
});

const timeRange = <T extends { startsAt: Date | null; endsAt: Date | null }>(
	v: T,
	c: z.RefinementCtx
) => {
	if (v.startsAt && v.endsAt && v.endsAt <= v.startsAt)
		c.addIssue({ code: 'custom', path: ['endsAt'], message: 'tour_error_end_before_start' });
};

/** A dated stop as the district enters or confirms it. */
export const stopInput = z
	.object({
		place: requiredText(300, 'tour_error_place_required', 'org_error_text_too_long'),
		startsAt: requiredBerlinDateTime('tour_error_start_required', 'tour_error_datetime_invalid'),
		endsAt: optionalBerlinDateTime('tour_error_datetime_invalid')
	})
	.superRefine(timeRange);

/** A municipality's request for a stop: the place, a wished time (optional) and a note. */
export const requestInput = z
	.object({
		place: requiredText(300, 'tour_error_place_required', 'org_error_text_too_long'),
		startsAt: optionalBerlinDateTime('tour_error_datetime_invalid'),
		endsAt: optionalBerlinDateTime('tour_error_datetime_invalid'),
		requestNote: maybeText(2000, 'org_error_text_too_long')
	})
	.superRefine(timeRange);
