/** Dates and times in CSV files are local to the tenants: Europe/Berlin. */

const TZ = 'Europe/Berlin';

const parts = new Intl.DateTimeFormat('en-GB', {
	timeZone: TZ,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

function berlinParts(d: Date) {
	const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
	return {
		year: Number(p.year),
		month: Number(p.month),
		day: Number(p.day),
		hour: Number(p.hour),
		minute: Number(p.minute),
		second: Number(p.second)
	};
}

/** Minutes Berlin is ahead of UTC at that instant (60 or 120). */
function offsetMinutes(d: Date): number {
	const p = berlinParts(d);
	const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
	return Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60_000);
}

/** The instant of a wall-clock time in Berlin. */
export function berlinTime(year: number, month: number, day: number, hour = 0, minute = 0): Date {
	const guess = Date.UTC(year, month - 1, day, hour, minute);
	let result = new Date(guess - offsetMinutes(new Date(guess)) * 60_000);
	// Near a change of daylight saving time the first guess can be an hour off.
	result = new Date(guess - offsetMinutes(result) * 60_000);
	return result;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-04 18:00" in Berlin time. */
export function formatBerlinDateTime(d: Date | null | undefined): string {
	if (!d) return '';
	const p = berlinParts(d);
	return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** The calendar day in Berlin, "2026-03-04". */
export function berlinDate(d: Date): string {
	const p = berlinParts(d);
	return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
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
	return berlinTime(y, mo, d, hour, minute);
}
