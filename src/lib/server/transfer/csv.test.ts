import { describe, expect, it } from 'vitest';
import { decodeCsv, detectSeparator, parseCsv, toCsv } from './csv';
import { formatBerlinDateTime, parseBerlinDateTime, parseDay } from './time';
import { fromBerlinLocal } from '../shared';

describe('toCsv', () => {
	it('writes a BOM, semicolons, CRLF and quotes only where needed', () => {
		const csv = toCsv(
			['name', 'note'],
			[
				['Sprachcafé', 'dienstags; 18 Uhr'],
				['Zitat "hier"', 'zwei\nZeilen'],
				['leer', null]
			]
		);
		expect(csv).toBe(
			'\uFEFFname;note\r\nSprachcafé;"dienstags; 18 Uhr"\r\n"Zitat ""hier""";"zwei\nZeilen"\r\nleer;\r\n'
		);
	});

	it('defuses text a spreadsheet would run as a formula, and the import restores it', () => {
		const csv = toCsv(['a', 'b', 'c', 'd'], [['=HYPERLINK("x")', '+49 871 1', '-5', '@SUM(A1)']]);
		expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")";'+49 871 1;-5;'@SUM(A1)`);
		const parsed = parseCsv(csv);
		expect(parsed.ok && parsed.records[0].values).toEqual({
			a: '=HYPERLINK("x")',
			b: '+49 871 1',
			c: '-5',
			d: '@SUM(A1)'
		});
	});
});

describe('parseCsv', () => {
	it('detects semicolon or comma from the header line', () => {
		expect(detectSeparator('name;city\nA, B;C')).toBe(';');
		expect(detectSeparator('name,city\nA;B,C')).toBe(',');
		const parsed = parseCsv('Name,City\n"Treff, Mitte",Landshut\n');
		expect(parsed).toMatchObject({
			ok: true,
			separator: ',',
			header: ['name', 'city'],
			records: [{ line: 2, values: { name: 'Treff, Mitte', city: 'Landshut' } }]
		});
	});

	it('numbers records by the line they start on, across quoted line breaks and blank lines', () => {
		const parsed = parseCsv('\uFEFFa;b\r\n1;2\r\n"drei\r\nZeilen\r\nlang";3\r\n\r\n;\r\n4;5\r\n');
		expect(parsed.ok && parsed.records.map((r) => [r.line, r.values.a])).toEqual([
			[2, '1'],
			[3, 'drei\nZeilen\nlang'],
			[8, '4']
		]);
	});

	it('reports a broken file with the line of the problem', () => {
		expect(parseCsv('a;b\n1;2\n"offen;3\n')).toEqual({ ok: false, line: 3, reason: 'structure' });
		expect(parseCsv('  \n')).toEqual({ ok: false, line: 1, reason: 'empty' });
	});

	it('reads UTF-8 (BOM removed) and falls back to Windows-1252', () => {
		expect(decodeCsv(new TextEncoder().encode('\uFEFFStraße;Müller'))).toEqual({
			text: 'Straße;Müller',
			encoding: 'utf-8'
		});
		const cp1252 = Uint8Array.from([0x53, 0x74, 0x72, 0x61, 0xdf, 0x65, 0x3b, 0x80]);
		expect(decodeCsv(cp1252)).toEqual({ text: 'Straße;€', encoding: 'windows-1252' });
	});
});

describe('Berlin dates', () => {
	it('reads ISO and German dates and rejects impossible ones', () => {
		expect(parseDay('2026-03-04')).toBe('2026-03-04');
		expect(parseDay('4.3.2026')).toBe('2026-03-04');
		expect(parseDay('31.02.2026')).toBeNull();
		expect(parseDay('morgen')).toBeNull();
	});

	it('turns Berlin wall-clock time into the right instant in winter and summer', () => {
		expect(fromBerlinLocal(2026, 1, 15, 18, 0).toISOString()).toBe('2026-01-15T17:00:00.000Z');
		expect(fromBerlinLocal(2026, 7, 15, 18, 0).toISOString()).toBe('2026-07-15T16:00:00.000Z');
		expect(parseBerlinDateTime('15.07.2026 18:30')?.toISOString()).toBe('2026-07-15T16:30:00.000Z');
		expect(parseBerlinDateTime('2026-07-15T18:30')?.toISOString()).toBe('2026-07-15T16:30:00.000Z');
		expect(parseBerlinDateTime('2026-07-15 25:00')).toBeNull();
		expect(formatBerlinDateTime(new Date('2026-01-15T17:00:00Z'))).toBe('2026-01-15 18:00');
	});
});
