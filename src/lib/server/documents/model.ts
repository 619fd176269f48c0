/**
 * One document model for every printable document (agenda, minutes, integration concept,
 * participation results, status reports): a title, a language and a sequence of blocks. The
 * renderers in ./html.ts (accessible HTML) and ./pdf.ts (tagged PDF) turn the same model into
 * both formats, so they always say the same. Domains build a model; they never render.
 */

/** A list entry: plain text, or a bold lead line with text below it. */
export type ListItem = string | { lead: string; text?: string };

/** A line chart for a figure in the PDF (the HTML shows the figure's SVG). */
export interface LineChart {
	points: { date: string; value: number }[];
	target: number | null;
	baseline: number | null;
}

export type DocBlock =
	| { kind: 'heading'; level: 1 | 2 | 3; text: string }
	| {
			kind: 'paragraph';
			text: string;
			/** a bold label before the text, e.g. "Beschluss:" */
			label?: string;
			/** meta: a byline (date, author); note: a remark shown in italics */
			style?: 'meta' | 'note';
	  }
	| { kind: 'list'; items: ListItem[]; ordered?: boolean }
	/** key–value pairs: a description list in HTML */
	| { kind: 'facts'; items: { label: string; value: string }[] }
	| {
			kind: 'table';
			caption: string;
			/** the header row (column headings); the first cell of every row is a row heading */
			header: string[];
			rows: string[][];
	  }
	| {
			kind: 'figure';
			/** the text alternative (PDF) */
			alt: string;
			/** the figure as accessible SVG (with title and desc), for HTML */
			svg: string;
			/** the same figure drawn in the PDF */
			chart: LineChart;
	  }
	| {
			kind: 'section';
			/** the id of the section's heading (aria-labelledby) */
			id: string;
			heading: { level: 2 | 3; text: string };
			blocks: DocBlock[];
	  };

export interface DocModel {
	title: string;
	/** BCP 47, e.g. "de-DE" */
	lang: string;
	/** document properties of the PDF */
	subject?: string;
	author?: string;
	/** shown at the top of every PDF page (as an artifact) */
	runningHeader?: string;
	/** "Seite {page} von {pages}" — a function so the caller chooses the language */
	pageLabel?: (page: number, pages: number) => string;
	blocks: DocBlock[];
}

/** The BCP 47 tag of a UI language. */
export function docLang(locale: string): string {
	return locale === 'en' ? 'en-GB' : 'de-DE';
}

/** Paragraph blocks of a text whose paragraphs are separated by blank lines. */
export function paragraphsOf(text: string): DocBlock[] {
	return text
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean)
		.map((p) => ({ kind: 'paragraph', text: p }));
}
