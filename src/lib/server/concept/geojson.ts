/**
 * Municipality boundaries uploaded by a district as GeoJSON: checked strictly (a
 * FeatureCollection of Polygon/MultiPolygon features with longitude/latitude positions and an
 * 8-digit municipality key in the properties) and matched to the district's municipalities by
 * that key. Features of other keys are reported and left out; nothing else is kept of the file.
 */
import type { MunicipalityRef } from './municipality-figures';

export const GEOJSON_MAX_BYTES = 2_000_000;
export const GEOJSON_MAX_FEATURES = 500;
export const GEOJSON_MAX_POSITIONS = 200_000;

/** Property names that may hold the key, the first found wins. */
const KEY_PROPERTIES = ['AGS', 'ags', 'AGS_0', 'GKZ', 'gkz', 'RS', 'rs', 'ARS', 'ars'];

/** [longitude, latitude] */
export type Position = [number, number];
/** rings; the first is the outer boundary */
export type Polygon = Position[][];

export interface MapFeature {
	ags: string;
	name: string;
	polygons: Polygon[];
}

export interface GeoIssue {
	/** message key (messages/district-figures) */
	key: string;
	params?: Record<string, string>;
}

export interface GeoParse {
	/** matched features, in the order of the file */
	features: MapFeature[];
	errors: GeoIssue[];
	/** keys in the file that are no municipality of the district */
	unknown: string[];
	/** municipalities of the district the file has no boundary for */
	missing: string[];
}

/** An 8-digit AGS from a property: 8 digits, 7 (a lost leading zero) or a 12-digit ARS. */
export function keyFromProperty(raw: unknown): string | null {
	const s = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (/^\d{8}$/.test(s)) return s;
	if (/^\d{7}$/.test(s)) return `0${s}`;
	if (/^\d{12}$/.test(s)) return s.slice(0, 5) + s.slice(9);
	return null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

function position(p: unknown): Position | null {
	if (!Array.isArray(p) || p.length < 2 || p.length > 3) return null;
	const [lon, lat] = p;
	if (typeof lon !== 'number' || typeof lat !== 'number') return null;
	if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
	if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return null;
	return [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
}

function polygon(rings: unknown, count: { n: number }): Polygon | null {
	if (!Array.isArray(rings) || rings.length === 0) return null;
	const out: Polygon = [];
	for (const ring of rings) {
		if (!Array.isArray(ring) || ring.length < 4) return null;
		const ps: Position[] = [];
		for (const p of ring) {
			const pos = position(p);
			if (!pos) return null;
			ps.push(pos);
		}
		count.n += ps.length;
		out.push(ps);
	}
	return out;
}

export function parseDistrictGeoJson(text: string, municipalities: MunicipalityRef[]): GeoParse {
	const result: GeoParse = { features: [], errors: [], unknown: [], missing: [] };
	const fail = (key: string, params?: Record<string, string>) => {
		result.errors.push(params ? { key, params } : { key });
		return result;
	};
	if (!text.trim()) return fail('figures_geo_error_empty');
	if (new TextEncoder().encode(text).length > GEOJSON_MAX_BYTES)
		return fail('figures_geo_error_too_large');
	let data: unknown;
	try {
		data = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return fail('figures_geo_error_json');
	}
	if (!isObject(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features))
		return fail('figures_geo_error_collection');
	if (data.features.length === 0) return fail('figures_geo_error_no_features');
	if (data.features.length > GEOJSON_MAX_FEATURES)
		return fail('figures_geo_error_too_many', { max: String(GEOJSON_MAX_FEATURES) });
	const byAgs = new Map(municipalities.filter((m) => m.ags).map((m) => [m.ags!, m]));
	const seen = new Set<string>();
	const count = { n: 0 };
	data.features.forEach((f: unknown, i: number) => {
		const nr = String(i + 1);
		if (!isObject(f) || f.type !== 'Feature' || !isObject(f.geometry)) {
			result.errors.push({ key: 'figures_geo_error_feature', params: { nr } });
			return;
		}
		const props = isObject(f.properties) ? f.properties : {};
		const prop = KEY_PROPERTIES.find((k) => props[k] !== undefined && props[k] !== null);
		const ags = prop ? keyFromProperty(props[prop]) : null;
		if (!ags) {
			result.errors.push({ key: 'figures_geo_error_key', params: { nr } });
			return;
		}
		const g = f.geometry;
		let polygons: Polygon[] | null = null;
		if (g.type === 'Polygon') {
			const p = polygon(g.coordinates, count);
			polygons = p ? [p] : null;
		} else if (g.type === 'MultiPolygon' && Array.isArray(g.coordinates) && g.coordinates.length) {
			const ps = g.coordinates.map((c: unknown) => polygon(c, count));
			polygons = ps.every((p): p is Polygon => p !== null) ? ps : null;
		}
		if (!polygons) {
			result.errors.push({ key: 'figures_geo_error_geometry', params: { nr, ags } });
			return;
		}
		if (seen.has(ags)) {
			result.errors.push({ key: 'figures_geo_error_duplicate', params: { nr, ags } });
			return;
		}
		seen.add(ags);
		const m = byAgs.get(ags);
		if (!m) {
			result.unknown.push(ags);
			return;
		}
		result.features.push({ ags, name: m.name, polygons });
	});
	if (count.n > GEOJSON_MAX_POSITIONS)
		result.errors.push({
			key: 'figures_geo_error_too_detailed',
			params: { max: String(GEOJSON_MAX_POSITIONS) }
		});
	if (!result.errors.length && result.features.length === 0)
		result.errors.push({ key: 'figures_geo_error_no_match' });
	result.missing = municipalities
		.filter((m) => !m.ags || !seen.has(m.ags))
		.map((m) => m.name)
		.sort((a, b) => a.localeCompare(b, 'de'));
	return result;
}
