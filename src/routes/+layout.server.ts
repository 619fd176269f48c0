import type { LayoutServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';

export const load: LayoutServerLoad = ({ locals }) => {
	return {
		// Only what the shell shows; never e-mail addresses or roles of others.
		user: locals.actor
			? { name: locals.actor.name, isPlatformAdmin: locals.actor.isPlatformAdmin }
			: null,
		demo: locals.demo,
		locale: getLocale()
	};
};
