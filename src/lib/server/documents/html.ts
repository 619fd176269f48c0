/**
 * A document model (./model.ts) as accessible HTML: every value escaped, headings keep their
 * levels, lists and description lists as such, tables with caption and header cells with scope,
 * figures as SVG with title and description, sections labelled by their heading.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from '../shared';
import type { DocBlock, DocModel, ListItem } from './model';

/** Text with line breaks: each line separated by <br>. */
function multiline(text: string): string {
	return text.split(/\r?\n/).map(escapeHtml).join('<br>');
}

function listItem(item: ListItem): string {
	if (typeof item === 'string') return `<li>${multiline(item)}</li>`;
	const text = item.text ? `<br>${multiline(item.text)}` : '';
	return `<li><strong>${escapeHtml(item.lead)}</strong>${text}</li>`;
}

function blockHtml(block: DocBlock, offset: number): string {
	switch (block.kind) {
		case 'heading': {
			const level = block.level + offset;
			return `<h${level}>${escapeHtml(block.text)}</h${level}>`;
		}
		case 'paragraph': {
			const cls = block.style ? ` class="${block.style}"` : '';
			const label = block.label ? `<strong>${escapeHtml(block.label)}</strong> ` : '';
			return `<p${cls}>${label}${multiline(block.text)}</p>`;
		}
		case 'list': {
			const tag = block.ordered ? 'ol' : 'ul';
			return `<${tag}>${block.items.map(listItem).join('')}</${tag}>`;
		}
		case 'facts':
			return `<dl>${block.items
				.map((i) => `<dt>${escapeHtml(i.label)}</dt><dd>${multiline(i.value)}</dd>`)
				.join('')}</dl>`;
		case 'table':
			return `<div class="table-wrap"><table><caption>${escapeHtml(block.caption)}</caption><thead><tr>${block.header
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
				.join('')}</tbody></table></div>`;
		case 'figure':
			// the SVG is built by our own chart code from escaped values
			return `<figure>${block.svg}</figure>`;
		case 'section': {
			const level = block.heading.level + offset;
			const id = escapeHtml(block.id);
			return [
				`<section aria-labelledby="${id}"><h${level} id="${id}">${escapeHtml(block.heading.text)}</h${level}>`,
				...block.blocks.map((b) => blockHtml(b, offset)),
				'</section>'
			].join('\n');
		}
	}
}

/**
 * The document as an HTML fragment (an <article> with the document's language), for a page.
 * headingOffset 1 moves every heading one level down, for embedding under a page's own h1.
 */
export function renderHtml(doc: DocModel, options: { headingOffset?: 0 | 1 } = {}): string {
	const offset = options.headingOffset ?? 0;
	return [
		`<article class="document" lang="${escapeHtml(doc.lang)}">`,
		...doc.blocks.map((b) => blockHtml(b, offset)),
		'</article>'
	].join('\n');
}

const PAGE_STYLE = `body{font-family:system-ui,sans-serif;line-height:1.5;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;margin:1rem 0;width:100%}caption{text-align:start;font-weight:700;padding-block:.25rem}
th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:start;vertical-align:top}
dt{font-weight:600}dd{margin-inline-start:0;margin-block-end:.5rem}
.meta{color:#4a4a4a}.note{font-style:italic}figure{margin:1rem 0;max-width:40rem}svg{width:100%;height:auto;font-size:12px}
@media print{table,figure{break-inside:avoid}}`;

/**
 * The policy a saved document keeps (a meta element travels with the file, a header does not):
 * nothing runs or loads from elsewhere; only its own style element (by hash) and data: images.
 */
export function documentPolicy(style: string): string {
	const hash = createHash('sha256').update(style, 'utf8').digest('base64');
	return `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`;
}

/**
 * The document as one self-contained HTML file (a download): language, title, inline styles,
 * its Content-Security-Policy as a meta element; `css` adds styles of the document's own figures.
 */
export function renderHtmlPage(doc: DocModel, options: { css?: string } = {}): string {
	const style = options.css ? `${PAGE_STYLE}\n${options.css}` : PAGE_STYLE;
	return `<!doctype html>\n<html lang="${escapeHtml(doc.lang)}">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${documentPolicy(style)}">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(doc.title)}</title>\n<style>${style}</style>\n</head>\n<body>\n<main>\n${renderHtml(doc)}\n</main>\n</body>\n</html>\n`;
}
