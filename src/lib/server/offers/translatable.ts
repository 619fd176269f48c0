/** Offers as translatable content (translations/content.ts): their texts per language in offer_texts. */
import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { offers, offerTexts } from './schema';
import type {
	StoredTranslation,
	TranslatableItem,
	TranslatableKind
} from '../translations/content';

const FIELDS = [
	'title',
	'description',
	'costNote',
	'registrationNote',
	'scheduleNote',
	'accessibilityNote'
] as const;

const COLUMNS: Record<(typeof FIELDS)[number], string> = {
	title: 'title',
	description: 'description',
	costNote: 'cost_note',
	registrationNote: 'registration_note',
	scheduleNote: 'schedule_note',
	accessibilityNote: 'accessibility_note'
};

/**
 * The same hash as translations/content.ts `sourceHash`, computed in SQL from the German row
 * `alias` of offer_texts (md5 over the fields joined by the unit separator).
 */
export function offerSourceHashSql(alias: string): SQL {
	const parts = FIELDS.map((f) => `coalesce(${alias}.${COLUMNS[f]}, '')`).join(` || chr(31) || `);
	return sql.raw(`md5(${parts})`);
}

/** A translation row `alias` made from the current German row `german` (or from an unknown one). */
export function currentTranslationSql(alias: string, german: string): SQL {
	return sql`(${sql.raw(alias)}.source_hash IS NULL OR ${sql.raw(alias)}.source_hash = ${offerSourceHashSql(german)})`;
}

type TextRow = typeof offerTexts.$inferSelect;

function fieldsOf(row: TextRow) {
	return {
		title: row.title,
		description: row.description,
		costNote: row.costNote,
		registrationNote: row.registrationNote,
		scheduleNote: row.scheduleNote,
		accessibilityNote: row.accessibilityNote
	};
}

export const offerTranslatable: TranslatableKind = {
	type: 'offer',
	fields: FIELDS,
	shortFields: ['title', 'costNote', 'registrationNote', 'scheduleNote', 'accessibilityNote'],
	async load(db, tenantId, filter) {
		if (filter.organizationIds && filter.organizationIds.length === 0) return [];
		const rows = await db
			.select({ id: offers.id, organizationId: offers.organizationId })
			.from(offers)
			.where(
				and(
					eq(offers.tenantId, tenantId),
					ne(offers.status, 'archived'),
					filter.id ? eq(offers.id, filter.id) : undefined,
					filter.organizationIds
						? inArray(offers.organizationId, filter.organizationIds)
						: undefined
				)
			);
		if (rows.length === 0) return [];
		const texts = await db
			.select()
			.from(offerTexts)
			.where(
				inArray(
					offerTexts.offerId,
					rows.map((r) => r.id)
				)
			)
			.orderBy(asc(offerTexts.locale));
		const items: TranslatableItem[] = [];
		for (const r of rows) {
			const own = texts.filter((t) => t.offerId === r.id);
			const german = own.find((t) => t.locale === 'de');
			if (!german) continue;
			const translations = new Map<string, StoredTranslation>();
			for (const t of own) {
				if (t.locale === 'de') continue;
				translations.set(t.locale, {
					fields: fieldsOf(t),
					state: t.state,
					sourceHash: t.sourceHash
				});
			}
			items.push({
				type: 'offer',
				id: r.id,
				tenantId,
				organizationId: r.organizationId,
				label: german.title,
				german: fieldsOf(german),
				translations
			});
		}
		return items.sort((a, b) => a.label.localeCompare(b.label, 'de'));
	},
	async write(tx, item, locale, fields, state, hash) {
		const values = {
			title: fields.title ?? '',
			description: fields.description ?? '',
			costNote: fields.costNote || null,
			registrationNote: fields.registrationNote || null,
			scheduleNote: fields.scheduleNote || null,
			accessibilityNote: fields.accessibilityNote || null,
			state,
			sourceHash: hash,
			updatedAt: new Date()
		};
		await tx
			.insert(offerTexts)
			.values({ offerId: item.id, locale, ...values })
			.onConflictDoUpdate({ target: [offerTexts.offerId, offerTexts.locale], set: values });
	},
	editPath: (item) => `/angebote/${item.id}`
};
