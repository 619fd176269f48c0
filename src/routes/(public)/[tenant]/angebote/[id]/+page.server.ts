import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';
import { finderScope, getPublicOffer } from '$lib/server/offers/public';
import { hasCalendar } from '$lib/server/offers/ical';
import { publicOfferContacts } from '$lib/server/offers/contact';
import { publicEasyReadText } from '$lib/server/easy-read/texts';
import { easyReadBlocks } from '$lib/server/easy-read/default-text';
import {
	addressText,
	contactText,
	formatDate,
	formatDay,
	languageName,
	listOf,
	osmHref,
	placeText,
	scheduleText,
	targetGroupLabel,
	telHref
} from '../format.server';

// Server-rendered only, like the finder: no JavaScript needed.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const { db, locale } = ctx;
	const scope = await finderScope(ctx);
	// Unknown, malformed, another tenant's, unpublished or expired: all the same 404.
	const offer = await getPublicOffer(db, scope, event.params.id, locale);
	if (!offer) error(404, m.error_not_found());
	const contact = (await publicOfferContacts(db, scope, [offer.id])).get(offer.id);
	if (!contact) error(404, m.error_not_found());
	const base = `/${scope.tenant.slug}/angebote`;
	const easyRead = await publicEasyReadText(ctx, 'offer', offer.id);
	const org = offer.organization;
	const validity =
		offer.validFrom && offer.validTo
			? m.finder_date_range({
					from: formatDay(offer.validFrom, locale),
					to: formatDay(offer.validTo, locale)
				})
			: offer.validFrom
				? m.finder_valid_from({ date: formatDay(offer.validFrom, locale) })
				: offer.validTo
					? m.finder_valid_to({ date: formatDay(offer.validTo, locale) })
					: null;
	return {
		tenant: { name: scope.tenant.name, slug: scope.tenant.slug },
		base,
		locale,
		easyRead: easyRead ? easyReadBlocks(easyRead) : null,
		offer: {
			id: offer.id,
			title: offer.title,
			description: offer.description,
			isFallback: offer.isFallback,
			machine: offer.machine,
			keptBy: offer.keptBy,
			field: offer.fieldOfAction,
			when: scheduleText(offer, locale),
			scheduleNote: offer.scheduleNote,
			validity,
			locationKind: offer.locationKind,
			places: offer.places
				.map((p) => ({ text: placeText(p), osmHref: osmHref(p) }))
				.filter((p) => p.text !== ''),
			onlineUrl: offer.onlineUrl,
			cost: offer.costFree ? m.finder_cost_free() : m.finder_cost_paid(),
			costNote: offer.costNote,
			registration: offer.registrationRequired
				? m.finder_registration_required()
				: m.finder_registration_not_required(),
			registrationNote: offer.registrationNote,
			childcare: offer.childcare ? m.finder_childcare_yes() : m.finder_childcare_no(),
			accessibility: offer.accessible ? m.finder_accessible_yes() : m.finder_accessible_unknown(),
			accessibilityNote: offer.accessibilityNote,
			languages: listOf(
				offer.languages.map((l) => languageName(l, locale)),
				locale
			),
			groups: listOf(offer.targetGroups.map(targetGroupLabel), locale),
			municipalities: listOf(offer.municipalities, locale),
			lastConfirmed: offer.lastConfirmedAt ? formatDate(offer.lastConfirmedAt, locale) : null,
			calendarHref: hasCalendar(offer) ? `${base}/${offer.id}/kalender.ics` : null
		},
		contact: contactText(contact),
		organization: {
			name: org.name,
			description: org.description,
			descriptionMachine: org.descriptionMachine,
			/** the visitor reads another language and the description is the German one */
			descriptionOnlyGerman: locale !== 'de' && org.description?.lang === 'de',
			address: addressText(org),
			osmHref: osmHref(org),
			phone: org.phone,
			phoneHref: org.phone ? telHref(org.phone) : null,
			email: org.email,
			website: org.website,
			languages: listOf(
				org.languages.map((l) => languageName(l, locale)),
				locale
			),
			wheelchair:
				org.wheelchairAccessible === null
					? null
					: org.wheelchairAccessible
						? m.finder_organization_wheelchair_yes()
						: m.finder_organization_wheelchair_no(),
			accessibilityNote: org.accessibilityNote
		}
	};
};
