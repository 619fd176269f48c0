import type { Actions, PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { findPublicTenant } from '$lib/server/tenants/service';
import { getDialogue, registerForDialogue } from '$lib/server/participation/dialogues';
import { loadProcess, processRules } from '$lib/server/participation/processes';
import { issueChallenge, POW_DIFFICULTY } from '$lib/server/inquiries/spam';
import { orNotFound } from '$lib/server/http';
import { runPublicAction } from '$lib/server/participation/routes';
import { formValues, rawValues } from '$lib/server/participation/forms';
import { m } from '$lib/paraglide/messages';

async function tenantOf(locals: App.Locals, slug: string) {
	const tenant = await findPublicTenant(locals.ctx.db, slug);
	if (!tenant) error(404, m.error_not_found());
	return tenant;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const tenant = await tenantOf(locals, params.tenant);
	const db = locals.ctx.db;
	const dialogue = await orNotFound(() =>
		getDialogue(db, tenant.id, params.dialogue, { staff: false })
	);
	if (dialogue.processId !== params.id) error(404, m.error_not_found());
	const process = await loadProcess(db, tenant.id, dialogue.processId);
	const { rules } = await processRules(db, process);
	return {
		tenant,
		dialogue,
		canRegister: dialogue.registrationEnabled && rules.register && dialogue.startsAt > new Date(),
		actor: locals.actor ? { name: locals.actor.name, email: locals.actor.email } : null,
		challenge: issueChallenge(),
		difficulty: POW_DIFFICULTY
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const tenant = await tenantOf(locals, params.tenant);
		const form = await request.formData();
		const values = formValues(form);
		const r = await runPublicAction(values, () =>
			registerForDialogue(locals.ctx, tenant.id, params.dialogue, rawValues(form))
		);
		if (!('token' in r)) return r;
		return {
			success:
				r.status === 'waiting' ? m.participation_registered_waiting() : m.participation_registered()
		};
	}
};
