/** The checks of an import file as a whole: size, CSV structure, header line, row count. */
import { hasFormControlCharacters } from '../../control-characters';
import { parseCsv, type CsvRecord } from './csv';
import { COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type TransferFile } from './columns';

/** One problem: where (file, line, column) and what (message key with parameters). */
export interface ImportIssue {
	file: TransferFile;
	line: number;
	column: string | null;
	key: string;
	params?: Record<string, string | number>;
}

/** Problems with the file as a whole or its header line; null when the records can be read. */
export function checkFile(
	file: TransferFile,
	text: string,
	issues: ImportIssue[]
): CsvRecord[] | null {
	if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES) {
		issues.push({
			file,
			line: 1,
			column: null,
			key: 'transfer_error_too_large',
			params: { max: MAX_IMPORT_BYTES / 1024 / 1024 }
		});
		return null;
	}
	const parsed = parseCsv(text);
	if (!parsed.ok) {
		issues.push({
			file,
			line: parsed.line,
			column: null,
			key: parsed.reason === 'empty' ? 'transfer_error_empty' : 'transfer_error_structure'
		});
		return null;
	}
	const known = COLUMNS[file].map((c) => c.name);
	const before = issues.length;
	const seen = new Set<string>();
	for (const name of parsed.header) {
		if (name === '') continue;
		if (!known.includes(name))
			issues.push({ file, line: 1, column: name, key: 'transfer_error_unknown_column' });
		else if (seen.has(name))
			issues.push({ file, line: 1, column: name, key: 'transfer_error_duplicate_column' });
		seen.add(name);
	}
	for (const c of COLUMNS[file])
		if (c.required && !seen.has(c.name))
			issues.push({ file, line: 1, column: c.name, key: 'transfer_error_missing_column' });
	if (parsed.records.length === 0)
		issues.push({ file, line: 2, column: null, key: 'transfer_error_empty' });
	if (parsed.records.length > MAX_IMPORT_ROWS)
		issues.push({
			file,
			line: parsed.records[MAX_IMPORT_ROWS].line,
			column: null,
			key: 'transfer_error_too_many_rows',
			params: { max: MAX_IMPORT_ROWS }
		});
	for (const r of parsed.records)
		if (r.fieldCount > parsed.header.length)
			issues.push({
				file,
				line: r.line,
				column: null,
				key: 'transfer_error_too_many_fields',
				params: { count: r.fieldCount, expected: parsed.header.length }
			});
	// A NUL or another control character (tab and line breaks are fine) is refused by row and
	// column: PostgreSQL cannot store NUL in text (a 500 before issue 16).
	for (const r of parsed.records)
		for (const [column, value] of Object.entries(r.values))
			if (hasFormControlCharacters(value))
				issues.push({ file, line: r.line, column, key: 'sec_csv_control_characters' });
	return issues.length > before ? null : parsed.records;
}
