import type { PageServerLoad } from './$types';
import { myInstructions } from '$lib/server/papers/views';
import { papersTenant } from '../_shared/tenant.server';

export const load: PageServerLoad = async (event) => {
	const tenant = await papersTenant(event);
	return { tenant, instructions: await myInstructions(event.locals.ctx, tenant.id) };
};
