import { describe, expect, it } from 'vitest';
import {
	compareMunicipalities,
	isPerCapita,
	populationFor,
	type MunicipalityRef
} from './municipality-figures';
import type { IndicatorView, ValueView } from './indicators';
import type { Indicator } from './indicator-schema';

const M: MunicipalityRef[] = [
	{ id: 'm-fs', name: 'Stadt Freising', slug: 'freising', ags: '09178124' },
	{ id: 'm-mo', name: 'Stadt Moosburg a.d.Isar', slug: 'moosburg', ags: '09178143' },
	{ id: 'm-zo', name: 'Gemeinde Zolling', slug: 'zolling', ags: '09178157' }
];

let n = 0;
function value(
	municipalityId: string | null,
	date: string,
	v: number,
	breakdown?: [string, string]
): ValueView {
	return {
		id: `v${++n}`,
		date,
		value: v,
		municipalityId,
		area: municipalityId ?? 'Landkreis',
		sourceNote: null,
		breakdownDimension: breakdown?.[0] ?? null,
		breakdownCategory: breakdown?.[1] ?? null,
		isDemo: false
	};
}

function view(unit: string, values: ValueView[], libraryKey: string | null = null): IndicatorView {
	return {
		indicator: {
			id: `i-${unit}-${libraryKey}`,
			name: unit,
			unit,
			libraryKey,
			level: 'municipality'
		} as Indicator,
		goalIds: [],
		series: [],
		trend: { status: 'no_data' } as IndicatorView['trend'],
		values,
		hasDemo: false
	};
}

const population = view(
	'Personen',
	[
		value('m-fs', '2022-12-31', 50_000),
		value('m-fs', '2023-12-31', 50_721),
		value('m-mo', '2022-12-31', 19_250)
	],
	'bevoelkerung'
);

describe('figures per municipality', () => {
	it('says per 1,000 inhabitants only for counts, never for shares or the population itself', () => {
		expect(isPerCapita({ unit: 'Personen', libraryKey: 'asyl-untergebracht' })).toBe(true);
		expect(isPerCapita({ unit: 'Plätze', libraryKey: null })).toBe(true);
		expect(isPerCapita({ unit: '%', libraryKey: 'auslaenderanteil' })).toBe(false);
		expect(isPerCapita({ unit: 'je 1.000 Einw.', libraryKey: null })).toBe(false);
		expect(isPerCapita({ unit: 'Personen', libraryKey: 'bevoelkerung' })).toBe(false);
	});

	it('takes the population of the same year, else the latest before, else none', () => {
		const pts = [
			{ date: '2021-12-31', value: 1 },
			{ date: '2022-12-31', value: 2 }
		];
		expect(populationFor(pts, '2022-06-30')).toEqual({ date: '2022-12-31', value: 2 });
		expect(populationFor(pts, '2024-12-31')).toEqual({ date: '2022-12-31', value: 2 });
		expect(populationFor(pts, '2020-12-31')).toBeNull();
	});

	it('lists every municipality, the latest value with its date, per 1,000, and missing as null', () => {
		const asylum = view('Personen', [
			value('m-fs', '2022-12-31', 400),
			value('m-fs', '2023-12-31', 507),
			value('m-fs', '2023-12-31', 300, ['Status', 'im Asylverfahren']),
			value('m-fs', '2023-12-31', 207, ['Status', 'anerkannt']),
			value('m-fs', '2022-12-31', 250, ['Status', 'im Asylverfahren']),
			value('m-mo', '2023-12-31', 190),
			value(null, '2023-12-31', 1000)
		]);
		const rows = compareMunicipalities(asylum, M, population);
		expect(rows.map((r) => r.area)).toEqual([
			'Gemeinde Zolling',
			'Stadt Freising',
			'Stadt Moosburg a.d.Isar'
		]);
		const [zolling, freising, moosburg] = rows;
		expect(zolling).toMatchObject({ value: null, date: null, perThousand: null, breakdown: [] });
		expect(freising).toMatchObject({ value: 507, date: '2023-12-31' });
		expect(freising.perThousand).toBeCloseTo((507 / 50_721) * 1000, 6);
		expect(freising.population).toEqual({ date: '2023-12-31', value: 50_721 });
		expect(freising.breakdown).toEqual([
			{ dimension: 'Status', category: 'anerkannt', value: 207 },
			{ dimension: 'Status', category: 'im Asylverfahren', value: 300 }
		]);
		// no 2023 population for Moosburg: the latest one before (2022) is used and shown
		expect(moosburg.population).toEqual({ date: '2022-12-31', value: 19_250 });
		expect(moosburg.perThousand).toBeCloseTo((190 / 19_250) * 1000, 6);
	});

	it('gives no per-capita figure for a share, and none where no population is known', () => {
		const share = view('%', [value('m-fs', '2023-12-31', 22)]);
		expect(compareMunicipalities(share, M, population)[1]).toMatchObject({
			value: 22,
			perThousand: null
		});
		const courses = view('Plätze', [value('m-zo', '2023-12-31', 40)]);
		expect(compareMunicipalities(courses, M, population)[0]).toMatchObject({
			value: 40,
			perThousand: null,
			population: null
		});
		expect(compareMunicipalities(courses, M, null)[0].perThousand).toBeNull();
	});
});
