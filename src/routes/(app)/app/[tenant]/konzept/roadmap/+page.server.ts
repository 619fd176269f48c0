import type { PageServerLoad } from './$types';
import { editionForPage, getConceptTree } from '$lib/server/concept/views';
import { roadmapOf } from '$lib/server/concept/roadmap';
import { orNotFound } from '$lib/server/http';
import { conceptTenant, today } from '../_shared';

export const load: PageServerLoad = async (event) => {
	const { tenant } = await conceptTenant(event);
	const ctx = event.locals.ctx;
	const edition = await orNotFound(() =>
		editionForPage(ctx, tenant.id, event.url.searchParams.get('ausgabe'))
	);
	if (!edition) return { edition: null, roadmap: null };
	const tree = await getConceptTree(ctx, tenant.id, edition, today());
	return { edition, roadmap: roadmapOf(tree, today()) };
};
