/**
 * The results document (thesis paper) as a document model (../documents/model.ts), rendered as a
 * tagged PDF by the shared renderer: title, tenant, introduction and totals, the dialogues, and
 * the recommendations by field of action with their outcome.
 */
import type { DocBlock, DocModel } from '../documents/model';
import { docLang, paragraphsOf } from '../documents/model';
import { renderPdf } from '../documents/pdf';
import type { ResultsDocument } from './results';

type Dialogue = ResultsDocument['dialogues'][number];
type Recommendation = ResultsDocument['groups'][number]['items'][number];

export interface ResultsPdfText {
	title: string;
	tenant: string;
	totals: string;
	dialoguesHeading: string;
	dialogueLine: (d: Dialogue) => string;
	recommendationsHeading: string;
	noField: string;
	outcomeLine: (r: Recommendation) => string;
	none: string;
}

export function resultsModel(
	doc: ResultsDocument,
	text: ResultsPdfText,
	locale: 'de' | 'en'
): DocModel {
	const blocks: DocBlock[] = [
		{ kind: 'heading', level: 1, text: text.title },
		{ kind: 'paragraph', style: 'meta', text: text.tenant }
	];
	const intro = doc.process.resultsIntro ?? doc.process.purpose;
	if (intro) blocks.push(...paragraphsOf(intro));
	blocks.push({ kind: 'paragraph', text: text.totals });
	if (doc.dialogues.length > 0) {
		blocks.push({ kind: 'heading', level: 2, text: text.dialoguesHeading });
		blocks.push({
			kind: 'list',
			items: doc.dialogues.map((d) => ({ lead: d.title, text: text.dialogueLine(d) }))
		});
	}
	blocks.push({ kind: 'heading', level: 2, text: text.recommendationsHeading });
	if (doc.groups.length === 0) blocks.push({ kind: 'paragraph', text: text.none });
	for (const g of doc.groups) {
		blocks.push({ kind: 'heading', level: 3, text: g.name ?? text.noField });
		blocks.push({
			kind: 'list',
			items: g.items.map((r) => ({
				lead: r.title,
				text: [r.body, text.outcomeLine(r)].filter(Boolean).join('\n')
			}))
		});
	}
	return {
		title: text.title,
		lang: docLang(locale),
		author: text.tenant,
		subject: doc.process.title,
		blocks
	};
}

/** The results document as a tagged PDF. */
export function renderResultsPdf(
	doc: ResultsDocument,
	text: ResultsPdfText,
	locale: 'de' | 'en'
): Promise<Buffer> {
	return renderPdf(resultsModel(doc, text, locale));
}
