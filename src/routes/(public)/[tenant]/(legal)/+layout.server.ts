import type { LayoutServerLoad } from './$types';
import { publicLegal } from '$lib/server/tenants/legal';
import { tenantCtx } from '$lib/server/http';

// Impressum, Datenschutzerklärung and Erklärung zur Barrierefreiheit of a public tenant.
export const load: LayoutServerLoad = async (event) => ({
	legal: await publicLegal(tenantCtx(event))
});
