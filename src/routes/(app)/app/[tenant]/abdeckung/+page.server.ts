import type { PageServerLoad } from './$types';
import { z } from 'zod';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { coverageMatrix, listCoverage } from '$lib/server/needs/coverage';
import { orNotFound } from '$lib/server/http';

const pageParam = z.coerce.number().int().min(1).max(10_000).catch(1);

export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const ctx = event.locals.ctx;
	const tenant = await orNotFound(() => getTenantForActor(ctx, event.params.tenant));
	const page = pageParam.parse(event.url.searchParams.get('page') ?? 1);
	const [coverage, matrix] = await orNotFound(() =>
		Promise.all([listCoverage(ctx, tenant.id, page), coverageMatrix(ctx, tenant.id)])
	);
	return { tenant, page, ...coverage, matrix };
};
