import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { orNotFound, runAction } from '$lib/server/http';
import { updatePaper } from '$lib/server/papers/service';
import { getPaper, listPapers, paperFormOptions } from '$lib/server/papers/views';
import { paperFilter } from '$lib/server/papers/validation';
import { papersTenant } from '../../_shared/tenant.server';
import { keepValues } from '$lib/server/shared';

export const load: PageServerLoad = async (event) => {
	const tenant = await papersTenant(event);
	const ctx = event.locals.ctx;
	const view = await orNotFound(() => getPaper(ctx, tenant.id, event.params.id));
	if (!view.canEdit) error(404, m.error_not_found());
	const options = await paperFormOptions(ctx, tenant.id);
	const recent = await listPapers(ctx, tenant.id, paperFilter.parse({}));
	const p = view.paper;
	// the paper's own body stays selectable even for someone who could not pick it anew
	const originatingBodies = options.originatingBodies.some((b) => b.id === p.originatingBodyId)
		? options.originatingBodies
		: [...options.bodies.filter((b) => b.id === p.originatingBodyId), ...options.originatingBodies];
	return {
		tenant,
		...options,
		originatingBodies,
		canCreateWithoutBody: options.canCreateWithoutBody || !p.originatingBodyId,
		paper: { id: p.id, reference: p.reference, title: p.title },
		initial: {
			type: p.type,
			title: p.title,
			text: p.text,
			date: p.date,
			originatingBodyId: p.originatingBodyId ?? '',
			addressedBodyId: p.addressedBodyId ?? '',
			visibility: p.visibility,
			authorNames: view.authors
				.filter((a) => !a.userId)
				.map((a) => a.name)
				.join('\n'),
			parentPaperId: p.parentPaperId ?? ''
		},
		parents: recent.items
			.filter((r) => r.id !== p.id)
			.map((r) => ({ id: r.id, reference: r.reference, title: r.title }))
	};
};

export const actions: Actions = {
	save: async (event) => {
		const tenant = await papersTenant(event);
		const ctx = event.locals.ctx;
		const form = await event.request.formData();
		const values = keepValues(form);
		const result = await runAction(values, async () => {
			// authors with an account are kept as they are
			const view = await getPaper(ctx, tenant.id, event.params.id);
			const authorIds = view.authors.filter((a) => a.userId).map((a) => a.userId!);
			await updatePaper(ctx, tenant.id, event.params.id, { ...values, authorIds });
			return { ok: true as const };
		});
		if (!('ok' in result)) return result;
		redirect(303, `/app/${tenant.slug}/vorlagen/${event.params.id}?gespeichert=1`);
	}
};
