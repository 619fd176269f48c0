import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { orNotFound } from '$lib/server/http';
import {
	allowedStatusActions,
	changeOfferStatus,
	confirmOffer,
	getOffer,
	updateOffer,
	type StatusAction
} from '$lib/server/offers/offers';
import { offerFormValues } from '$lib/server/offers/state';
import { MAX_PLACES, OFFER_LIST_FIELDS, offerInputFromForm } from '$lib/server/offers/validation';
import { CONTENT_LOCALES, SPOKEN_LANGUAGES, TARGET_GROUPS } from '$lib/server/offers/vocabulary';
import { municipalitiesOf } from '$lib/server/organizations/organizations';
import { contactChoices } from '$lib/server/organizations/contacts';
import { listFieldsOfAction } from '$lib/server/fields-of-action/service';
import { runForm, tenantFor } from '../_shared/forms.server';
import { formValues, str } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const { tenant } = await tenantFor(event);
	const ctx = event.locals.ctx;
	const offer = await orNotFound(() => getOffer(ctx, tenant.id, event.params.id));
	const [fields, contacts, municipalities] = await Promise.all([
		listFieldsOfAction(ctx, tenant.id),
		contactChoices(ctx.db, tenant.id, offer.organizationId),
		municipalitiesOf(ctx.db, tenant.id)
	]);
	// An editor continues from their own pending proposal; everyone else sees the live offer.
	const shown = offer.pending && !offer.canReview ? offer.pending.proposed : offer.state;
	return {
		tenant,
		offer: { ...offer, pending: offer.pending && { ...offer.pending, proposed: undefined } },
		statusActions: allowedStatusActions(ctx, tenant.id, offer),
		saved: event.url.searchParams.get('saved'),
		form: {
			values: offerFormValues(shown),
			fields,
			contacts: offer.canEdit ? contacts : [],
			municipalities,
			targetGroups: TARGET_GROUPS,
			spokenLanguages: SPOKEN_LANGUAGES,
			furtherLocales: CONTENT_LOCALES.filter((l) => l !== 'de'),
			maxPlaces: MAX_PLACES
		},
		lookups: {
			fields: Object.fromEntries(fields.map((f) => [f.id, f.name])),
			// people outside the organisation's editors see only contacts who agreed to be shown
			contacts: Object.fromEntries(
				contacts.filter((c) => offer.canEdit || c.isPublic).map((c) => [c.id, c.name])
			),
			municipalities: Object.fromEntries(municipalities.map((t) => [t.id, t.name]))
		}
	};
};

const STATUS_MESSAGES: Record<StatusAction, () => string> = {
	submit: m.offers_status_done_submit,
	publish: m.offers_status_done_publish,
	return: m.offers_status_done_return,
	archive: m.offers_status_done_archive,
	reopen: m.offers_status_done_reopen
};

export const actions: Actions = {
	save: async (event) => {
		const { tenant } = await tenantFor(event);
		const form = await event.request.formData();
		const values = formValues(form, OFFER_LIST_FIELDS);
		const r = await runForm('save', values, () =>
			updateOffer(event.locals.ctx, tenant.id, event.params.id, offerInputFromForm(values))
		);
		if (!('ok' in r)) return r;
		const outcome = r.result.outcome;
		return {
			formId: 'save',
			success:
				outcome === 'pending'
					? m.offers_saved_pending()
					: outcome === 'unchanged'
						? m.offers_saved_unchanged()
						: m.offers_saved()
		};
	},
	status: async (event) => {
		const { tenant } = await tenantFor(event);
		const form = await event.request.formData();
		const action = str(form.get('action'));
		const note = str(form.get('note'));
		const r = await runForm('status', {}, () =>
			changeOfferStatus(event.locals.ctx, tenant.id, event.params.id, action, note)
		);
		if (!('ok' in r)) return r;
		return { formId: 'status', success: STATUS_MESSAGES[action as StatusAction]() };
	},
	confirm: async (event) => {
		const { tenant } = await tenantFor(event);
		const r = await runForm('status', {}, () =>
			confirmOffer(event.locals.ctx, tenant.id, event.params.id)
		);
		if (!('ok' in r)) return r;
		return { formId: 'status', success: m.offers_confirmed() };
	}
};
