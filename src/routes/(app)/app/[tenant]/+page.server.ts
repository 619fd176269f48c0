import type { PageServerLoad } from './$types';
import { tenantCtx } from '$lib/server/http';
import { getStartPage } from '$lib/server/workspace/view';

// Server-rendered only: the start page is headings and links (its forms, sign-out and language,
// are in the layout and work without JavaScript), so it ships no page data for hydration and no
// script; a link from it loads the next page in full (issue 15: serialising the data for
// hydration was about a tenth of this page's cost).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const { actor, tenant } = ctx;
	const { workspace, showMeetings, nextMeetings, areas } = await getStartPage(ctx);
	return {
		workspace,
		// only what the page shows (not the public description, contact or branding)
		tenant: { slug: tenant.slug, name: tenant.name, kind: tenant.kind, land: tenant.land },
		role: actor?.roles[tenant.id] ?? null,
		showMeetings,
		nextMeetings,
		areas
	};
};
