import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { getStatusReport } from '$lib/server/reports/views';
import { saveReportNotes } from '$lib/server/reports/manage';
import { freezeStatusReport } from '$lib/server/reports/freeze';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const view = await orNotFound(() => getStatusReport(ctx, { reportId: event.params.id }));
	return {
		tenant: ctx.tenant,
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
		canManage: view.canManage,
		created: event.url.searchParams.has('angelegt')
	};
};

export const actions: Actions = {
	notes: formAction(saveReportNotes, {
		input: ({ values, params }) => ({
			reportId: params.id,
			introduction: values.introduction ?? '',
			remarks: Object.fromEntries(
				Object.entries(values)
					.filter(([k]) => k.startsWith('remarks_'))
					.map(([k, v]) => [k.slice('remarks_'.length), v])
			)
		}),
		onSuccess: () => ({ success: m.papers_report_saved() })
	}),
	freeze: formAction(freezeStatusReport, {
		input: ({ params }) => ({ reportId: params.id }),
		onSuccess: (result) => ({ success: m.papers_report_frozen({ version: result.version }) })
	})
};
