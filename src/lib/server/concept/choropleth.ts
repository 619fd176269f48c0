/**
 * Server-side SVG for the district's figures: a choropleth map drawn from the uploaded
 * municipality boundaries (no map service, no tiles) and a bar chart that shows missing values
 * as missing. Both have role="img" with <title> and <desc> naming every figure; pages put the
 * same figures next to them as a table. Colour is never alone: every area has its value as a
 * <title>, classes are listed in a legend, and areas without a value are hatched.
 */
import { formatNumber } from './charts';
import type { MapFeature, Position } from './geojson';

const esc = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** light to dark; the darkest still leaves black outlines visible */
const PALETTE = ['#e8f1fa', '#bcd6ee', '#7fb0dc', '#3f82c2', '#145a9c'];

export interface MapValue {
	ags: string;
	value: number | null;
	/** the text of the value as the table shows it (with unit and date) */
	text: string;
}

/** Five classes of equal width between min and max; one class when all values are equal. */
export function classBreaks(values: number[], classes = PALETTE.length): number[] {
	if (!values.length) return [];
	const min = Math.min(...values);
	const max = Math.max(...values);
	if (min === max) return [min, max];
	return Array.from({ length: classes + 1 }, (_, i) => min + ((max - min) * i) / classes);
}

export function classOf(value: number, breaks: number[]): number {
	if (breaks.length <= 2) return 0;
	for (let i = 1; i < breaks.length; i++) if (value <= breaks[i]) return i - 1;
	return breaks.length - 2;
}

/** Equirectangular projection, x shrunk by the cosine of the middle latitude, fitted to width. */
function projector(features: MapFeature[], width: number, pad: number) {
	const all: Position[] = features.flatMap((f) => f.polygons.flatMap((p) => p.flat()));
	const lons = all.map((p) => p[0]);
	const lats = all.map((p) => p[1]);
	const [minLon, maxLon, minLat, maxLat] = [
		Math.min(...lons),
		Math.max(...lons),
		Math.min(...lats),
		Math.max(...lats)
	];
	const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
	const w = Math.max((maxLon - minLon) * k, 1e-9);
	const h = Math.max(maxLat - minLat, 1e-9);
	const scale = (width - 2 * pad) / w;
	const height = Math.ceil(h * scale + 2 * pad);
	return {
		height,
		xy: ([lon, lat]: Position) =>
			[
				(pad + (lon - minLon) * k * scale).toFixed(1),
				(pad + (maxLat - lat) * scale).toFixed(1)
			].join(' ')
	};
}

export function choroplethSvg(input: {
	id: string;
	title: string;
	description: string;
	features: MapFeature[];
	values: MapValue[];
	missingLabel: string;
	legendTitle: string;
	locale: string;
	width?: number;
}): string {
	const width = input.width ?? 560;
	const pad = 8;
	const legendH = 22 * (PALETTE.length + 2);
	const { id } = input;
	const byAgs = new Map(input.values.map((v) => [v.ags, v]));
	const numbers = input.values
		.filter((v) => v.value !== null && input.features.some((f) => f.ags === v.ags))
		.map((v) => v.value!);
	const breaks = classBreaks(numbers);
	const proj = input.features.length ? projector(input.features, width, pad) : null;
	const mapH = proj?.height ?? 40;
	const height = mapH + legendH;
	const parts = [
		`<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-map" role="img" viewBox="0 0 ${width} ${height}" aria-labelledby="${id}-title" aria-describedby="${id}-desc"><title id="${id}-title">${esc(input.title)}</title><desc id="${id}-desc">${esc(input.description)}</desc>`,
		`<defs><pattern id="${id}-missing" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#6b6b6b" stroke-width="2"/></pattern></defs>`
	];
	for (const f of input.features) {
		const v = byAgs.get(f.ags);
		const fill = v && v.value !== null ? PALETTE[classOf(v.value, breaks)] : `url(#${id}-missing)`;
		const d = f.polygons
			.map((poly) => poly.map((ring) => `M${ring.map((p) => proj!.xy(p)).join('L')}Z`).join(''))
			.join('');
		const label = `${f.name}: ${v && v.value !== null ? v.text : input.missingLabel}`;
		parts.push(
			`<path class="map-area" data-ags="${f.ags}" d="${d}" fill="${fill}" fill-rule="evenodd" stroke="#1a1a1a" stroke-width="1"><title>${esc(label)}</title></path>`
		);
	}
	// legend: one swatch per class with its range, and the hatched swatch for missing values
	parts.push(
		`<g class="map-legend" aria-hidden="true"><text x="${pad}" y="${mapH + 16}">${esc(input.legendTitle)}</text>`
	);
	const fmt = (n: number) => formatNumber(n, input.locale, 1);
	const classes = breaks.length > 2 ? PALETTE.length : breaks.length ? 1 : 0;
	for (let i = 0; i < classes; i++) {
		const y = mapH + 24 + i * 22;
		const range = breaks.length > 2 ? `${fmt(breaks[i])} – ${fmt(breaks[i + 1])}` : fmt(breaks[0]);
		parts.push(
			`<rect x="${pad}" y="${y}" width="18" height="14" fill="${PALETTE[i]}" stroke="#1a1a1a"/><text x="${pad + 26}" y="${y + 11}">${esc(range)}</text>`
		);
	}
	const y = mapH + 24 + classes * 22;
	parts.push(
		`<rect x="${pad}" y="${y}" width="18" height="14" fill="url(#${id}-missing)" stroke="#1a1a1a"/><text x="${pad + 26}" y="${y + 11}">${esc(input.missingLabel)}</text></g></svg>`
	);
	return parts.join('');
}

/**
 * Horizontal bars for the municipalities; a municipality without a value gets no bar but the
 * words for "no value" — never a bar of length zero that reads as 0.
 */
export function comparisonBars(input: {
	id: string;
	title: string;
	description: string;
	bars: { label: string; value: number | null; text: string }[];
	missingLabel: string;
	width?: number;
}): string {
	const width = input.width ?? 560;
	const rowH = 26;
	const labelW = 210;
	const height = Math.max(1, input.bars.length) * rowH + 8;
	const max = Math.max(1e-9, ...input.bars.map((b) => b.value ?? 0));
	const parts = [
		`<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-bars" role="img" viewBox="0 0 ${width} ${height}" aria-labelledby="${input.id}-title" aria-describedby="${input.id}-desc"><title id="${input.id}-title">${esc(input.title)}</title><desc id="${input.id}-desc">${esc(input.description)}</desc>`
	];
	input.bars.forEach((b, i) => {
		const y = 4 + i * rowH;
		const label = `<text x="${labelW - 8}" y="${y + rowH / 2}" dy="0.32em" text-anchor="end">${esc(b.label)}</text>`;
		if (b.value === null) {
			parts.push(
				`<g class="chart-bar chart-bar-missing" data-label="${esc(b.label)}" data-value="">${label}<text x="${labelW}" y="${y + rowH / 2}" dy="0.32em" font-style="italic">${esc(input.missingLabel)}</text></g>`
			);
			return;
		}
		const w = ((width - labelW - 90) * Math.max(0, b.value)) / max;
		parts.push(
			`<g class="chart-bar" data-label="${esc(b.label)}" data-value="${b.value}">${label}<rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}"/><text x="${labelW + w + 6}" y="${y + rowH / 2}" dy="0.32em">${esc(b.text)}</text></g>`
		);
	});
	parts.push('</svg>');
	return parts.join('');
}
