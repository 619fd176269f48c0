import { describe, expect, it } from 'vitest';
import { checkAllocation, indicatorTrend, isOverdue, measureProgress, rankMeasures } from './calc';

describe('measureProgress', () => {
	it('takes the state preset unless the measure overrides it', () => {
		expect(measureProgress({ category: 'active', stateProgress: 50, progressOverride: null })).toBe(
			50
		);
		expect(measureProgress({ category: 'active', stateProgress: 50, progressOverride: 65 })).toBe(
			65
		);
		expect(
			measureProgress({ category: 'proposed', stateProgress: 0, progressOverride: null })
		).toBe(0);
	});
	it('is always 100 for a completed state and none for a deferred state without figure', () => {
		expect(
			measureProgress({ category: 'completed', stateProgress: 90, progressOverride: 40 })
		).toBe(100);
		expect(
			measureProgress({ category: 'deferred', stateProgress: null, progressOverride: null })
		).toBeNull();
		expect(
			measureProgress({ category: 'deferred', stateProgress: null, progressOverride: 30 })
		).toBe(30);
	});
	it('clamps to 0–100', () => {
		expect(
			measureProgress({ category: 'active', stateProgress: 120, progressOverride: null })
		).toBe(100);
		expect(measureProgress({ category: 'active', stateProgress: -5, progressOverride: null })).toBe(
			0
		);
	});
});

describe('isOverdue', () => {
	it('flags active measures whose end date has passed', () => {
		expect(isOverdue({ category: 'active', endDate: '2024-06-30' }, '2024-07-01')).toBe(true);
		expect(isOverdue({ category: 'active', endDate: '2024-07-01' }, '2024-07-01')).toBe(false);
		expect(isOverdue({ category: 'active', endDate: null }, '2024-07-01')).toBe(false);
		expect(isOverdue({ category: 'completed', endDate: '2020-01-01' }, '2024-07-01')).toBe(false);
		expect(isOverdue({ category: 'deferred', endDate: '2020-01-01' }, '2024-07-01')).toBe(false);
		expect(isOverdue({ category: 'proposed', endDate: '2020-01-01' }, '2024-07-01')).toBe(false);
	});
});

describe('indicatorTrend', () => {
	const target = { value: 50, date: '2030-12-31' };
	it('has no data with fewer than two values (also the same date twice)', () => {
		expect(indicatorTrend([], target, 'higher').status).toBe('no_data');
		expect(indicatorTrend([{ date: '2020-12-31', value: 10 }], target, 'higher').status).toBe(
			'no_data'
		);
		expect(
			indicatorTrend(
				[
					{ date: '2020-12-31', value: 10 },
					{ date: '2020-12-31', value: 12 }
				],
				target,
				'higher'
			)
		).toMatchObject({ status: 'no_data', latest: { value: 12 } });
	});
	it('says no_target when no target is set, but still gives the slope', () => {
		const t = indicatorTrend(
			[
				{ date: '2020-12-31', value: 10 },
				{ date: '2021-12-31', value: 12 }
			],
			{ value: null, date: null },
			'higher'
		);
		expect(t.status).toBe('no_target');
		expect(t.slopePerYear).toBeCloseTo(2, 1);
	});
	it('extrapolates linearly to the target date (higher is better)', () => {
		// +2 per year from 30 (2020) → about 50 in 2030: on track; +1 per year: off track
		const rising = [2020, 2021, 2022, 2023].map((y, i) => ({
			date: `${y}-12-31`,
			value: 30 + 2 * i
		}));
		const t = indicatorTrend(rising, target, 'higher');
		expect(t.status).toBe('on_track');
		expect(t.projected).toBeCloseTo(50, 0);
		const slow = [2020, 2021, 2022, 2023].map((y, i) => ({ date: `${y}-12-31`, value: 30 + i }));
		expect(indicatorTrend(slow, target, 'higher').status).toBe('off_track');
	});
	it('respects the direction: for "lower is better" a falling line is on track', () => {
		const falling = [2020, 2021, 2022].map((y, i) => ({ date: `${y}-12-31`, value: 12 - i }));
		expect(indicatorTrend(falling, { value: 5, date: '2028-12-31' }, 'lower').status).toBe(
			'on_track'
		);
		expect(indicatorTrend(falling, { value: 5, date: '2028-12-31' }, 'higher').status).toBe(
			'achieved'
		);
		const risingBad = [2020, 2021, 2022].map((y, i) => ({ date: `${y}-12-31`, value: 12 + i }));
		expect(indicatorTrend(risingBad, { value: 5, date: '2028-12-31' }, 'lower').status).toBe(
			'off_track'
		);
	});
	it('is achieved when the latest value meets the target already', () => {
		const v = [
			{ date: '2021-12-31', value: 55 },
			{ date: '2022-12-31', value: 51 }
		];
		expect(indicatorTrend(v, target, 'higher').status).toBe('achieved');
	});
	it('decides by the latest value once the target date has passed', () => {
		const v = [
			{ date: '2019-12-31', value: 20 },
			{ date: '2024-12-31', value: 45 }
		];
		expect(indicatorTrend(v, { value: 50, date: '2023-12-31' }, 'higher').status).toBe('off_track');
	});
	it('fits only the last five values', () => {
		// an old spike would otherwise pull the line down
		const v = [
			{ date: '2010-12-31', value: 100 },
			...[2016, 2017, 2018, 2019, 2020].map((y, i) => ({ date: `${y}-12-31`, value: 10 + 5 * i }))
		];
		const t = indicatorTrend(v, { value: 50, date: '2025-12-31' }, 'higher');
		expect(t.slopePerYear).toBeCloseTo(5, 1);
		expect(t.status).toBe('on_track');
	});
});

describe('rankMeasures', () => {
	it('adds the points per measure, counts voters, ranks with shared ranks', () => {
		const ranked = rankMeasures(
			['a', 'b', 'c', 'd'],
			[
				{ userId: 'u1', measureId: 'a', points: 3 },
				{ userId: 'u1', measureId: 'b', points: 2 },
				{ userId: 'u2', measureId: 'b', points: 3 },
				{ userId: 'u2', measureId: 'c', points: 2 },
				{ userId: 'u3', measureId: 'a', points: 2 },
				{ userId: 'u3', measureId: 'x', points: 5 }
			]
		);
		expect(ranked).toEqual([
			{ measureId: 'a', points: 5, voters: 2, rank: 1 },
			{ measureId: 'b', points: 5, voters: 2, rank: 1 },
			{ measureId: 'c', points: 2, voters: 1, rank: 3 },
			{ measureId: 'd', points: 0, voters: 0, rank: 4 }
		]);
	});
	it('puts more voters first when the points are equal', () => {
		const ranked = rankMeasures(
			['a', 'b'],
			[
				{ userId: 'u1', measureId: 'a', points: 4 },
				{ userId: 'u1', measureId: 'b', points: 2 },
				{ userId: 'u2', measureId: 'b', points: 2 }
			]
		);
		expect(ranked.map((r) => [r.measureId, r.rank])).toEqual([
			['b', 1],
			['a', 2]
		]);
	});
});

describe('checkAllocation', () => {
	it('accepts up to the points per member on the round measures', () => {
		expect(checkAllocation({ a: 3, b: 2 }, ['a', 'b'], 5)).toBeNull();
		expect(checkAllocation({ a: 0 }, ['a'], 5)).toBeNull();
	});
	it('rejects too many points, negative or broken points and foreign measures', () => {
		expect(checkAllocation({ a: 3, b: 3 }, ['a', 'b'], 5)).toBe(
			'concept_error_allocation_too_many'
		);
		expect(checkAllocation({ a: -1 }, ['a'], 5)).toBe('concept_error_allocation_points');
		expect(checkAllocation({ a: 1.5 }, ['a'], 5)).toBe('concept_error_allocation_points');
		expect(checkAllocation({ z: 1 }, ['a'], 5)).toBe('concept_error_allocation_measure');
	});
});
