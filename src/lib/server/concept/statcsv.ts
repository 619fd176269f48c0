/**
 * Reads indicator values from CSV, also in the format of the German statistical offices
 * (GENESIS tables): a block of title lines before the column header, semicolons, decimal comma
 * with "." as thousands separator, special signs instead of numbers and a footer after the data.
 *
 * Columns (names are matched without case, the first that fits wins):
 * - date: "Datum" / "Stichtag" (31.12.2023 or 2023-12-31) or "Jahr" (2023 → 31.12.2023)
 * - value: "Wert" / "Anzahl" / "Anteil" / "Quote" / "Value", also with a unit ("Anteil in %",
 *   "%"); without such a name, the one column beside the time that is none of the optional ones
 * - optional "Gemeinde" / "Kommune" / "AGS" / "Municipality": a municipality by name or AGS
 * - optional "Merkmal" (breakdown dimension) and "Ausprägung" (category)
 * - optional "Quelle" / "Source": source note per row
 *
 * Without such a header line, the regional table layout of GENESIS/Regionalstatistik is read:
 * `Stichtag;Schlüssel;Name;Wert…` per area (see parseRegionalTable).
 *
 * Special signs (no value, the row is skipped and counted): "-" (nothing), "." (unknown or
 * secret), "x" (not applicable), "..." (not yet available), "/" (not reliable), "–", "—".
 * Footer lines ("__", "©", "Stand", "Quelle:", "Hinweis", "Fußnote") and blank lines end the data.
 */
import { parse } from 'csv-parse/sync';
import { hasFormControlCharacters } from '../../control-characters';
import { detectSeparator } from '../transfer/csv';

export const SPECIAL_SIGNS = ['-', '.', 'x', 'X', '...', '/', '–', '—'];

export interface StatRow {
	line: number;
	date: string;
	value: number | null;
	/** the sign found instead of a number */
	special?: string;
	municipality: string | null;
	dimension: string | null;
	category: string | null;
	sourceNote: string | null;
}

export interface StatIssue {
	line: number;
	/** message key (messages/concept) */
	key: string;
	params?: Record<string, string>;
}

export interface StatParse {
	rows: StatRow[];
	errors: StatIssue[];
	/** the header line's number (1-based), null when none was found */
	headerLine: number | null;
}

const COLUMN_NAMES = {
	date: ['datum', 'stichtag', 'date'],
	year: ['jahr', 'year', 'zeit'],
	value: ['wert', 'anzahl', 'anteil', 'quote', 'value'],
	municipality: ['gemeinde', 'kommune', 'ags', 'municipality', 'gebiet'],
	dimension: ['merkmal', 'dimension'],
	category: ['ausprägung', 'auspraegung', 'category', 'kategorie'],
	source: ['quelle', 'source', 'quellenangabe']
} as const;

const norm = (s: string) =>
	s
		.replace(/^\uFEFF/, '')
		.trim()
		.toLowerCase();

function findColumn(header: string[], names: readonly string[]): number {
	return header.findIndex((h) => names.includes(norm(h)));
}

/** Header words that say a column holds the figures: a unit or a value word with a unit. */
const VALUE_HEADER = /^(%|prozent|percent|anzahl|anteil|quote|wert|value)\b|^(in )?%$|\(%\)$|in %$/;

/**
 * The value column: one named like a value ("Wert", "Anteil in %", "Anzahl (Personen)", "%");
 * else, when the line names a time column, the only column that is neither time nor one of the
 * optional columns ("Jahr;%" or "Jahr;Ausländeranteil").
 */
function findValueColumn(header: string[]): number {
	const named = findColumn(header, COLUMN_NAMES.value);
	if (named >= 0) return named;
	const byUnit = header.findIndex((h) => VALUE_HEADER.test(norm(h)));
	if (byUnit >= 0) return byUnit;
	const known = Object.entries(COLUMN_NAMES)
		.filter(([kind]) => kind !== 'value')
		.flatMap(([, names]) => names as readonly string[]);
	const hasTime =
		findColumn(header, COLUMN_NAMES.date) >= 0 || findColumn(header, COLUMN_NAMES.year) >= 0;
	const rest = header
		.map((h, i) => ({ h: norm(h), i }))
		.filter(({ h }) => h !== '' && !known.includes(h));
	return hasTime && rest.length === 1 ? rest[0].i : -1;
}

/**
 * A number in German (1.234,5 / 12,3 / -4) or plain (12.5) notation; null when it is none.
 * "1.234" counts as one thousand two hundred thirty-four (German thousands separator).
 */
export function parseGermanNumber(raw: string): number | null {
	const s = raw.trim().replace(/\s/g, '');
	if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s))
		return Number(s.replace(/\./g, '').replace(',', '.'));
	if (/^[+-]?\d+(,\d+)?$/.test(s)) return Number(s.replace(',', '.'));
	if (/^[+-]?\d+\.\d+$/.test(s)) return Number(s);
	return null;
}

/** "31.12.2023", "2023-12-31" or a year "2023" (→ the year's last day); null when none. */
export function parseStatDate(raw: string): string | null {
	const s = raw.trim();
	let y: number, m: number, d: number;
	let match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
	if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
	else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)))
		[y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	else if ((match = /^(\d{4})$/.exec(s))) [y, m, d] = [Number(match[1]), 12, 31];
	else return null;
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
		return null;
	if (y < 1900 || y > 2200) return null;
	return date.toISOString().slice(0, 10);
}

const isFooter = (first: string) =>
	/^(__|©|\(c\)|stand|quelle:|hinweis|fußnote|fussnote|erläuterung)/i.test(first.trim());

export function parseStatisticsCsv(text: string): StatParse {
	const clean = text.replace(/^\uFEFF/, '');
	const lines = clean.split(/\r\n|\r|\n/);
	// the header is the first line that names a date/year column and a value column
	const separator = detectSeparator(
		lines.find((l) => /;/.test(l)) ?? lines.find((l) => l.trim() !== '') ?? ''
	);
	let records: string[][];
	try {
		records = parse(clean, {
			delimiter: separator,
			relax_column_count: true,
			relax_quotes: true,
			skip_empty_lines: false,
			bom: true
		}) as string[][];
	} catch {
		return {
			rows: [],
			errors: [{ line: 1, key: 'concept_import_error_unreadable' }],
			headerLine: null
		};
	}
	const errors: StatIssue[] = [];
	const rows: StatRow[] = [];
	let headerIndex = -1;
	for (let i = 0; i < records.length; i++) {
		const r = records[i];
		const hasTime = findColumn(r, COLUMN_NAMES.date) >= 0 || findColumn(r, COLUMN_NAMES.year) >= 0;
		if (hasTime && findValueColumn(r) >= 0) {
			headerIndex = i;
			break;
		}
	}
	if (headerIndex < 0) {
		const regional = parseRegionalTable(records);
		if (regional) return regional;
		return {
			rows: [],
			errors: [{ line: 1, key: 'concept_import_error_no_header' }],
			headerLine: null
		};
	}
	const header = records[headerIndex];
	const col = {
		date: findColumn(header, COLUMN_NAMES.date),
		year: findColumn(header, COLUMN_NAMES.year),
		value: findValueColumn(header),
		municipality: findColumn(header, COLUMN_NAMES.municipality),
		dimension: findColumn(header, COLUMN_NAMES.dimension),
		category: findColumn(header, COLUMN_NAMES.category),
		source: findColumn(header, COLUMN_NAMES.source)
	};
	const cell = (r: string[], i: number) => (i >= 0 ? (r[i] ?? '').trim() : '');
	for (let i = headerIndex + 1; i < records.length; i++) {
		const r = records[i];
		const line = i + 1;
		const first = r[0] ?? '';
		if (r.every((c) => c.trim() === '') || isFooter(first)) break;
		if (r.some(hasFormControlCharacters)) {
			errors.push({ line, key: 'sec_csv_control_characters' });
			continue;
		}
		const rawDate = col.date >= 0 ? cell(r, col.date) : cell(r, col.year);
		const date = parseStatDate(rawDate);
		if (!date) {
			errors.push({ line, key: 'concept_import_error_date', params: { value: rawDate } });
			continue;
		}
		const rawValue = cell(r, col.value);
		const dimension = cell(r, col.dimension) || null;
		const category = cell(r, col.category) || null;
		if (!!dimension !== !!category) {
			errors.push({ line, key: 'concept_import_error_breakdown' });
			continue;
		}
		const base = {
			line,
			date,
			municipality: cell(r, col.municipality) || null,
			dimension,
			category,
			sourceNote: cell(r, col.source) || null
		};
		if (SPECIAL_SIGNS.includes(rawValue)) {
			rows.push({ ...base, value: null, special: rawValue });
			continue;
		}
		const value = parseGermanNumber(rawValue);
		if (value === null) {
			errors.push({
				line,
				key: rawValue === '' ? 'concept_import_error_value_missing' : 'concept_import_error_value',
				params: { value: rawValue }
			});
			continue;
		}
		rows.push({ ...base, value });
	}
	// the same value twice in one file
	const seen = new Map<string, number>();
	for (const row of rows) {
		const key = [row.date, row.municipality ?? '', row.dimension ?? '', row.category ?? ''].join(
			'|'
		);
		const before = seen.get(key);
		if (before !== undefined)
			errors.push({
				line: row.line,
				key: 'concept_import_error_duplicate',
				params: { other: String(before) }
			});
		else seen.set(key, row.line);
	}
	if (rows.length === 0 && errors.length === 0)
		errors.push({ line: headerIndex + 1, key: 'concept_import_error_empty' });
	errors.sort((a, b) => a.line - b.line);
	return { rows, errors, headerLine: headerIndex + 1 };
}

/** A municipality key as the regional tables print it: 5 (district), 8 (AGS) or 12 digits (ARS). */
const REGION_KEY = /^\d{5}$|^\d{8}$|^\d{12}$/;

/**
 * The regional table layout of GENESIS/Regionalstatistik ("Tabelle" export, e.g. 12411-01-01-5):
 * title and column-heading lines without a date column name, then one line per area as
 * `Stichtag;Schlüssel;Name;Wert[;further values]` — 31.12.2023;09178124;Freising, GKSt;50721.
 * The first value after the name is read (the total column); the key names the municipality.
 * Null when the file does not look like such a table.
 */
function parseRegionalTable(records: string[][]): StatParse | null {
	const isData = (r: string[]) =>
		r.length >= 4 && parseStatDate(r[0] ?? '') !== null && REGION_KEY.test((r[1] ?? '').trim());
	const first = records.findIndex(isData);
	if (first < 0) return null;
	const rows: StatRow[] = [];
	const errors: StatIssue[] = [];
	for (let i = first; i < records.length; i++) {
		const r = records[i];
		const line = i + 1;
		if (r.every((c) => c.trim() === '') || isFooter(r[0] ?? '')) break;
		if (r.some(hasFormControlCharacters)) {
			errors.push({ line, key: 'sec_csv_control_characters' });
			continue;
		}
		const date = parseStatDate(r[0]);
		if (!date) {
			errors.push({ line, key: 'concept_import_error_date', params: { value: r[0].trim() } });
			continue;
		}
		const base = {
			line,
			date,
			municipality: r[1].trim() || null,
			dimension: null,
			category: null,
			sourceNote: null
		};
		const raw = (r[3] ?? '').trim();
		if (SPECIAL_SIGNS.includes(raw)) {
			rows.push({ ...base, value: null, special: raw });
			continue;
		}
		const value = parseGermanNumber(raw);
		if (value === null) {
			errors.push({
				line,
				key: raw === '' ? 'concept_import_error_value_missing' : 'concept_import_error_value',
				params: { value: raw }
			});
			continue;
		}
		rows.push({ ...base, value });
	}
	const seen = new Map<string, number>();
	for (const row of rows) {
		const key = `${row.date}|${row.municipality}`;
		const before = seen.get(key);
		if (before !== undefined)
			errors.push({
				line: row.line,
				key: 'concept_import_error_duplicate',
				params: { other: String(before) }
			});
		else seen.set(key, row.line);
	}
	errors.sort((a, b) => a.line - b.line);
	return { rows, errors, headerLine: first };
}
