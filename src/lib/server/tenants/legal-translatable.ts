/**
 * The network's own legal texts as translatable content (translations/content.ts): the Impressum,
 * the addendum to the privacy statement and the content that is not accessible (settings.legal,
 * tenants/legal.ts), per language in tenant_legal_texts. One item per tenant, its id the tenant's,
 * kept by the coordinators like the about text – but a kind of its own with its own hash, so a
 * change of the Impressum does not mark the about text outdated. A German text left blank is not
 * translated (the page's default applies, already in every language); a network without any own
 * legal text has no item.
 */
import { and, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { tenants, tenantLegalTexts, type LegalSettings } from './schema';
import {
	shownToReaders,
	sourceHash,
	type Fields,
	type StoredTranslation,
	type TranslatableItem,
	type TranslatableKind
} from '../translations/content';

export const LEGAL_TEXT_FIELDS = ['imprint', 'privacyAddendum', 'notAccessible'] as const;
export type LegalTextField = (typeof LEGAL_TEXT_FIELDS)[number];

function germanFields(legal: LegalSettings | undefined): Fields {
	const text = (v: string | undefined) => (v?.trim() ? v : null);
	return {
		imprint: text(legal?.imprint),
		privacyAddendum: text(legal?.privacyAddendum),
		notAccessible: text(legal?.notAccessible)
	};
}

export const legalTranslatable: TranslatableKind = {
	type: 'legal',
	fields: LEGAL_TEXT_FIELDS,
	shortFields: [],
	blankFieldsSkipped: true,
	async load(db, tenantId, filter) {
		if (filter.organizationIds) return [];
		if (filter.id && filter.id !== tenantId) return [];
		const [row] = await db
			.select({ id: tenants.id, name: tenants.name, settings: tenants.settings })
			.from(tenants)
			.where(eq(tenants.id, tenantId));
		if (!row) return [];
		const german = germanFields(row.settings.legal);
		if (!LEGAL_TEXT_FIELDS.some((f) => german[f])) return [];
		const texts = await db
			.select()
			.from(tenantLegalTexts)
			.where(eq(tenantLegalTexts.tenantId, tenantId));
		const translations = new Map<string, StoredTranslation>();
		for (const t of texts) {
			if (t.locale === 'de') continue;
			translations.set(t.locale, {
				fields: {
					imprint: t.imprint,
					privacyAddendum: t.privacyAddendum,
					notAccessible: t.notAccessible
				},
				state: t.state,
				sourceHash: t.sourceHash
			});
		}
		return [
			{
				type: 'legal',
				id: row.id,
				tenantId,
				organizationId: null,
				label: row.name,
				german,
				translations
			} satisfies TranslatableItem
		];
	},
	async write(tx, item, locale, fields, state, hash) {
		// a field whose German is blank keeps no translation
		const field = (name: LegalTextField) => (item.german[name] ? (fields[name] ?? null) : null);
		const values = {
			imprint: field('imprint'),
			privacyAddendum: field('privacyAddendum'),
			notAccessible: field('notAccessible'),
			state,
			sourceHash: hash,
			updatedAt: new Date()
		};
		await tx
			.insert(tenantLegalTexts)
			.values({ tenantId: item.id, locale, ...values })
			.onConflictDoUpdate({
				target: [tenantLegalTexts.tenantId, tenantLegalTexts.locale],
				set: values
			});
	},
	editPath: () => '/einstellungen/rechtliches'
};

/** One legal text as readers of `ctx.locale` get it. */
export interface PublicLegalText {
	text: string;
	lang: string;
	/** German shown: the reader's language has no (current) translation */
	isFallback: boolean;
	/** the reader's language, machine-translated */
	machine: boolean;
}

export type PublicLegalTexts = Record<LegalTextField, PublicLegalText | null>;

/**
 * The network's own legal texts for its public legal pages: per text the reader's language where
 * a translation is shown to readers (made from the current German), else German. Null where the
 * network has no own text (the page shows its default). Public data.
 */
export async function publicLegalTexts(
	ctx: TenantCtx,
	legal: LegalSettings | undefined
): Promise<PublicLegalTexts> {
	const german = germanFields(legal);
	const hash = sourceHash(german, LEGAL_TEXT_FIELDS);
	let row: typeof tenantLegalTexts.$inferSelect | undefined;
	if (ctx.locale !== 'de' && LEGAL_TEXT_FIELDS.some((f) => german[f])) {
		[row] = await ctx.db
			.select()
			.from(tenantLegalTexts)
			.where(
				and(eq(tenantLegalTexts.tenantId, ctx.tenant.id), eq(tenantLegalTexts.locale, ctx.locale))
			);
	}
	const shown = !!row && shownToReaders(row, hash);
	const one = (name: LegalTextField): PublicLegalText | null => {
		const source = german[name];
		if (!source) return null;
		if (ctx.locale === 'de') return { text: source, lang: 'de', isFallback: false, machine: false };
		const translated = shown ? row?.[name]?.trim() : null;
		if (translated) {
			return {
				text: translated,
				lang: ctx.locale,
				isFallback: false,
				machine: row!.state === 'machine'
			};
		}
		return { text: source, lang: 'de', isFallback: true, machine: false };
	};
	return {
		imprint: one('imprint'),
		privacyAddendum: one('privacyAddendum'),
		notAccessible: one('notAccessible')
	};
}
