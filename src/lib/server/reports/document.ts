/**
 * A small generic document model for generated reports, with two renderers: accessible HTML
 * and a tagged PDF (PDF/UA-style structure: headings, paragraphs, lists, tables with header
 * cells, document language and title). Frozen report versions store this model as JSON.
 *
 * (The minutes' document model in main, src/lib/server/minutes/documents.ts, did not exist
 * when this was written; when it does, both can be merged.)
 */
import PDFDocument from 'pdfkit';
import { escapeHtml } from '../shared';

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

function paragraphs(text: string): string {
	return text
		.split(/\n{2,}/)
		.map((p) => p.trim())
		.filter(Boolean)
		.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
		.join('\n');
}

function blockHtml(b: DocBlock, level: number): string {
	switch (b.kind) {
		case 'paragraph':
			return paragraphs(b.text);
		case 'note':
			return `<p class="note">${escapeHtml(b.text)}</p>`;
		case 'list':
			return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
		case 'facts':
			return `<dl>${b.items.map((i) => `<dt>${escapeHtml(i.label)}</dt><dd>${escapeHtml(i.value)}</dd>`).join('')}</dl>`;
		case 'table':
			return [
				'<div class="table-scroll"><table>',
				`<caption>${escapeHtml(b.caption)}</caption>`,
				`<thead><tr>${b.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>`,
				`<tbody>${b.rows
					.map(
						(r) =>
							`<tr>${r.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td>${escapeHtml(cell)}</td>`)).join('')}</tr>`
					)
					.join('')}</tbody>`,
				'</table></div>'
			].join('');
	}
	void level;
}

/** The sections as an HTML fragment (h2 per section), for a page that already has its h1. */
export function renderSectionsHtml(doc: ReportDocument, remarksLabel: string): string {
	const intro = doc.introduction.trim()
		? `<section aria-labelledby="sec-intro"><h2 id="sec-intro">Einleitung</h2>${paragraphs(doc.introduction)}</section>`
		: '';
	return (
		intro +
		doc.sections
			.map(
				(s) =>
					`<section aria-labelledby="sec-${s.key}"><h2 id="sec-${s.key}">${escapeHtml(s.title)}</h2>` +
					s.blocks.map((b) => blockHtml(b, 3)).join('\n') +
					(s.remarks?.trim()
						? `<h3>${escapeHtml(remarksLabel)}</h3>${paragraphs(s.remarks)}`
						: '') +
					'</section>'
			)
			.join('\n')
	);
}

/** A standalone, accessible HTML document (download). */
export function renderReportHtml(doc: ReportDocument): string {
	const remarks = doc.lang === 'en' ? 'Remarks' : 'Anmerkungen';
	return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; max-inline-size: 60rem; margin-inline: auto; padding: 1rem; color: #1a1a1a; }
table { border-collapse: collapse; inline-size: 100%; margin-block: 1rem; }
caption { text-align: start; font-weight: 600; padding-block: .25rem; }
th, td { border: 1px solid #767676; padding: .25rem .5rem; text-align: start; vertical-align: top; }
dt { font-weight: 600; }
dd { margin-inline-start: 0; margin-block-end: .5rem; }
.note { font-style: italic; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(doc.title)}</h1>
<p>${escapeHtml(doc.subtitle)}</p>
${renderSectionsHtml(doc, remarks)}
</main>
</body>
</html>
`;
}

/** A tagged, accessible PDF of the document. */
export async function renderReportPdf(doc: ReportDocument): Promise<Buffer> {
	const pdf = new PDFDocument({
		pdfVersion: '1.7',
		tagged: true,
		lang: doc.lang === 'en' ? 'en-GB' : 'de-DE',
		displayTitle: true,
		size: 'A4',
		margin: 56,
		info: { Title: doc.title, Subject: doc.subtitle, Creator: 'Miteinander' }
	});
	const chunks: Buffer[] = [];
	pdf.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve, reject) => {
		pdf.on('end', () => resolve(Buffer.concat(chunks)));
		pdf.on('error', reject);
	});
	const root = pdf.struct('Document');
	pdf.addStructure(root);
	const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;

	const text = (
		parent: PDFKit.PDFStructureElement,
		type: string,
		value: string,
		font: string,
		size: number,
		gap = 6
	) => {
		const el = pdf.struct(type, {}, () => {
			pdf.font(font).fontSize(size).text(value, { width });
		});
		parent.add(el);
		el.end();
		pdf.moveDown(gap / size);
	};

	text(root, 'H1', doc.title, 'Helvetica-Bold', 18);
	text(root, 'P', doc.subtitle, 'Helvetica', 11, 12);
	if (doc.introduction.trim()) {
		const sect = pdf.struct('Sect');
		root.add(sect);
		text(sect, 'H2', doc.lang === 'en' ? 'Introduction' : 'Einleitung', 'Helvetica-Bold', 14);
		for (const p of doc.introduction.split(/\n{2,}/).filter((x) => x.trim()))
			text(sect, 'P', p.trim(), 'Helvetica', 10.5);
		sect.end();
	}
	for (const s of doc.sections) {
		const sect = pdf.struct('Sect');
		root.add(sect);
		pdf.moveDown(0.5);
		text(sect, 'H2', s.title, 'Helvetica-Bold', 14);
		for (const b of s.blocks) {
			if (b.kind === 'paragraph' || b.kind === 'note')
				text(sect, 'P', b.text, b.kind === 'note' ? 'Helvetica-Oblique' : 'Helvetica', 10.5);
			else if (b.kind === 'list' || b.kind === 'facts') {
				const items = b.kind === 'list' ? b.items : b.items.map((i) => `${i.label}: ${i.value}`);
				const list = pdf.struct('L');
				sect.add(list);
				for (const item of items) {
					const li = pdf.struct('LI');
					list.add(li);
					const lbl = pdf.struct('Lbl', {}, () => {
						pdf.font('Helvetica').fontSize(10.5).text('•', { continued: true });
					});
					const body = pdf.struct('LBody', {}, () => {
						pdf.text(` ${item}`, { width });
					});
					li.add(lbl);
					li.add(body);
					lbl.end();
					body.end();
					li.end();
				}
				list.end();
				pdf.moveDown(0.4);
			} else if (b.kind === 'table') {
				text(sect, 'Caption', b.caption, 'Helvetica-Bold', 10.5, 3);
				const table = pdf.struct('Table');
				sect.add(table);
				const colWidth = width / b.columns.length;
				const row = (cells: string[], header: boolean) => {
					const tr = pdf.struct('TR');
					table.add(tr);
					const y = pdf.y;
					let maxY = y;
					cells.forEach((cell, i) => {
						const type = header || i === 0 ? 'TH' : 'TD';
						const td = pdf.struct(type, {}, () => {
							pdf
								.font(header ? 'Helvetica-Bold' : 'Helvetica')
								.fontSize(9)
								.text(cell, pdf.page.margins.left + i * colWidth, y, { width: colWidth - 6 });
						});
						tr.add(td);
						td.end();
						maxY = Math.max(maxY, pdf.y);
					});
					tr.end();
					pdf.x = pdf.page.margins.left;
					pdf.y = maxY + 3;
					if (pdf.y > pdf.page.height - pdf.page.margins.bottom - 40) pdf.addPage();
				};
				row(b.columns, true);
				for (const r of b.rows) row(r, false);
				table.end();
				pdf.moveDown(0.6);
			}
		}
		if (s.remarks?.trim()) {
			text(sect, 'H3', doc.lang === 'en' ? 'Remarks' : 'Anmerkungen', 'Helvetica-Bold', 11.5);
			for (const p of s.remarks.split(/\n{2,}/).filter((x) => x.trim()))
				text(sect, 'P', p.trim(), 'Helvetica', 10.5);
		}
		sect.end();
	}
	root.end();
	pdf.end();
	return done;
}
