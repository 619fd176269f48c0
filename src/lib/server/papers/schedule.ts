import { and, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { can } from '../auth/policy';
import { ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { meetings } from '../meetings/schema';
import { appendAgendaItemInTx } from '../meetings/agenda-items';
import { consultations } from './schema';
import { scheduleInput } from './validation';
import { loadVisiblePaper, loadWorkflow, paperRoles } from './access';
import { mayTransition } from './workflow';
import { paperTypeLabel } from './types';
import { lockPaper, paperName, setState, touchPaper } from './paper-data';
import { parseOrThrow, requireUuid } from '../shared';

/**
 * Puts a paper on the agenda of a meeting: a consultation with its role and an agenda item at
 * the end of the agenda. Whoever plans a meeting of the addressed body may do it (coordinators:
 * any body's meeting), when the workflow allows "scheduled" from the paper's state (or the paper
 * is already on another agenda).
 */
export async function scheduleConsultation(
	ctx: TenantCtx,
	input: { paperId: unknown; meetingId?: unknown; role?: unknown }
): Promise<{ consultationId: string; agendaItemId: string }> {
	const tenantId = ctx.tenant.id;
	const paperId = requireUuid(input.paperId);
	const pc = await loadVisiblePaper(ctx.db, ctx.actor, tenantId, paperId);
	const actor = ctx.actor!;
	const parsed = parseOrThrow(scheduleInput, { meetingId: input.meetingId, role: input.role });
	const { meetingId, role } = parsed;
	const [meeting] = await ctx.db
		.select()
		.from(meetings)
		.where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, meetingId)));
	if (!meeting || !can(actor, 'meeting.manage', { tenantId, bodyId: meeting.bodyId }))
		throw new ValidationError({ meetingId: 'papers_error_meeting_required' });
	if (meeting.state === 'cancelled' || meeting.state === 'held')
		throw new ValidationError({ meetingId: 'papers_error_meeting_closed' });
	const def = await loadWorkflow(ctx.db, tenantId);
	const roles = paperRoles(actor, {
		...pc,
		consultingBodyIds: [...pc.consultingBodyIds, meeting.bodyId]
	});
	// only the coordinator puts a paper before another body than the one it is addressed to
	if (!roles.has('coordinator') && meeting.bodyId !== pc.paper.addressedBodyId)
		throw new ValidationError({ meetingId: 'papers_error_meeting_required' });
	const allowed = (state: string) =>
		state === 'scheduled'
			? roles.has('coordinator') || roles.has('addressee')
			: mayTransition(def, state, 'scheduled', roles);
	if (!allowed(pc.paper.state)) throw new ValidationError({ form: 'papers_error_transition' });

	return ctx.db.transaction(async (tx) => {
		const before = await lockPaper(tx, tenantId, paperId);
		if (!allowed(before.state)) throw new ValidationError({ form: 'papers_error_transition' });
		const [dup] = await tx
			.select({ id: consultations.id })
			.from(consultations)
			.where(and(eq(consultations.paperId, paperId), eq(consultations.meetingId, meetingId)));
		if (dup) throw new ValidationError({ meetingId: 'papers_error_already_scheduled' });
		const typeLabel = await paperTypeLabel(tx, tenantId, before.type);
		// the meetings domain locks the meeting (agenda changes queue up) and appends the item
		const item = await appendAgendaItemInTx(tx, tenantId, meetingId, {
			title: `${before.title} (${typeLabel} ${before.reference})`,
			description: null,
			isPublic: before.visibility === 'public'
		});
		const [consultation] = await tx
			.insert(consultations)
			.values({
				tenantId,
				paperId,
				meetingId,
				agendaItemId: item.id,
				bodyId: meeting.bodyId,
				role
			})
			.returning();
		if (before.state !== 'scheduled') await setState(tx, ctx, before, 'scheduled');
		else await touchPaper(tx, paperId);
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'consultation.create',
			entityType: 'consultation',
			entityId: consultation.id,
			after: {
				name: paperName(before),
				paperId,
				meetingId,
				agendaItemId: item.id,
				position: item.position,
				role
			}
		});
		return { consultationId: consultation.id, agendaItemId: item.id };
	});
}
