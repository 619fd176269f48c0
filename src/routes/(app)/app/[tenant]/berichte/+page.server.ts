import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { asc, eq } from 'drizzle-orm';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { authorize, can } from '$lib/server/auth/policy';
import { orNotFound, runAction } from '$lib/server/http';
import { bodies } from '$lib/server/bodies/schema';
import { createStatusReport, lastHalfYear, listStatusReports } from '$lib/server/reports/service';
import { keepValues } from '$lib/server/shared';

async function reportsTenant(
	event: Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0]
) {
	const actor = requireActor(event);
	const tenant = await orNotFound(() => getTenantForActor(event.locals.ctx, event.params.tenant!));
	await orNotFound(async () => authorize(actor, 'report.view', { tenantId: tenant.id }));
	return tenant;
}

export const load: PageServerLoad = async (event) => {
	const tenant = await reportsTenant(event);
	const ctx = event.locals.ctx;
	const canManage = can(ctx.actor, 'report.manage', { tenantId: tenant.id });
	const steering = canManage
		? await ctx.db
				.select({ id: bodies.id, name: bodies.name, kind: bodies.kind })
				.from(bodies)
				.where(eq(bodies.tenantId, tenant.id))
				.orderBy(asc(bodies.name))
		: [];
	const half = lastHalfYear();
	return {
		tenant,
		reports: await listStatusReports(ctx, tenant.id),
		canManage,
		bodies: steering,
		suggestion: {
			title: `Sachstandsbericht ${half.label}`,
			periodStart: half.start,
			periodEnd: half.end,
			bodyId: steering.find((b) => b.kind === 'steering_group')?.id ?? ''
		}
	};
};

export const actions: Actions = {
	create: async (event) => {
		const tenant = await reportsTenant(event);
		const form = await event.request.formData();
		const values = keepValues(form);
		const result = await runAction(values, () =>
			createStatusReport(event.locals.ctx, tenant.id, values)
		);
		if (!('id' in result)) return result;
		redirect(303, `/app/${tenant.slug}/berichte/${result.id}?angelegt=1`);
	}
};
