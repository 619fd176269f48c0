/**
 * CSV as German spreadsheet programs expect it: UTF-8 with a byte-order mark (so Excel detects
 * the encoding), semicolons between fields, CRLF between records, fields quoted only when needed.
 * Reading accepts semicolons or commas (detected from the header line), with or without BOM, in
 * UTF-8 or, failing that, Windows-1252 (what older Excel versions save as "CSV").
 */
import { parse } from 'csv-parse/sync';

export const BOM = '\uFEFF';
export const SEPARATOR = ';';
/** Separator inside a field that holds a list, e.g. languages "de|en|ar". */
export const LIST_SEPARATOR = '|';

/**
 * A text that a spreadsheet would run as a formula (=, +, -, @ at the start) is written with a
 * leading apostrophe, which the import removes again (CSV injection). Plain numbers stay as they are.
 */
function neutralise(value: string): string {
	if (/^[=+\-@\t\r]/.test(value) && !/^[+-]?\d+([.,]\d+)?$/.test(value)) return `'${value}`;
	return value;
}

function field(value: string | number | boolean | null | undefined): string {
	if (value === null || value === undefined) return '';
	const text = neutralise(String(value));
	return /[;"\r\n,]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: BOM, header, records. */
export function toCsv(header: string[], rows: (string | number | boolean | null | undefined)[][]) {
	const lines = [header, ...rows].map((r) => r.map(field).join(SEPARATOR));
	return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** Removes the apostrophe that `neutralise` put before a formula-like text. */
export function unneutralise(value: string): string {
	return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

export function joinList(values: readonly (string | number)[] | null | undefined): string {
	return (values ?? []).join(LIST_SEPARATOR);
}

/** The header line decides: more semicolons than commas (or any semicolon at all) → semicolon. */
export function detectSeparator(text: string): ';' | ',' {
	const firstLine = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
	const semicolons = (firstLine.match(/;/g) ?? []).length;
	const commas = (firstLine.match(/,/g) ?? []).length;
	return semicolons >= commas ? ';' : ',';
}

/** Windows-1252 characters for the bytes 0x80–0x9F (undefined bytes become nothing). */
const CP1252_C1 = [
	'€',
	'',
	'‚',
	'ƒ',
	'„',
	'…',
	'†',
	'‡',
	'ˆ',
	'‰',
	'Š',
	'‹',
	'Œ',
	'',
	'Ž',
	'',
	'',
	'‘',
	'’',
	'“',
	'”',
	'•',
	'–',
	'—',
	'˜',
	'™',
	'š',
	'›',
	'œ',
	'',
	'ž',
	'Ÿ'
];

/** Bytes to text: UTF-8 (BOM removed) if valid, else Windows-1252. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
	} catch {
		// Node's decoder treats windows-1252 as Latin-1; map the bytes 0x80–0x9F (€, „, “ …) itself.
		const text = Array.from(bytes, (b) =>
			b >= 0x80 && b <= 0x9f ? (CP1252_C1[b - 0x80] ?? '') : String.fromCharCode(b)
		).join('');
		return { text, encoding: 'windows-1252' };
	}
}

export interface CsvRecord {
	/** line in the file where the record starts (1 = header) */
	line: number;
	/** values by column name (header), trimmed */
	values: Record<string, string>;
	/** number of fields the line had */
	fieldCount: number;
}

export type CsvParseResult =
	| { ok: true; header: string[]; records: CsvRecord[]; separator: ';' | ',' }
	| { ok: false; line: number; reason: 'structure' | 'empty' };

const lineBreaks = (s: string) => (s.match(/\n/g) ?? []).length;

/** Parses CSV text with a header line; empty lines are skipped. */
export function parseCsv(text: string): CsvParseResult {
	// One kind of line break: csv-parse counts a CRLF inside quotes as two lines, which would
	// shift every later line number. Texts keep LF line breaks.
	const content = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	if (content.trim() === '') return { ok: false, line: 1, reason: 'empty' };
	const separator = detectSeparator(content);
	let parsed: { record: string[]; info: { lines: number } }[];
	try {
		parsed = parse(content, {
			delimiter: separator,
			info: true,
			relax_column_count: true,
			skip_empty_lines: true
		}) as unknown as { record: string[]; info: { lines: number } }[];
	} catch (e) {
		const line = (e as { lines?: number }).lines;
		return { ok: false, line: typeof line === 'number' ? line : 1, reason: 'structure' };
	}
	if (parsed.length === 0) return { ok: false, line: 1, reason: 'empty' };
	const header = parsed[0].record.map((h) =>
		h
			.trim()
			.replace(/^\uFEFF/, '')
			.toLowerCase()
	);
	const records: CsvRecord[] = [];
	for (const { record, info } of parsed.slice(1)) {
		// Skip lines that hold nothing but separators (spreadsheets write them at the end).
		if (record.every((v) => v.trim() === '')) continue;
		const values: Record<string, string> = {};
		header.forEach((name, i) => {
			values[name] = unneutralise((record[i] ?? '').trim());
		});
		const start = info.lines - record.reduce((n, v) => n + lineBreaks(v), 0);
		records.push({ line: start, values, fieldCount: record.length });
	}
	return { ok: true, header, records, separator };
}

/** The HTTP answer for a CSV download (Excel-ready text, never cached). */
export function csvResponse(body: string, filename: string): Response {
	return new Response(body, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Cache-Control': 'private, no-store'
		}
	});
}
