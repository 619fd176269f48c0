import type { Actions, PageServerLoad } from './$types';
import { formAction, orNotFound, requestCtx } from '$lib/server/http';
import type { Ctx } from '$lib/server/context';
import {
	CONSENT_TEXT_VERSION,
	givePublicationConsent,
	listMyPublications,
	withdrawPublicationConsent
} from '$lib/server/oparl/consent';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const networks = await orNotFound(() => listMyPublications(requestCtx(event)));
	return {
		version: CONSENT_TEXT_VERSION,
		networks: networks.map((n) => ({
			tenantId: n.tenantId,
			tenantName: n.tenantName,
			consented: n.consented,
			outdated: n.outdated,
			consentedAt: n.consentedAt?.toISOString() ?? null,
			consentTextVersion: n.consentTextVersion,
			withdrawnAt: n.withdrawnAt?.toISOString() ?? null
		}))
	};
};

async function tenantName(ctx: Ctx, tenantId: unknown) {
	const list = await listMyPublications(ctx);
	return list.find((n) => n.tenantId === tenantId)?.tenantName ?? '';
}

export const actions: Actions = {
	give: formAction(givePublicationConsent, {
		onSuccess: async (_, { ctx, values }) => ({
			success: m.oparl_consent_given({ tenant: await tenantName(ctx, values.tenantId) })
		})
	}),
	withdraw: formAction(withdrawPublicationConsent, {
		onSuccess: async (_, { ctx, values }) => ({
			success: m.oparl_consent_withdrawn({ tenant: await tenantName(ctx, values.tenantId) })
		})
	})
};
