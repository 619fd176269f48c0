/** Organisation descriptions as translatable content (translations/content.ts): organization_texts. */
import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { organizations, organizationTexts } from './schema';
import type {
	StoredTranslation,
	TranslatableItem,
	TranslatableKind
} from '../translations/content';

export const organizationTranslatable: TranslatableKind = {
	type: 'organization',
	fields: ['description'],
	shortFields: [],
	async load(db, tenantId, filter) {
		if (filter.organizationIds && filter.organizationIds.length === 0) return [];
		const rows = await db
			.select({
				id: organizations.id,
				name: organizations.name,
				description: organizations.description
			})
			.from(organizations)
			.where(
				and(
					eq(organizations.tenantId, tenantId),
					isNotNull(organizations.description),
					ne(organizations.description, ''),
					filter.id ? eq(organizations.id, filter.id) : undefined,
					filter.organizationIds ? inArray(organizations.id, filter.organizationIds) : undefined
				)
			);
		if (rows.length === 0) return [];
		const texts = await db
			.select()
			.from(organizationTexts)
			.where(
				inArray(
					organizationTexts.organizationId,
					rows.map((r) => r.id)
				)
			);
		return rows
			.map((r): TranslatableItem => {
				const translations = new Map<string, StoredTranslation>();
				for (const t of texts) {
					if (t.organizationId !== r.id || t.locale === 'de') continue;
					translations.set(t.locale, {
						fields: { description: t.description },
						state: t.state,
						sourceHash: t.sourceHash
					});
				}
				return {
					type: 'organization',
					id: r.id,
					tenantId,
					organizationId: r.id,
					label: r.name,
					german: { description: r.description },
					translations
				};
			})
			.sort((a, b) => a.label.localeCompare(b.label, 'de'));
	},
	async write(tx, item, locale, fields, state, hash) {
		const values = {
			description: fields.description ?? '',
			state,
			sourceHash: hash,
			updatedAt: new Date()
		};
		await tx
			.insert(organizationTexts)
			.values({ organizationId: item.id, locale, ...values })
			.onConflictDoUpdate({
				target: [organizationTexts.organizationId, organizationTexts.locale],
				set: values
			});
	},
	editPath: (item) => `/organisationen/${item.id}`
};
