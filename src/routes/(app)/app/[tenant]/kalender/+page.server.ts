import type { PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { authorize } from '$lib/server/auth/policy';
import { orNotFound } from '$lib/server/http';
import {
	calendarBodies,
	listMeetingsPage,
	listMonthMeetings,
	monthGrid,
	parseMonth,
	shiftMonth
} from '$lib/server/meetings/calendar';
import { berlinDateOf } from '$lib/server/shared';
import { berlinToday } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const ctx = event.locals.ctx;
	const tenant = await orNotFound(() => getTenantForActor(ctx, event.params.tenant));
	await orNotFound(async () => authorize(actor, 'body.view', { tenantId: tenant.id }));
	const q = event.url.searchParams;
	const bodies = await calendarBodies(ctx, tenant.id);
	const wanted = q.get('gremium');
	const bodyId = bodies.some((b) => b.id === wanted) ? wanted : null;
	const view = q.get('ansicht') === 'liste' ? 'list' : 'month';
	const now = new Date();
	const today = berlinToday(now);
	const month = parseMonth(q.get('monat'), today);
	const base = { tenant, bodies, bodyId, view, today, month } as const;
	if (view === 'list') {
		const pageNo = Number.parseInt(q.get('page') ?? '1', 10);
		const page = await listMeetingsPage(ctx, tenant.id, {
			bodyId,
			page: Number.isFinite(pageNo) ? pageNo : 1
		});
		return {
			...base,
			list: page.meetings.map((mt) => ({ ...mt, past: mt.endsAt < now })),
			page: page.page,
			hasMore: page.hasMore,
			weeks: [],
			byDay: {} as Record<string, never[]>,
			prevMonth: shiftMonth(month, -1),
			nextMonth: shiftMonth(month, 1)
		};
	}
	const meetings = await listMonthMeetings(ctx, tenant.id, month, bodyId);
	const byDay: Record<string, typeof meetings> = {};
	for (const mt of meetings) (byDay[berlinDateOf(mt.startsAt)] ??= []).push(mt);
	return {
		...base,
		list: [],
		page: 1,
		hasMore: false,
		weeks: monthGrid(month, today),
		byDay,
		prevMonth: shiftMonth(month, -1),
		nextMonth: shiftMonth(month, 1)
	};
};
