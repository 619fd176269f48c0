import type { LayoutServerLoad } from './$types';
import { publicNetworkDirectory } from '$lib/server/tenants/service';
import { requestCtx } from '$lib/server/http';
import { pageParam } from '$lib/server/shared';

// The platform's own legal pages point to the networks, each responsible for its own pages:
// one page of the directory at a time (bounded whatever the number of tenants), searchable.
export const load: LayoutServerLoad = async (event) => {
	const q = event.url.searchParams.get('q')?.trim().slice(0, 100) ?? '';
	const page = pageParam(event.url);
	const directory = await publicNetworkDirectory(requestCtx(event), { q, page });
	return {
		q,
		page,
		hasMore: directory.hasMore,
		// each network of the page and the municipalities shown with it
		networks: directory.networks.flatMap((n) => [
			{ id: n.id, slug: n.slug, name: n.name },
			...n.municipalities
		])
	};
};
