/**
 * Pure calculations of the concept: measure progress, overdue measures, indicator trends,
 * prioritisation totals. No database access; tested in calc.test.ts.
 */
import type { StateCategory } from './schema';
import type { IndicatorDirection } from './indicator-schema';

export interface ProgressInput {
	category: StateCategory;
	/** the state's preset progress (null: the state has none, e.g. deferred) */
	stateProgress: number | null;
	/** the measure's own figure within the state (null: the preset) */
	progressOverride: number | null;
}

/**
 * A measure's progress in percent: the override when set, else the state's preset; a completed
 * state is always 100; a state without a preset (deferred) and no override has none (null).
 */
export function measureProgress(m: ProgressInput): number | null {
	if (m.category === 'completed') return 100;
	const p = m.progressOverride ?? m.stateProgress;
	if (p === null) return null;
	return Math.max(0, Math.min(100, Math.round(p)));
}

/**
 * Overdue: an active measure (not proposed, completed or deferred) whose end date lies before
 * today (both Berlin calendar days "YYYY-MM-DD").
 */
export function isOverdue(
	m: { category: StateCategory; endDate: string | null },
	today: string
): boolean {
	return m.category === 'active' && !!m.endDate && m.endDate < today;
}

export interface Point {
	/** "YYYY-MM-DD" */
	date: string;
	value: number;
}

export type TrendStatus = 'achieved' | 'on_track' | 'off_track' | 'no_data' | 'no_target';

export interface Trend {
	status: TrendStatus;
	/** the latest value */
	latest: Point | null;
	/** the value the trend line reaches at the target date (null without a trend) */
	projected: number | null;
	/** change per year of the trend line */
	slopePerYear: number | null;
}

const DAY_MS = 86_400_000;
export function dayNumber(date: string): number {
	const [y, m, d] = date.split('-').map(Number);
	return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** How many of the last values the trend line is fitted to. */
export const TREND_WINDOW = 5;

/**
 * The trend of an indicator towards its target, defined as follows:
 * - fewer than two values (on distinct dates): "no_data";
 * - no target value or target date: "no_target";
 * - the latest value already meets the target (≥ for "higher is better", ≤ for "lower"):
 *   "achieved";
 * - otherwise a least-squares line through the last TREND_WINDOW values (time in days) is
 *   extended to the target date (when the target date has passed, to the latest value's date,
 *   so the latest value decides); if the line's value there meets the target: "on_track",
 *   else "off_track".
 */
export function indicatorTrend(
	values: Point[],
	target: { value: number | null; date: string | null },
	direction: IndicatorDirection
): Trend {
	// one value per date (the last one given wins), in time order
	const byDate = new Map<string, number>();
	for (const p of values) byDate.set(p.date, p.value);
	const points = [...byDate.entries()]
		.map(([date, value]) => ({ date, value }))
		.sort((a, b) => a.date.localeCompare(b.date));
	const latest = points.at(-1) ?? null;
	if (points.length < 2) return { status: 'no_data', latest, projected: null, slopePerYear: null };
	const window = points.slice(-TREND_WINDOW);
	const xs = window.map((p) => dayNumber(p.date));
	const ys = window.map((p) => p.value);
	const n = window.length;
	const mx = xs.reduce((a, b) => a + b, 0) / n;
	const my = ys.reduce((a, b) => a + b, 0) / n;
	let sxy = 0;
	let sxx = 0;
	for (let i = 0; i < n; i++) {
		sxy += (xs[i] - mx) * (ys[i] - my);
		sxx += (xs[i] - mx) ** 2;
	}
	const slope = sxx === 0 ? 0 : sxy / sxx;
	const slopePerYear = slope * 365.25;
	if (target.value === null || target.date === null)
		return { status: 'no_target', latest, projected: null, slopePerYear };
	const meets = (v: number) =>
		direction === 'higher' ? v >= target.value! - 1e-9 : v <= target.value! + 1e-9;
	const at = Math.max(dayNumber(target.date), dayNumber(latest!.date));
	const projected = my + slope * (at - mx);
	if (meets(latest!.value)) return { status: 'achieved', latest, projected, slopePerYear };
	if (dayNumber(target.date) <= dayNumber(latest!.date))
		return { status: 'off_track', latest, projected, slopePerYear };
	return { status: meets(projected) ? 'on_track' : 'off_track', latest, projected, slopePerYear };
}

export interface Allocation {
	userId: string;
	measureId: string;
	points: number;
}

export interface RankedMeasure {
	measureId: string;
	points: number;
	voters: number;
	rank: number;
}

/**
 * Totals of a dot-voting round: points and number of members per measure, ranked by points
 * (then by voters); equal totals share a rank (1, 2, 2, 4). Measures without points get 0 and
 * come last.
 */
export function rankMeasures(measureIds: string[], allocations: Allocation[]): RankedMeasure[] {
	const totals = new Map(measureIds.map((id) => [id, { points: 0, voters: new Set<string>() }]));
	for (const a of allocations) {
		const t = totals.get(a.measureId);
		if (!t || a.points <= 0) continue;
		t.points += a.points;
		t.voters.add(a.userId);
	}
	const list = [...totals.entries()]
		.map(([measureId, t]) => ({ measureId, points: t.points, voters: t.voters.size }))
		.sort((a, b) => b.points - a.points || b.voters - a.voters);
	const out: RankedMeasure[] = [];
	list.forEach((m, i) => {
		const prev = out[i - 1];
		const rank = prev && prev.points === m.points && prev.voters === m.voters ? prev.rank : i + 1;
		out.push({ ...m, rank });
	});
	return out;
}

/**
 * Checks one member's allocation: whole non-negative points, only for the round's measures,
 * in sum at most the round's points per member. Returns a message key or null.
 */
export function checkAllocation(
	points: Record<string, number>,
	measureIds: string[],
	pointsPerMember: number
): string | null {
	let sum = 0;
	for (const [id, p] of Object.entries(points)) {
		if (!measureIds.includes(id)) return 'concept_error_allocation_measure';
		if (!Number.isInteger(p) || p < 0) return 'concept_error_allocation_points';
		sum += p;
	}
	if (sum > pointsPerMember) return 'concept_error_allocation_too_many';
	return null;
}
