import { describe, expect, it } from 'vitest';
import { parseGermanNumber, parseStatDate, parseStatisticsCsv } from './statcsv';

describe('parseGermanNumber', () => {
	it('reads decimal comma, thousands points, signs and plain decimals', () => {
		expect(parseGermanNumber('12,5')).toBe(12.5);
		expect(parseGermanNumber('1.234')).toBe(1234);
		expect(parseGermanNumber('1.234.567,89')).toBe(1234567.89);
		expect(parseGermanNumber('-3,0')).toBe(-3);
		expect(parseGermanNumber('7')).toBe(7);
		expect(parseGermanNumber('12.5')).toBe(12.5);
	});
	it('refuses what is no number', () => {
		for (const s of ['', 'abc', '1,2,3', '12.34.5', '1.23,4,5', '.', '-'])
			expect(parseGermanNumber(s)).toBeNull();
	});
});

describe('parseStatDate', () => {
	it('reads German dates, ISO dates and years', () => {
		expect(parseStatDate('31.12.2023')).toBe('2023-12-31');
		expect(parseStatDate('1.7.2020')).toBe('2020-07-01');
		expect(parseStatDate('2021-06-30')).toBe('2021-06-30');
		expect(parseStatDate('2019')).toBe('2019-12-31');
	});
	it('refuses impossible dates', () => {
		expect(parseStatDate('31.02.2023')).toBeNull();
		expect(parseStatDate('2023/12/31')).toBeNull();
		expect(parseStatDate('')).toBeNull();
	});
});

const GENESIS = [
	'Statistisches Landesamt;;',
	'Tabelle 12411-03: Ausländeranteil;;',
	'Landkreis Gifhorn;;',
	';;',
	'Stichtag;Gemeinde;Wert',
	'31.12.2019;Gifhorn;8,4',
	'31.12.2020;Gifhorn;8,9',
	'31.12.2021;Gifhorn;.',
	'31.12.2022;Gifhorn;1.234,5',
	'31.12.2023;Gifhorn;x',
	'31.12.2023;Wittingen;-',
	'__________',
	'© Statistisches Landesamt, 2024',
	'Stand: 01.03.2024'
].join('\r\n');

describe('parseStatisticsCsv', () => {
	it('skips the header block and the footer, reads decimal commas and special signs', () => {
		const r = parseStatisticsCsv('\uFEFF' + GENESIS);
		expect(r.errors).toEqual([]);
		expect(r.headerLine).toBe(5);
		expect(r.rows.map((x) => [x.line, x.date, x.municipality, x.value, x.special ?? null])).toEqual(
			[
				[6, '2019-12-31', 'Gifhorn', 8.4, null],
				[7, '2020-12-31', 'Gifhorn', 8.9, null],
				[8, '2021-12-31', 'Gifhorn', null, '.'],
				[9, '2022-12-31', 'Gifhorn', 1234.5, null],
				[10, '2023-12-31', 'Gifhorn', null, 'x'],
				[11, '2023-12-31', 'Wittingen', null, '-']
			]
		);
	});
	it('reads years, breakdowns and source notes; commas as separator too', () => {
		const r = parseStatisticsCsv(
			'Jahr,Merkmal,Ausprägung,Wert,Quelle\n2022,sex,female,"12,5",Zensus\n2022,,,"11,0",\n'
		);
		expect(r.errors).toEqual([]);
		expect(r.rows).toEqual([
			{
				line: 2,
				date: '2022-12-31',
				value: 12.5,
				municipality: null,
				dimension: 'sex',
				category: 'female',
				sourceNote: 'Zensus'
			},
			{
				line: 3,
				date: '2022-12-31',
				value: 11,
				municipality: null,
				dimension: null,
				category: null,
				sourceNote: null
			}
		]);
	});
	it('takes a unit or the one remaining column as the value column (issue 14)', () => {
		for (const header of ['Jahr;%', 'Jahr;Anteil in %', 'Jahr;Ausländeranteil', 'Stichtag;in %']) {
			const r = parseStatisticsCsv(`${header}\n2021;12,5\n2022;13\n`);
			expect(r.errors, header).toEqual([]);
			expect(
				r.rows.map((row) => [row.date, row.value]),
				header
			).toEqual([
				['2021-12-31', 12.5],
				['2022-12-31', 13]
			]);
		}
		// two unnamed columns beside the year: which one holds the figures is not clear
		expect(parseStatisticsCsv('Jahr;Männer;Frauen\n2021;1;2\n').errors).toEqual([
			{ line: 1, key: 'concept_import_error_no_header' }
		]);
	});
	it('reports every bad row with its line number', () => {
		const r = parseStatisticsCsv(
			['Jahr;Wert', '2020;abc', '20x1;5', '2022;', '2023;4,5', '2023;4,6', '2024;1,2,3'].join('\n')
		);
		expect(r.errors.map((e) => [e.line, e.key])).toEqual([
			[2, 'concept_import_error_value'],
			[3, 'concept_import_error_date'],
			[4, 'concept_import_error_value_missing'],
			[6, 'concept_import_error_duplicate'],
			[7, 'concept_import_error_value']
		]);
		expect(r.errors[0].params).toEqual({ value: 'abc' });
	});
	it('refuses a row with a NUL or another control character (issue 16)', () => {
		const r = parseStatisticsCsv(
			['Jahr;Wert;Quelle', '2020;4;Zensus', '2021;5;Zen\u0000sus', '2022;6;\u001b[31m'].join('\n')
		);
		expect(r.errors.map((e) => [e.line, e.key])).toEqual([
			[3, 'sec_csv_control_characters'],
			[4, 'sec_csv_control_characters']
		]);
		expect(r.rows.map((row) => row.line)).toEqual([2]);
	});
	it('demands a breakdown dimension and category together', () => {
		const r = parseStatisticsCsv('Jahr;Merkmal;Ausprägung;Wert\n2020;sex;;4\n');
		expect(r.errors.map((e) => e.key)).toEqual(['concept_import_error_breakdown']);
	});
	it('says so when no header or no data is found', () => {
		expect(parseStatisticsCsv('a;b\n1;2').errors[0].key).toBe('concept_import_error_no_header');
		expect(parseStatisticsCsv('Jahr;Wert\n').errors[0].key).toBe('concept_import_error_empty');
	});
});
