import type { PageServerLoad } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { getPublicOrganization } from '$lib/server/organizations/public-page';
import { languageName } from '../../angebote/format.server';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const org = await orNotFound(() => getPublicOrganization(ctx, { id: event.params.id }));
	return {
		tenant: ctx.tenant,
		org,
		languages: org.languages.map((code) => languageName(code, ctx.locale))
	};
};
