/**
 * Fixed vocabularies of offers. Keys are stored; labels come from the messages
 * (target_group_<key>, language names from Intl.DisplayNames).
 */
export const TARGET_GROUPS = [
	'all',
	'children',
	'youth',
	'young_adults',
	'women',
	'men',
	'parents',
	'families',
	'seniors',
	'refugees',
	'newcomers',
	'skilled_workers',
	'volunteers'
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** Languages the public site serves (DESIGN.md §2.6); content may be kept in any of them. */
export const CONTENT_LOCALES = ['de', 'en', 'ar', 'uk', 'tr', 'ru', 'fa'] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];

/** Languages in which an offer can be given or an organisation speaks (ISO 639-1). */
export const SPOKEN_LANGUAGES = [
	'de',
	'en',
	'ar',
	'uk',
	'tr',
	'ru',
	'fa',
	'ps',
	'ku',
	'ti',
	'so',
	'fr',
	'es',
	'it',
	'pl',
	'ro',
	'bg',
	'sq',
	'sr',
	'hr',
	'bs',
	'el',
	'vi',
	'zh',
	'ur',
	'hi',
	'dgs'
] as const;

export const OFFER_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const TRANSLATION_STATES = ['original', 'draft', 'machine', 'reviewed', 'outdated'] as const;
export type TranslationState = (typeof TRANSLATION_STATES)[number];

export const LOCATION_KINDS = ['place', 'mobile', 'online'] as const;
export const SCHEDULE_KINDS = ['once', 'recurring', 'appointment'] as const;
export const COST_KINDS = ['free', 'paid'] as const;

/** Text-search configuration per content language (PostgreSQL and PGlite ship the same). */
export const TS_CONFIG: Record<string, string> = {
	de: 'german',
	en: 'english',
	ru: 'russian',
	tr: 'turkish',
	ar: 'arabic'
};
