import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { finderScope, getPublicOffer } from '$lib/server/offers/public';
import { buildCalendar, offerEvent } from '$lib/server/offers/ical';
import { locationText } from '../../format.server';

/** The offer as an iCalendar file (RFC 5545), for dated offers only. */
export const GET: RequestHandler = async (event) => {
	const ctx = tenantCtx(event);
	const { db, locale, origin } = ctx;
	const scope = await finderScope(ctx);
	const offer = await getPublicOffer(db, scope, event.params.id, locale);
	if (!offer) error(404, m.error_not_found());
	const url = `${origin}/${scope.tenant.slug}/angebote/${offer.id}`;
	const description = [
		offer.description?.text,
		offer.scheduleNote?.text,
		offer.organization.name,
		m.finder_calendar_more({ url })
	]
		.filter((x): x is string => !!x && x.trim() !== '')
		.join('\n\n');
	const vevent = offerEvent(offer, {
		summary: offer.title.text,
		description,
		location: locationText(offer),
		url
	});
	if (!vevent) error(404, m.error_not_found());
	return new Response(buildCalendar([vevent]), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="angebot-${offer.id}.ics"`
		}
	});
};
