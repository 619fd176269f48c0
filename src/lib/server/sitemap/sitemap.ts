/**
 * Sitemaps (sitemaps.org protocol) for search engines: one per public tenant with its public
 * pages in every public language (`xhtml:link rel="alternate" hreflang`), and an index of them.
 */
import type { Ctx, TenantCtx } from '../context';
import { escapeHtml } from '../shared';
import { listPublicOfferIds } from '../offers/sitemap';
import { listPublicPaperIds } from '../papers/sitemap';
import { getPublicBody, listPublicBodies } from '../bodies/public';
import { listPublicProcesses } from '../participation/processes';
import { listPublicTenants } from '../tenants/service';

/** The public languages; German is at the unprefixed addresses, the others under `/<code>`. */
export const SITEMAP_LOCALES = ['de', 'en', 'ar', 'uk', 'tr', 'ru', 'fa'] as const;

/** The public pages every tenant has, relative to `/<tenant>`. */
export const TENANT_PAGES = [
	'',
	'/angebote',
	'/gremien',
	'/vorlagen',
	'/konzept',
	'/beteiligung',
	'/anliegen',
	'/impressum',
	'/datenschutz',
	'/barrierefreiheit'
] as const;

export interface SitemapEntry {
	/** Path of the German page, e.g. `/landshut/angebote/…`. */
	path: string;
	lastModified?: Date;
}

/** The path of a page in a language: German unprefixed, the others under `/<code>`. */
export function localizedPath(path: string, locale: (typeof SITEMAP_LOCALES)[number]): string {
	return locale === 'de' ? path : `/${locale}${path}`;
}

/** Every public page of the tenant of `ctx`. */
export async function tenantSitemapEntries(ctx: TenantCtx): Promise<SitemapEntry[]> {
	const base = `/${ctx.tenant.slug}`;
	const [offers, papers, bodies, processes] = await Promise.all([
		listPublicOfferIds(ctx),
		listPublicPaperIds(ctx),
		listPublicBodies(ctx),
		listPublicProcesses(ctx)
	]);
	const bodyPages = await Promise.all(bodies.map((b) => getPublicBody(ctx, { bodyId: b.id })));
	const meetingIds = new Set(
		bodyPages.flatMap((page) => [...page.upcoming, ...page.past].map((meeting) => meeting.id))
	);
	return [
		...TENANT_PAGES.map((page) => ({ path: `${base}${page}` })),
		...offers.map((o) => ({ path: `${base}/angebote/${o.id}`, lastModified: o.updatedAt })),
		...bodies.map((b) => ({ path: `${base}/gremien/${b.id}` })),
		...[...meetingIds].map((id) => ({ path: `${base}/sitzungen/${id}` })),
		...papers.map((p) => ({ path: `${base}/vorlagen/${p.id}`, lastModified: p.updatedAt })),
		...processes.map((p) => ({ path: `${base}/beteiligung/${p.id}` }))
	];
}

const xml = (value: string) => escapeHtml(value);

/** The `<urlset>` document of a tenant's sitemap. */
export function renderUrlSet(origin: string, entries: SitemapEntry[]): string {
	const urls = entries.map((entry) => {
		const alternates = SITEMAP_LOCALES.map(
			(locale) =>
				`<xhtml:link rel="alternate" hreflang="${locale}" href="${xml(origin + localizedPath(entry.path, locale))}"/>`
		);
		alternates.push(
			`<xhtml:link rel="alternate" hreflang="x-default" href="${xml(origin + entry.path)}"/>`
		);
		const lastmod = entry.lastModified
			? `<lastmod>${entry.lastModified.toISOString()}</lastmod>`
			: '';
		return `<url><loc>${xml(origin + entry.path)}</loc>${lastmod}${alternates.join('')}</url>`;
	});
	return (
		'<?xml version="1.0" encoding="UTF-8"?>\n' +
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
		urls.join('\n') +
		'\n</urlset>\n'
	);
}

/** The sitemap index: one sitemap per public tenant. */
export async function sitemapIndex(ctx: Ctx): Promise<string> {
	const tenants = await listPublicTenants(ctx);
	const items = tenants.map(
		(t) => `<sitemap><loc>${xml(`${ctx.origin}/${t.slug}/sitemap.xml`)}</loc></sitemap>`
	);
	return (
		'<?xml version="1.0" encoding="UTF-8"?>\n' +
		'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
		items.join('\n') +
		'\n</sitemapindex>\n'
	);
}

/** A tenant's sitemap document. */
export async function tenantSitemap(ctx: TenantCtx): Promise<string> {
	return renderUrlSet(ctx.origin, await tenantSitemapEntries(ctx));
}

/** robots.txt: everything public may be crawled; private areas and secret links may not. */
export function robotsTxt(origin: string): string {
	return [
		'User-agent: *',
		'Disallow: /app/',
		'Disallow: /admin/',
		'Disallow: /konto',
		'Disallow: /antwort/',
		'Disallow: /kalender/',
		'Disallow: /einladung/',
		'Disallow: /passwort-zuruecksetzen/',
		'Disallow: /*/anliegen/status/',
		'Disallow: /*/beteiligung/beitrag/',
		'Disallow: /*/beteiligung/abmelden/',
		'Allow: /',
		'',
		`Sitemap: ${origin}/sitemap.xml`,
		''
	].join('\n');
}
