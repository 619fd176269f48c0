import { toCsv } from '../transfer/csv';
import { berlinDateOf } from '../shared';
import type { CoverageNeed } from './coverage';

/** Texts of the CSV in the user's language (the route passes its translations). */
export interface CoverageCsvLabels {
	/** column titles, in the order of the columns below */
	header: [
		need: string,
		field: string,
		targetGroup: string,
		language: string,
		municipality: string,
		urgency: string,
		source: string,
		sourceNote: string,
		matches: string,
		examples: string,
		recorded: string
	];
	targetGroup(key: string): string;
	language(code: string): string;
	urgency(key: string): string;
	source(key: string): string;
	/** what an empty dimension means, e.g. "alle" */
	any: string;
}

/** The coverage list as CSV (UTF-8 with BOM, semicolons): one row per open need, gaps first. */
export function coverageCsv(rows: CoverageNeed[], labels: CoverageCsvLabels): string {
	return toCsv(
		labels.header,
		rows.map((r) => [
			r.title,
			r.fieldOfActionName ?? labels.any,
			r.targetGroup ? labels.targetGroup(r.targetGroup) : labels.any,
			r.language ? labels.language(r.language) : labels.any,
			r.municipalityName ?? labels.any,
			labels.urgency(r.urgency),
			labels.source(r.sourceKind),
			r.sourceNote,
			r.matches,
			r.examples.join(' | '),
			berlinDateOf(r.createdAt)
		])
	);
}
