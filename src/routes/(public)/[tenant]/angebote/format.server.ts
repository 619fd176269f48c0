/**
 * Turns the finder's view objects into the words the pages show, in the request's language.
 * Server-only: the finder and offer pages render on the server and ship no JavaScript.
 */
import { dateTimeFormat, intlLocale, languageNames } from '$lib/i18n/intl';
import { m } from '$lib/paraglide/messages';
import { parseRRule, ICAL_DAYS } from '$lib/server/offers/ical';
import { TIME_ZONE } from '$lib/server/shared';
import type { PublicPlaceView } from '$lib/server/offers/public';
import type { OfferContactView } from '$lib/server/offers/contact';

const GROUPS: Record<string, () => string> = {
	all: m.finder_group_all,
	children: m.finder_group_children,
	youth: m.finder_group_youth,
	young_adults: m.finder_group_young_adults,
	women: m.finder_group_women,
	men: m.finder_group_men,
	parents: m.finder_group_parents,
	families: m.finder_group_families,
	seniors: m.finder_group_seniors,
	refugees: m.finder_group_refugees,
	newcomers: m.finder_group_newcomers,
	skilled_workers: m.finder_group_skilled_workers,
	volunteers: m.finder_group_volunteers
};

export function targetGroupLabel(key: string): string {
	return GROUPS[key]?.() ?? key;
}

/** The name of a language in the visitor's language ("Arabisch"); codes Intl lacks come from the messages. */
export function languageName(code: string, locale: string): string {
	if (code === 'dgs') return m.finder_language_dgs();
	try {
		return languageNames(intlLocale(locale)).of(code) ?? code;
	} catch {
		return code;
	}
}

export function listOf(items: string[], locale: string): string {
	return new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' }).format(
		items
	);
}

/** ISO weekday 1 (Monday) … 7 (Sunday) by name. */
export function weekdayName(day: number, locale: string): string {
	// 5 January 2026 is a Monday
	return dateTimeFormat(intlLocale(locale), { weekday: 'long', timeZone: 'UTC' }).format(
		new Date(Date.UTC(2026, 0, 4 + day))
	);
}

/** A calendar day (YYYY-MM-DD) as people read it: "10.03.2026" / "10 Mar 2026". */
export function formatDay(day: string, locale: string): string {
	const [y, mo, d] = day.split('-').map(Number);
	return dateTimeFormat(intlLocale(locale), {
		dateStyle: 'medium',
		timeZone: 'UTC'
	}).format(new Date(Date.UTC(y, mo - 1, d)));
}

export function formatDate(date: Date, locale: string): string {
	return dateTimeFormat(intlLocale(locale), {
		dateStyle: 'medium',
		timeZone: TIME_ZONE
	}).format(date);
}

/** A date with its weekday: "Dienstag, 10. März 2026". */
function formatLongDate(date: Date, locale: string): string {
	return dateTimeFormat(intlLocale(locale), {
		dateStyle: 'full',
		timeZone: TIME_ZONE
	}).format(date);
}

function formatTime(date: Date, locale: string): string {
	return dateTimeFormat(intlLocale(locale), {
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone: TIME_ZONE
	}).format(date);
}

function sameBerlinDay(a: Date, b: Date): boolean {
	return formatDate(a, 'en') === formatDate(b, 'en');
}

function timeText(start: Date, end: Date | null, locale: string): string {
	if (end && end > start && sameBerlinDay(start, end)) {
		return m.finder_time_range({ from: formatTime(start, locale), to: formatTime(end, locale) });
	}
	return m.finder_time({ time: formatTime(start, locale) });
}

const ORDINALS: Record<string, () => string> = {
	'1': m.finder_ordinal_1,
	'2': m.finder_ordinal_2,
	'3': m.finder_ordinal_3,
	'4': m.finder_ordinal_4,
	'5': m.finder_ordinal_5,
	'-1': m.finder_ordinal_last
};

/** "Jede Woche: Dienstag und Donnerstag", "Jeden Monat am ersten Dienstag" … from rule or weekdays. */
function recurrenceText(rrule: string | null, weekdays: number[], locale: string): string {
	const names = (days: number[]) =>
		listOf(
			days.map((d) => weekdayName(d, locale)),
			locale
		);
	const rule = parseRRule(rrule);
	const ruleDays: { nth: string | null; day: number }[] = [];
	for (const d of (rule?.BYDAY ?? '').split(',')) {
		const match = /^([+-]?\d+)?([A-Z]{2})$/.exec(d);
		const day = match ? ICAL_DAYS.indexOf(match[2] as (typeof ICAL_DAYS)[number]) + 1 : 0;
		if (match && day > 0) ruleDays.push({ nth: match[1] ?? null, day });
	}
	const plainDays = ruleDays.filter((d) => d.nth === null).map((d) => d.day);
	const days = plainDays.length > 0 ? plainDays : weekdays;
	const interval = Number(rule?.INTERVAL ?? '1');
	switch (rule?.FREQ) {
		case 'DAILY':
			return m.finder_schedule_daily();
		case 'MONTHLY': {
			const nth = ruleDays.find((d) => d.nth && ORDINALS[d.nth.replace('+', '')]);
			return nth
				? m.finder_schedule_monthly_nth({
						nth: ORDINALS[nth.nth!.replace('+', '')](),
						day: weekdayName(nth.day, locale)
					})
				: m.finder_schedule_monthly();
		}
		case 'YEARLY':
			return m.finder_schedule_yearly();
		default:
			if (days.length === 0) return m.finder_schedule_recurring();
			return interval > 1
				? m.finder_schedule_every_weeks({ interval, days: names(days) })
				: m.finder_schedule_weekly({ days: names(days) });
	}
}

export interface Schedule {
	scheduleKind: 'once' | 'recurring' | 'appointment';
	startsAt: Date | null;
	endsAt?: Date | null;
	rrule?: string | null;
	weekdays: number[];
}

/** When an offer takes place, in one line. */
export function scheduleText(s: Schedule, locale: string): string {
	if (s.scheduleKind === 'appointment') return m.finder_schedule_appointment();
	if (s.scheduleKind === 'once') {
		if (!s.startsAt) return m.finder_schedule_appointment();
		const end = s.endsAt ?? null;
		if (end && end > s.startsAt && !sameBerlinDay(s.startsAt, end)) {
			return m.finder_date_range({
				from: `${formatDate(s.startsAt, locale)}, ${m.finder_time({ time: formatTime(s.startsAt, locale) })}`,
				to: `${formatDate(end, locale)}, ${m.finder_time({ time: formatTime(end, locale) })}`
			});
		}
		return `${formatLongDate(s.startsAt, locale)}, ${timeText(s.startsAt, end, locale)}`;
	}
	const pattern = recurrenceText(s.rrule ?? null, s.weekdays, locale);
	return s.startsAt ? `${pattern}, ${timeText(s.startsAt, s.endsAt ?? null, locale)}` : pattern;
}

/** A place in one line: "Bürgerhaus, Altstadt 1, 84028 Landshut, Raum 2". */
export function placeText(p: PublicPlaceView): string {
	return [
		p.name,
		p.street,
		[p.postalCode, p.city].filter(Boolean).join(' '),
		p.room ? m.finder_room({ room: p.room }) : null
	]
		.filter((x) => x && x.trim() !== '')
		.join(', ');
}

/** Where an offer takes place, in one line (for the calendar's LOCATION). */
export function locationText(offer: {
	locationKind: 'place' | 'mobile' | 'online';
	places: PublicPlaceView[];
	onlineUrl?: string | null;
}): string | null {
	if (offer.locationKind === 'mobile') return m.finder_location_mobile();
	if (offer.locationKind === 'online')
		return offer.onlineUrl
			? `${m.finder_location_online()}: ${offer.onlineUrl}`
			: m.finder_location_online();
	const places = offer.places.map(placeText).filter(Boolean);
	return places.length > 0 ? places.join(' / ') : null;
}

/** "tel:" address of a phone number as people write it ("08161 123-4" → tel:081611234). */
export function telHref(phone: string): string {
	return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

interface Address {
	street: string | null;
	postalCode: string | null;
	city: string | null;
}

/** Street and place in one line: "Altstadt 1, 84028 Landshut". */
export function addressText(a: Address): string {
	return [a.street, [a.postalCode, a.city].filter(Boolean).join(' ')]
		.filter((x) => x && x.trim() !== '')
		.join(', ');
}

/**
 * A plain link to OpenStreetMap's search for an address (no tiles, nothing loaded from there
 * until the visitor follows it); null without a place (postal code or city) to search in.
 */
export function osmHref(a: Address & { name?: string | null }): string | null {
	if (!a.postalCode?.trim() && !a.city?.trim()) return null;
	const query = addressText({ ...a, street: a.street?.trim() ? a.street : (a.name ?? null) });
	return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}

/** The way to get in touch about an offer, in words and links, as OfferContact.svelte shows it. */
export function contactText(c: OfferContactView) {
	const address = c.address ? addressText(c.address) : '';
	return {
		source: c.source,
		label:
			c.source === 'offer'
				? m.ct_source_offer({ organization: c.via })
				: c.source === 'organization'
					? m.ct_source_organization({ organization: c.via })
					: c.source === 'integration'
						? m.tdc_source_integration({ tenant: c.via })
						: m.ct_source_coordination({ tenant: c.via }),
		person: c.person ? [c.person.name, c.person.role].filter(Boolean).join(', ') : null,
		phone: c.phone,
		phoneHref: c.phone ? telHref(c.phone) : null,
		email: c.email,
		address: address || null,
		osmHref: c.address ? osmHref(c.address) : null,
		messageHref: c.tenantSlug ? `/${c.tenantSlug}/anliegen` : null
	};
}

export type ContactText = ReturnType<typeof contactText>;
