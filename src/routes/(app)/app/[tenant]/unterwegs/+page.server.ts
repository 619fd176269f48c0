import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { toBerlinDateTime } from '$lib/server/shared';
import { touringOverview } from '$lib/server/touring/views';
import {
	addTouringStop,
	createTouringProject,
	decideTouringStop,
	requestTouringStop,
	updateTouringProject,
	withdrawTouringRequest
} from '$lib/server/touring/manage';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const overview = await orNotFound(() => touringOverview(ctx));
	return {
		tenant: ctx.tenant,
		...overview,
		projects: overview.projects.map((p) => ({
			...p,
			stops: p.stops.map((s) => ({
				...s,
				startsLocal: toBerlinDateTime(s.startsAt),
				endsLocal: toBerlinDateTime(s.endsAt)
			}))
		}))
	};
};

const saved = () => ({ success: m.tour_saved() });

export const actions: Actions = {
	create: formAction(createTouringProject, { form: 'create', onSuccess: saved }),
	update: formAction(updateTouringProject, {
		input: ({ values }) => ({ ...values, projectId: String(values.projectId ?? '') }),
		onSuccess: saved
	}),
	add: formAction(addTouringStop, {
		input: ({ values }) => ({
			...values,
			projectId: String(values.projectId ?? ''),
			municipalityId: String(values.municipalityId ?? '')
		}),
		onSuccess: saved
	}),
	request: formAction(requestTouringStop, {
		input: ({ values }) => ({ ...values, projectId: String(values.projectId ?? '') }),
		onSuccess: () => ({ success: m.tour_requested() })
	}),
	decide: formAction(decideTouringStop, {
		input: ({ values }) => ({
			...values,
			stopId: String(values.stopId ?? ''),
			decision: String(values.decision ?? '')
		}),
		onSuccess: saved
	}),
	withdraw: formAction(withdrawTouringRequest, {
		input: ({ values }) => ({ stopId: String(values.stopId ?? '') }),
		onSuccess: saved
	})
};
