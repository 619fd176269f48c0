import { sql } from 'drizzle-orm';

/**
 * One open task as a domain hands it to the start page (workspace/): what it is, when it is due
 * or happens (a Berlin day), whether that day has passed, and the page where the task is done.
 */
export interface TaskEntry {
	id: string;
	title: string;
	/** a second line: the body, the organisation, a count … (already in the viewer's words or a name) */
	detail: string | null;
	/** YYYY-MM-DD (Berlin): due date, meeting day or the day the task arose */
	date: string | null;
	overdue: boolean;
	href: string;
	/** a number the entry is about (unanswered invitations …), shown by the page */
	count?: number;
}

/** The first entries of one kind of task and how many there are in all. */
export interface TaskList {
	total: number;
	entries: TaskEntry[];
}

/**
 * Selects, with a task list's first entries, how many rows the query gives without its limit
 * (a window over the whole result): the list and its "alle N anzeigen" in one statement.
 */
export const totalRows = () => sql<number>`count(*) over ()`.mapWith(Number);

/** The total selected with totalRows(): 0 when the query gave no rows. */
export function totalOf(rows: readonly { total: number }[]): number {
	return rows[0]?.total ?? 0;
}

/** Earliest date first, entries without a date last (stable otherwise). */
export function byDate(a: TaskEntry, b: TaskEntry): number {
	if (a.date === b.date) return 0;
	if (a.date === null) return 1;
	if (b.date === null) return -1;
	return a.date < b.date ? -1 : 1;
}
