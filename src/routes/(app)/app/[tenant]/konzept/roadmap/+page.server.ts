import type { PageServerLoad } from './$types';
import { getRoadmapPage } from '$lib/server/concept/pages';
import { orNotFound, tenantCtx } from '$lib/server/http';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	return orNotFound(() =>
		getRoadmapPage(ctx, { editionId: event.url.searchParams.get('ausgabe') })
	);
};
