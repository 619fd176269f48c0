/** The forms of the status report: a new report, the coordinator's notes. */
import { z } from 'zod';

const isoDate = z
	.string({ error: 'papers_error_period' })
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'papers_error_period' })
	.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), { error: 'papers_error_period' });

export const reportInput = z
	.object({
		title: z
			.string({ error: 'papers_error_report_title' })
			.trim()
			.min(1, { error: 'papers_error_report_title' })
			.max(200, { error: 'papers_error_report_title' }),
		periodStart: isoDate,
		periodEnd: isoDate,
		bodyId: z.preprocess(
			(v) => (v === '' || v == null ? undefined : v),
			z.uuid({ error: 'papers_error_body_invalid' }).optional()
		)
	})
	.refine(
		(r) =>
			r.periodEnd >= r.periodStart &&
			Date.parse(r.periodEnd) - Date.parse(r.periodStart) <= 2 * 366 * 86_400_000,
		{ error: 'papers_error_period', path: ['periodEnd'] }
	);

export const notesInput = z.object({
	introduction: z.string().max(20_000, { error: 'papers_error_remarks_too_long' }).default(''),
	remarks: z.record(z.string(), z.string().max(20_000, { error: 'papers_error_remarks_too_long' }))
});

/** The half-year before `today`: 1 Jan–30 Jun or 1 Jul–31 Dec of the last completed half. */
export function lastHalfYear(today = new Date()): { start: string; end: string; label: string } {
	const y = today.getUTCFullYear();
	if (today.getUTCMonth() < 6)
		return { start: `${y - 1}-07-01`, end: `${y - 1}-12-31`, label: `2. Halbjahr ${y - 1}` };
	return { start: `${y}-01-01`, end: `${y}-06-30`, label: `1. Halbjahr ${y}` };
}
