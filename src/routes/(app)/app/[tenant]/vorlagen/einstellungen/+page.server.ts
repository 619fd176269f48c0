import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/auth/policy';
import { orNotFound, runAction } from '$lib/server/http';
import { loadWorkflow } from '$lib/server/papers/access';
import { addPaperType, saveWorkflow } from '$lib/server/papers/service';
import { paperTypeOptions } from '$lib/server/papers/types';
import { BUILTIN_PAPER_TYPES } from '$lib/server/papers/schema';
import { stateLabel } from '$lib/server/papers/workflow';
import { papersTenant } from '../_shared/tenant.server';
import { keepValues } from '$lib/server/shared';

async function settingsTenant(event: RequestEvent) {
	const tenant = await papersTenant(event);
	await orNotFound(async () =>
		authorize(event.locals.ctx.actor, 'paper.manage', { tenantId: tenant.id })
	);
	return tenant;
}

export const load: PageServerLoad = async (event) => {
	const tenant = await settingsTenant(event);
	const ctx = event.locals.ctx;
	const workflow = await loadWorkflow(ctx.db, tenant.id);
	const types = await paperTypeOptions(ctx.db, tenant.id, ctx.locale);
	return {
		tenant,
		types: types.map((t) => ({
			...t,
			builtin: (BUILTIN_PAPER_TYPES as readonly string[]).includes(t.key)
		})),
		transitions: workflow.transitions.map((t) => ({
			from: stateLabel(workflow, t.from, ctx.locale),
			to: stateLabel(workflow, t.to, ctx.locale),
			roles: t.roles
		})),
		definition: JSON.stringify(workflow, null, 2)
	};
};

export const actions: Actions = {
	type: async (event) => {
		const tenant = await settingsTenant(event);
		const values = keepValues(await event.request.formData());
		const result = await runAction(values, () => addPaperType(event.locals.ctx, tenant.id, values));
		if (!('key' in result)) return result;
		return { success: m.papers_type_added() };
	},
	workflow: async (event) => {
		const tenant = await settingsTenant(event);
		const values = keepValues(await event.request.formData());
		let parsed: unknown = {};
		try {
			parsed = JSON.parse(String(values.definition ?? ''));
		} catch {
			parsed = {};
		}
		const result = await runAction(values, async () => {
			await saveWorkflow(event.locals.ctx, tenant.id, values.reset ? null : parsed);
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		return { success: m.papers_workflow_saved() };
	}
};
