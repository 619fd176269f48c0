import { describe, expect, it } from 'vitest';
import { parseStatisticsCsv } from './statcsv';

describe('regional table layout (GENESIS/Regionalstatistik)', () => {
	it('reads one line per municipality key, the total column, signs and the footer', () => {
		const text = [
			'12411-01-01-5;Bevölkerung nach Geschlecht - Stichtag 31.12. - regionale Tiefe: Gemeinden;;;;',
			';;;Bevölkerungsstand;;',
			';;;Insgesamt;männlich;weiblich',
			';;;Anzahl;Anzahl;Anzahl',
			'31.12.2023;09178;LK Freising;184.981;93.577;91.404',
			'31.12.2023;09178124;      Freising, GKSt;50.721;25.120;25.601',
			'31.12.2023;09178143;      Moosburg a.d.Isar, St;19.512;9.700;9.812',
			'31.12.2023;09178157;      Zolling;.;.;.',
			'__________',
			'(C)opyright Statistische Ämter des Bundes und der Länder'
		].join('\n');
		const r = parseStatisticsCsv(text);
		expect(r.errors).toEqual([]);
		expect(r.rows.map((x) => [x.line, x.date, x.municipality, x.value])).toEqual([
			[5, '2023-12-31', '09178', 184_981],
			[6, '2023-12-31', '09178124', 50_721],
			[7, '2023-12-31', '09178143', 19_512],
			[8, '2023-12-31', '09178157', null]
		]);
	});

	it('names a bad value and a repeated key with their lines', () => {
		const r = parseStatisticsCsv(
			['2023;09178124;Freising;viele', '2023;09178143;Moosburg;3', '2023;09178143;Moosburg;4'].join(
				'\n'
			)
		);
		expect(r.errors).toEqual([
			{ line: 1, key: 'concept_import_error_value', params: { value: 'viele' } },
			{ line: 3, key: 'concept_import_error_duplicate', params: { other: '2' } }
		]);
	});
});
