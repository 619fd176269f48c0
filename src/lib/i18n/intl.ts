/**
 * The Intl locale of a UI language: dates and numbers in the reader's form (issue 12). Arabic and
 * Persian keep the Gregorian calendar (a meeting in Landshut is on a Gregorian day) but their own
 * month names and digits.
 */
const TAGS: Record<string, string> = {
	de: 'de-DE',
	en: 'en-GB',
	ar: 'ar-u-ca-gregory',
	uk: 'uk-UA',
	tr: 'tr-TR',
	ru: 'ru-RU',
	fa: 'fa-u-ca-gregory'
};

export function intlLocale(locale: string): string {
	return TAGS[locale] ?? TAGS.de;
}

// ---------------------------------------------------------------------------------------------
// Formatters made once: `toLocaleDateString(tag, options)` and `new Intl.…(…)` build a formatter
// on every call, which cost a signed-in start page about a twentieth of its time (issue 15).

/** The value kept in `cache` under `key`, made on first use. */
function kept<T>(cache: Map<string, T>, key: string, make: () => T): T {
	let value = cache.get(key);
	if (value === undefined) {
		value = make();
		cache.set(key, value);
	}
	return value;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const numberFormatters = new Map<string, Intl.NumberFormat>();
const displayNamesCache = new Map<string, Intl.DisplayNames>();

const DATE_FIELDS = ['weekday', 'year', 'month', 'day', 'dateStyle', 'timeStyle'] as const;
const TIME_FIELDS = [
	'dayPeriod',
	'hour',
	'minute',
	'second',
	'fractionalSecondDigits',
	'dateStyle',
	'timeStyle'
] as const;

/**
 * The options `Date.prototype.toLocale{Date,Time,}String` would use: the date fields (year, month,
 * day), the time fields (hour, minute, second) or both added when the options name none.
 */
function withDefaults(
	options: Intl.DateTimeFormatOptions,
	kind: 'date' | 'time' | 'any'
): Intl.DateTimeFormatOptions {
	const has = (fields: readonly string[]) =>
		fields.some((f) => (options as Record<string, unknown>)[f] !== undefined);
	const needDate =
		(kind === 'date' || kind === 'any') &&
		!has(DATE_FIELDS) &&
		!(kind === 'any' && has(TIME_FIELDS));
	const needTime =
		(kind === 'time' || kind === 'any') &&
		!has(TIME_FIELDS) &&
		!(kind === 'any' && has(DATE_FIELDS));
	return {
		...(needDate ? { year: 'numeric', month: 'numeric', day: 'numeric' } : {}),
		...(needTime ? { hour: 'numeric', minute: 'numeric', second: 'numeric' } : {}),
		...options
	};
}

/** A cached Intl.DateTimeFormat; `kind` adds the defaults of toLocaleDateString (date), toLocaleTimeString (time) or toLocaleString (any). */
export function dateTimeFormat(
	tag: string,
	options: Intl.DateTimeFormatOptions = {},
	kind: 'date' | 'time' | 'any' | 'exact' = 'exact'
): Intl.DateTimeFormat {
	return kept(
		formatters,
		`${kind}|${tag}|${JSON.stringify(options)}`,
		() => new Intl.DateTimeFormat(tag, kind === 'exact' ? options : withDefaults(options, kind))
	);
}

/** `date.toLocaleDateString(tag, options)` with a formatter made once. */
export const localeDate = (date: Date, tag: string, options: Intl.DateTimeFormatOptions = {}) =>
	dateTimeFormat(tag, options, 'date').format(date);
/** `date.toLocaleTimeString(tag, options)` with a formatter made once. */
export const localeTime = (date: Date, tag: string, options: Intl.DateTimeFormatOptions = {}) =>
	dateTimeFormat(tag, options, 'time').format(date);
/** `date.toLocaleString(tag, options)` with a formatter made once. */
export const localeDateTime = (date: Date, tag: string, options: Intl.DateTimeFormatOptions = {}) =>
	dateTimeFormat(tag, options, 'any').format(date);

/** A cached Intl.NumberFormat. */
export function numberFormat(
	tag: string,
	options: Intl.NumberFormatOptions = {}
): Intl.NumberFormat {
	return kept(
		numberFormatters,
		`${tag}|${JSON.stringify(options)}`,
		() => new Intl.NumberFormat(tag, options)
	);
}

/** A cached Intl.DisplayNames for languages. */
export function languageNames(tag: string): Intl.DisplayNames {
	return kept(displayNamesCache, tag, () => new Intl.DisplayNames([tag], { type: 'language' }));
}

const pluralRulesCache = new Map<string, Intl.PluralRules>();
const relativeTimeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** A cached Intl.PluralRules (Paraglide's plural messages use it through vite.config.ts). */
export function pluralRules(tag: string, options: Intl.PluralRulesOptions = {}): Intl.PluralRules {
	return kept(
		pluralRulesCache,
		`${tag}|${JSON.stringify(options)}`,
		() => new Intl.PluralRules(tag, options)
	);
}

/** A cached Intl.RelativeTimeFormat. */
export function relativeTimeFormat(
	tag: string,
	options: Intl.RelativeTimeFormatOptions = {}
): Intl.RelativeTimeFormat {
	return kept(
		relativeTimeFormats,
		`${tag}|${JSON.stringify(options)}`,
		() => new Intl.RelativeTimeFormat(tag, options)
	);
}
