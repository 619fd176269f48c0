import type { PageServerLoad } from './$types';
import { can } from '$lib/server/auth/policy';
import { listPapers, myPlannableMeetings, paperFormOptions } from '$lib/server/papers/views';
import { loadWorkflow } from '$lib/server/papers/access';
import { paperFilter } from '$lib/server/papers/validation';
import { stateLabel } from '$lib/server/papers/workflow';
import { papersTenant } from './_shared/tenant.server';

export const load: PageServerLoad = async (event) => {
	const tenant = await papersTenant(event);
	const ctx = event.locals.ctx;
	const filter = paperFilter.parse(Object.fromEntries(event.url.searchParams));
	const [list, options, meetings, workflow] = await Promise.all([
		listPapers(ctx, tenant.id, filter),
		paperFormOptions(ctx, tenant.id),
		myPlannableMeetings(ctx, tenant.id),
		loadWorkflow(ctx.db, tenant.id)
	]);
	return {
		tenant,
		filter,
		...list,
		hasMore: list.page * list.pageSize < list.total,
		types: options.types,
		bodies: options.bodies,
		states: workflow.states.map((s) => ({
			key: s.key,
			label: stateLabel(workflow, s.key, ctx.locale)
		})),
		canCreate: options.canCreate,
		canSeeReports: can(ctx.actor, 'report.view', { tenantId: tenant.id }),
		canConfigure: can(ctx.actor, 'paper.manage', { tenantId: tenant.id }),
		meetings
	};
};
