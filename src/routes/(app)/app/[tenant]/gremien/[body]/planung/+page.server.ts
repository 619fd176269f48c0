import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { orNotFound, runAction } from '$lib/server/http';
import {
	acceptProposal,
	listProposals,
	skipProposal,
	unskipDate
} from '$lib/server/meetings/series';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { dateInWords } from '../../../sitzungen/_shared/format';
import { keepValues } from '$lib/server/shared';

async function tenantFor(event: Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0]) {
	requireActor(event);
	return orNotFound(() => getTenantForActor(event.locals.ctx, event.params.tenant!));
}

export const load: PageServerLoad = async (event) => {
	const tenant = await tenantFor(event);
	const series = await orNotFound(() =>
		listProposals(event.locals.ctx, tenant.id, event.params.body)
	);
	return { tenant, series };
};

export const actions: Actions = {
	accept: async (event) => {
		const tenant = await tenantFor(event);
		const values = keepValues(await event.request.formData());
		const result = await runAction(values, () =>
			acceptProposal(event.locals.ctx, tenant.id, event.params.body, values)
		);
		if (!('id' in result)) return result;
		redirect(303, `/app/${tenant.slug}/sitzungen/${result.id}?angelegt=1`);
	},
	skip: async (event) => {
		const tenant = await tenantFor(event);
		const values = keepValues(await event.request.formData());
		const result = await runAction(values, async () => {
			await skipProposal(event.locals.ctx, tenant.id, event.params.body, values);
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		return {
			success: m.meetings_plan_skipped_done({ date: dateInWords(values.date, getLocale()) })
		};
	},
	unskip: async (event) => {
		const tenant = await tenantFor(event);
		const values = keepValues(await event.request.formData());
		const result = await runAction(values, async () => {
			await unskipDate(event.locals.ctx, tenant.id, event.params.body, values);
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		return {
			success: m.meetings_plan_unskipped_done({ date: dateInWords(values.date, getLocale()) })
		};
	}
};
