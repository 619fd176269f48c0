import type { Actions, PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { orNotFound, runAction } from '$lib/server/http';
import {
	CONSENT_TEXT_VERSION,
	givePublicationConsent,
	listMyPublications,
	withdrawPublicationConsent
} from '$lib/server/oparl/consent';
import { m } from '$lib/paraglide/messages';
import { keepValues } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const networks = await orNotFound(() => listMyPublications(event.locals.ctx));
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

async function tenantName(ctx: App.Locals['ctx'], tenantId: string) {
	const list = await listMyPublications(ctx);
	return list.find((n) => n.tenantId === tenantId)?.tenantName ?? '';
}

export const actions: Actions = {
	give: async (event) => {
		requireActor(event);
		const form = await event.request.formData();
		const tenantId = String(form.get('tenantId') ?? '');
		const result = await runAction(keepValues(form), async () => {
			await givePublicationConsent(event.locals.ctx, { tenantId });
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		return {
			success: m.oparl_consent_given({ tenant: await tenantName(event.locals.ctx, tenantId) })
		};
	},
	withdraw: async (event) => {
		requireActor(event);
		const form = await event.request.formData();
		const tenantId = String(form.get('tenantId') ?? '');
		const result = await runAction(keepValues(form), async () => {
			await withdrawPublicationConsent(event.locals.ctx, { tenantId });
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		return {
			success: m.oparl_consent_withdrawn({ tenant: await tenantName(event.locals.ctx, tenantId) })
		};
	}
};
