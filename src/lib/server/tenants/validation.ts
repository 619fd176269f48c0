import { locales } from '$lib/paraglide/runtime';
import { z } from 'zod';

export const LAENDER = [
	'BW',
	'BY',
	'BE',
	'BB',
	'HB',
	'HH',
	'HE',
	'MV',
	'NI',
	'NW',
	'RP',
	'SL',
	'SN',
	'ST',
	'SH',
	'TH'
] as const;
export const TENANT_KINDS = ['district', 'city', 'municipality'] as const;

export const tenantInput = z.object({
	name: z
		.string()
		.trim()
		.min(2, { error: 'error_name_required' })
		.max(200, { error: 'error_name_too_long' }),
	slug: z
		.string()
		.trim()
		.toLowerCase()
		.min(2, { error: 'error_slug_invalid' })
		.max(60, { error: 'error_slug_invalid' })
		.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'error_slug_invalid' }),
	kind: z.enum(TENANT_KINDS, { error: 'error_kind_invalid' }),
	land: z.enum(LAENDER, { error: 'error_land_invalid' }),
	ags: z
		.string()
		.trim()
		.regex(/^[0-9]{8}$/, { error: 'error_ags_invalid' })
		.optional()
		.or(z.literal('').transform(() => undefined)),
	parentId: z
		.uuid({ error: 'error_parent_invalid' })
		.optional()
		.or(z.literal('').transform(() => undefined)),
	isPublic: z.boolean().default(true)
});
export type TenantInput = z.input<typeof tenantInput>;

/**
 * Slugs that would collide with the app's own top-level routes, including the language prefixes
 * of the public pages (`/ar/…`, src/lib/i18n/routing.ts).
 */
export const RESERVED_SLUGS = new Set([
	...locales,
	'app',
	'admin',
	'api',
	'oparl',
	'healthz',
	'anmelden',
	'abmelden',
	'einladung',
	'antwort',
	'kalender',
	'konto',
	'passwort-vergessen',
	'passwort-zuruecksetzen',
	'sprache',
	'barrierefreiheit',
	'impressum',
	'datenschutz',
	'static',
	'_app'
]);
