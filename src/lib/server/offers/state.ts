/**
 * The whole editable state of an offer (record, texts per language, places) as one JSON-safe
 * value: what an editor proposes in a revision, what an approval writes back, what the review
 * queue compares, and what the edit form shows.
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { offerPlaces, offers, offerTexts, type Offer } from './schema';
import { CONTENT_LOCALES, type ContentLocale, type TranslationState } from './vocabulary';
import { nextTranslationStates } from './translations';
import { offerTranslatable } from './translatable';
import { sourceHash } from '../translations/content';
import { OFFER_TEXT_FIELDS, type OfferInput } from './validation';
import {
	berlinLocalToDate,
	dateToBerlinLocal,
	firstOccurrence,
	weekdaysBetween,
	weeklyRrule
} from './schedule';
import { berlinDateOf, berlinTimeOf, berlinToday as berlinDateString } from '../shared';
import type { FormValues } from '../shared';

export interface OfferTextState {
	locale: string;
	title: string;
	description: string;
	costNote: string | null;
	registrationNote: string | null;
	scheduleNote: string | null;
	accessibilityNote: string | null;
	state: TranslationState;
}

export interface OfferPlaceState {
	name: string | null;
	street: string | null;
	postalCode: string | null;
	city: string | null;
	room: string | null;
	latitude: number | null;
	longitude: number | null;
}

export interface OfferState {
	fieldOfActionId: string | null;
	targetGroups: string[];
	languages: string[];
	municipalityIds: string[];
	locationKind: Offer['locationKind'];
	onlineUrl: string | null;
	scheduleKind: Offer['scheduleKind'];
	/** ISO instants */
	startsAt: string | null;
	endsAt: string | null;
	rrule: string | null;
	weekdays: number[];
	costKind: Offer['costKind'];
	registrationRequired: boolean;
	childcare: boolean;
	accessible: boolean;
	/** YYYY-MM-DD */
	validFrom: string | null;
	validTo: string | null;
	contactId: string | null;
	texts: OfferTextState[];
	places: OfferPlaceState[];
}

const localeOrder = (l: string) => CONTENT_LOCALES.indexOf(l as ContentLocale);

export async function loadOfferState(db: Executor, offer: Offer): Promise<OfferState> {
	const [texts, places] = await Promise.all([
		db.select().from(offerTexts).where(eq(offerTexts.offerId, offer.id)),
		db.select().from(offerPlaces).where(eq(offerPlaces.offerId, offer.id))
	]);
	return {
		fieldOfActionId: offer.fieldOfActionId,
		targetGroups: [...offer.targetGroups],
		languages: [...offer.languages],
		municipalityIds: [...offer.municipalityIds].sort(),
		locationKind: offer.locationKind,
		onlineUrl: offer.onlineUrl,
		scheduleKind: offer.scheduleKind,
		startsAt: offer.startsAt ? offer.startsAt.toISOString() : null,
		endsAt: offer.endsAt ? offer.endsAt.toISOString() : null,
		rrule: offer.rrule,
		weekdays: [...offer.weekdays].sort((a, b) => a - b),
		costKind: offer.costKind,
		registrationRequired: offer.registrationRequired,
		childcare: offer.childcare,
		accessible: offer.accessible,
		validFrom: offer.validFrom,
		validTo: offer.validTo,
		contactId: offer.contactId,
		texts: texts
			.map((t) => ({
				locale: t.locale,
				title: t.title,
				description: t.description,
				costNote: t.costNote,
				registrationNote: t.registrationNote,
				scheduleNote: t.scheduleNote,
				accessibilityNote: t.accessibilityNote,
				state: t.state
			}))
			.sort((a, b) => localeOrder(a.locale) - localeOrder(b.locale)),
		places: sortPlaces(
			places.map((p) => ({
				name: p.name,
				street: p.street,
				postalCode: p.postalCode,
				city: p.city,
				room: p.room,
				latitude: p.latitude,
				longitude: p.longitude
			}))
		)
	};
}

/** Places in a fixed order, so the same places always compare equal. */
function sortPlaces(places: OfferPlaceState[]): OfferPlaceState[] {
	const key = (p: OfferPlaceState) => JSON.stringify([p.name, p.street, p.city, p.room]);
	return [...places].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The schedule columns from the input; a recurring offer starts on its first occurrence. */
function schedule(input: OfferInput, before: OfferState | null) {
	if (input.scheduleKind === 'once') {
		const start = berlinLocalToDate(input.startsAt)!;
		const end = input.endsAt ? berlinLocalToDate(input.endsAt) : null;
		return {
			startsAt: start.toISOString(),
			endsAt: end ? end.toISOString() : null,
			rrule: null,
			weekdays: weekdaysBetween(berlinDateOf(start), berlinDateOf(end ?? start))
		};
	}
	if (input.scheduleKind === 'recurring') {
		const weekdays = [...input.weekdays].sort((a, b) => a - b);
		// Anchor: valid-from, else the day the rule started so far, else today; the same input
		// gives the same start again, so saving without changes changes nothing.
		const anchor =
			input.validFrom ??
			(before?.scheduleKind === 'recurring' && before.startsAt
				? berlinDateOf(new Date(before.startsAt))
				: berlinDateString());
		const day = firstOccurrence(anchor, weekdays);
		const start = berlinLocalToDate(`${day}T${input.timeStart.slice(0, 5)}`)!;
		const end = input.timeEnd ? berlinLocalToDate(`${day}T${input.timeEnd.slice(0, 5)}`) : null;
		return {
			startsAt: start.toISOString(),
			endsAt: end ? end.toISOString() : null,
			rrule: weeklyRrule(weekdays),
			weekdays
		};
	}
	return { startsAt: null, endsAt: null, rrule: null, weekdays: [] as number[] };
}

/**
 * The next state from validated input. Translation states follow the rule in translations.ts
 * relative to `before` (the live state); the German text is always "original".
 */
export function offerStateFrom(input: OfferInput, before: OfferState | null): OfferState {
	const submitted = Object.entries(input.texts)
		.filter(([, t]) => t && t.title)
		.map(([locale, t]) => ({
			locale,
			content: {
				title: t!.title as string,
				description: t!.description ?? '',
				costNote: t!.costNote,
				registrationNote: t!.registrationNote,
				scheduleNote: t!.scheduleNote,
				accessibilityNote: t!.accessibilityNote
			},
			state: (locale === 'de' ? 'original' : t!.state) as TranslationState
		}));
	const prev = (before?.texts ?? []).map((t) => ({
		locale: t.locale,
		content: {
			title: t.title,
			description: t.description,
			costNote: t.costNote,
			registrationNote: t.registrationNote,
			scheduleNote: t.scheduleNote,
			accessibilityNote: t.accessibilityNote
		},
		state: t.state
	}));
	const texts = nextTranslationStates(prev, submitted)
		.map((t) => ({ locale: t.locale, ...t.content, state: t.state }))
		.sort((a, b) => localeOrder(a.locale) - localeOrder(b.locale));
	return {
		fieldOfActionId: input.fieldOfActionId,
		targetGroups: input.targetGroups,
		languages: input.languages,
		municipalityIds: [...input.municipalityIds].sort(),
		locationKind: input.locationKind,
		onlineUrl: input.locationKind === 'online' ? input.onlineUrl : null,
		scheduleKind: input.scheduleKind,
		...schedule(input, before),
		costKind: input.costKind,
		registrationRequired: input.registrationRequired,
		childcare: input.childcare,
		accessible: input.accessible,
		validFrom: input.validFrom,
		validTo: input.validTo,
		contactId: input.contactId,
		texts,
		places: input.locationKind === 'place' ? sortPlaces(input.places) : []
	};
}

/** Writes a state to the live offer (record, texts, places). */
export async function applyOfferState(
	tx: Executor,
	tenantId: string,
	offerId: string,
	state: OfferState
): Promise<void> {
	await tx
		.update(offers)
		.set({
			fieldOfActionId: state.fieldOfActionId,
			targetGroups: state.targetGroups,
			languages: state.languages,
			municipalityIds: state.municipalityIds,
			locationKind: state.locationKind,
			onlineUrl: state.onlineUrl,
			scheduleKind: state.scheduleKind,
			startsAt: state.startsAt ? new Date(state.startsAt) : null,
			endsAt: state.endsAt ? new Date(state.endsAt) : null,
			rrule: state.rrule,
			weekdays: state.weekdays,
			costKind: state.costKind,
			registrationRequired: state.registrationRequired,
			childcare: state.childcare,
			accessible: state.accessible,
			validFrom: state.validFrom,
			validTo: state.validTo,
			contactId: state.contactId,
			updatedAt: new Date()
		})
		.where(and(eq(offers.id, offerId), eq(offers.tenantId, tenantId)));
	const previous = await tx.select().from(offerTexts).where(eq(offerTexts.offerId, offerId));
	await tx.delete(offerTexts).where(eq(offerTexts.offerId, offerId));
	if (state.texts.length > 0) {
		await tx
			.insert(offerTexts)
			.values(
				state.texts.map((t) => ({ ...t, offerId, sourceHash: textSourceHash(t, state, previous) }))
			);
	}
	await tx.delete(offerPlaces).where(eq(offerPlaces.offerId, offerId));
	if (state.places.length > 0) {
		await tx.insert(offerPlaces).values(state.places.map((p) => ({ ...p, offerId })));
	}
}

/**
 * The German source a translation was made from (translations/content.ts): an unchanged
 * translation in the same state keeps its hash (so a German change makes it outdated); a new,
 * edited or re-stated one was made from the current German text.
 */
function textSourceHash(
	t: OfferTextState,
	state: OfferState,
	previous: (typeof offerTexts.$inferSelect)[]
): string | null {
	if (t.locale === 'de') return null;
	const old = previous.find((p) => p.locale === t.locale);
	const fields = offerTranslatable.fields;
	const unchanged =
		!!old &&
		old.state === t.state &&
		fields.every(
			(f) => (old[f as keyof typeof old] ?? null) === (t[f as keyof OfferTextState] ?? null)
		);
	if (unchanged) return old.sourceHash;
	const german = state.texts.find((x) => x.locale === 'de');
	if (!german) return null;
	return sourceHash(german, fields);
}

const num = (n: number | null) => (n === null ? '' : String(n));

/** The edit form's field values for a state (the form renders only from these). */
export function offerFormValues(state: OfferState | null): FormValues {
	const v: FormValues = {
		fieldOfActionId: state?.fieldOfActionId ?? '',
		targetGroups: state?.targetGroups ?? [],
		languages: state?.languages ?? ['de'],
		municipalityIds: state?.municipalityIds ?? [],
		locationKind: state?.locationKind ?? 'place',
		onlineUrl: state?.onlineUrl ?? '',
		scheduleKind: state?.scheduleKind ?? 'appointment',
		startsAt: '',
		endsAt: '',
		weekdays: (state?.weekdays ?? []).map(String),
		timeStart: '',
		timeEnd: '',
		costKind: state?.costKind ?? 'free',
		validFrom: state?.validFrom ?? '',
		validTo: state?.validTo ?? '',
		contactId: state?.contactId ?? ''
	};
	if (state?.registrationRequired) v.registrationRequired = 'on';
	if (state?.childcare) v.childcare = 'on';
	if (state?.accessible) v.accessible = 'on';
	if (state?.scheduleKind === 'once') {
		if (state.startsAt) v.startsAt = dateToBerlinLocal(new Date(state.startsAt));
		if (state.endsAt) v.endsAt = dateToBerlinLocal(new Date(state.endsAt));
	}
	if (state?.scheduleKind === 'recurring') {
		if (state.startsAt) v.timeStart = berlinTimeOf(new Date(state.startsAt));
		if (state.endsAt) v.timeEnd = berlinTimeOf(new Date(state.endsAt));
	}
	for (const t of state?.texts ?? []) {
		for (const f of OFFER_TEXT_FIELDS) v[`text_${t.locale}_${f}`] = t[f] ?? '';
		v[`text_${t.locale}_state`] = t.state;
	}
	(state?.places ?? []).forEach((p, i) => {
		v[`place_${i}_name`] = p.name ?? '';
		v[`place_${i}_street`] = p.street ?? '';
		v[`place_${i}_postalCode`] = p.postalCode ?? '';
		v[`place_${i}_city`] = p.city ?? '';
		v[`place_${i}_room`] = p.room ?? '';
		v[`place_${i}_latitude`] = num(p.latitude);
		v[`place_${i}_longitude`] = num(p.longitude);
	});
	return v;
}
