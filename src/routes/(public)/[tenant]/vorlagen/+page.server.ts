import type { PageServerLoad } from './$types';
import { tenantCtx } from '$lib/server/http';
import { listPublicPapers } from '$lib/server/papers/public-view';
import { pageParam } from '$lib/server/shared';

export const csr = false;

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const page = pageParam(event.url);
	const list = await listPublicPapers(ctx, { page });
	return {
		tenant: { name: ctx.tenant.name, slug: ctx.tenant.slug },
		...list,
		items: list.items.map((p) => ({
			...p,
			stateLabel: ctx.locale === 'en' ? p.stateLabel.en : p.stateLabel.de
		})),
		hasMore: page * list.pageSize < list.total
	};
};
