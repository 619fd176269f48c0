import { z } from 'zod';
import { optionalText, requiredText } from '../shared/forms';
import { optionalBerlinDateTime, requiredBerlinDateTime } from '../shared/berlin-datetime';

export const eventInputSchema = z
	.object({
		title: requiredText(200, 'events_error_title_required', 'events_error_title_too_long'),
		description: optionalText(5000, 'events_error_text_too_long').default(''),
		place: optionalText(300, 'events_error_text_too_long').default(''),
		registrationNote: optionalText(1000, 'events_error_text_too_long').default(''),
		startsAt: requiredBerlinDateTime('events_error_start_required', 'events_error_datetime'),
		endsAt: optionalBerlinDateTime('events_error_datetime'),
		published: z.boolean().default(false)
	})
	.superRefine((v, c) => {
		if (v.endsAt && v.endsAt <= v.startsAt)
			c.addIssue({ code: 'custom', path: ['endsAt'], message: 'events_error_end_before_start' });
	});

export type EventInput = z.input<typeof eventInputSchema>;
