import type { Actions, PageServerLoad } from './$types';
import { error, redirect, type Cookies } from '@sveltejs/kit';
import { findPublicTenant } from '$lib/server/tenants/service';
import { getPublicProcess } from '$lib/server/participation/processes';
import { listDialogues } from '$lib/server/participation/dialogues';
import {
	commentOnContribution,
	listContributions,
	myContributions,
	submitContribution,
	supportContribution,
	supporterKey,
	trackPath
} from '$lib/server/participation/contributions';
import { groupByField, listRecommendations } from '$lib/server/participation/recommendations';
import { fieldOptions, municipalityOptions } from '$lib/server/needs/views';
import { issueChallenge, POW_DIFFICULTY } from '$lib/server/inquiries/spam';
import { newToken } from '$lib/server/auth/tokens';
import { SPOKEN_LANGUAGES, TARGET_GROUPS } from '$lib/server/offers/vocabulary';
import { orNotFound } from '$lib/server/http';
import { runPublicAction } from '$lib/server/participation/routes';
import { formValues, rawValues } from '$lib/server/participation/forms';
import { m } from '$lib/paraglide/messages';

/** A random id of the browser, so that one person supports a contribution only once. */
const PARTICIPANT_COOKIE = 'mt_participant';

async function tenantOf(locals: App.Locals, slug: string) {
	const tenant = await findPublicTenant(locals.ctx.db, slug);
	if (!tenant) error(404, m.error_not_found());
	return tenant;
}

function participant(cookies: Cookies, url: URL, create: boolean): string | undefined {
	let id = cookies.get(PARTICIPANT_COOKIE);
	if (!id && create) {
		id = newToken();
		cookies.set(PARTICIPANT_COOKIE, id, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: 365 * 24 * 3600
		});
	}
	return id;
}

export const load: PageServerLoad = async ({ locals, params, cookies, url }) => {
	const tenant = await tenantOf(locals, params.tenant);
	const { db, locale } = locals.ctx;
	const process = await orNotFound(() => getPublicProcess(db, tenant.id, params.id, locale));
	const key = supporterKey(locals.actor, participant(cookies, url, false));
	const [dialogues, items, recs, fields, municipalities, mine] = await Promise.all([
		listDialogues(db, tenant.id, process.id),
		listContributions(db, tenant.id, process.id, { staff: false, locale, supporterKey: key }),
		listRecommendations(db, tenant.id, process.id, locale),
		fieldOptions(db, tenant.id, locale),
		municipalityOptions(db, tenant.id),
		myContributions(locals.ctx, tenant.id, process.id)
	]);
	const processFields = process.fields.length > 0 ? process.fields : fields;
	return {
		tenant,
		process,
		dialogues,
		items,
		groups: groupByField(recs),
		fields: processFields,
		municipalities,
		mine,
		signedIn: !!locals.actor,
		challenge: issueChallenge(),
		difficulty: POW_DIFFICULTY,
		targetGroups: TARGET_GROUPS,
		languages: SPOKEN_LANGUAGES
	};
};

export const actions: Actions = {
	contribute: async ({ locals, params, request }) => {
		const tenant = await tenantOf(locals, params.tenant);
		const form = await request.formData();
		const values = { ...formValues(form), contributeForm: '1' };
		const r = await runPublicAction(values, () =>
			submitContribution(locals.ctx, tenant.id, params.id, rawValues(form))
		);
		if (!('status' in r) || typeof r.status !== 'string') return r;
		if (r.token) redirect(303, `${trackPath(tenant.slug, r.token)}?neu=1`);
		return { success: m.participation_contribution_published() };
	},
	support: async ({ locals, params, request, cookies, url }) => {
		const tenant = await tenantOf(locals, params.tenant);
		const form = await request.formData();
		const id = String(form.get('id') ?? '');
		const cookie = locals.actor ? undefined : participant(cookies, url, true);
		const r = await runPublicAction({}, () =>
			supportContribution(locals.ctx, tenant.id, id, cookie)
		);
		if (typeof r !== 'boolean') return r;
		return { success: r ? m.participation_supported() : m.participation_already_supported() };
	},
	comment: async ({ locals, params, request }) => {
		const tenant = await tenantOf(locals, params.tenant);
		const form = await request.formData();
		const id = String(form.get('id') ?? '');
		const values = { ...formValues(form), commentOn: id };
		const r = await runPublicAction(values, () =>
			commentOnContribution(locals.ctx, tenant.id, id, rawValues(form))
		);
		if (!('id' in r) || typeof r.id !== 'string') return r;
		return { success: m.participation_comment_published() };
	}
};
