import type { PageServerLoad } from './$types';

// The networks come from the platform layout; the page itself is server-rendered only.
export const csr = false;

export const load: PageServerLoad = async ({ locals }) => ({ locale: locals.ctx.locale });
