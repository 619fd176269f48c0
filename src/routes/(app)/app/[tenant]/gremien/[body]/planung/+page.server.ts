import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import type { TenantCtx } from '$lib/server/context';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import {
	acceptProposal,
	listProposals,
	skipProposal,
	unskipDate
} from '$lib/server/meetings/series';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { dateInWords } from '$lib/components/meetings/format';
import { str, type FormValues } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const series = await orNotFound(() => listProposals(ctx, { bodyId: event.params.body }));
	return { tenant: ctx.tenant, series };
};

const withBody = ({ values, params }: { values: FormValues; params: { body: string } }) => ({
	...values,
	bodyId: params.body
});
const dateOf = (values: FormValues) => dateInWords(str(values.date), getLocale());

export const actions: Actions = {
	accept: formAction<
		TenantCtx,
		Parameters<typeof acceptProposal>[1],
		{ id: string },
		RequestEvent,
		never
	>(acceptProposal, {
		input: withBody,
		onSuccess: (result, { ctx }) =>
			redirect(303, `/app/${ctx.tenant.slug}/sitzungen/${result.id}?angelegt=1`)
	}),
	skip: formAction(skipProposal, {
		input: withBody,
		onSuccess: (_, { values }): { success: string } => ({
			success: m.meetings_plan_skipped_done({ date: dateOf(values) })
		})
	}),
	unskip: formAction(unskipDate, {
		input: withBody,
		onSuccess: (_, { values }): { success: string } => ({
			success: m.meetings_plan_unskipped_done({ date: dateOf(values) })
		})
	})
};
