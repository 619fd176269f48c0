/**
 * Demo figures per municipality for Landkreis Freising (seed 004: "aktuelle Zahlen aus dem
 * Bereich Asyl") and Landkreis Gifhorn: population, foreign nationals, asylum seekers and
 * refugees accommodated by status, language-course places and volunteers over three years.
 * Every value is marked as a demo figure (isDemo, source "Demo-Zahlen"): plausible, not official.
 * Some values are left out on purpose, so the comparison shows what a missing value looks like.
 * Freising also gets a schematic map (hexagons roughly where the municipalities lie, NOT their
 * real boundaries) so the choropleth can be seen without uploading a file.
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { tenants } from '../tenants/schema';
import { indicators, indicatorValues } from '../concept/indicator-schema';
import { districtMaps } from '../concept/map-schema';
import { parseDistrictGeoJson } from '../concept/geojson';
import { adoptIndicators } from './concept';
import { buildUser, grantRole } from '../factories';

type Series = Record<number, number>;
/** total, and by status where known: [in the asylum procedure, recognised, tolerated] */
type Asylum = Record<number, [number, number, number]>;

const STATUS = 'Status';
const STATUS_CATEGORIES = ['im Asylverfahren', 'anerkannt (Fehlbeleger:innen)', 'geduldet'];

interface MunicipalityFigures {
	population: Series;
	foreigners?: Series;
	share?: Series;
	asylum?: Asylum;
	courses?: Series;
	volunteers?: Series;
}

/** Freising: the four older municipalities already have shares (demo/concept.ts). */
const FREISING: Record<string, MunicipalityFigures> = {
	freising: {
		population: { 2021: 49_126, 2022: 50_310, 2023: 50_721 },
		asylum: { 2021: [212, 141, 38], 2022: [268, 156, 41], 2023: [301, 172, 36] },
		courses: { 2023: 420 },
		volunteers: { 2021: 95, 2022: 104, 2023: 110 }
	},
	moosburg: {
		population: { 2021: 18_872, 2022: 19_250, 2023: 19_512 },
		asylum: { 2021: [88, 61, 17], 2022: [104, 66, 19], 2023: [117, 70, 15] },
		courses: { 2023: 140 },
		volunteers: { 2021: 41, 2022: 44, 2023: 46 }
	},
	neufahrn: {
		population: { 2021: 20_311, 2022: 20_690, 2023: 20_874 },
		asylum: { 2021: [74, 52, 12], 2022: [96, 57, 14], 2023: [108, 60, 11] },
		courses: { 2023: 120 },
		volunteers: { 2021: 36, 2022: 38, 2023: 35 }
	},
	eching: {
		population: { 2021: 14_189, 2022: 14_420, 2023: 14_566 },
		asylum: { 2021: [51, 33, 9], 2022: [63, 37, 10], 2023: [70, 41, 8] },
		volunteers: { 2021: 28, 2022: 30, 2023: 29 }
	},
	hallbergmoos: {
		population: { 2021: 11_402, 2022: 11_731, 2023: 11_890 },
		share: { 2021: 20.2, 2022: 21.9, 2023: 22.6 },
		asylum: { 2021: [39, 24, 6], 2022: [47, 27, 7], 2023: [55, 29, 6] },
		volunteers: { 2022: 19, 2023: 21 }
	},
	allershausen: {
		population: { 2021: 5_874, 2022: 5_960, 2023: 6_012 },
		share: { 2021: 9.8, 2022: 11.0, 2023: 11.4 },
		asylum: { 2021: [18, 11, 2], 2022: [24, 12, 3], 2023: [26, 14, 2] }
	},
	'au-hallertau': {
		population: { 2021: 6_171, 2022: 6_255, 2023: 6_301 },
		share: { 2021: 12.1, 2022: 13.4, 2023: 13.8 },
		// the 2023 report of the asylum figures is still missing: the comparison shows 2022
		asylum: { 2021: [21, 12, 4], 2022: [27, 14, 4] }
	},
	zolling: {
		population: { 2021: 4_781, 2022: 4_850, 2023: 4_893 },
		// no share of foreign nationals reported: shown as missing, not as zero
		asylum: { 2021: [15, 9, 2], 2022: [19, 10, 2], 2023: [21, 11, 1] }
	}
};

const GIFHORN: Record<string, MunicipalityFigures> = {
	gifhorn: {
		population: { 2021: 42_521, 2022: 43_192, 2023: 43_470 },
		foreigners: { 2021: 4_210, 2022: 4_905, 2023: 5_120 },
		asylum: { 2021: [156, 98, 31], 2022: [201, 110, 33], 2023: [228, 121, 29] },
		courses: { 2023: 360 }
	},
	wittingen: {
		population: { 2021: 11_498, 2022: 11_560, 2023: 11_571 },
		foreigners: { 2021: 702, 2022: 866, 2023: 910 },
		asylum: { 2021: [34, 21, 6], 2022: [45, 24, 7], 2023: [49, 26, 5] }
	},
	sassenburg: {
		population: { 2021: 11_290, 2022: 11_402, 2023: 11_455 },
		foreigners: { 2021: 540, 2022: 651, 2023: 688 },
		asylum: { 2021: [29, 17, 4], 2022: [38, 19, 5], 2023: [41, 20, 4] }
	},
	meinersen: {
		population: { 2021: 8_012, 2022: 8_088, 2023: 8_130 },
		foreigners: { 2021: 391, 2022: 470, 2023: 492 }
		// asylum figures not reported by the Samtgemeinde: missing in the comparison
	}
};

function rows(
	tenantId: string,
	indicatorId: string,
	municipalityId: string,
	series: Series,
	breakdown?: { dimension: string; category: string }
) {
	return Object.entries(series).map(([year, value]) => ({
		tenantId,
		indicatorId,
		municipalityId,
		date: `${year}-12-31`,
		value,
		sourceNote: 'Demo-Zahlen',
		isDemo: true,
		breakdownDimension: breakdown?.dimension ?? null,
		breakdownCategory: breakdown?.category ?? null
	}));
}

async function seedDistrict(
	tx: Executor,
	slug: string,
	figures: Record<string, MunicipalityFigures>,
	keys: string[]
) {
	const [district] = await tx.select().from(tenants).where(eq(tenants.slug, slug));
	if (!district) return;
	const children = await tx.select().from(tenants).where(eq(tenants.parentId, district.id));
	const ids = await adoptIndicators(tx, district.id, keys);
	const [share] = await tx
		.select({ id: indicators.id })
		.from(indicators)
		.where(
			and(eq(indicators.tenantId, district.id), eq(indicators.libraryKey, 'auslaenderanteil'))
		);
	const values = [];
	for (const [childSlug, f] of Object.entries(figures)) {
		const child = children.find((c) => c.slug === childSlug);
		if (!child) continue;
		values.push(...rows(district.id, ids.bevoelkerung, child.id, f.population));
		if (f.foreigners && ids['auslaendische-bevoelkerung'])
			values.push(...rows(district.id, ids['auslaendische-bevoelkerung'], child.id, f.foreigners));
		if (f.share && share) values.push(...rows(district.id, share.id, child.id, f.share));
		if (f.courses && ids.sprachkursplaetze)
			values.push(...rows(district.id, ids.sprachkursplaetze, child.id, f.courses));
		if (f.volunteers && ids.ehrenamtliche)
			values.push(...rows(district.id, ids.ehrenamtliche, child.id, f.volunteers));
		if (f.asylum) {
			const total: Series = {};
			for (const [year, parts] of Object.entries(f.asylum)) {
				total[Number(year)] = parts.reduce((a, b) => a + b, 0);
				parts.forEach((value, i) =>
					values.push(
						...rows(
							district.id,
							ids['asyl-untergebracht'],
							child.id,
							{ [Number(year)]: value },
							{ dimension: STATUS, category: STATUS_CATEGORIES[i] }
						)
					)
				);
			}
			values.push(...rows(district.id, ids['asyl-untergebracht'], child.id, total));
		}
	}
	if (values.length) await tx.insert(indicatorValues).values(values);
	return { district, children };
}

/**
 * A schematic map of the Freising municipalities: one hexagon each, placed roughly where the
 * municipality lies (north up). Honest about itself in its properties: NOT real boundaries.
 */
export function schematicFreisingGeoJson(): string {
	// [slug-less AGS, name, column, row] on a pointy-top hexagon grid around Freising
	const cells: [string, string, number, number][] = [
		['09178116', 'Au i.d.Hallertau', 0, -2],
		['09178113', 'Allershausen', -1, -1],
		['09178157', 'Zolling', 0, -1],
		['09178143', 'Moosburg a.d.Isar', 1, -1],
		['09178124', 'Freising', 0, 0],
		['09178120', 'Eching', -1, 1],
		['09178145', 'Neufahrn b.Freising', 0, 1],
		['09178130', 'Hallbergmoos', 1, 1]
	];
	const [lon0, lat0, r] = [11.75, 48.4, 0.05];
	const k = Math.cos((lat0 * Math.PI) / 180);
	const features = cells.map(([ags, name, col, row]) => {
		const cy = lat0 - row * r * 1.5;
		const cx = lon0 + ((col + (row % 2 ? 0.5 : 0)) * r * Math.sqrt(3)) / k;
		const ring = Array.from({ length: 7 }, (_, i) => {
			const a = ((60 * (i % 6) - 30) * Math.PI) / 180;
			return [
				Math.round((cx + (r * Math.cos(a)) / k) * 1e5) / 1e5,
				Math.round((cy + r * Math.sin(a)) * 1e5) / 1e5
			];
		});
		return {
			type: 'Feature',
			properties: { AGS: ags, GEN: name, hinweis: 'schematisch, keine amtliche Grenze' },
			geometry: { type: 'Polygon', coordinates: [ring] }
		};
	});
	return JSON.stringify({ type: 'FeatureCollection', features });
}

/** The demo account of Stadt Moosburg's coordinator, who keeps the town's own figures. */
export const MOOSBURG_COORDINATOR = 'rathaus@moosburg.example';

export async function seedDistrictFigures(tx: Executor, input: { password: string }) {
	const all = ['bevoelkerung', 'asyl-untergebracht', 'sprachkursplaetze', 'ehrenamtliche'];
	const freising = await seedDistrict(tx, 'landkreis-freising', FREISING, all);
	await seedDistrict(tx, 'landkreis-gifhorn', GIFHORN, [...all, 'auslaendische-bevoelkerung']);
	if (freising) {
		const moosburg = freising.children.find((c) => c.slug === 'moosburg');
		if (moosburg) {
			const user = await buildUser(tx, {
				email: MOOSBURG_COORDINATOR,
				name: 'Rathaus Moosburg – Integration',
				password: input.password
			});
			await grantRole(tx, moosburg.id, user.id, 'coordinator');
		}
		const parsed = parseDistrictGeoJson(
			schematicFreisingGeoJson(),
			freising.children.map((c) => ({ id: c.id, name: c.name, slug: c.slug, ags: c.ags }))
		);
		if (parsed.features.length)
			await tx.insert(districtMaps).values({
				tenantId: freising.district.id,
				features: parsed.features,
				featureCount: parsed.features.length
			});
	}
}
