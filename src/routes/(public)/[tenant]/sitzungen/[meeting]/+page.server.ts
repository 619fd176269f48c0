import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { tenantCtx } from '$lib/server/http';
import { getPublicMeeting } from '$lib/server/minutes/public';
import { buildMinutesDocument, meetingPlace, meetingWhen } from '$lib/server/minutes/documents';
import { renderHtml } from '$lib/server/documents/html';
import { bodyFeedPath, feedLinks } from '$lib/server/invitations/feed-links';

// Server-rendered only, like the finder: no JavaScript needed.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	// Unknown, malformed, another tenant's, a body that is not public: all the same 404.
	const found = await getPublicMeeting(tenantCtx(event), { meetingId: event.params.meeting });
	if (!found) error(404, m.error_not_found());
	return {
		tenant: { name: found.tenant.name, slug: found.tenant.slug },
		body: { name: found.body.name },
		calendar: feedLinks(event.url, bodyFeedPath(found.tenant.slug, found.body.id)),
		meeting: {
			id: found.meeting.id,
			startsAt: found.meeting.startsAt,
			cancelled: found.meeting.state === 'cancelled',
			when: meetingWhen(found.meeting),
			where: meetingPlace(found.meeting),
			host: found.meeting.hostName
		},
		agenda: found.agenda,
		// the published minutes, public version, rendered below the page's h1
		minutesHtml: found.minutes
			? renderHtml(buildMinutesDocument(found.minutes, { publicVersion: true }), {
					headingOffset: 1
				})
			: null
	};
};
