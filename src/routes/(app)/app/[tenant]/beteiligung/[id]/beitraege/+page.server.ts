import type { Actions, PageServerLoad } from './$types';
import { z } from 'zod';
import { tenantFor } from '$lib/server/participation/routes';
import { getProcess } from '$lib/server/participation/processes';
import { listDialogues } from '$lib/server/participation/dialogues';
import {
	enterOfflineContributions,
	hideComment,
	hideContribution,
	listContributions,
	mergeContribution,
	processModerationLog,
	publishContribution
} from '$lib/server/participation/contributions';
import { linkContributions, listRecommendations } from '$lib/server/participation/recommendations';
import { CONTRIBUTION_STATUSES } from '$lib/server/participation/schema';
import { fieldOptions, municipalityOptions } from '$lib/server/needs/views';
import { SPOKEN_LANGUAGES, TARGET_GROUPS } from '$lib/server/offers/vocabulary';
import { orNotFound, runAction } from '$lib/server/http';
import { formValues } from '$lib/server/participation/forms';
import { m } from '$lib/paraglide/messages';

const filterSchema = z.object({
	status: z.enum(CONTRIBUTION_STATUSES).optional().catch(undefined),
	feld: z.uuid().optional().catch(undefined),
	dialog: z.uuid().optional().catch(undefined)
});

export const load: PageServerLoad = async (event) => {
	const { tenant, canManage } = await tenantFor(event, 'participation.view');
	const ctx = event.locals.ctx;
	const process = await orNotFound(() => getProcess(ctx, tenant.id, event.params.id));
	const f = filterSchema.parse(Object.fromEntries(event.url.searchParams));
	const [items, dialogues, fields, municipalities, recommendations, log] = await Promise.all([
		listContributions(ctx.db, tenant.id, process.id, {
			staff: canManage,
			locale: ctx.locale,
			filter: { status: f.status, fieldOfActionId: f.feld, dialogueId: f.dialog }
		}),
		listDialogues(ctx.db, tenant.id, process.id),
		fieldOptions(ctx.db, tenant.id, ctx.locale),
		municipalityOptions(ctx.db, tenant.id),
		listRecommendations(ctx.db, tenant.id, process.id, ctx.locale),
		canManage ? processModerationLog(ctx, tenant.id, process.id) : Promise.resolve([])
	]);
	return {
		tenant,
		canManage,
		process,
		filter: f,
		items,
		dialogues,
		fields,
		municipalities,
		recommendations: recommendations.map((r) => ({ id: r.id, title: r.title })),
		log,
		statuses: CONTRIBUTION_STATUSES,
		targetGroups: TARGET_GROUPS,
		languages: SPOKEN_LANGUAGES
	};
};

async function manage(event: Parameters<Actions[string]>[0]) {
	const { tenant } = await tenantFor(event, 'participation.manage');
	return { tenant, ctx: event.locals.ctx, form: await event.request.formData() };
}

export const actions: Actions = {
	offline: async (event) => {
		const { tenant, ctx, form } = await manage(event);
		const values = { ...formValues(form), offlineForm: '1' };
		const r = await runAction(values, () =>
			enterOfflineContributions(ctx, tenant.id, event.params.id, values)
		);
		if (!('count' in r)) return r;
		return { success: m.participation_offline_saved({ count: r.count }) };
	},
	publish: async (event) => {
		const { tenant, ctx, form } = await manage(event);
		const r = await runAction({}, () =>
			publishContribution(ctx, tenant.id, String(form.get('id') ?? ''))
		);
		return r ?? { success: m.participation_published() };
	},
	hide: async (event) => {
		const { tenant, ctx, form } = await manage(event);
		const id = String(form.get('id') ?? '');
		const r = await runAction({ hideId: id, reason: String(form.get('reason') ?? '') }, () =>
			hideContribution(ctx, tenant.id, id, form.get('reason'))
		);
		return r ?? { success: m.participation_hidden() };
	},
	merge: async (event) => {
		const { tenant, ctx, form } = await manage(event);
		const id = String(form.get('id') ?? '');
		const r = await runAction({ mergeId: id }, () =>
			mergeContribution(ctx, tenant.id, id, form.get('targetId'), form.get('reason'))
		);
		return r ?? { success: m.participation_merged() };
	},
	hideComment: async (event) => {
		const { tenant, ctx, form } = await manage(event);
		const r = await runAction({}, () =>
			hideComment(ctx, tenant.id, String(form.get('id') ?? ''), form.get('reason'))
		);
		return r ?? { success: m.participation_comment_hidden() };
	},
	link: async (event) => {
		const { tenant, ctx, form } = await manage(event);
		const r = await runAction({}, () =>
			linkContributions(
				ctx,
				tenant.id,
				String(form.get('recommendationId') ?? ''),
				form.getAll('contributionIds')
			)
		);
		if (typeof r !== 'number') return r;
		return { success: m.participation_linked({ count: r }) };
	}
};
