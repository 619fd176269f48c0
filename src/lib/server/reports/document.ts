/**
 * The content of a status report: sections of blocks. Frozen report versions store it as JSON,
 * so its shape stays; for HTML and PDF it becomes a document model (../documents/model.ts) that
 * the shared renderers turn into an accessible HTML file and a tagged PDF.
 */
import type { DocBlock as ModelBlock, DocModel } from '../documents/model';
import { docLang, paragraphsOf } from '../documents/model';
import { renderHtmlPage } from '../documents/html';
import { renderPdf } from '../documents/pdf';

export type DocBlock =
	| { kind: 'paragraph'; text: string }
	| { kind: 'list'; items: string[] }
	| { kind: 'facts'; items: { label: string; value: string }[] }
	| { kind: 'table'; caption: string; columns: string[]; rows: string[][] }
	| { kind: 'note'; text: string };

export interface DocSection {
	key: string;
	title: string;
	blocks: DocBlock[];
	/** the coordinator's remarks for this section */
	remarks?: string;
}

export interface ReportDocument {
	title: string;
	subtitle: string;
	lang: 'de' | 'en';
	generatedAt: string;
	introduction: string;
	sections: DocSection[];
}

function modelBlock(b: DocBlock): ModelBlock[] {
	switch (b.kind) {
		case 'paragraph':
			return paragraphsOf(b.text);
		case 'note':
			return [{ kind: 'paragraph', style: 'note', text: b.text }];
		case 'list':
			return [{ kind: 'list', items: b.items }];
		case 'facts':
			return [{ kind: 'facts', items: b.items }];
		case 'table':
			return [{ kind: 'table', caption: b.caption, header: b.columns, rows: b.rows }];
	}
}

/** The report as a document model: title, subtitle, introduction and one section each. */
export function reportModel(doc: ReportDocument): DocModel {
	const en = doc.lang === 'en';
	const blocks: ModelBlock[] = [
		{ kind: 'heading', level: 1, text: doc.title },
		{ kind: 'paragraph', text: doc.subtitle }
	];
	if (doc.introduction.trim())
		blocks.push({
			kind: 'section',
			id: 'sec-intro',
			heading: { level: 2, text: en ? 'Introduction' : 'Einleitung' },
			blocks: paragraphsOf(doc.introduction)
		});
	for (const s of doc.sections) {
		const inner = s.blocks.flatMap(modelBlock);
		if (s.remarks?.trim())
			inner.push(
				{ kind: 'heading', level: 3, text: en ? 'Remarks' : 'Anmerkungen' },
				...paragraphsOf(s.remarks)
			);
		blocks.push({
			kind: 'section',
			id: `sec-${s.key}`,
			heading: { level: 2, text: s.title },
			blocks: inner
		});
	}
	return {
		title: doc.title,
		subject: doc.subtitle,
		lang: docLang(doc.lang),
		blocks
	};
}

/** A standalone, accessible HTML document (download). */
export function renderReportHtml(doc: ReportDocument): string {
	return renderHtmlPage(reportModel(doc));
}

/** A tagged, accessible PDF of the report. */
export function renderReportPdf(doc: ReportDocument): Promise<Buffer> {
	return renderPdf(reportModel(doc));
}
