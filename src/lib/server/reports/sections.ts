/**
 * The sections of the half-yearly status report (Sachstandsbericht), each built by a provider
 * from live data for the period. A provider whose data does not exist in an installation may
 * answer `available: false`; the report then lists the section as not yet available. Frozen
 * versions keep the blocks they were built with. To add a section, add a provider to
 * SECTION_PROVIDERS.
 */
import type { DocBlock, DocSection } from './document';
import type { ReportScope, SectionProvider } from './section-kit';
import { actionsProvider, meetingsProvider, papersProvider } from './sections-meetings';
import {
	citizenMessagesProvider,
	indicatorsProvider,
	measuresProvider,
	offersProvider
} from './sections-concept';

export const SECTION_PROVIDERS: SectionProvider[] = [
	meetingsProvider,
	papersProvider,
	measuresProvider,
	indicatorsProvider,
	actionsProvider,
	offersProvider,
	citizenMessagesProvider
];

/** Builds every section for the period; unavailable ones carry a note instead of data. */
export async function buildSections(
	scope: ReportScope,
	remarks: Record<string, string> = {}
): Promise<DocSection[]> {
	const out: DocSection[] = [];
	for (const p of SECTION_PROVIDERS) {
		const blocks: DocBlock[] = (await p.available(scope.db))
			? await p.build(scope)
			: [
					{
						kind: 'note',
						text: 'Für diesen Abschnitt liegen in dieser Installation noch keine Daten vor.'
					}
				];
		out.push({ key: p.key, title: p.title, blocks, remarks: remarks[p.key] ?? '' });
	}
	return out;
}
