import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { ValidationError } from '../errors';
import { enqueueMail } from '../mail/enqueue';
import type { Paper } from './schema';
import { loadVisiblePaper, loadWorkflow, paperRoles } from './access';
import { mayTransition, stateLabel, transitionKind, type WorkflowDefinition } from './workflow';
import { lockPaper, setState } from './paper-data';
import { currentBodyMembers, uniqueByEmail } from './recipients';
import { coordinatorsOf } from '../organizations/editors';
import { paperSubmittedMail } from './mail';
import { requireUuid } from '../shared';

/**
 * Moves a paper along a plain transition of the workflow graph (submit, withdraw, return to
 * draft …). Putting it on an agenda and recording results have their own use cases.
 */
export async function transitionPaper(
	ctx: TenantCtx,
	input: { paperId: string; to: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	const id = requireUuid(input.paperId);
	const { to } = input;
	const pc = await loadVisiblePaper(ctx.db, ctx.actor, tenantId, id);
	const actor = ctx.actor!;
	const def = await loadWorkflow(ctx.db, tenantId);
	if (typeof to !== 'string' || transitionKind(to) !== 'button')
		throw new ValidationError({ form: 'papers_error_transition' });
	const roles = paperRoles(actor, pc);
	if (!mayTransition(def, pc.paper.state, to, roles))
		throw new ValidationError({ form: 'papers_error_transition' });
	await ctx.db.transaction(async (tx) => {
		const before = await lockPaper(tx, tenantId, id);
		if (!mayTransition(def, before.state, to, roles))
			throw new ValidationError({ form: 'papers_error_transition' });
		const extra = to === 'submitted' ? { submittedAt: new Date(), submittedBy: actor.userId } : {};
		const after = await setState(tx, ctx, before, to, extra);
		if (to === 'submitted') await notifySubmitted(tx, ctx, after, def);
	});
}

/** Tells the coordinators and the addressed body's managers that a paper was submitted. */
async function notifySubmitted(
	tx: Executor,
	ctx: TenantCtx,
	paper: Paper,
	def: WorkflowDefinition
) {
	const people = uniqueByEmail([
		...(await coordinatorsOf(tx, paper.tenantId)),
		...(paper.addressedBodyId
			? await currentBodyMembers(tx, paper.addressedBodyId, ['speaker', 'deputy', 'moderator'])
			: [])
	]);
	for (const p of people) {
		await enqueueMail(
			tx,
			paper.tenantId,
			paperSubmittedMail({
				to: p.email,
				name: p.name,
				reference: paper.reference,
				title: paper.title,
				state: stateLabel(def, paper.state, p.locale),
				link: `${ctx.origin}/app/${ctx.tenant.slug}/vorlagen/${paper.id}`,
				locale: p.locale
			})
		);
	}
}
