/**
 * Renders a document model (./model.ts) to a tagged, accessible PDF with pdfkit: PDF 1.7,
 * document language, title shown in the window, a structure tree (Document > Sect, H1–H3, P,
 * L > LI > Lbl/LBody, Table > Caption, TR > TH/TD, Figure with alt text) in reading order,
 * running header and page numbers marked as artifacts. Standard Helvetica fonts (WinAnsi):
 * characters outside Latin-1 (e.g. Turkish ş, ğ) cannot be shown with them; they are replaced by
 * their closest Latin letter or "?".
 */
import type { DocBlock, DocModel, ListItem } from './model';
import { drawLineChart } from './pdf-chart';

const MARGIN = 56;
const HEADER_Y = 24;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const ITALIC = 'Helvetica-Oblique';
const FIGURE_HEIGHT = 150;
const HEADING_SIZES: Record<1 | 2 | 3, number> = { 1: 18, 2: 14, 3: 12 };
const BODY_SIZE = 10.5;

type Pdf = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** Characters beyond Latin-1 that WinAnsi (the standard fonts' encoding) has. */
const WIN_ANSI_EXTRA = new Set(
	'\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u20ac\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2039\u203a\u2122'
);
const isWinAnsi = (c: string) => c.charCodeAt(0) <= 0xff || WIN_ANSI_EXTRA.has(c);

/** Text the standard fonts can show: other characters approximated (ş → s) or "?". */
export function toWinAnsi(text: string): string {
	const out: string[] = [];
	for (const c of text.normalize('NFC').replace(/[\u2010\u2011\u2012\u2212]/g, '-')) {
		if (c === '\u202f' || c === '\u2009') out.push(' ');
		else if (isWinAnsi(c)) out.push(c);
		else {
			const base = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
			out.push(base !== '' && [...base].every(isWinAnsi) ? base : '?');
		}
	}
	return out.join('');
}

export interface PdfOptions {
	/** false in tests, to read the content streams */
	compress?: boolean;
}

/**
 * The PDF as bytes. pdfkit (with fontkit and its tables) is loaded on the first PDF, not when the
 * server starts (issue 15: a later start within 3 s).
 */
export async function renderPdf(model: DocModel, options: PdfOptions = {}): Promise<Buffer> {
	const { default: PDFDocument } = await import('pdfkit');
	const doc = new PDFDocument({
		pdfVersion: '1.7',
		tagged: true,
		lang: model.lang,
		displayTitle: true,
		bufferPages: true,
		compress: options.compress ?? true,
		size: 'A4',
		margins: { top: MARGIN + 8, bottom: MARGIN, left: MARGIN, right: MARGIN },
		info: {
			Title: toWinAnsi(model.title),
			...(model.subject ? { Subject: toWinAnsi(model.subject) } : {}),
			...(model.author ? { Author: toWinAnsi(model.author) } : {}),
			Creator: 'Miteinander',
			Producer: 'Miteinander'
		}
	});
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('data', (c: Buffer) => chunks.push(c));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});

	const root = doc.struct('Document');
	doc.addStructure(root);
	doc.font(FONT).fontSize(BODY_SIZE).fillColor('black');
	for (const block of model.blocks) renderBlock(doc, root, block);
	root.end();

	decoratePages(doc, model);
	doc.end();
	return done;
}

const contentWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** Starts a new page when less than `height` is left (outside any marked content). */
function ensureSpace(doc: Pdf, height: number) {
	if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
		doc.addPage();
		doc.x = doc.page.margins.left;
	}
}

function renderBlock(doc: Pdf, parent: Struct, block: DocBlock) {
	const left = doc.page.margins.left;
	switch (block.kind) {
		case 'heading': {
			const size = HEADING_SIZES[block.level];
			const text = toWinAnsi(block.text);
			doc.font(BOLD).fontSize(size);
			// keep a heading with at least two lines of what follows
			ensureSpace(doc, doc.heightOfString(text, { width: contentWidth(doc) }) + 40);
			if (block.level > 1) doc.moveDown(0.6);
			parent.add(
				doc.struct(`H${block.level}`, {}, () => {
					doc.text(`${text} `, left, doc.y, { width: contentWidth(doc) });
				})
			);
			doc.moveDown(0.3);
			doc.font(FONT).fontSize(BODY_SIZE);
			break;
		}
		case 'paragraph': {
			const label = block.label ? toWinAnsi(block.label) + ' ' : '';
			const text = toWinAnsi(block.text);
			const font = block.style === 'note' ? ITALIC : FONT;
			ensureSpace(doc, 2 * doc.currentLineHeight(true));
			parent.add(
				doc.struct('P', {}, () => {
					if (block.style === 'meta') doc.fillColor('#333333');
					if (label) {
						doc.font(BOLD).text(label, left, doc.y, { width: contentWidth(doc), continued: true });
						doc.font(font).text(`${text} `);
					} else {
						doc.font(font).text(`${text} `, left, doc.y, { width: contentWidth(doc) });
					}
				})
			);
			doc.font(FONT).fillColor('black');
			doc.moveDown(0.5);
			break;
		}
		case 'list':
			renderList(doc, parent, block.items, block.ordered ?? false);
			break;
		case 'facts':
			renderList(
				doc,
				parent,
				block.items.map((i) => ({ lead: i.label, text: i.value })),
				false
			);
			break;
		case 'table':
			renderTable(doc, parent, block);
			break;
		case 'figure': {
			ensureSpace(doc, FIGURE_HEIGHT + 10);
			const top = doc.y;
			const width = Math.min(contentWidth(doc), 400);
			parent.add(
				doc.struct('Figure', { alt: block.alt }, () =>
					drawLineChart(doc, block.chart, { x: left, y: top, width, height: FIGURE_HEIGHT })
				)
			);
			doc.x = left;
			doc.y = top + FIGURE_HEIGHT + 10;
			break;
		}
		case 'section': {
			const sect = doc.struct('Sect');
			parent.add(sect);
			renderBlock(doc, sect, { kind: 'heading', ...block.heading });
			for (const b of block.blocks) renderBlock(doc, sect, b);
			sect.end();
			break;
		}
	}
}

/** L > LI > Lbl (bullet or number) + LBody (text, or a bold lead with text below). */
function renderList(doc: Pdf, parent: Struct, items: ListItem[], ordered: boolean) {
	const left = doc.page.margins.left;
	const list = doc.struct('L');
	parent.add(list);
	const indent = ordered ? 20 : 14;
	items.forEach((raw, n) => {
		const lead = typeof raw === 'string' ? null : toWinAnsi(raw.lead);
		const text = typeof raw === 'string' ? toWinAnsi(raw) : raw.text ? toWinAnsi(raw.text) : '';
		ensureSpace(doc, 2 * doc.currentLineHeight(true));
		const y = doc.y;
		const width = contentWidth(doc) - indent;
		const item = doc.struct('LI');
		list.add(item);
		item.add(
			doc.struct('Lbl', {}, () => {
				doc.font(FONT).text(ordered ? `${n + 1}. ` : '\u2022 ', left, y, {
					width: indent,
					lineBreak: false
				});
			})
		);
		item.add(
			doc.struct('LBody', {}, () => {
				if (lead !== null) {
					doc.font(BOLD).text(`${lead} `, left + indent, y, { width });
					if (text) doc.font(FONT).text(`${text} `, left + indent, doc.y, { width });
				} else {
					doc.font(FONT).text(`${text} `, left + indent, y, { width });
				}
			})
		);
		item.end();
		doc.moveDown(0.2);
	});
	list.end();
	doc.x = left;
	doc.moveDown(0.4);
}

function renderTable(doc: Pdf, parent: Struct, block: Extract<DocBlock, { kind: 'table' }>) {
	const left = doc.page.margins.left;
	const width = contentWidth(doc);
	const columns = Math.max(1, block.header.length);
	const colWidth = width / columns;
	const pad = 4;
	const table = doc.struct('Table');
	parent.add(table);

	const caption = toWinAnsi(block.caption);
	doc.font(BOLD).fontSize(BODY_SIZE);
	ensureSpace(doc, 4 * doc.currentLineHeight(true));
	table.add(
		doc.struct('Caption', {}, () => {
			doc.text(`${caption} `, left, doc.y, { width });
		})
	);
	doc.moveDown(0.2);

	const row = (cells: string[], header: boolean) => {
		const texts = cells.map(toWinAnsi);
		const heights = texts.map((t, i) => {
			doc.font(header || i === 0 ? BOLD : FONT).fontSize(BODY_SIZE);
			return doc.heightOfString(t || ' ', { width: colWidth - 2 * pad });
		});
		const height = Math.max(...heights) + 2 * pad;
		ensureSpace(doc, height);
		const top = doc.y;
		const tr = doc.struct('TR');
		table.add(tr);
		texts.forEach((t, i) => {
			const isHeader = header || i === 0;
			doc.font(isHeader ? BOLD : FONT).fontSize(BODY_SIZE);
			tr.add(
				doc.struct(
					isHeader ? 'TH' : 'TD',
					(isHeader
						? { scope: header ? 'Column' : 'Row' }
						: {}) as PDFKit.Mixins.StructureElementOptions,
					[
						() => {
							doc.text(`${t} `, left + i * colWidth + pad, top + pad, {
								width: colWidth - 2 * pad
							});
						}
					]
				)
			);
		});
		tr.end();
		// the rule under the row is decoration
		doc.markContent('Artifact', { type: 'Layout' });
		doc
			.moveTo(left, top + height)
			.lineTo(left + width, top + height)
			.lineWidth(header ? 1 : 0.5)
			.strokeColor('#555555')
			.stroke();
		doc.endMarkedContent();
		doc.x = left;
		doc.y = top + height;
	};
	row(block.header, true);
	for (const r of block.rows) row(r, false);
	table.end();
	doc.font(FONT).fontSize(BODY_SIZE);
	doc.moveDown(0.8);
}

/** Running header and "page x of y" on every page, both as pagination artifacts. */
function decoratePages(doc: Pdf, model: DocModel) {
	const range = doc.bufferedPageRange();
	const pages = range.count;
	for (let i = range.start; i < range.start + pages; i++) {
		doc.switchToPage(i);
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		const left = doc.page.margins.left;
		const width = contentWidth(doc);
		doc.markContent('Artifact', { type: 'Pagination' });
		doc.font(FONT).fontSize(8).fillColor('#333333');
		if (model.runningHeader) {
			doc.text(toWinAnsi(model.runningHeader), left, HEADER_Y, { width, lineBreak: false });
		}
		const label = model.pageLabel
			? model.pageLabel(i - range.start + 1, pages)
			: `${i - range.start + 1} / ${pages}`;
		doc.text(toWinAnsi(label), left, doc.page.height - bottom / 2 - 4, {
			width,
			align: 'right',
			lineBreak: false
		});
		doc.endMarkedContent();
		doc.fillColor('black');
		doc.page.margins.bottom = bottom;
	}
}
