/**
 * A small, generic document model for printable documents (agenda, minutes, later the
 * integration concept and reports): a title, a language and a flat sequence of blocks. It is
 * rendered to accessible HTML here and to a tagged PDF in ./pdf.ts, so both always say the same.
 */

import { escapeHtml } from '../shared';
export { escapeHtml };

export type DocBlock =
	| { kind: 'heading'; level: 1 | 2 | 3; text: string }
	| {
			kind: 'paragraph';
			text: string;
			/** a bold label before the text, e.g. "Beschluss:" */ label?: string;
	  }
	| { kind: 'list'; items: string[] }
	| {
			kind: 'table';
			caption: string;
			/** the header row (column headings) */
			header: string[];
			rows: string[][];
	  };

export interface DocModel {
	title: string;
	/** BCP 47, e.g. "de-DE" */
	lang: string;
	/** shown at the top of every PDF page (as an artifact) */
	runningHeader?: string;
	/** "Seite {page} von {pages}" — a function so the caller chooses the language */
	pageLabel?: (page: number, pages: number) => string;
	blocks: DocBlock[];
}


/** Text with line breaks: each line of a paragraph separated by <br>. */
function multiline(text: string): string {
	return text.split(/\r?\n/).map(escapeHtml).join('<br>');
}

/**
 * The document as an HTML fragment (an <article> with the document's language), for a print
 * page. Every value is escaped; headings keep their levels (the title block is the page's h1;
 * headingOffset 1 moves everything one level down, for embedding under a page's own h1), tables
 * have a caption and header cells with scope.
 */
export function renderHtml(doc: DocModel, options: { headingOffset?: 0 | 1 } = {}): string {
	const out: string[] = [`<article class="document" lang="${escapeHtml(doc.lang)}">`];
	for (const block of doc.blocks) {
		switch (block.kind) {
			case 'heading': {
				const level = block.level + (options.headingOffset ?? 0);
				out.push(`<h${level}>${escapeHtml(block.text)}</h${level}>`);
				break;
			}
			case 'paragraph':
				out.push(
					`<p>${block.label ? `<strong>${escapeHtml(block.label)}</strong> ` : ''}${multiline(block.text)}</p>`
				);
				break;
			case 'list':
				out.push(`<ul>${block.items.map((i) => `<li>${multiline(i)}</li>`).join('')}</ul>`);
				break;
			case 'table':
				out.push(
					`<div class="table-wrap"><table><caption>${escapeHtml(block.caption)}</caption><thead><tr>${block.header
						.map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
						.join('')}</tr></thead><tbody>${block.rows
						.map(
							(r) =>
								`<tr>${r
									.map((c, i) =>
										i === 0 ? `<th scope="row">${multiline(c)}</th>` : `<td>${multiline(c)}</td>`
									)
									.join('')}</tr>`
						)
						.join('')}</tbody></table></div>`
				);
				break;
		}
	}
	out.push('</article>');
	return out.join('\n');
}
