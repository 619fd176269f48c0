import type { PageServerLoad } from './$types';
import { coverageMatrix, listCoverage } from '$lib/server/needs/coverage';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { pageParam } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const page = pageParam(event.url);
	const [coverage, matrix] = await orNotFound(() =>
		Promise.all([listCoverage(ctx, { page }), coverageMatrix(ctx)])
	);
	return { tenant: ctx.tenant, page, ...coverage, matrix };
};
