/**
 * The network's own public texts as translatable content (translations/content.ts): the "about
 * the network" text of the start page (settings.publicDescription), per language in tenant_texts.
 * One item per tenant, its id the tenant's; kept by the coordinators (editors of organisations
 * do not see it).
 */
import { and, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { tenants, tenantTexts } from './schema';
import {
	shownToReaders,
	sourceHash,
	type StoredTranslation,
	type TranslatableItem,
	type TranslatableKind
} from '../translations/content';

export const tenantTranslatable: TranslatableKind = {
	type: 'network',
	fields: ['description'],
	shortFields: [],
	async load(db, tenantId, filter) {
		if (filter.organizationIds) return [];
		if (filter.id && filter.id !== tenantId) return [];
		const [row] = await db
			.select({ id: tenants.id, name: tenants.name, settings: tenants.settings })
			.from(tenants)
			.where(eq(tenants.id, tenantId));
		const german = row?.settings.publicDescription?.trim();
		if (!row || !german) return [];
		const texts = await db.select().from(tenantTexts).where(eq(tenantTexts.tenantId, tenantId));
		const translations = new Map<string, StoredTranslation>();
		for (const t of texts) {
			if (t.locale === 'de') continue;
			translations.set(t.locale, {
				fields: { description: t.description },
				state: t.state,
				sourceHash: t.sourceHash
			});
		}
		return [
			{
				type: 'network',
				id: row.id,
				tenantId,
				organizationId: null,
				label: row.name,
				german: { description: row.settings.publicDescription ?? null },
				translations
			} satisfies TranslatableItem
		];
	},
	async write(tx, item, locale, fields, state, hash) {
		const values = {
			description: fields.description ?? '',
			state,
			sourceHash: hash,
			updatedAt: new Date()
		};
		await tx
			.insert(tenantTexts)
			.values({ tenantId: item.id, locale, ...values })
			.onConflictDoUpdate({ target: [tenantTexts.tenantId, tenantTexts.locale], set: values });
	},
	editPath: () => '/einstellungen'
};

/** The about text as readers of `ctx.locale` get it. */
export interface PublicAboutText {
	text: string;
	lang: string;
	/** German shown: the reader's language has no (current) translation */
	isFallback: boolean;
	/** the reader's language, machine-translated */
	machine: boolean;
}

/**
 * The network's about text for the start page: the reader's language where a translation is
 * shown to readers, else German. Public data; null when the network has none.
 */
export async function publicAboutText(ctx: TenantCtx): Promise<PublicAboutText | null> {
	const german = ctx.tenant.description;
	if (!german?.trim()) return null;
	if (ctx.locale === 'de') return { text: german, lang: 'de', isFallback: false, machine: false };
	const [row] = await ctx.db
		.select()
		.from(tenantTexts)
		.where(and(eq(tenantTexts.tenantId, ctx.tenant.id), eq(tenantTexts.locale, ctx.locale)));
	const hash = sourceHash({ description: german }, tenantTranslatable.fields);
	if (row && row.description.trim() && shownToReaders(row, hash)) {
		return {
			text: row.description,
			lang: ctx.locale,
			isFallback: false,
			machine: row.state === 'machine'
		};
	}
	return { text: german, lang: 'de', isFallback: true, machine: false };
}
