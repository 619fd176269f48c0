/**
 * The exchange answers in the minutes document (minutes/print.ts adds these blocks): one section
 * with each municipality's three answers. Documents are German, like the rest of the minutes.
 * Municipalities without answers are named as such; nothing about persons.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { DocBlock } from '../documents/model';
import { tenants } from '../tenants/schema';
import { exchangeAnswers } from './schema';
import { EXCHANGE_FIELDS, type ExchangeField } from './rollup';

export const QUESTION_LABELS_DE: Record<ExchangeField, string> = {
	worksWell: 'Was gelingt gut',
	expand: 'Was sollte ausgebaut werden',
	districtHelp: 'Wie kann das Landratsamt unterstützen'
};

/** The section for the minutes of a meeting; empty when no municipality answered. */
export async function exchangeMinutesBlocks(
	db: Executor,
	tenantId: string,
	meetingId: string
): Promise<DocBlock[]> {
	const rows = await db
		.select({
			name: tenants.name,
			worksWell: exchangeAnswers.worksWell,
			expand: exchangeAnswers.expand,
			districtHelp: exchangeAnswers.districtHelp
		})
		.from(exchangeAnswers)
		.innerJoin(tenants, eq(tenants.id, exchangeAnswers.municipalityId))
		.where(and(eq(exchangeAnswers.tenantId, tenantId), eq(exchangeAnswers.meetingId, meetingId)))
		.orderBy(asc(tenants.name));
	if (!rows.length) return [];
	return [
		{
			kind: 'section',
			id: 'erfahrungsaustausch',
			heading: { level: 2, text: 'Erfahrungsaustausch der Gemeinden' },
			blocks: rows.flatMap((r): DocBlock[] => [
				{ kind: 'heading', level: 3, text: r.name },
				{
					kind: 'facts',
					items: EXCHANGE_FIELDS.map((f) => ({
						label: QUESTION_LABELS_DE[f],
						value: r[f]?.trim() || '–'
					}))
				}
			])
		}
	];
}
