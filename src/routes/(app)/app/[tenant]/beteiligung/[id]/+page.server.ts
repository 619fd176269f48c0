import type { Actions, PageServerLoad } from './$types';
import { tenantFor } from '$lib/server/participation/routes';
import {
	addPhase,
	getProcess,
	removePhase,
	updateProcess
} from '$lib/server/participation/processes';
import { listDialogues } from '$lib/server/participation/dialogues';
import { PHASE_KINDS, PROCESS_STATUSES } from '$lib/server/participation/schema';
import { fieldOptions } from '$lib/server/needs/views';
import { orNotFound, runAction } from '$lib/server/http';
import { formValues } from '$lib/server/participation/forms';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const { tenant, canManage } = await tenantFor(event, 'participation.view');
	const ctx = event.locals.ctx;
	const process = await orNotFound(() => getProcess(ctx, tenant.id, event.params.id));
	return {
		tenant,
		canManage,
		process,
		dialogues: await listDialogues(ctx.db, tenant.id, process.id),
		fields: await fieldOptions(ctx.db, tenant.id, ctx.locale),
		statuses: PROCESS_STATUSES,
		phaseKinds: PHASE_KINDS,
		created: event.url.searchParams.get('angelegt') === '1'
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { tenant } = await tenantFor(event, 'participation.manage');
		const values = formValues(await event.request.formData(), ['fieldIds']);
		const r = await runAction(values, () =>
			updateProcess(event.locals.ctx, tenant.id, event.params.id, values)
		);
		return r ?? { success: m.participation_saved() };
	},
	addPhase: async (event) => {
		const { tenant } = await tenantFor(event, 'participation.manage');
		const values = { ...formValues(await event.request.formData()), phaseForm: '1' };
		const r = await runAction(values, () =>
			addPhase(event.locals.ctx, tenant.id, event.params.id, values)
		);
		if (!('id' in r)) return r;
		return { success: m.participation_phase_added() };
	},
	removePhase: async (event) => {
		const { tenant } = await tenantFor(event, 'participation.manage');
		const form = await event.request.formData();
		const r = await runAction({}, () =>
			removePhase(event.locals.ctx, tenant.id, event.params.id, String(form.get('phaseId') ?? ''))
		);
		return r ?? { success: m.participation_phase_removed() };
	}
};
