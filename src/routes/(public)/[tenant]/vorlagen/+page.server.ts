import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { findPublicTenant } from '$lib/server/tenants/service';
import { listPublicPapers } from '$lib/server/papers/views';

export const csr = false;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const db = locals.ctx.db;
	const tenant = await findPublicTenant(db, params.tenant);
	if (!tenant) error(404, m.error_not_found());
	const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get('page')) || 1));
	const list = await listPublicPapers(db, tenant.id, page);
	return {
		tenant: { name: tenant.name, slug: tenant.slug },
		...list,
		items: list.items.map((p) => ({
			...p,
			stateLabel: locals.ctx.locale === 'en' ? p.stateLabel.en : p.stateLabel.de
		})),
		hasMore: page * list.pageSize < list.total
	};
};
