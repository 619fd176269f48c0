import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
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
	const series = await orNotFound(() => listProposals(ctx, ctx.tenant.id, event.params.body));
	return { tenant: ctx.tenant, series };
};

type Input = FormValues & { bodyId: string };
const withBody = ({ values, params }: { values: FormValues; params: { body: string } }) => ({
	...values,
	bodyId: params.body
});

export const actions: Actions = {
	accept: formAction(
		(ctx: TenantCtx, input: Input) => acceptProposal(ctx, ctx.tenant.id, input.bodyId, input),
		{
			input: withBody,
			onSuccess: (result, { ctx }) =>
				redirect(303, `/app/${ctx.tenant.slug}/sitzungen/${result.id}?angelegt=1`)
		}
	),
	skip: formAction(
		(ctx: TenantCtx, input: Input) => skipProposal(ctx, ctx.tenant.id, input.bodyId, input),
		{
			input: withBody,
			onSuccess: (_, { values }) => ({
				success: m.meetings_plan_skipped_done({ date: dateInWords(str(values.date), getLocale()) })
			})
		}
	),
	unskip: formAction(
		(ctx: TenantCtx, input: Input) => unskipDate(ctx, ctx.tenant.id, input.bodyId, input),
		{
			input: withBody,
			onSuccess: (_, { values }) => ({
				success: m.meetings_plan_unskipped_done({
					date: dateInWords(str(values.date), getLocale())
				})
			})
		}
	)
};
