/**
 * Content kept per language, with a translation state. German is the source; every further
 * public language has, per text, one of the states below. "Outdated" is not only a stored state:
 * a translation remembers a hash of the German fields it was made from (`source_hash`), and when
 * the German text has changed since, it counts as outdated whatever its stored state says.
 *
 * Each kind of content (offers, organisation descriptions …) is one `TranslatableKind` in the
 * registry below; a further kind plugs in with one `registerTranslatable(kind)` call.
 */
import { createHash } from 'node:crypto';
import type { Executor } from '../db/client';

/** The public languages; German is the source. Same list and order as project.inlang. */
export const PUBLIC_LOCALES = ['de', 'en', 'ar', 'uk', 'tr', 'ru', 'fa'] as const;
export type PublicLocale = (typeof PUBLIC_LOCALES)[number];
/** The languages content is translated into. */
export const TARGET_LOCALES = ['en', 'ar', 'uk', 'tr', 'ru', 'fa'] as const;
export type TargetLocale = (typeof TARGET_LOCALES)[number];

export function isTargetLocale(value: unknown): value is TargetLocale {
	return typeof value === 'string' && (TARGET_LOCALES as readonly string[]).includes(value);
}

/** What a reader or the coverage view makes of a translation. */
export const EFFECTIVE_STATES = ['missing', 'outdated', 'machine', 'draft', 'reviewed'] as const;
export type EffectiveState = (typeof EFFECTIVE_STATES)[number];

/** States a translation is stored with (besides the German "original"). */
export type StoredState = 'original' | 'draft' | 'machine' | 'reviewed' | 'outdated';

export type Fields = Record<string, string | null>;

/** One stored translation of an item. */
export interface StoredTranslation {
	fields: Fields;
	state: StoredState;
	sourceHash: string | null;
}

/** One translatable item of a tenant, with its German fields and its translations. */
export interface TranslatableItem {
	type: string;
	id: string;
	tenantId: string;
	/** the organisation it belongs to (editors see only their organisations' content) */
	organizationId: string | null;
	/** a German label for lists (the title or name) */
	label: string;
	german: Fields;
	translations: Map<string, StoredTranslation>;
}

export interface ItemFilter {
	/** only these organisations' content (null: all of the tenant) */
	organizationIds: string[] | null;
	/** one item */
	id?: string;
}

/** A kind of content that is kept per language. */
export interface TranslatableKind {
	type: string;
	/** the translatable fields, in order; the first is required in every language */
	fields: readonly string[];
	/** fields written as one line (the others are longer texts) */
	shortFields: readonly string[];
	/** fields holding sanitised HTML (machine translation keeps their tags) */
	htmlFields?: readonly string[];
	/**
	 * fields whose German text is blank are not offered for translation (each field is optional
	 * in German, e.g. the legal texts); then the first field with German text is the required one
	 */
	blankFieldsSkipped?: boolean;
	/** the tenant's items of this kind (German text present) */
	load(db: Executor, tenantId: string, filter: ItemFilter): Promise<TranslatableItem[]>;
	/** stores one translation (insert or replace) */
	write(
		tx: Executor,
		item: TranslatableItem,
		locale: TargetLocale,
		fields: Fields,
		state: 'draft' | 'machine' | 'reviewed',
		sourceHash: string
	): Promise<void>;
	/** where editors change the item in the signed-in area, relative to /app/<tenant> */
	editPath(item: TranslatableItem): string;
}

const kinds = new Map<string, TranslatableKind>();

/** Adds a kind of content to translation states, coverage and machine translation. */
export function registerTranslatable(kind: TranslatableKind): void {
	kinds.set(kind.type, kind);
}

export function translatableKinds(): TranslatableKind[] {
	return [...kinds.values()];
}

export function translatableKind(type: string): TranslatableKind | undefined {
	return kinds.get(type);
}

/**
 * The hash of the German fields a translation was made from: md5 over the fields in order,
 * separated by the unit separator (not a secret, only a change marker).
 */
export function sourceHash(fields: object, names: readonly string[]): string {
	const values = fields as Record<string, unknown>;
	return createHash('md5')
		.update(names.map((n) => (typeof values[n] === 'string' ? values[n] : '')).join('\u001f'))
		.digest('hex');
}

/** The state a reader and the coverage view see for one language of an item. */
export function effectiveState(
	row: Pick<StoredTranslation, 'state' | 'sourceHash'> | undefined | null,
	germanHash: string
): EffectiveState {
	if (!row) return 'missing';
	if (row.state === 'outdated') return 'outdated';
	if (row.sourceHash && row.sourceHash !== germanHash) return 'outdated';
	if (row.state === 'original') return 'draft';
	return row.state;
}

/** The fields of an item offered for translation, in order; the first is required. */
export function fieldsToTranslate(kind: TranslatableKind, item: TranslatableItem): string[] {
	if (!kind.blankFieldsSkipped) return [...kind.fields];
	return kind.fields.filter((name) => !!item.german[name]?.trim());
}

/** The effective state of an item in a language. */
export function itemState(kind: TranslatableKind, item: TranslatableItem, locale: string) {
	return effectiveState(item.translations.get(locale), sourceHash(item.german, kind.fields));
}

/** Stored states readers get to see (an outdated one never: they get German instead). */
const READER_STATES: readonly StoredState[] = ['original', 'draft', 'machine', 'reviewed'];

/** Whether readers see this translation: stored, shown to readers and made from the current German. */
export function shownToReaders(
	row: Pick<StoredTranslation, 'state' | 'sourceHash'> | undefined | null,
	germanHash: string
): boolean {
	return (
		!!row && READER_STATES.includes(row.state) && effectiveState(row, germanHash) !== 'outdated'
	);
}
