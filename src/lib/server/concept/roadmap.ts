/** The roadmap: measures as bars on a time axis by field, milestones as markers. Pure. */
import { dayNumber } from './calc';
import type { ConceptTree } from './views';

export interface RoadmapBar {
	id: string;
	title: string;
	stateName: string;
	progress: number | null;
	overdue: boolean;
	startDate: string | null;
	endDate: string | null;
	/** percent of the axis */
	left: number;
	width: number;
	milestones: { title: string; dueDate: string; doneOn: string | null; at: number }[];
}

export interface Roadmap {
	from: string;
	to: string;
	years: { year: number; at: number }[];
	today: number | null;
	fields: {
		name: string;
		bars: RoadmapBar[];
		undated: { id: string; title: string; stateName: string }[];
	}[];
}

export function roadmapOf(tree: ConceptTree, today: string): Roadmap | null {
	const measures = tree.fields.flatMap((f) => f.goals.flatMap((g) => g.measures));
	const days = measures
		.flatMap((m) => [m.startDate, m.endDate, ...m.milestones.map((x) => x.dueDate)])
		.filter((d): d is string => !!d);
	if (!days.length) return null;
	const first = days.reduce((a, b) => (a < b ? a : b));
	const last = days.reduce((a, b) => (a > b ? a : b));
	const from = `${first.slice(0, 4)}-01-01`;
	const to = `${last.slice(0, 4)}-12-31`;
	const x0 = dayNumber(from);
	const span = dayNumber(to) + 1 - x0;
	const at = (d: string) => Math.max(0, Math.min(100, ((dayNumber(d) - x0) / span) * 100));
	const years = [];
	for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++)
		years.push({ year: y, at: at(`${y}-01-01`) });
	const t = today >= from && today <= to ? at(today) : null;
	return {
		from,
		to,
		years,
		today: t,
		fields: tree.fields.map((f) => {
			const ms = f.goals.flatMap((g) => g.measures);
			return {
				name: f.name,
				bars: ms
					.filter((m) => m.startDate || m.endDate)
					.map((m) => {
						const s = m.startDate ?? m.endDate!;
						const e = m.endDate ?? m.startDate!;
						const left = at(s);
						return {
							id: m.id,
							title: m.title,
							stateName: m.stateName,
							progress: m.progress,
							overdue: m.overdue,
							startDate: m.startDate,
							endDate: m.endDate,
							left,
							width: Math.max(0.8, at(e) + 100 / (span / 1) - left),
							milestones: m.milestones.map((x) => ({ ...x, at: at(x.dueDate) }))
						};
					}),
				undated: ms
					.filter((m) => !m.startDate && !m.endDate)
					.map((m) => ({ id: m.id, title: m.title, stateName: m.stateName }))
			};
		})
	};
}
