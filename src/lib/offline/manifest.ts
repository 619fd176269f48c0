import { localizePath, textDirection } from '$lib/i18n/routing';
import type { Locale } from '$lib/paraglide/runtime';

export interface ManifestInput {
	slug: string;
	tenantName: string;
	locale: Locale;
	siteName: string;
	description: string;
	/** the network's accent colour (#rrggbb), else the site's blue */
	themeColor?: string | null;
}

/** The web app manifest of a network's public pages in one language (installable, offline). */
export function webManifest(input: ManifestInput) {
	const start = localizePath(`/${input.slug}`, input.locale);
	return {
		id: start,
		name: `${input.tenantName} – ${input.siteName}`,
		short_name: input.tenantName.length <= 12 ? input.tenantName : input.siteName,
		description: input.description,
		lang: input.locale,
		dir: textDirection(input.locale),
		start_url: start,
		scope: '/',
		display: 'standalone',
		background_color: '#ffffff',
		theme_color: input.themeColor ?? '#0b5cad',
		icons: [
			{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
			{ src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
			{ src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
			{ src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
		]
	};
}
