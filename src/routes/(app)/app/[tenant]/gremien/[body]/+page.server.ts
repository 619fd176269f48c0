import type { Actions, PageServerLoad } from './$types';
import { getBodyPage } from '$lib/server/bodies/views';
import {
	decideJoinRequest,
	requestToJoin,
	withdrawJoinRequest
} from '$lib/server/bodies/join-requests';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const page = await orNotFound(() => getBodyPage(ctx, { bodyId: event.params.body }));
	return { tenant: ctx.tenant, ...page };
};

export const actions: Actions = {
	join: formAction(requestToJoin, {
		input: ({ values, params }) => ({ ...values, bodyId: params.body }),
		onSuccess: () => ({ success: m.bodies_join_sent() })
	}),
	withdraw: formAction(withdrawJoinRequest, {
		input: ({ values, params }) => ({ bodyId: params.body, requestId: values.id }),
		onSuccess: () => ({ success: m.bodies_withdrawn() })
	}),
	decide: formAction(decideJoinRequest, {
		input: ({ values, params }) => ({
			bodyId: params.body,
			requestId: values.id,
			decision: values.decision === 'accept' ? 'accept' : 'decline'
		}),
		onSuccess: ({ name, accepted }) => ({
			success: accepted ? m.bodies_accepted({ name }) : m.bodies_declined({ name })
		})
	})
};
