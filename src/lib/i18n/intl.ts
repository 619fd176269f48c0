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
