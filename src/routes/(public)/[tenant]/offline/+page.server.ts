import type { PageServerLoad } from './$types';
import { tenantCtx } from '$lib/server/http';

// What the service worker (src/lib/offline/sw.js) shows for a page it has not saved and for a
// form sent without a connection; saved on the first visit in the visitor's language.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const { tenant } = tenantCtx(event);
	event.setHeaders({ 'x-robots-tag': 'noindex' });
	return { tenant: { name: tenant.name, slug: tenant.slug } };
};
