import { describe, expect, it } from 'vitest';
import { keyFromProperty, parseDistrictGeoJson } from './geojson';
import { choroplethSvg, classBreaks, classOf, comparisonBars } from './choropleth';
import type { MunicipalityRef } from './municipality-figures';
import { schematicFreisingGeoJson } from '../demo/district-figures';

const M: MunicipalityRef[] = [
	{ id: 'a', name: 'Stadt Freising', slug: 'freising', ags: '09178124' },
	{ id: 'b', name: 'Stadt Moosburg a.d.Isar', slug: 'moosburg', ags: '09178143' },
	{ id: 'c', name: 'Gemeinde Zolling', slug: 'zolling', ags: '09178157' }
];

const square = (x: number, y: number) => [
	[
		[x, y],
		[x + 0.1, y],
		[x + 0.1, y + 0.1],
		[x, y + 0.1],
		[x, y]
	]
];
const feature = (properties: Record<string, unknown>, geometry: unknown) => ({
	type: 'Feature',
	properties,
	geometry
});
const collection = (...features: unknown[]) =>
	JSON.stringify({ type: 'FeatureCollection', features });

describe('district GeoJSON', () => {
	it('reads municipality keys from 8 digits, a lost leading zero and a 12-digit ARS', () => {
		expect(keyFromProperty('09178124')).toBe('09178124');
		expect(keyFromProperty(9178124)).toBe('09178124');
		expect(keyFromProperty('091780124124')).toBe('09178124');
		expect(keyFromProperty('Freising')).toBeNull();
	});

	it('matches features by AGS, reports unknown keys and municipalities without a boundary', () => {
		const r = parseDistrictGeoJson(
			collection(
				feature(
					{ AGS: '09178124', GEN: 'Freising' },
					{ type: 'Polygon', coordinates: square(11.7, 48.4) }
				),
				feature(
					{ RS: '091780143143' },
					{ type: 'MultiPolygon', coordinates: [square(11.9, 48.4), square(12.0, 48.4)] }
				),
				feature({ AGS: '09162000' }, { type: 'Polygon', coordinates: square(11.5, 48.1) })
			),
			M
		);
		expect(r.errors).toEqual([]);
		expect(r.features.map((f) => [f.ags, f.name, f.polygons.length])).toEqual([
			['09178124', 'Stadt Freising', 1],
			['09178143', 'Stadt Moosburg a.d.Isar', 2]
		]);
		expect(r.unknown).toEqual(['09162000']);
		expect(r.missing).toEqual(['Gemeinde Zolling']);
	});

	it.each([
		['', 'figures_geo_error_empty'],
		['{"type":', 'figures_geo_error_json'],
		['{"type":"Feature"}', 'figures_geo_error_collection'],
		['{"type":"FeatureCollection","features":[]}', 'figures_geo_error_no_features']
	])('refuses %j with %s', (text, key) => {
		expect(parseDistrictGeoJson(text, M).errors.map((e) => e.key)).toEqual([key]);
	});

	it('names the feature with a missing key, a bad geometry or a duplicate key', () => {
		const r = parseDistrictGeoJson(
			collection(
				feature({ name: 'ohne Schlüssel' }, { type: 'Polygon', coordinates: square(11, 48) }),
				feature({ AGS: '09178124' }, { type: 'Point', coordinates: [11, 48] }),
				feature(
					{ AGS: '09178143' },
					{
						type: 'Polygon',
						coordinates: [
							[
								[11, 48],
								[200, 48],
								[11, 49],
								[11, 48]
							]
						]
					}
				),
				feature({ AGS: '09178157' }, { type: 'Polygon', coordinates: square(11, 48) }),
				feature({ AGS: '09178157' }, { type: 'Polygon', coordinates: square(12, 48) })
			),
			M
		);
		expect(r.errors).toEqual([
			{ key: 'figures_geo_error_key', params: { nr: '1' } },
			{ key: 'figures_geo_error_geometry', params: { nr: '2', ags: '09178124' } },
			{ key: 'figures_geo_error_geometry', params: { nr: '3', ags: '09178143' } },
			{ key: 'figures_geo_error_duplicate', params: { nr: '5', ags: '09178157' } }
		]);
	});

	it('refuses a file none of whose keys belongs to the district', () => {
		const r = parseDistrictGeoJson(
			collection(feature({ AGS: '03151009' }, { type: 'Polygon', coordinates: square(10, 52) })),
			M
		);
		expect(r.errors.map((e) => e.key)).toEqual(['figures_geo_error_no_match']);
		expect(r.unknown).toEqual(['03151009']);
	});

	it('accepts the schematic demo map of the Freising municipalities', () => {
		const r = parseDistrictGeoJson(schematicFreisingGeoJson(), M);
		expect(r.errors).toEqual([]);
		expect(r.features).toHaveLength(3);
		expect(r.unknown).toHaveLength(5);
	});
});

describe('choropleth and comparison bars', () => {
	it('puts values into five classes of equal width', () => {
		const b = classBreaks([0, 10, 50]);
		expect(b).toEqual([0, 10, 20, 30, 40, 50]);
		expect([0, 10, 10.1, 49, 50].map((v) => classOf(v, b))).toEqual([0, 0, 1, 4, 4]);
		expect(classBreaks([7, 7])).toEqual([7, 7]);
		expect(classOf(7, [7, 7])).toBe(0);
	});

	it('draws every matched municipality, names its value, hatches missing ones and has a legend', () => {
		const { features } = parseDistrictGeoJson(
			collection(
				feature({ AGS: '09178124' }, { type: 'Polygon', coordinates: square(11.7, 48.4) }),
				feature({ AGS: '09178143' }, { type: 'Polygon', coordinates: square(11.9, 48.45) }),
				feature({ AGS: '09178157' }, { type: 'Polygon', coordinates: square(11.8, 48.5) })
			),
			M
		);
		const svg = choroplethSvg({
			id: 'map-1',
			title: 'Karte: Asyl <je 1.000>',
			description:
				'Stadt Freising: 10,0; Stadt Moosburg a.d.Isar: 6,1; Gemeinde Zolling: keine Angabe',
			features,
			values: [
				{ ags: '09178124', value: 10, text: '10,0 je 1.000 (31.12.2023)' },
				{ ags: '09178143', value: 6.1, text: '6,1 je 1.000 (31.12.2023)' },
				{ ags: '09178157', value: null, text: '' }
			],
			missingLabel: 'keine Angabe',
			legendTitle: 'je 1.000 Einwohner:innen',
			locale: 'de'
		});
		expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="map-1-title"/);
		expect(svg).toContain('<title id="map-1-title">Karte: Asyl &lt;je 1.000&gt;</title>');
		expect(svg.match(/<path class="map-area"/g)).toHaveLength(3);
		expect(svg).toContain('<title>Stadt Freising: 10,0 je 1.000 (31.12.2023)</title>');
		expect(svg).toContain('<title>Gemeinde Zolling: keine Angabe</title>');
		expect(svg).toMatch(/data-ags="09178157" d="[^"]+" fill="url\(#map-1-missing\)"/);
		expect(svg).toMatch(/data-ags="09178124" d="M[\d. L]+Z" fill="#145a9c"/);
		expect(svg).toContain('>keine Angabe</text></g></svg>');
		expect(svg).not.toMatch(/NaN|Infinity|undefined/);
	});

	it('shows a missing value as words, not as a bar of zero', () => {
		const svg = comparisonBars({
			id: 'c',
			title: 'T',
			description: 'D',
			bars: [
				{ label: 'Stadt Freising', value: 10, text: '10' },
				{ label: 'Gemeinde Zolling', value: null, text: '' }
			],
			missingLabel: 'keine Angabe'
		});
		expect(svg).toContain('data-label="Gemeinde Zolling" data-value="">');
		expect(svg.match(/<rect /g)).toHaveLength(1);
		expect(svg).toContain('font-style="italic">keine Angabe</text>');
	});
});
