/**
 * The results document as a tagged PDF (PDF 1.7, structure tree, document language, title shown
 * in the window): headings H1–H3, paragraphs and lists in reading order.
 *
 * Own small renderer: the generic document model for minutes (src/lib/server/minutes/) was not
 * in main yet when this was written; replace this with it once it is.
 */
import PDFDocument from 'pdfkit';
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

export function renderResultsPdf(
	doc: ResultsDocument,
	text: ResultsPdfText,
	locale: 'de' | 'en'
): Promise<Buffer> {
	const pdf = new PDFDocument({
		pdfVersion: '1.7',
		tagged: true,
		lang: locale === 'de' ? 'de-DE' : 'en-GB',
		displayTitle: true,
		info: { Title: text.title, Author: text.tenant, Subject: doc.process.title },
		margins: { top: 56, bottom: 56, left: 64, right: 64 },
		size: 'A4'
	});
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		pdf.on('data', (c: Buffer) => chunks.push(c));
		pdf.on('end', () => resolve(Buffer.concat(chunks)));
		pdf.on('error', reject);
	});

	const heading = (level: 'H1' | 'H2' | 'H3', value: string) => {
		const size = level === 'H1' ? 20 : level === 'H2' ? 15 : 12.5;
		pdf.addStructure(
			pdf.struct(level, {}, () => {
				pdf.font('Helvetica-Bold').fontSize(size).fillColor('#000000').text(value);
			})
		);
		pdf.moveDown(0.4);
	};
	const paragraph = (value: string, small = false) => {
		pdf.addStructure(
			pdf.struct('P', {}, () => {
				pdf
					.font('Helvetica')
					.fontSize(small ? 9.5 : 11)
					.fillColor(small ? '#333333' : '#000000')
					.text(value, { lineGap: 2 });
			})
		);
		pdf.moveDown(0.5);
	};
	const list = (items: { lead: string; rest?: string }[]) => {
		const l = pdf.struct('L');
		pdf.addStructure(l);
		for (const item of items) {
			const li = pdf.struct('LI');
			l.add(li);
			li.add(
				pdf.struct('LBody', {}, () => {
					pdf.font('Helvetica-Bold').fontSize(11).fillColor('#000000').text(item.lead, {
						lineGap: 2
					});
					if (item.rest)
						pdf
							.font('Helvetica')
							.fontSize(9.5)
							.fillColor('#333333')
							.text(item.rest, { lineGap: 2 });
				})
			);
			li.end();
			pdf.moveDown(0.3);
		}
		l.end();
		pdf.moveDown(0.4);
	};

	heading('H1', text.title);
	paragraph(text.tenant, true);
	const intro = doc.process.resultsIntro ?? doc.process.purpose;
	if (intro) for (const para of intro.split(/\n\s*\n/)) paragraph(para);
	paragraph(text.totals);

	if (doc.dialogues.length > 0) {
		heading('H2', text.dialoguesHeading);
		list(doc.dialogues.map((d) => ({ lead: d.title, rest: text.dialogueLine(d) })));
	}

	heading('H2', text.recommendationsHeading);
	if (doc.groups.length === 0) paragraph(text.none);
	for (const g of doc.groups) {
		heading('H3', g.name ?? text.noField);
		list(
			g.items.map((r) => ({
				lead: r.title,
				rest: [r.body, text.outcomeLine(r)].filter(Boolean).join('\n')
			}))
		);
	}
	pdf.end();
	return done;
}
