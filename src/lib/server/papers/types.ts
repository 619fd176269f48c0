import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { BUILTIN_PAPER_TYPES, paperTypes } from './schema';

/** Labels of the built-in paper types (also used by OParl `paperType`, which is German). */
export const BUILTIN_TYPE_LABELS: Record<
	(typeof BUILTIN_PAPER_TYPES)[number],
	{ de: string; en: string }
> = {
	resolution_proposal: { de: 'Beschlussvorlage', en: 'Draft resolution' },
	notice: { de: 'Mitteilung', en: 'Notice' },
	motion: { de: 'Antrag', en: 'Motion' },
	report: { de: 'Bericht', en: 'Report' },
	inquiry: { de: 'Anfrage', en: 'Inquiry' }
};

export interface PaperTypeOption {
	key: string;
	label: string;
}

/** The tenant's paper types: the built-in ones, then its own, labelled in the locale. */
export async function paperTypeOptions(
	db: Executor,
	tenantId: string,
	locale: string
): Promise<PaperTypeOption[]> {
	const own = await db
		.select({ key: paperTypes.key, label: paperTypes.label })
		.from(paperTypes)
		.where(eq(paperTypes.tenantId, tenantId))
		.orderBy(asc(paperTypes.position), asc(paperTypes.key));
	return [
		...BUILTIN_PAPER_TYPES.map((key) => ({
			key,
			label: locale === 'en' ? BUILTIN_TYPE_LABELS[key].en : BUILTIN_TYPE_LABELS[key].de
		})),
		...own
	];
}

/** The label of a type key; the key itself when unknown. */
export async function paperTypeLabel(
	db: Executor,
	tenantId: string,
	key: string,
	locale = 'de'
): Promise<string> {
	if (key in BUILTIN_TYPE_LABELS) {
		const l = BUILTIN_TYPE_LABELS[key as keyof typeof BUILTIN_TYPE_LABELS];
		return locale === 'en' ? l.en : l.de;
	}
	const [row] = await db
		.select({ label: paperTypes.label })
		.from(paperTypes)
		.where(and(eq(paperTypes.tenantId, tenantId), eq(paperTypes.key, key)));
	return row?.label ?? key;
}
