/** What the section providers of the status report share: scope, period bounds, formats. */
import { and, gte, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import type { DocBlock } from './document';
import { addDays, berlinMidnight } from '../shared';

export interface ReportScope {
	db: Executor;
	tenantId: string;
	/** first and last day, inclusive, YYYY-MM-DD */
	periodStart: string;
	periodEnd: string;
}

export interface SectionProvider {
	key: string;
	title: string;
	/** whether the data for this section exists in this installation */
	available(db: Executor): Promise<boolean>;
	build(scope: ReportScope): Promise<DocBlock[]>;
}

export const always = async () => true;

export const percent = (n: number | null) => (n === null ? '–' : `${n} %`);
export const number = (n: number | null | undefined) =>
	n === null || n === undefined ? '–' : n.toLocaleString('de-DE', { maximumFractionDigits: 2 });

/** Period bounds as instants in Europe/Berlin (start of the first day, end of the last day). */
export function bounds(scope: ReportScope) {
	const start = berlinMidnight(scope.periodStart);
	const end = berlinMidnight(addDays(scope.periodEnd, 1));
	return { start, end };
}

/** `column` (a point in time) falls in the report's period, whole Berlin days. */
export function withinPeriod(column: PgColumn, scope: ReportScope): SQL {
	const { start, end } = bounds(scope);
	return and(gte(column, start), sql`${column} < ${end.toISOString()}::timestamptz`)!;
}

export function formatDay(iso: string | Date): string {
	const d = typeof iso === 'string' ? new Date(`${iso}T12:00:00Z`) : iso;
	return d.toLocaleDateString('de-DE', {
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		timeZone: 'Europe/Berlin'
	});
}

export const ACTION_STATE_DE: Record<string, string> = {
	open: 'offen',
	in_progress: 'in Arbeit',
	done: 'erledigt',
	cancelled: 'entfallen'
};

export const ROLE_DE: Record<string, string> = {
	information: 'Kenntnisnahme',
	preliminary: 'Vorberatung',
	decision: 'Entscheidung'
};

/** Meetings held per body: meetings in the period that were not cancelled and have begun. */
