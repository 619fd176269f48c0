import type { PageServerLoad } from './$types';
import { publicNetworkDirectory } from '$lib/server/tenants/service';
import { requestCtx } from '$lib/server/http';
import { pageParam } from '$lib/server/shared';

// Bounded whatever the number of tenants: one page of networks, a few municipalities each.
export const load: PageServerLoad = async (event) => {
	const q = event.url.searchParams.get('q')?.trim().slice(0, 100) ?? '';
	const page = pageParam(event.url);
	const { networks, hasMore } = await publicNetworkDirectory(requestCtx(event), { q, page });
	return { networks, hasMore, page, q };
};
