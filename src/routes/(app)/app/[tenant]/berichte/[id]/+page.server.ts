import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { authorize, can } from '$lib/server/auth/policy';
import { orNotFound, runAction } from '$lib/server/http';
import { freezeStatusReport, getStatusReport, saveReportNotes } from '$lib/server/reports/service';
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
	const view = await orNotFound(() => getStatusReport(ctx, tenant.id, event.params.id));
	return {
		tenant,
		report: {
			id: view.report.id,
			title: view.report.title,
			periodStart: view.report.periodStart,
			periodEnd: view.report.periodEnd,
			state: view.report.state,
			introduction: view.report.introduction,
			remarks: view.report.remarks as Record<string, string>
		},
		versions: view.versions,
		paper: view.paper,
		live: view.live,
		canManage: can(ctx.actor, 'report.manage', { tenantId: tenant.id }),
		created: event.url.searchParams.has('angelegt')
	};
};

export const actions: Actions = {
	notes: async (event) => {
		const tenant = await reportsTenant(event);
		const form = await event.request.formData();
		const values = keepValues(form);
		const remarks = Object.fromEntries(
			Object.entries(values)
				.filter(([k]) => k.startsWith('remarks_'))
				.map(([k, v]) => [k.slice('remarks_'.length), v])
		);
		const result = await runAction(values, async () => {
			await saveReportNotes(event.locals.ctx, tenant.id, event.params.id, {
				introduction: values.introduction ?? '',
				remarks
			});
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		return { success: m.papers_report_saved() };
	},
	freeze: async (event) => {
		const tenant = await reportsTenant(event);
		const result = await runAction({}, () =>
			freezeStatusReport(event.locals.ctx, tenant.id, event.params.id)
		);
		if (!('version' in result)) return result;
		return { success: m.papers_report_frozen({ version: result.version }) };
	}
};
