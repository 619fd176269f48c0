/** Berlin wall-clock date and time as an HTML `datetime-local` value ("YYYY-MM-DDTHH:MM"). */
import { z } from 'zod';
import { berlinWallParts, fromBerlinLocal } from './dates';
import { blankToUndefined } from './forms';

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/;

/** The instant of a `datetime-local` value read as Berlin time, or null if it is none. */
export function parseBerlinDateTime(value: string): Date | null {
	const m = LOCAL_RE.exec(value.trim());
	if (!m) return null;
	const [y, mo, d, h, mi] = m.slice(1).map(Number);
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
	const date = fromBerlinLocal(y, mo, d, h, mi);
	// 31 February and friends roll over: refuse them
	if (berlinWallParts(date).day !== String(d).padStart(2, '0')) return null;
	return date;
}

/** The `datetime-local` value of an instant in Berlin time. */
export function toBerlinDateTime(instant: Date | null | undefined): string {
	if (!instant) return '';
	const p = berlinWallParts(instant);
	return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** A form field with a Berlin date and time; blank is null. */
export const optionalBerlinDateTime = (key: string) =>
	z.preprocess(
		blankToUndefined,
		z
			.string()
			.transform((v, c) => {
				const d = parseBerlinDateTime(v);
				if (!d) {
					c.addIssue({ code: 'custom', message: key });
					return z.NEVER;
				}
				return d;
			})
			.optional()
			.transform((v) => v ?? null)
	);

/** A required Berlin date and time. */
export const requiredBerlinDateTime = (requiredKey: string, invalidKey: string) =>
	z
		.string({ error: requiredKey })
		.trim()
		.min(1, { error: requiredKey })
		.transform((v, c) => {
			const d = parseBerlinDateTime(v);
			if (!d) {
				c.addIssue({ code: 'custom', message: invalidKey });
				return z.NEVER;
			}
			return d;
		});
