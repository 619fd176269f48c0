import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { findPublicTenant } from '$lib/server/tenants/service';
import { contributionByToken } from '$lib/server/participation/contributions';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ locals, params, url, setHeaders }) => {
	const tenant = await findPublicTenant(locals.ctx.db, params.tenant);
	if (!tenant) error(404, m.error_not_found());
	const contribution = await contributionByToken(
		locals.ctx.db,
		tenant.id,
		params.token,
		locals.ctx.locale
	);
	if (!contribution) error(404, m.error_not_found());
	setHeaders({ 'x-robots-tag': 'noindex', 'referrer-policy': 'no-referrer' });
	return {
		tenant,
		contribution,
		isNew: url.searchParams.get('neu') === '1',
		link: url.origin + url.pathname
	};
};
