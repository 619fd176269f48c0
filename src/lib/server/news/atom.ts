/** The Atom feed of a tenant's public news (`/<tenant>/neuigkeiten.atom`), written by `feed`. */
import { Feed } from 'feed';
import type { TenantCtx } from '../context';
import { newsForFeed } from './views';

export const newsPath = (tenantSlug: string) => `/${tenantSlug}/neuigkeiten`;
export const newsFeedPath = (tenantSlug: string) => `/${tenantSlug}/neuigkeiten.atom`;

/** The feed as Atom 1.0 XML; items carry their sanitised HTML as content. */
export async function newsAtomFeed(
	ctx: TenantCtx,
	input: { title: string; subtitle: string },
	now: Date = new Date()
): Promise<string> {
	const items = await newsForFeed(ctx, 20, now);
	const base = `${ctx.origin}${newsPath(ctx.tenant.slug)}`;
	const feed = new Feed({
		id: base,
		link: base,
		title: input.title,
		description: input.subtitle,
		language: 'de',
		copyright: ctx.tenant.name,
		updated: items.reduce((max, i) => (i.updatedAt > max ? i.updatedAt : max), new Date(0)),
		generator: 'Miteinander',
		feedLinks: { atom: `${ctx.origin}${newsFeedPath(ctx.tenant.slug)}` }
	});
	if (items.length === 0) feed.options.updated = now;
	for (const item of items) {
		const link = `${base}/${item.id}`;
		feed.addItem({
			id: link,
			link,
			title: item.title,
			description: item.summary,
			content: item.body,
			date: item.updatedAt,
			published: item.date,
			author: [{ name: item.organizationName ?? ctx.tenant.name }]
		});
	}
	return feed.atom1();
}
