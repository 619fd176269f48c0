import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { tenantCtx } from '$lib/server/http';
import { contributionByToken } from '$lib/server/participation/contribution-views';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const contribution = await contributionByToken(ctx, { token: event.params.token });
	if (!contribution) error(404, m.error_not_found());
	event.setHeaders({ 'x-robots-tag': 'noindex', 'referrer-policy': 'no-referrer' });
	return {
		tenant: ctx.tenant,
		contribution,
		isNew: event.url.searchParams.get('neu') === '1',
		link: event.url.origin + event.url.pathname
	};
};
