/**
 * The Atom feed of a tenant's public news (`/<tenant>/neuigkeiten.atom`), written by `feed`. A
 * feed is a file, so its address has no language prefix: `?sprache=ar` asks for Arabic.
 */
import { Feed } from 'feed';
import type { TenantCtx } from '../context';
import { newsForFeed } from './views';

export const newsPath = (tenantSlug: string) => `/${tenantSlug}/neuigkeiten`;
export const newsFeedPath = (tenantSlug: string, locale = 'de') =>
	`/${tenantSlug}/neuigkeiten.atom${locale === 'de' ? '' : `?sprache=${locale}`}`;

/** Notes put before an item's content: German shown for want of a translation, machine-translated. */
export interface FeedNotes {
	fallback: string;
	machine: string;
}

const escapeHtml = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The feed as Atom 1.0 XML; items carry their sanitised HTML as content. In the reader's
 * language (ctx.locale) where an item is translated; otherwise German, with `notes` saying so.
 */
export async function newsAtomFeed(
	ctx: TenantCtx,
	input: { title: string; subtitle: string; notes?: FeedNotes },
	now: Date = new Date()
): Promise<string> {
	const items = await newsForFeed(ctx, 20, now);
	const prefix = ctx.locale === 'de' ? '' : `/${ctx.locale}`;
	const base = `${ctx.origin}${prefix}${newsPath(ctx.tenant.slug)}`;
	const feed = new Feed({
		id: base,
		link: base,
		title: input.title,
		description: input.subtitle,
		language: ctx.locale,
		copyright: ctx.tenant.name,
		updated: items.reduce((max, i) => (i.updatedAt > max ? i.updatedAt : max), new Date(0)),
		generator: 'Miteinander',
		feedLinks: { atom: `${ctx.origin}${newsFeedPath(ctx.tenant.slug, ctx.locale)}` }
	});
	if (items.length === 0) feed.options.updated = now;
	for (const item of items) {
		const link = `${base}/${item.id}`;
		const note = item.isFallback
			? input.notes?.fallback
			: item.machine
				? input.notes?.machine
				: null;
		feed.addItem({
			id: link,
			link,
			title: item.title,
			description: item.summary,
			content: note
				? `<p lang="${ctx.locale}"><em>${escapeHtml(note)}</em></p>\n${item.body}`
				: item.body,
			date: item.updatedAt,
			published: item.date,
			author: [{ name: item.organizationName ?? ctx.tenant.name }]
		});
	}
	return feed.atom1();
}
