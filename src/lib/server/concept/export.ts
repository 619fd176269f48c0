/**
 * Export of a concept edition as one document model, rendered as accessible HTML (one file,
 * inline styles, SVG charts with title/desc plus tables) and as a tagged PDF (pdfkit: PDF 1.7,
 * structure tree with H1–H3, P, L/LI, Table/TR/TH/TD, Figure with alt text; document language
 * and title). A small renderer of its own, until the shared document renderer lands in main.
 */
import PDFDocument from 'pdfkit';
import { m } from '$lib/paraglide/messages';
import type { ConceptTree } from './views';
import type { IndicatorView } from './indicators';
import { indicatorChart } from './indicator-chart';
import { formatNumber } from './charts';
import { dayNumber, type Point } from './calc';

export type Block =
	| { type: 'h1' | 'h2' | 'h3' | 'p' | 'meta'; text: string }
	| { type: 'list'; ordered: boolean; items: string[] }
	| { type: 'table'; caption: string; head: string[]; rows: string[][] }
	| {
			type: 'chart';
			svg: string;
			alt: string;
			points: Point[];
			target: number | null;
			baseline: number | null;
	  };

export interface ExportDocument {
	title: string;
	lang: string;
	blocks: Block[];
}

const day = (d: string | null, locale: string) => {
	if (!d) return '–';
	const [y, mo, dd] = d.split('-');
	return locale === 'de' ? `${dd}.${mo}.${y}` : `${y}-${mo}-${dd}`;
};

const TREND: Record<string, () => string> = {
	achieved: m.concept_trend_achieved,
	on_track: m.concept_trend_on_track,
	off_track: m.concept_trend_off_track,
	no_data: m.concept_trend_no_data,
	no_target: m.concept_trend_no_target
};

/** The document: Leitbild, guidelines, fields → goals → measures with state, indicators. */
export function conceptDocument(
	tree: ConceptTree,
	indicators: IndicatorView[],
	opts: { tenantName: string; locale: string; internal: boolean; generatedOn: string }
): ExportDocument {
	const { locale } = opts;
	const e = tree.edition;
	const blocks: Block[] = [];
	const title = m.concept_export_title({ title: e.title, tenant: opts.tenantName });
	blocks.push({ type: 'h1', text: title });
	const meta = [
		e.adoptedOn
			? m.concept_adopted_on_by({ date: day(e.adoptedOn, locale), body: e.adoptedBy ?? '' })
			: '',
		m.concept_export_generated({ date: day(opts.generatedOn, locale) })
	]
		.filter(Boolean)
		.join(' · ');
	blocks.push({ type: 'meta', text: meta });
	if (opts.internal) blocks.push({ type: 'p', text: m.concept_export_internal_note() });
	if (e.leitbild) {
		blocks.push({ type: 'h2', text: m.concept_leitbild() });
		for (const para of e.leitbild.split(/\n\s*\n/)) blocks.push({ type: 'p', text: para.trim() });
	}
	if (tree.guidelines.length) {
		blocks.push({ type: 'h2', text: m.concept_guidelines() });
		blocks.push({
			type: 'list',
			ordered: true,
			items: tree.guidelines.map((g) => (g.explanation ? `${g.title} – ${g.explanation}` : g.title))
		});
	}
	blocks.push({ type: 'h2', text: m.concept_fields_goals_measures() });
	for (const f of tree.fields) {
		blocks.push({ type: 'h3', text: f.name });
		for (const g of f.goals) {
			blocks.push({ type: 'p', text: `${m.concept_goal()}: ${g.title}` });
			if (g.description) blocks.push({ type: 'p', text: g.description });
			if (!g.measures.length) continue;
			blocks.push({
				type: 'table',
				caption: m.concept_measures_of_goal({ goal: g.title }),
				head: [m.concept_measure(), m.concept_state(), m.concept_progress(), m.concept_period()],
				rows: g.measures.map((ms) => [
					ms.title + (opts.internal && !ms.isPublic ? ` (${m.concept_internal()})` : ''),
					ms.stateName + (ms.overdue ? ` (${m.concept_overdue()})` : ''),
					ms.progress === null ? '–' : `${ms.progress} %`,
					`${day(ms.startDate, locale)} – ${day(ms.endDate, locale)}`
				])
			});
		}
	}
	if (indicators.length) {
		blocks.push({ type: 'h2', text: m.concept_indicators_title() });
		for (const [i, v] of indicators.entries()) {
			const ind = v.indicator;
			const fmt = (x: number | null) =>
				x === null ? '–' : `${formatNumber(x, locale, 2)} ${ind.unit}`;
			blocks.push({ type: 'h3', text: ind.name });
			if (ind.definition) blocks.push({ type: 'p', text: ind.definition });
			blocks.push({
				type: 'p',
				text: [
					`${m.concept_latest_value()}: ${fmt(v.trend.latest?.value ?? null)}${v.trend.latest ? ` (${day(v.trend.latest.date, locale)})` : ''}`,
					`${m.concept_baseline()}: ${fmt(ind.baselineValue)} (${day(ind.baselineDate, locale)})`,
					`${m.concept_target()}: ${fmt(ind.targetValue)} (${day(ind.targetDate, locale)})`,
					`${m.concept_trend()}: ${TREND[v.trend.status]()}`
				].join(' · ')
			});
			if (v.hasDemo) blocks.push({ type: 'p', text: m.concept_demo_note() });
			const svg = indicatorChart(v, opts.tenantName, locale, `export-indicator-${i}`);
			const desc = /<desc [^>]*>([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';
			blocks.push({
				type: 'chart',
				svg,
				alt: `${m.concept_chart_indicator_title({ indicator: ind.name })}. ${desc
					.replace(/&amp;/g, '&')
					.replace(/&lt;/g, '<')
					.replace(/&gt;/g, '>')
					.replace(/&quot;/g, '"')}`,
				points: v.series,
				target: ind.targetValue,
				baseline: ind.baselineValue
			});
			const totals = v.values.filter((x) => !x.breakdownDimension);
			if (totals.length)
				blocks.push({
					type: 'table',
					caption: m.concept_values_caption({ indicator: ind.name }),
					head: [m.concept_date(), m.concept_area(), m.concept_value()],
					rows: totals.map((x) => [day(x.date, locale), x.area, fmt(x.value)])
				});
			if (ind.source) blocks.push({ type: 'p', text: `${m.concept_source()}: ${ind.source}` });
		}
	}
	return { title, lang: locale === 'de' ? 'de-DE' : 'en-GB', blocks };
}

const esc = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const HTML_STYLE = `body{font-family:system-ui,sans-serif;line-height:1.5;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;margin:1rem 0;width:100%}caption{text-align:start;font-weight:700}
th,td{border:1px solid #8a8f96;padding:.25rem .5rem;text-align:start;vertical-align:top}
.meta{color:#4a4a4a}figure{margin:1rem 0;max-width:40rem}svg{width:100%;height:auto;font-size:12px}
.chart-grid line{stroke:#d0d4d9}.chart-series path{fill:none;stroke:#0b5cad;stroke-width:2.5}
.chart-point>*{fill:#0b5cad;stroke:#0b5cad}.chart-target line,.chart-target-point{stroke:#1b6b3a;fill:none;stroke-width:2}
.chart-baseline line{stroke:#4a4a4a}.chart-series-1 path{stroke:#8a3b00}.chart-series-1 .chart-point>*{fill:#8a3b00;stroke:#8a3b00}
.chart-series-2 path{stroke:#5b2a86}.chart-series-2 .chart-point>*{fill:#5b2a86;stroke:#5b2a86}
@media print{table,figure{break-inside:avoid}}`;

/** One self-contained, accessible HTML file. */
export function renderHtml(doc: ExportDocument): string {
	const body = doc.blocks
		.map((b) => {
			switch (b.type) {
				case 'h1':
				case 'h2':
				case 'h3':
					return `<${b.type}>${esc(b.text)}</${b.type}>`;
				case 'meta':
					return `<p class="meta">${esc(b.text)}</p>`;
				case 'p':
					return `<p>${esc(b.text)}</p>`;
				case 'list': {
					const tag = b.ordered ? 'ol' : 'ul';
					return `<${tag}>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</${tag}>`;
				}
				case 'table':
					return `<table><caption>${esc(b.caption)}</caption><thead><tr>${b.head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
						.map(
							(r) =>
								`<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`
						)
						.join('')}</tbody></table>`;
				case 'chart':
					return `<figure>${b.svg}</figure>`;
			}
		})
		.join('\n');
	return `<!doctype html>\n<html lang="${doc.lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${esc(doc.title)}</title>\n<style>${HTML_STYLE}</style>\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`;
}

/** A tagged PDF of the document (PDF 1.7, structure tree, language, title shown). */
export function renderPdf(doc: ExportDocument): Promise<Buffer> {
	const pdf = new PDFDocument({
		pdfVersion: '1.7',
		tagged: true,
		lang: doc.lang,
		displayTitle: true,
		info: { Title: doc.title },
		size: 'A4',
		margins: { top: 56, bottom: 56, left: 56, right: 56 },
		bufferPages: false
	});
	const chunks: Buffer[] = [];
	pdf.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve, reject) => {
		pdf.on('end', () => resolve(Buffer.concat(chunks)));
		pdf.on('error', reject);
	});
	const root = pdf.struct('Document');
	pdf.addStructure(root);
	const width = pdf.page.width - 112;
	const ensureSpace = (h: number) => {
		if (pdf.y + h > pdf.page.height - 56) pdf.addPage();
	};
	const text = (tag: string, value: string, size: number, font = 'Helvetica') => {
		ensureSpace(size * 2);
		root.add(
			pdf.struct(tag, {}, () => {
				pdf.font(font).fontSize(size).fillColor('#1a1a1a').text(value, 56, pdf.y, { width });
			})
		);
		pdf.moveDown(0.4);
	};
	for (const b of doc.blocks) {
		switch (b.type) {
			case 'h1':
				text('H1', b.text, 18, 'Helvetica-Bold');
				break;
			case 'h2':
				pdf.moveDown(0.5);
				text('H2', b.text, 14, 'Helvetica-Bold');
				break;
			case 'h3':
				text('H3', b.text, 12, 'Helvetica-Bold');
				break;
			case 'meta':
			case 'p':
				text('P', b.text, 10);
				break;
			case 'list': {
				const list = pdf.struct('L');
				root.add(list);
				b.items.forEach((item, i) => {
					ensureSpace(24);
					list.add(
						pdf.struct('LI', {}, [
							pdf.struct('Lbl', {}, () => {
								pdf
									.font('Helvetica')
									.fontSize(10)
									.text(b.ordered ? `${i + 1}.` : '•', 56, pdf.y, { width: 20, continued: false });
								pdf.moveUp();
							}),
							pdf.struct('LBody', {}, () => {
								pdf
									.font('Helvetica')
									.fontSize(10)
									.text(item, 78, pdf.y, { width: width - 22 });
							})
						])
					);
				});
				list.end();
				pdf.moveDown(0.4);
				break;
			}
			case 'table': {
				const table = pdf.struct('Table');
				root.add(table);
				ensureSpace(40);
				table.add(
					pdf.struct('Caption', {}, () => {
						pdf.font('Helvetica-Bold').fontSize(10).text(b.caption, 56, pdf.y, { width });
					})
				);
				const cols = b.head.length;
				const colW = [width * 0.4, ...Array(cols - 1).fill((width * 0.6) / (cols - 1))];
				const row = (cells: string[], header: boolean) => {
					pdf.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
					const h =
						Math.max(...cells.map((c, i) => pdf.heightOfString(c, { width: colW[i] - 6 }))) + 6;
					ensureSpace(h);
					const y = pdf.y;
					const tr = pdf.struct('TR');
					table.add(tr);
					let x = 56;
					cells.forEach((c, i) => {
						const tag = header || i === 0 ? 'TH' : 'TD';
						const cx = x;
						tr.add(
							pdf.struct(tag, {}, () => {
								pdf.text(c, cx + 3, y + 3, { width: colW[i] - 6 });
							})
						);
						x += colW[i];
					});
					tr.end();
					pdf.markContent('Artifact', { type: 'Layout' });
					pdf.save().lineWidth(0.5).strokeColor('#8a8f96');
					pdf.rect(56, y, width, h).stroke();
					pdf.restore();
					pdf.endMarkedContent();
					pdf.x = 56;
					pdf.y = y + h;
				};
				row(b.head, true);
				for (const r of b.rows) row(r, false);
				table.end();
				pdf.moveDown(0.6);
				break;
			}
			case 'chart': {
				const h = 150;
				ensureSpace(h + 10);
				const y0 = pdf.y;
				root.add(
					pdf.struct('Figure', { alt: b.alt }, () =>
						drawChart(pdf, b, 56, y0, Math.min(width, 400), h)
					)
				);
				pdf.x = 56;
				pdf.y = y0 + h + 10;
				break;
			}
		}
	}
	root.end();
	pdf.end();
	return done;
}

function drawChart(
	pdf: PDFKit.PDFDocument,
	b: Extract<Block, { type: 'chart' }>,
	x: number,
	y: number,
	w: number,
	h: number
) {
	pdf.save();
	pdf.lineWidth(0.5).strokeColor('#8a8f96').rect(x, y, w, h).stroke();
	const pts = [...b.points].sort((p, q) => p.date.localeCompare(q.date));
	if (pts.length) {
		const ys = [
			...pts.map((p) => p.value),
			...(b.target !== null ? [b.target] : []),
			...(b.baseline !== null ? [b.baseline] : [])
		];
		let lo = Math.min(...ys);
		let hi = Math.max(...ys);
		if (lo === hi) {
			lo -= 1;
			hi += 1;
		}
		lo = Math.max(0, lo - (hi - lo) * 0.1);
		hi += (hi - lo) * 0.1;
		const d0 = dayNumber(pts[0].date);
		const d1 = Math.max(d0 + 1, dayNumber(pts[pts.length - 1].date));
		const sx = (d: string) => x + 20 + ((dayNumber(d) - d0) / (d1 - d0)) * (w - 40);
		const sy = (v: number) => y + h - 15 - ((v - lo) / (hi - lo)) * (h - 30);
		if (b.target !== null)
			pdf
				.lineWidth(1)
				.strokeColor('#1b6b3a')
				.dash(6, { space: 3 })
				.moveTo(x, sy(b.target))
				.lineTo(x + w, sy(b.target))
				.stroke()
				.undash();
		if (b.baseline !== null)
			pdf
				.lineWidth(0.8)
				.strokeColor('#4a4a4a')
				.dash(2, { space: 3 })
				.moveTo(x, sy(b.baseline))
				.lineTo(x + w, sy(b.baseline))
				.stroke()
				.undash();
		pdf.lineWidth(1.5).strokeColor('#0b5cad');
		pts.forEach((p, i) =>
			i ? pdf.lineTo(sx(p.date), sy(p.value)) : pdf.moveTo(sx(p.date), sy(p.value))
		);
		pdf.stroke();
		for (const p of pts) pdf.circle(sx(p.date), sy(p.value), 2.5).fill('#0b5cad');
	}
	pdf.restore();
}
