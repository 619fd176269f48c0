import type { PageServerLoad } from './$types';
import { publicTenantFamily } from '$lib/server/tenants/service';
import { listPublicOrganizations } from '$lib/server/organizations/lists';
import { tenantCtx } from '$lib/server/http';
import { feedLinks, tenantFeedPath } from '$lib/server/invitations/feed-links';
import { listPublicNews } from '$lib/server/news/views';
import { newsFeedPath } from '$lib/server/news/atom';
import { eventsFeedPath, listPublicEvents } from '$lib/server/events/public';
import { startTopics } from '$lib/server/offers/topics';
import { integrationContactsSection } from '$lib/server/tenant-contacts/contacts';
import { touringStartSection } from '$lib/server/touring/public';
import { publicAboutText } from '$lib/server/tenants/translatable';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	// Public data only: organisations' names and types, visible news, public events and meetings.
	const [{ children, parent }, organizations, news, events, topics, contacts, touring, about] =
		await Promise.all([
			publicTenantFamily(ctx),
			listPublicOrganizations(ctx),
			listPublicNews(ctx, { size: 3 }),
			listPublicEvents(ctx, { size: 4 }),
			startTopics(ctx.db, ctx.tenant),
			integrationContactsSection(ctx),
			touringStartSection(ctx),
			publicAboutText(ctx)
		]);
	return {
		tenant: ctx.tenant,
		children,
		parent,
		organizations,
		news: news.items,
		events: events.items,
		topics,
		contacts,
		touring,
		about,
		newsFeed: newsFeedPath(ctx.tenant.slug, ctx.locale),
		signedIn: !!event.locals.actor,
		calendar: feedLinks(event.url, tenantFeedPath(ctx.tenant.slug)),
		eventsCalendar: feedLinks(event.url, eventsFeedPath(ctx.tenant.slug))
	};
};
