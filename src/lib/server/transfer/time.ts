/** Dates and times in CSV files are local to the tenants: Europe/Berlin. */

import { berlinDateOf, berlinTimeOf, fromBerlinLocal } from '../shared';

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-04 18:00" in Berlin time. */
export function formatBerlinDateTime(d: Date | null | undefined): string {
	if (!d) return '';
	return `${berlinDateOf(d)} ${berlinTimeOf(d)}`;
}

function validDay(y: number, m: number, d: number): boolean {
	const date = new Date(Date.UTC(y, m - 1, d));
	return (
		y >= 1900 &&
		y <= 2200 &&
		date.getUTCFullYear() === y &&
		date.getUTCMonth() === m - 1 &&
		date.getUTCDate() === d
	);
}

/** "2026-03-04" or "04.03.2026" → "2026-03-04"; null if it is no real day. */
export function parseDay(value: string): string | null {
	let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
	let y: number, mo: number, d: number;
	if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	else {
		m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
		if (!m) return null;
		[y, mo, d] = [Number(m[3]), Number(m[2]), Number(m[1])];
	}
	return validDay(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
}

/**
 * "2026-03-04 18:00", "2026-03-04T18:00" or "04.03.2026 18:00" (Berlin time) → instant; a day
 * alone means midnight. Null when malformed.
 */
export function parseBerlinDateTime(value: string): Date | null {
	const m = /^(\S+?)(?:[ T](\d{1,2}):(\d{2}))?$/.exec(value.trim());
	if (!m) return null;
	const day = parseDay(m[1]);
	if (!day) return null;
	const hour = m[2] === undefined ? 0 : Number(m[2]);
	const minute = m[3] === undefined ? 0 : Number(m[3]);
	if (hour > 23 || minute > 59) return null;
	const [y, mo, d] = day.split('-').map(Number);
	return fromBerlinLocal(y, mo, d, hour, minute);
}
