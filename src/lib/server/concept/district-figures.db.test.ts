import { describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { tenants } from '../tenants/schema';
import type { Db } from '../db/client';
import { useTestSetup } from '../db/testing/test-db';
import { actorCtx } from '../db/testing/test-actors';
import { withTenant } from '../context';
import { buildTenant } from '../factories';
import { NotFoundError } from '../errors';
import { auditLog } from '../audit/schema';
import { indicatorValues } from './indicator-schema';
import { adoptLibraryIndicators } from './indicator-library';
import { createIndicator, recordIndicatorValue } from './indicator-edit';
import { previewValueImport, runValueImport } from './indicator-import';
import {
	getDistrictFigures,
	getOwnFigures,
	recordOwnValue,
	removeDistrictMap,
	uploadDistrictMap
} from './district-figures';
import { indicatorViews } from './indicators';

const AGS = ['09178000', '09178124', '09178143', '09178157', '03151040'];

async function districtFixture(db: Db) {
	// one database for the file and keys unique across tenants: the former fixture's tenants go
	await db.delete(tenants).where(inArray(tenants.ags, AGS.slice(1)));
	await db.delete(tenants).where(inArray(tenants.ags, AGS.slice(0, 1)));
	const district = await buildTenant(db, {
		kind: 'district',
		name: 'Landkreis Freising',
		ags: '09178000'
	});
	const muni = async (name: string, ags: string, parentId = district.id) =>
		buildTenant(db, { kind: 'municipality', name, ags, parentId });
	const freising = await muni('Stadt Freising', '09178124');
	const moosburg = await muni('Stadt Moosburg a.d.Isar', '09178143');
	const zolling = await muni('Gemeinde Zolling', '09178157');
	const otherDistrict = await buildTenant(db, { kind: 'district', name: 'Landkreis Gifhorn' });
	const wittingen = await muni('Stadt Wittingen', '03151040', otherDistrict.id);
	const coordinator = await actorCtx(db, district, 'coordinator');
	await adoptLibraryIndicators(coordinator, {
		keys: ['bevoelkerung', 'asyl-untergebracht', 'auslaenderanteil']
	});
	const byKey = Object.fromEntries(
		(await indicatorViews(db, district.id)).map((v) => [v.indicator.libraryKey, v.indicator.id])
	);
	return {
		db,
		district,
		freising,
		moosburg,
		zolling,
		otherDistrict,
		wittingen,
		coordinator,
		byKey
	};
}

const setup = useTestSetup(districtFixture);

const square = (x: number, y: number) => [
	[
		[x, y],
		[x + 0.1, y],
		[x + 0.1, y + 0.1],
		[x, y + 0.1],
		[x, y]
	]
];
const geojson = (...keys: string[]) =>
	JSON.stringify({
		type: 'FeatureCollection',
		features: keys.map((ags, i) => ({
			type: 'Feature',
			properties: { AGS: ags },
			geometry: { type: 'Polygon', coordinates: square(11 + i * 0.1, 48.4) }
		}))
	});

describe('figures per municipality of a district', () => {
	it('imports one CSV for many municipalities by their key and reports unknown keys', async () => {
		const s = await setup();
		const csv = (extra: string[] = []) =>
			[
				'Bevölkerung: Gemeinden, Stichtag 31.12.;;',
				'Stichtag;AGS;Gemeinde;Anzahl',
				'31.12.2023;09178;Landkreis Freising;184.981',
				'31.12.2023;09178124;Freising, GKSt;50.721',
				'31.12.2023;09178143;Moosburg a.d.Isar, St;19.512',
				'31.12.2023;09178157;Zolling;.',
				...extra
			].join('\n');
		const bad = await previewValueImport(s.coordinator, {
			indicatorId: s.byKey.bevoelkerung,
			text: csv(['31.12.2023;03151040;Wittingen, Stadt;11.571', '31.12.2023;09999999;Irgendwo;1'])
		});
		expect(bad.valid).toBe(false);
		expect(bad.errors).toEqual([
			{ line: 7, key: 'concept_import_error_municipality', params: { value: '03151040' } },
			{ line: 8, key: 'concept_import_error_municipality', params: { value: '09999999' } }
		]);
		// all or nothing: with the unknown keys, nothing is written
		expect(
			await runValueImport(s.coordinator, {
				indicatorId: s.byKey.bevoelkerung,
				text: csv(['31.12.2023;03151040;Wittingen, Stadt;11.571'])
			})
		).toMatchObject({ errors: [{ line: 7 }] });
		expect(await s.db.select().from(indicatorValues)).toEqual([]);

		const ok = await previewValueImport(s.coordinator, {
			indicatorId: s.byKey.bevoelkerung,
			text: csv()
		});
		expect(ok.rows.map((r) => [r.area, r.value])).toEqual([
			['Landkreis Freising', 184_981],
			['Stadt Freising', 50_721],
			['Stadt Moosburg a.d.Isar', 19_512],
			['Gemeinde Zolling', null]
		]);
		expect(
			await runValueImport(s.coordinator, { indicatorId: s.byKey.bevoelkerung, text: csv() })
		).toEqual({ written: 3, skipped: 1 });
	});

	it('imports the regional table layout with the key in the second column', async () => {
		const s = await setup();
		const text = [
			'12411-01-01-5;Bevölkerung nach Geschlecht;;;;',
			';;;Insgesamt;männlich;weiblich',
			'31.12.2022;09178124;      Freising, GKSt;50.310;24.900;25.410',
			'31.12.2022;091780143143;      Moosburg a.d.Isar, St;19.250;9.600;9.650'
		].join('\n');
		expect(
			await runValueImport(s.coordinator, { indicatorId: s.byKey.bevoelkerung, text })
		).toEqual({ written: 2, skipped: 0 });
		const rows = await s.db
			.select()
			.from(indicatorValues)
			.where(eq(indicatorValues.municipalityId, s.moosburg.id));
		expect(rows.map((r) => [r.date, r.value])).toEqual([['2022-12-31', 19_250]]);
	});

	it('compares all municipalities: per 1,000 inhabitants, with dates, missing values as missing', async () => {
		const s = await setup();
		const record = (
			key: string,
			m: { id: string } | null,
			date: string,
			value: string,
			extra = {}
		) =>
			recordIndicatorValue(s.coordinator, {
				indicatorId: s.byKey[key],
				municipalityId: m?.id ?? '',
				date,
				value,
				...extra
			});
		await record('bevoelkerung', s.freising, '2023-12-31', '50000');
		await record('bevoelkerung', s.moosburg, '2023-12-31', '20000');
		await record('bevoelkerung', s.zolling, '2023-12-31', '5000');
		await record('asyl-untergebracht', s.freising, '2023-12-31', '500');
		await record('asyl-untergebracht', s.freising, '2023-12-31', '300', {
			breakdownDimension: 'Status',
			breakdownCategory: 'im Asylverfahren'
		});
		await record('asyl-untergebracht', s.moosburg, '2022-12-31', '120');
		await record('auslaenderanteil', s.freising, '2023-12-31', '22');

		const figures = await getDistrictFigures(s.coordinator);
		expect(figures.municipalities.map((m) => m.name)).toEqual([
			'Gemeinde Zolling',
			'Stadt Freising',
			'Stadt Moosburg a.d.Isar'
		]);
		expect(figures.comparisons.map((c) => [c.indicator.indicator.libraryKey, c.perCapita])).toEqual(
			[
				['bevoelkerung', false],
				['auslaenderanteil', false],
				['asyl-untergebracht', true]
			]
		);
		const asylum = figures.comparisons[2].rows;
		expect(asylum.map((r) => [r.area, r.value, r.date, r.perThousand])).toEqual([
			['Gemeinde Zolling', null, null, null],
			['Stadt Freising', 500, '2023-12-31', 10],
			// a 2022 value and only a 2023 population: no per-capita figure rather than a wrong one
			['Stadt Moosburg a.d.Isar', 120, '2022-12-31', null]
		]);
		expect(asylum[1].breakdown).toEqual([
			{ dimension: 'Status', category: 'im Asylverfahren', value: 300 }
		]);
		const share = figures.comparisons[1].rows;
		expect(share.map((r) => r.value)).toEqual([null, 22, null]);
		expect(figures.map).toBeNull();
	});

	it('keeps the uploaded boundaries matched by AGS; refuses bad files and writes nothing', async () => {
		const s = await setup();
		const bad = await uploadDistrictMap(s.coordinator, { text: '{"type":"FeatureCollection"' });
		expect(bad).toMatchObject({ saved: false, errors: [{ key: 'figures_geo_error_json' }] });
		expect((await getDistrictFigures(s.coordinator)).map).toBeNull();

		const ok = await uploadDistrictMap(s.coordinator, {
			text: geojson('09178124', '09178143', '03151040')
		});
		expect(ok).toEqual({
			saved: true,
			errors: [],
			matched: 2,
			unknown: ['03151040'],
			missing: ['Gemeinde Zolling']
		});
		const { map } = await getDistrictFigures(s.coordinator);
		expect(map?.features.map((f) => [f.ags, f.name])).toEqual([
			['09178124', 'Stadt Freising'],
			['09178143', 'Stadt Moosburg a.d.Isar']
		]);
		// a second upload replaces the first
		await uploadDistrictMap(s.coordinator, { text: geojson('09178157') });
		expect((await getDistrictFigures(s.coordinator)).map?.features.map((f) => f.ags)).toEqual([
			'09178157'
		]);
		const audit = await s.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.tenantId, s.district.id), eq(auditLog.action, 'concept.map_upload')));
		expect(audit).toHaveLength(2);

		// only the district's coordinator: a member, a municipality's coordinator, another district
		for (const ctx of [
			await actorCtx(s.db, s.district, 'member'),
			withTenant(await actorCtx(s.db, s.freising, 'coordinator'), s.district),
			withTenant(await actorCtx(s.db, s.otherDistrict, 'coordinator'), s.district)
		])
			await expect(uploadDistrictMap(ctx, { text: geojson('09178124') })).rejects.toBeInstanceOf(
				NotFoundError
			);
		await removeDistrictMap(s.coordinator);
		expect((await getDistrictFigures(s.coordinator)).map).toBeNull();
		await expect(removeDistrictMap(s.coordinator)).rejects.toBeInstanceOf(NotFoundError);
	});

	it("lets a municipality's coordinator keep only their own municipality's values", async () => {
		const s = await setup();
		const moosburgCoordinator = await actorCtx(s.db, s.moosburg, 'coordinator');
		const input = { indicatorId: s.byKey['asyl-untergebracht'], date: '2024-06-30', value: '133' };
		// a municipalityId in the input is ignored: the value is always the request's municipality
		await recordOwnValue(moosburgCoordinator, { ...input, municipalityId: s.freising.id });
		const rows = await s.db.select().from(indicatorValues);
		expect(rows.map((r) => [r.tenantId, r.municipalityId, r.value])).toEqual([
			[s.district.id, s.moosburg.id, 133]
		]);
		const logs = await s.db
			.select({ tenantId: auditLog.tenantId })
			.from(auditLog)
			.where(eq(auditLog.action, 'concept.value_record'));
		expect(logs.map((l) => l.tenantId).sort()).toEqual([s.district.id, s.moosburg.id].sort());

		const own = await getOwnFigures(moosburgCoordinator);
		expect(own.district.name).toBe('Landkreis Freising');
		expect(own.indicators.map((i) => i.indicator.libraryKey).sort()).toEqual([
			'asyl-untergebracht',
			'auslaenderanteil',
			'bevoelkerung'
		]);
		const mine = own.indicators.find((i) => i.indicator.libraryKey === 'asyl-untergebracht')!;
		expect(mine.values.map((v) => v.value)).toEqual([133]);

		// another municipality's coordinator sees and writes only their own
		await recordIndicatorValue(s.coordinator, {
			indicatorId: s.byKey['asyl-untergebracht'],
			municipalityId: s.zolling.id,
			date: '2024-06-30',
			value: '20'
		});
		const freisingCoordinator = await actorCtx(s.db, s.freising, 'coordinator');
		const theirs = await getOwnFigures(freisingCoordinator);
		expect(theirs.indicators.flatMap((i) => i.values)).toEqual([]);
		// … and cannot act in Moosburg's name (no role there), nor in the district's
		await expect(
			recordOwnValue(withTenant(freisingCoordinator, s.moosburg), input)
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			recordIndicatorValue(withTenant(freisingCoordinator, s.district), {
				...input,
				municipalityId: s.moosburg.id
			})
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			getDistrictFigures(withTenant(freisingCoordinator, s.district))
		).rejects.toBeInstanceOf(NotFoundError);
		// a member of the municipality may look, not write
		const member = await actorCtx(s.db, s.moosburg, 'member');
		expect((await getOwnFigures(member)).indicators.length).toBe(3);
		await expect(recordOwnValue(member, input)).rejects.toBeInstanceOf(NotFoundError);
		// a municipality of another district cannot use Freising's indicators
		const wittingen = await actorCtx(s.db, s.wittingen, 'coordinator');
		await expect(recordOwnValue(wittingen, input)).rejects.toBeInstanceOf(NotFoundError);
		// a tenant without a district has no own figures
		await expect(getOwnFigures(s.coordinator)).rejects.toBeInstanceOf(NotFoundError);
		// the value is checked like the district's own entry
		await expect(
			recordOwnValue(moosburgCoordinator, { ...input, value: 'viele' })
		).rejects.toMatchObject({ fieldErrors: { value: 'concept_error_value_required' } });
	});

	it('refuses own values for an indicator kept for the district as a whole', async () => {
		const s = await setup();
		const { id } = await createIndicator(s.coordinator, {
			name: 'Einbürgerungen',
			unit: 'Personen',
			direction: 'higher',
			level: 'tenant',
			goalIds: []
		});
		await expect(
			recordOwnValue(await actorCtx(s.db, s.moosburg, 'coordinator'), {
				indicatorId: id,
				date: '2024-12-31',
				value: '3'
			})
		).rejects.toBeInstanceOf(NotFoundError);
	});
});
