import { describe, expect, it } from 'vitest';
import { renderPdf, toWinAnsi } from './pdf';
import { renderHtml, renderHtmlPage } from './html';
import type { DocModel } from './model';

const model: DocModel = {
	title: 'Protokoll: Arbeitskreis Bildung – 12.03.2026',
	lang: 'de-DE',
	runningHeader: 'Arbeitskreis Bildung · Protokoll',
	pageLabel: (p, n) => `Seite ${p} von ${n}`,
	blocks: [
		{ kind: 'heading', level: 1, text: 'Protokoll der Sitzung' },
		{ kind: 'paragraph', label: 'Ort:', text: 'Rathaus, Raum 1' },
		{ kind: 'heading', level: 2, text: 'Anwesenheit' },
		{
			kind: 'table',
			caption: 'Anwesende',
			header: ['Name', 'Organisation', 'Status'],
			rows: [
				['Frau Müller', 'Caritas', 'anwesend'],
				['Herr Öztürk', 'Sportverein', 'entschuldigt']
			]
		},
		{ kind: 'heading', level: 3, text: 'TOP 1: Sprachkurse' },
		{ kind: 'list', items: ['Erster Punkt', 'Zweiter Punkt'] },
		// enough text to need a second page
		...Array.from({ length: 40 }, (_, i) => ({
			kind: 'paragraph' as const,
			text: `Absatz ${i + 1}: Die Teilnehmenden besprechen die Lage der Sprachkurse im Landkreis und die Wartelisten.`
		}))
	]
};

/** The text shown by the content streams: pdfkit writes standard-font text as hex strings in TJ arrays. */
function shownText(pdf: Buffer): string {
	const raw = pdf.toString('latin1');
	const lines: string[] = [];
	for (const tj of raw.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\]\s*TJ/gi)) {
		const parts = [...tj[1].matchAll(/<([0-9a-f]*)>/gi)].map((h) =>
			Buffer.from(h[1], 'hex').toString('latin1')
		);
		lines.push(parts.join(''));
	}
	return lines.join('\n');
}

describe('renderPdf', () => {
	it('writes a tagged PDF 1.7 with language, title, structure tree and extractable text', async () => {
		const pdf = await renderPdf(model, { compress: false });
		const raw = pdf.toString('latin1');
		expect(raw.startsWith('%PDF-1.7')).toBe(true);
		expect(raw).toContain('/StructTreeRoot');
		expect(raw).toContain('/MarkInfo');
		expect(raw).toMatch(/\/Marked true/);
		expect(raw).toContain('/Lang (de-DE)');
		expect(raw).toContain('/DisplayDocTitle true');
		// the title in the info dictionary (a PDF string; umlaut-free part checked)
		expect(raw).toContain('Protokoll: Arbeitskreis Bildung');
		for (const type of ['/Document', '/H1', '/H2', '/H3', '/P', '/L', '/LI', '/Lbl', '/LBody']) {
			expect(raw).toContain(`/S ${type}`);
		}
		for (const type of ['/Table', '/TR', '/TH', '/TD']) expect(raw).toContain(`/S ${type}`);
		expect(raw).toContain('/Scope /Column');
		// page numbers and running header are artifacts, content is marked with MCIDs
		expect(raw).toContain('/Artifact <<\n/Type /Pagination');
		expect(raw).toMatch(/\/H1 <<\n\/MCID \d+/);
		const text = shownText(pdf);
		expect(text).toContain('Protokoll der Sitzung');
		expect(text).toContain('TOP 1: Sprachkurse');
		expect(text).toContain('Müller');
		expect(text).toContain('Seite 1 von 2');
		expect(text).toContain('Seite 2 von 2');
		expect(text).toContain('Arbeitskreis Bildung · Protokoll');
	});

	it('compresses by default and still starts as a PDF', async () => {
		const pdf = await renderPdf(model);
		expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
		expect(pdf.toString('latin1')).toContain('/FlateDecode');
	});

	it('replaces characters the standard fonts cannot show', () => {
		expect(toWinAnsi('Şükrü Gül – „Fest“ €')).toBe('Sükrü Gül – „Fest“ €');
		expect(toWinAnsi('مرحبا')).toBe('?????');
	});
});

describe('renderHtml', () => {
	it('renders headings, lists and tables accessibly and escapes every value', () => {
		const html = renderHtml({
			title: 't',
			lang: 'de-DE',
			blocks: [
				{ kind: 'heading', level: 1, text: 'Tagesordnung <AK>' },
				{ kind: 'paragraph', label: 'Beschluss:', text: 'Zeile 1\nZeile 2 & mehr' },
				{ kind: 'list', items: ['<script>alert(1)</script>'] },
				{ kind: 'table', caption: 'Aufgaben', header: ['Was', 'Wer'], rows: [['Flyer', 'Caritas']] }
			]
		});
		expect(html).toContain('<article class="document" lang="de-DE">');
		expect(html).toContain('<h1>Tagesordnung &lt;AK&gt;</h1>');
		expect(html).toContain('<p><strong>Beschluss:</strong> Zeile 1<br>Zeile 2 &amp; mehr</p>');
		expect(html).toContain('<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>');
		expect(html).not.toContain('<script>');
		expect(html).toContain('<caption>Aufgaben</caption>');
		expect(html).toContain('<th scope="col">Was</th>');
		expect(html).toContain('<th scope="row">Flyer</th><td>Caritas</td>');
	});
});

describe('renderPdf, further blocks', () => {
	it('tags ordered lists with lead lines, key-value blocks, sections and described figures', async () => {
		const pdf = await renderPdf(
			{
				title: 'Integrationskonzept',
				lang: 'en-GB',
				subject: 'Fortschreibung',
				author: 'Landkreis Beispiel',
				blocks: [
					{ kind: 'heading', level: 1, text: 'Integrationskonzept' },
					{ kind: 'paragraph', style: 'meta', text: 'beschlossen am 13.12.2018' },
					{ kind: 'paragraph', style: 'note', text: 'Interne Fassung' },
					{
						kind: 'list',
						ordered: true,
						items: ['Erster Leitsatz', { lead: 'Wohnen', text: 'Ergebnis: übernommen' }]
					},
					{
						kind: 'section',
						id: 'sec-facts',
						heading: { level: 2, text: 'Kennzahlen' },
						blocks: [{ kind: 'facts', items: [{ label: 'Sitzungen', value: '12' }] }]
					},
					{
						kind: 'figure',
						alt: 'Verlauf: Betreuungsquote',
						svg: '<svg></svg>',
						chart: {
							points: [
								{ date: '2022-12-31', value: 18.5 },
								{ date: '2023-12-31', value: 21 }
							],
							target: 35,
							baseline: 15
						}
					}
				]
			},
			{ compress: false }
		);
		const raw = pdf.toString('latin1');
		expect(raw).toContain('/Lang (en-GB)');
		for (const type of ['/Sect', '/H2', '/L', '/LI', '/Lbl', '/LBody', '/Figure'])
			expect(raw).toContain(`/S ${type}`);
		expect(raw).toMatch(/\/Alt \(Verlauf: Betreuungsquote\)/);
		expect(raw).toContain('/Subject');
		expect(raw).toContain('(Fortschreibung)');
		expect(raw).toContain('/Author');
		expect(raw).toContain('(Landkreis Beispiel)');
		const text = shownText(pdf);
		expect(text).toContain('1.');
		expect(text).toContain('Wohnen');
		expect(text).toContain('Ergebnis: übernommen');
		expect(text).toContain('Sitzungen');
		expect(text).toContain('1 / 1');
	});
});

describe('renderHtml, further blocks', () => {
	it('renders ordered lists, lead items, description lists, sections, notes and figures', () => {
		const html = renderHtml(
			{
				title: 't',
				lang: 'de-DE',
				blocks: [
					{ kind: 'heading', level: 1, text: 'Bericht' },
					{ kind: 'paragraph', style: 'note', text: 'Hinweis' },
					{ kind: 'list', ordered: true, items: ['eins', { lead: 'Wohnen', text: 'a\nb' }] },
					{
						kind: 'section',
						id: 'sec-x',
						heading: { level: 2, text: 'Zahlen & Fakten' },
						blocks: [{ kind: 'facts', items: [{ label: 'Sitzungen', value: '<12>' }] }]
					},
					{
						kind: 'figure',
						alt: 'Verlauf',
						svg: '<svg role="img"></svg>',
						chart: { points: [], target: null, baseline: null }
					}
				]
			},
			{ headingOffset: 1 }
		);
		expect(html).toContain('<h2>Bericht</h2>');
		expect(html).toContain('<p class="note">Hinweis</p>');
		expect(html).toContain('<ol><li>eins</li><li><strong>Wohnen</strong><br>a<br>b</li></ol>');
		expect(html).toContain(
			'<section aria-labelledby="sec-x"><h3 id="sec-x">Zahlen &amp; Fakten</h3>'
		);
		expect(html).toContain('<dl><dt>Sitzungen</dt><dd>&lt;12&gt;</dd></dl>');
		expect(html).toContain('<figure><svg role="img"></svg></figure>');
	});

	it('writes one self-contained HTML file with language, title and one h1', () => {
		const html = renderHtmlPage(
			{
				title: 'Bericht <1>',
				lang: 'de-DE',
				blocks: [{ kind: 'heading', level: 1, text: 'Bericht' }]
			},
			{ css: '.chart{fill:none}' }
		);
		expect(html.startsWith('<!doctype html>\n<html lang="de-DE">')).toBe(true);
		expect(html).toContain('<title>Bericht &lt;1&gt;</title>');
		expect(html).toContain('.chart{fill:none}');
		expect(html.match(/<h1>/g)).toHaveLength(1);
		expect(html).not.toMatch(/<script/);
	});
});
