import { z } from 'zod';
import { blankOptional, optionalText, requiredText } from '../shared/forms';
import { optionalBerlinDateTime } from '../shared/berlin-datetime';
import { isUuid } from '../shared/ids';

export const NEWS_TITLE_MAX = 200;
export const NEWS_SUMMARY_MAX = 500;
export const NEWS_BODY_MAX = 50_000;
export const NEWS_ALT_MAX = 300;

export const newsInputSchema = z
	.object({
		title: requiredText(NEWS_TITLE_MAX, 'news_error_title_required', 'news_error_title_too_long'),
		summary: optionalText(NEWS_SUMMARY_MAX, 'news_error_summary_too_long').default(''),
		body: requiredText(NEWS_BODY_MAX, 'news_error_body_required', 'news_error_body_too_long'),
		imageAlt: optionalText(NEWS_ALT_MAX, 'news_error_alt_too_long').default(''),
		organizationId: blankOptional(
			z.string().refine((v) => isUuid(v), { error: 'news_error_organization' })
		),
		publishAt: optionalBerlinDateTime('news_error_datetime'),
		unpublishAt: optionalBerlinDateTime('news_error_datetime')
	})
	.superRefine((v, c) => {
		if (v.publishAt && v.unpublishAt && v.unpublishAt <= v.publishAt)
			c.addIssue({ code: 'custom', path: ['unpublishAt'], message: 'news_error_window' });
	});

export type NewsInput = z.input<typeof newsInputSchema>;
