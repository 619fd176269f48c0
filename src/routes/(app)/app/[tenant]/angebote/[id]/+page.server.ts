import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { getOffer, offerForm } from '$lib/server/offers/get-offer';
import { updateOffer } from '$lib/server/offers/save-offer';
import {
	allowedStatusActions,
	changeOfferStatus,
	confirmOffer,
	type StatusAction
} from '$lib/server/offers/status';
import { OFFER_LIST_FIELDS, offerInputFromForm } from '$lib/server/offers/validation';
import { str } from '$lib/server/shared';
import { easyReadTextForEdit, saveOfferEasyRead } from '$lib/server/easy-read/texts';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const offer = await orNotFound(() => getOffer(ctx, { offerId: event.params.id }));
	// An editor continues from their own pending proposal; everyone else sees the live offer.
	const shown = offer.pending && !offer.canReview ? offer.pending.proposed : offer.state;
	const form = await offerForm(ctx, { organizationId: offer.organizationId, state: shown });
	const { fields, contacts, municipalities } = form;
	const easyRead = await easyReadTextForEdit(ctx, 'offer', offer.id);
	return {
		tenant: ctx.tenant,
		easyRead,
		offer: { ...offer, pending: offer.pending && { ...offer.pending, proposed: undefined } },
		statusActions: allowedStatusActions(ctx, offer),
		saved: event.url.searchParams.get('saved'),
		form: { ...form, contacts: offer.canEdit ? contacts : [] },
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

const SAVED_MESSAGES = {
	live: m.offers_saved,
	pending: m.offers_saved_pending,
	unchanged: m.offers_saved_unchanged
};

export const actions: Actions = {
	save: formAction(updateOffer, {
		form: 'save',
		lists: OFFER_LIST_FIELDS,
		input: ({ values, params }) => ({ ...offerInputFromForm(values), offerId: params.id }),
		onSuccess: ({ outcome }) => ({ formId: 'save', success: SAVED_MESSAGES[outcome]() })
	}),
	status: formAction(changeOfferStatus, {
		form: 'status',
		input: ({ values, params }) => ({
			offerId: params.id,
			action: str(values.action),
			note: str(values.note)
		}),
		onSuccess: (_, { values }) => ({
			formId: 'status',
			success: STATUS_MESSAGES[str(values.action) as StatusAction]()
		})
	}),
	easyRead: formAction(saveOfferEasyRead, {
		form: 'easyRead',
		input: ({ values, params }) => ({ id: params.id, text: values.text }),
		onSuccess: () => ({ formId: 'easyRead', success: m.easy_read_item_saved() })
	}),
	confirm: formAction(confirmOffer, {
		form: 'status',
		input: ({ params }) => ({ offerId: params.id }),
		onSuccess: () => ({ formId: 'status', success: m.offers_confirmed() })
	})
};
