import type { LayoutServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';

// Convenience redirect for the signed-in area; every page below authorises again itself.
export const load: LayoutServerLoad = (event) => {
	requireActor(event);
	return {};
};
