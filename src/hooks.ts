import type { Reroute } from '@sveltejs/kit';
import { browser } from '$app/environment';
import { urlHasControlCharacters } from '$lib/control-characters';
import { splitLocalePrefix } from '$lib/i18n/routing';

/**
 * A path SvelteKit cannot decode. SvelteKit answers it with 400 and the site's error page (root
 * layout + +error.svelte) before any route, load or database query runs.
 */
export const UNDECODABLE_PATH = '/%';

/**
 * An address with a NUL or another control character in its path or query is answered like an
 * undecodable one: 400 with the site's error page (handleError gives the message), never a 500
 * from the database. In the browser nothing changes: the server answers the data request.
 */
export const reroute: Reroute = ({ url }) => {
	if (!browser && urlHasControlCharacters(url)) return UNDECODABLE_PATH;
	// A public page in another language (/ar/landshut/angebote) is the German route
	// (/landshut/angebote) rendered in that language (src/lib/i18n/routing.ts).
	const { locale, path } = splitLocalePrefix(url.pathname);
	if (locale) return path;
};
