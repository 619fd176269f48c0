import { describe, expect, it } from 'vitest';
import { barChart, lineChart, progressBar, yearAxis } from './charts';

describe('lineChart', () => {
	const svg = lineChart({
		id: 'c1',
		title: 'Ausländeranteil <Gifhorn>',
		description: 'Werte 2019 bis 2021, Ziel 10 % bis 2030',
		unit: '%',
		series: [
			{
				name: 'Landkreis',
				points: [
					{ date: '2019-12-31', value: 8.4 },
					{ date: '2020-12-31', value: 8.9 },
					{ date: '2021-12-31', value: 9.3 }
				]
			}
		],
		baseline: { value: 8, label: 'Ausgangswert 8' },
		target: { value: 10, date: '2030-12-31', label: 'Ziel 10' },
		locale: 'de'
	});
	it('is an image named by its title and described by its desc, text escaped', () => {
		expect(svg).toMatch(/^<svg [^>]*role="img"/);
		expect(svg).toContain('aria-labelledby="c1-title"');
		expect(svg).toContain('aria-describedby="c1-desc"');
		expect(svg).toContain('<title id="c1-title">Ausländeranteil &lt;Gifhorn&gt;</title>');
		expect(svg).toContain('<desc id="c1-desc">Werte 2019 bis 2021, Ziel 10 % bis 2030</desc>');
	});
	it('draws every data point, the baseline and the target', () => {
		const points = [...svg.matchAll(/data-date="([^"]+)" data-value="([^"]+)"/g)].map((m) => [
			m[1],
			Number(m[2])
		]);
		expect(points).toEqual([
			['2019-12-31', 8.4],
			['2020-12-31', 8.9],
			['2021-12-31', 9.3]
		]);
		expect(svg).toContain('Ausgangswert 8');
		expect(svg).toContain('Ziel 10');
		expect(svg).toContain('class="chart-target-point"');
	});
	it('renders an empty chart without values', () => {
		const empty = lineChart({
			id: 'e',
			title: 'Leer',
			description: 'Keine Werte',
			unit: '%',
			series: [],
			locale: 'de'
		});
		expect(empty).toContain('<title id="e-title">Leer</title>');
		expect(empty).not.toContain('chart-point');
	});
});

describe('barChart and progressBar', () => {
	it('labels each bar with name and figure', () => {
		const svg = barChart({
			id: 'b',
			title: 'Maßnahmen nach Stand',
			description: '3 Maßnahmen',
			bars: [
				{ label: 'geplant', value: 2 },
				{ label: 'abgeschlossen', value: 1 }
			],
			locale: 'de'
		});
		expect(svg).toContain('<title id="b-title">Maßnahmen nach Stand</title>');
		expect(svg).toContain('data-label="geplant" data-value="2"');
		expect(svg).toContain('data-label="abgeschlossen" data-value="1"');
	});
	it('draws the progress as width out of 100', () => {
		const svg = progressBar('p', 40, 'Fortschritt 40 %');
		expect(svg).toContain('<title id="p-title">Fortschritt 40 %</title>');
		expect(svg).toContain('class="chart-progress-value" x="0" y="0" width="40"');
	});
});

describe('the time axis', () => {
	const day = (d: string) =>
		Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;
	const points = ['2019-12-31', '2020-12-31', '2021-12-31'];

	it('puts the year boundaries on 1 January and each label inside its own year', () => {
		const axis = yearAxis(day('2019-12-31'), day('2021-12-31'), points.map(day));
		expect(axis.boundaries).toEqual([day('2020-01-01'), day('2021-01-01')]);
		expect(axis.labels.map((l) => l.year)).toEqual([2019, 2020, 2021]);
		for (const l of axis.labels) {
			expect(l.day).toBeGreaterThanOrEqual(day(`${l.year}-01-01`) - 1);
			expect(l.day).toBeLessThan(day(`${l.year + 1}-01-01`));
		}
		// the 2020 label stands inside 2020, not on its first day where 31.12.2019 is drawn
		const l2020 = axis.labels.find((l) => l.year === 2020)!;
		expect(l2020.day).toBeGreaterThan(day('2020-06-01'));
	});

	it('draws 31.12.2019 under the 2019 label, left of the 2020 boundary', () => {
		const svg = lineChart({
			id: 'c3',
			title: 't',
			description: 'd',
			unit: '%',
			series: [{ name: 'A', points: points.map((date, i) => ({ date, value: i })) }],
			locale: 'de'
		});
		const xOfPoint = (date: string) =>
			Number(new RegExp(`data-date="${date}"[^>]*><circle cx="([\\d.]+)"`).exec(svg)![1]);
		const labels = [...svg.matchAll(/<text x="([\d.]+)"[^>]*>(\d{4})<\/text>/g)].map((m) => ({
			x: Number(m[1]),
			year: Number(m[2])
		}));
		const ticks = [...svg.matchAll(/class="chart-year-tick" x1="([\d.]+)"/g)].map((m) =>
			Number(m[1])
		);
		const x = xOfPoint('2019-12-31');
		const nearest = labels.reduce((a, b) => (Math.abs(b.x - x) < Math.abs(a.x - x) ? b : a));
		expect(nearest.year).toBe(2019);
		expect(x).toBeLessThan(ticks[0]);
		expect(labels.find((l) => l.year === 2020)!.x).toBeGreaterThan(ticks[0]);
		expect(xOfPoint('2020-12-31')).toBeLessThan(ticks[1]);
	});
});
