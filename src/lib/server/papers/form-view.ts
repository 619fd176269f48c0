/** What the forms for writing and changing a paper offer. */
import type { TenantCtx } from '../context';
import { authorize, can } from '../auth/policy';
import { NotFoundError } from '../errors';
import { paperTypeOptions } from './types';
import { activeBodies, canCreatePapers, recentPapers } from './list-view';
import { getPaper } from './paper-view';

/** Bodies of the tenant as options, and those the actor may write papers for. */
export async function paperFormOptions(ctx: TenantCtx) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'body.view', { tenantId });
	const actor = ctx.actor;
	const allBodies = await activeBodies(ctx.db, tenantId);
	const isCoordinator = can(actor, 'paper.create', { tenantId });
	return {
		types: await paperTypeOptions(ctx.db, tenantId, ctx.locale),
		bodies: allBodies,
		originatingBodies: allBodies.filter(
			(b) => isCoordinator || can(actor, 'paper.create', { tenantId, bodyId: b.id })
		),
		/** may write papers without an originating body */
		canCreateWithoutBody: isCoordinator,
		canCreate: canCreatePapers(ctx, allBodies)
	};
}

/** The form for a new paper; 404 for someone who may not write papers. */
export async function getNewPaperForm(ctx: TenantCtx) {
	const options = await paperFormOptions(ctx);
	if (!options.canCreate) throw new NotFoundError();
	return { ...options, parents: await recentPapers(ctx) };
}

/** The form for changing a paper, filled in; 404 for someone who may not change it. */
export async function getPaperEditForm(ctx: TenantCtx, input: { paperId: string }) {
	const view = await getPaper(ctx, input);
	if (!view.canEdit) throw new NotFoundError();
	const options = await paperFormOptions(ctx);
	const p = view.paper;
	// the paper's own body stays selectable even for someone who could not pick it anew
	const originatingBodies = options.originatingBodies.some((b) => b.id === p.originatingBodyId)
		? options.originatingBodies
		: [...options.bodies.filter((b) => b.id === p.originatingBodyId), ...options.originatingBodies];
	return {
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
		parents: (await recentPapers(ctx)).filter((r) => r.id !== p.id)
	};
}

/** The authors with an account, kept as they are when the form is saved. */
export async function accountAuthorIds(ctx: TenantCtx, input: { paperId: string }) {
	const view = await getPaper(ctx, input);
	return view.authors.filter((a) => a.userId).map((a) => a.userId!);
}
