/**
 * Small SVG charts rendered on the server: readable without JavaScript, with role="img" and a
 * <title>/<desc> pair that names the chart and says what it shows. Pages always put the same
 * data next to the chart as a table. Colours are never the only carrier of meaning: lines have
 * markers and dash patterns, target/baseline lines are labelled.
 */
import { intlLocale } from '$lib/i18n/intl';
import { dayNumber, type Point } from './calc';

const esc = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function formatNumber(value: number, locale: string, digits = 1): string {
	return new Intl.NumberFormat(intlLocale(locale), {
		maximumFractionDigits: digits
	}).format(value);
}

function formatDay(date: string, locale: string): string {
	const [y, m, d] = date.split('-');
	return locale === 'de' ? `${d}.${m}.${y}` : `${y}-${m}-${d}`;
}

export interface LineSeries {
	name: string;
	points: Point[];
}

export interface LineChartInput {
	/** unique on the page; used for the ids of title and desc */
	id: string;
	title: string;
	description: string;
	unit: string;
	series: LineSeries[];
	baseline?: { value: number; label: string } | null;
	target?: { value: number; date: string | null; label: string } | null;
	locale: string;
	width?: number;
	height?: number;
}

const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2'];
const MARKERS = ['circle', 'square', 'diamond', 'triangle', 'cross'] as const;

function marker(kind: (typeof MARKERS)[number], x: number, y: number): string {
	const r = 3.5;
	switch (kind) {
		case 'square':
			return `<rect x="${x - r}" y="${y - r}" width="${2 * r}" height="${2 * r}"/>`;
		case 'diamond':
			return `<polygon points="${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}"/>`;
		case 'triangle':
			return `<polygon points="${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}"/>`;
		case 'cross':
			return `<path d="M${x - r} ${y - r}L${x + r} ${y + r}M${x - r} ${y + r}L${x + r} ${y - r}" stroke-width="2"/>`;
		default:
			return `<circle cx="${x}" cy="${y}" r="${r}"/>`;
	}
}

const DAY = 86_400_000;

/**
 * The time axis in years (days as dayNumber): a tick at each 1 January inside the range (the
 * boundary between two years) and each year's label in the middle of its visible part, so a value
 * of 31.12.2019 stands left of the 2020 boundary, under the 2019 label, never on a "2020" tick.
 * A year is labelled when it holds a data point or at least a quarter of it is visible; with
 * many years only every n-th label is kept (at most eight).
 */
export function yearAxis(
	x0: number,
	x1: number,
	dataDays: number[]
): { boundaries: number[]; labels: { year: number; day: number }[] } {
	const yearOf = (d: number) => new Date(d * DAY).getUTCFullYear();
	const jan1 = (year: number) => Date.UTC(year, 0, 1) / DAY;
	const boundaries: number[] = [];
	const labels: { year: number; day: number }[] = [];
	const withData = new Set(dataDays.map(yearOf));
	for (let year = yearOf(x0); year <= yearOf(x1); year++) {
		if (jan1(year) > x0) boundaries.push(jan1(year));
		const from = Math.max(x0, jan1(year));
		const to = Math.min(x1, jan1(year + 1));
		if (withData.has(year) || to - from >= 91) labels.push({ year, day: (from + to) / 2 });
	}
	const step = Math.ceil(labels.length / 8);
	return { boundaries, labels: labels.filter((_, i) => i % step === 0) };
}

/** Line chart of indicator values over time, with optional baseline and target lines. */
export function lineChart(input: LineChartInput): string {
	const { id, locale } = input;
	const width = input.width ?? 560;
	const height = input.height ?? 260;
	const pad = { left: 56, right: 16, top: 16, bottom: 40 };
	const all = input.series.flatMap((s) => s.points);
	const head = `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-line" role="img" viewBox="0 0 ${width} ${height}" aria-labelledby="${id}-title" aria-describedby="${id}-desc"><title id="${id}-title">${esc(input.title)}</title><desc id="${id}-desc">${esc(input.description)}</desc>`;
	if (all.length === 0) {
		return `${head}<text x="${width / 2}" y="${height / 2}" text-anchor="middle" class="chart-empty">–</text></svg>`;
	}
	const ys = all.map((p) => p.value);
	if (input.baseline) ys.push(input.baseline.value);
	if (input.target) ys.push(input.target.value);
	let min = Math.min(...ys);
	let max = Math.max(...ys);
	if (min === max) {
		min -= 1;
		max += 1;
	}
	const span = max - min;
	min = Math.max(min >= 0 ? 0 : -Infinity, min - span * 0.1);
	max = max + span * 0.1;
	const days = all.map((p) => dayNumber(p.date));
	if (input.target?.date) days.push(dayNumber(input.target.date));
	let x0 = Math.min(...days);
	let x1 = Math.max(...days);
	if (x0 === x1) {
		x0 -= 180;
		x1 += 180;
	}
	const sx = (d: number) => pad.left + ((d - x0) / (x1 - x0)) * (width - pad.left - pad.right);
	const sy = (v: number) =>
		pad.top + (1 - (v - min) / (max - min)) * (height - pad.top - pad.bottom);
	const parts: string[] = [head];
	// axes and grid: 4 horizontal lines with labels
	parts.push('<g class="chart-grid" aria-hidden="true">');
	for (let i = 0; i <= 4; i++) {
		const v = min + ((max - min) * i) / 4;
		const y = sy(v).toFixed(1);
		parts.push(
			`<line x1="${pad.left}" x2="${width - pad.right}" y1="${y}" y2="${y}"/><text x="${pad.left - 6}" y="${y}" dy="0.32em" text-anchor="end">${esc(formatNumber(v, locale))}</text>`
		);
	}
	const axis = yearAxis(x0, x1, days);
	const bottom = height - pad.bottom;
	for (const d of axis.boundaries) {
		const x = sx(d).toFixed(1);
		parts.push(
			`<line class="chart-year-tick" x1="${x}" x2="${x}" y1="${bottom}" y2="${bottom + 6}"/>`
		);
	}
	for (const l of axis.labels)
		parts.push(
			`<text x="${sx(l.day).toFixed(1)}" y="${bottom + 18}" text-anchor="middle">${l.year}</text>`
		);
	parts.push(
		`<text x="${pad.left}" y="${height - 6}" class="chart-unit">${esc(input.unit)}</text></g>`
	);
	if (input.baseline) {
		const y = sy(input.baseline.value).toFixed(1);
		parts.push(
			`<g class="chart-baseline"><line x1="${pad.left}" x2="${width - pad.right}" y1="${y}" y2="${y}" stroke-dasharray="2 4"/><text x="${width - pad.right}" y="${y}" dy="-4" text-anchor="end">${esc(input.baseline.label)}</text></g>`
		);
	}
	if (input.target) {
		const y = sy(input.target.value).toFixed(1);
		parts.push(
			`<g class="chart-target"><line x1="${pad.left}" x2="${width - pad.right}" y1="${y}" y2="${y}" stroke-dasharray="8 4"/><text x="${width - pad.right}" y="${y}" dy="-4" text-anchor="end">${esc(input.target.label)}</text>`
		);
		if (input.target.date) {
			const x = sx(dayNumber(input.target.date)).toFixed(1);
			parts.push(`<circle cx="${x}" cy="${y}" r="5" class="chart-target-point"/>`);
		}
		parts.push('</g>');
	}
	input.series.forEach((s, i) => {
		const pts = [...s.points].sort((a, b) => a.date.localeCompare(b.date));
		const path = pts
			.map(
				(p, j) => `${j ? 'L' : 'M'}${sx(dayNumber(p.date)).toFixed(1)} ${sy(p.value).toFixed(1)}`
			)
			.join('');
		const dash = DASHES[i % DASHES.length];
		parts.push(
			`<g class="chart-series chart-series-${i % 5}"><path d="${path}" fill="none"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`
		);
		for (const p of pts) {
			const x = sx(dayNumber(p.date));
			const y = sy(p.value);
			parts.push(
				`<g class="chart-point" data-date="${p.date}" data-value="${p.value}">${marker(MARKERS[i % MARKERS.length], x, y)}</g>`
			);
		}
		parts.push('</g>');
	});
	if (input.series.length > 1) {
		parts.push('<g class="chart-legend" aria-hidden="true">');
		input.series.forEach((s, i) => {
			const x = pad.left + 8 + (i % 3) * 160;
			const y = pad.top + 4 + Math.floor(i / 3) * 14;
			parts.push(
				`<g class="chart-series chart-series-${i % 5}">${marker(MARKERS[i % MARKERS.length], x, y)}<text x="${x + 8}" y="${y}" dy="0.32em">${esc(s.name)}</text></g>`
			);
		});
		parts.push('</g>');
	}
	parts.push('</svg>');
	return parts.join('');
}

export interface Bar {
	label: string;
	value: number;
}

/** Horizontal bars (e.g. measures per state), each labelled with its name and figure. */
export function barChart(input: {
	id: string;
	title: string;
	description: string;
	bars: Bar[];
	locale: string;
	width?: number;
}): string {
	const width = input.width ?? 560;
	const rowH = 26;
	const labelW = 200;
	const height = Math.max(1, input.bars.length) * rowH + 8;
	const max = Math.max(1, ...input.bars.map((b) => b.value));
	const parts = [
		`<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-bars" role="img" viewBox="0 0 ${width} ${height}" aria-labelledby="${input.id}-title" aria-describedby="${input.id}-desc"><title id="${input.id}-title">${esc(input.title)}</title><desc id="${input.id}-desc">${esc(input.description)}</desc>`
	];
	input.bars.forEach((b, i) => {
		const y = 4 + i * rowH;
		const w = ((width - labelW - 60) * b.value) / max;
		parts.push(
			`<g class="chart-bar" data-label="${esc(b.label)}" data-value="${b.value}"><text x="${labelW - 8}" y="${y + rowH / 2}" dy="0.32em" text-anchor="end">${esc(b.label)}</text><rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}"/><text x="${labelW + w + 6}" y="${y + rowH / 2}" dy="0.32em">${esc(formatNumber(b.value, input.locale))}</text></g>`
		);
	});
	parts.push('</svg>');
	return parts.join('');
}

/** A small progress bar; the figure is printed next to it by the page. */
export function progressBar(id: string, percent: number | null, label: string): string {
	const p = percent ?? 0;
	return `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-progress" role="img" viewBox="0 0 100 10" width="100" height="10" aria-labelledby="${id}-title"><title id="${id}-title">${esc(label)}</title><rect class="chart-progress-track" x="0" y="0" width="100" height="10"/><rect class="chart-progress-value" x="0" y="0" width="${p}" height="10"/></svg>`;
}

export { formatDay };
