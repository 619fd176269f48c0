import { describe, expect, it } from 'vitest';
import { trendSign } from './concept-labels';
import { indicatorTrend } from '$lib/server/concept/calc';

const target = { value: 5, date: '2028-12-31' };
const falling = [
	{ date: '2022-12-31', value: 20 },
	{ date: '2023-12-31', value: 16 },
	{ date: '2024-12-31', value: 12 }
];
const rising = falling.map((p, i) => ({ date: p.date, value: 1 + i }));

describe('the trend sign follows the indicator’s direction', () => {
	it('lower is better: a falling indicator is on course and points down, never "↗"', () => {
		const t = indicatorTrend(falling, target, 'lower');
		expect(t.status).toBe('on_track');
		expect(trendSign(t.status, 'lower')).toBe('↘');
		// the same values where higher is better are not on course
		expect(indicatorTrend(falling, { value: 30, date: '2028-12-31' }, 'higher').status).toBe(
			'off_track'
		);
	});

	it('higher is better: a rising indicator is on course and points up', () => {
		const t = indicatorTrend(rising, { value: 6, date: '2028-12-31' }, 'higher');
		expect(t.status).toBe('on_track');
		expect(trendSign(t.status, 'higher')).toBe('↗');
		expect(indicatorTrend(rising, { value: 0, date: '2028-12-31' }, 'lower').status).toBe(
			'off_track'
		);
	});

	it('the other states keep their sign in both directions', () => {
		for (const d of ['higher', 'lower'])
			expect(['achieved', 'off_track', 'no_data', 'no_target'].map((s) => trendSign(s, d))).toEqual(
				['✔', '✖', '–', '?']
			);
	});
});
