import type { RequestHandler } from './$types';
import { allCoverage } from '$lib/server/needs/coverage';
import { coverageCsv } from '$lib/server/needs/coverage-csv';
import { csvResponse } from '$lib/server/transfer/csv';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import {
	languageLabel,
	sourceLabel,
	targetGroupLabel,
	urgencyLabel
} from '$lib/components/needs/labels';

/** The coverage list as CSV for Excel: UTF-8 with BOM, semicolons. Coordinators and steering. */
export const GET: RequestHandler = async (event) => {
	const ctx = tenantCtx(event);
	const rows = await orNotFound(() => allCoverage(ctx));
	const locale = getLocale();
	const body = coverageCsv(rows, {
		header: [
			m.coverage_csv_need(),
			m.coverage_csv_field(),
			m.coverage_csv_target_group(),
			m.coverage_csv_language(),
			m.coverage_csv_municipality(),
			m.coverage_csv_urgency(),
			m.coverage_csv_source(),
			m.coverage_csv_source_note(),
			m.coverage_csv_matches(),
			m.coverage_csv_examples(),
			m.coverage_csv_recorded()
		],
		targetGroup: targetGroupLabel,
		language: (code) => languageLabel(code, locale),
		urgency: urgencyLabel,
		source: sourceLabel,
		any: m.coverage_any()
	});
	return csvResponse(body, `bedarfsgerechtigkeit-${ctx.tenant.slug}.csv`);
};
