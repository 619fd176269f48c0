/**
 * The download of a GDPR access request as an archive: one ZIP file (fflate) with the whole
 * answer as JSON (machine-readable, nested) and each section as a CSV table (for a spreadsheet),
 * plus a CSV overview of the sections. Values that are lists or objects (recorded states of the
 * audit log) are written into their cell as JSON.
 */
import { strToU8, zipSync } from 'fflate';
import { toCsv } from '../transfer/csv';

type Cell = string | number | boolean | null | undefined;

function cell(value: unknown): Cell {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return value.toISOString();
	if (typeof value === 'object') return JSON.stringify(value);
	return value as Cell;
}

/** One section's rows as a CSV table; the columns are every key any row has, in order of appearance. */
export function rowsToCsv(rows: Record<string, unknown>[]): string {
	const header: string[] = [];
	for (const row of rows)
		for (const key of Object.keys(row)) if (!header.includes(key)) header.push(key);
	return toCsv(
		header,
		rows.map((row) => header.map((key) => cell(row[key])))
	);
}

/**
 * The ZIP archive: `<base>.json` with `json`, `<section>.csv` per section and, when given,
 * `overview.csv` (section, title, entries).
 */
export function dataArchive(
	base: string,
	json: unknown,
	sections: Record<string, Record<string, unknown>[]>,
	overview?: { key: string; title: string; entries: number }[]
): Uint8Array {
	const files: Record<string, Uint8Array> = {
		[`${base}.json`]: strToU8(JSON.stringify(json, null, 2))
	};
	if (overview)
		files['overview.csv'] = strToU8(
			toCsv(
				['section', 'title', 'entries'],
				overview.map((s) => [s.key, s.title, s.entries])
			)
		);
	for (const [key, rows] of Object.entries(sections))
		files[`${key}.csv`] = strToU8(rowsToCsv(rows));
	return zipSync(files, { level: 6 });
}

/** The HTTP answer for an archive download (never cached). */
export function zipResponse(body: Uint8Array, filename: string): Response {
	return new Response(body as BodyInit, {
		headers: {
			'Content-Type': 'application/zip',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Cache-Control': 'private, no-store'
		}
	});
}
