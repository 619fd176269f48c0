/**
 * A line chart drawn into a PDF (inside the figure's structure element, which carries the text
 * alternative): the series, a dashed target line and a dotted baseline, in a frame.
 */
import type { LineChart } from './model';

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => {
	const [y, m, d] = date.split('-').map(Number);
	return Date.UTC(y, m - 1, d) / DAY_MS;
};

export function drawLineChart(
	pdf: PDFKit.PDFDocument,
	chart: LineChart,
	box: { x: number; y: number; width: number; height: number }
) {
	const { x, y, width: w, height: h } = box;
	pdf.save();
	pdf.lineWidth(0.5).strokeColor('#8a8f96').rect(x, y, w, h).stroke();
	const pts = [...chart.points].sort((p, q) => p.date.localeCompare(q.date));
	if (pts.length) {
		const ys = [
			...pts.map((p) => p.value),
			...(chart.target !== null ? [chart.target] : []),
			...(chart.baseline !== null ? [chart.baseline] : [])
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
		const rule = (value: number, color: string, width: number, dash: number) =>
			pdf
				.lineWidth(width)
				.strokeColor(color)
				.dash(dash, { space: 3 })
				.moveTo(x, sy(value))
				.lineTo(x + w, sy(value))
				.stroke()
				.undash();
		if (chart.target !== null) rule(chart.target, '#1b6b3a', 1, 6);
		if (chart.baseline !== null) rule(chart.baseline, '#4a4a4a', 0.8, 2);
		pdf.lineWidth(1.5).strokeColor('#0b5cad');
		pts.forEach((p, i) =>
			i ? pdf.lineTo(sx(p.date), sy(p.value)) : pdf.moveTo(sx(p.date), sy(p.value))
		);
		pdf.stroke();
		for (const p of pts) pdf.circle(sx(p.date), sy(p.value), 2.5).fill('#0b5cad');
	}
	pdf.restore();
}
