/**
 * Links to a public calendar feed: the path to download it, and the same address as `webcal://`
 * for calendar apps to subscribe to, built from the request's host (so it works behind any
 * domain the site is served under).
 */
export interface FeedLinks {
	download: string;
	subscribe: string;
}

export function feedLinks(url: URL, path: string): FeedLinks {
	return { download: path, subscribe: `webcal://${url.host}${path}` };
}

/** The feed of all public meetings of a tenant (`/<tenant>/kalender.ics`). */
export const tenantFeedPath = (tenantSlug: string) => `/${tenantSlug}/kalender.ics`;

/** The feed of one public body (`/<tenant>/gremien/<body>/kalender.ics`). */
export const bodyFeedPath = (tenantSlug: string, bodyId: string) =>
	`/${tenantSlug}/gremien/${bodyId}/kalender.ics`;
