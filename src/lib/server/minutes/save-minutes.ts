/**
 * Saving the minutes: general remarks, per agenda item notes and decision, and new action items.
 * Only none/draft/shared can be edited (./access.ts); the states: ./minutes-states.ts.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantCtx } from '../context';
import { agendaItems, meetings } from '../meetings/schema';
import { ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { insertActionItem, parseActionItem, type ActionItemData } from './action-item-input';
import { isEditable, loadMinutesToManage, lockEditableMeeting } from './access';
import { loadAgendaItems } from './minutes';

const MAX_TEXT = 20_000;
const text = z.string().max(MAX_TEXT, { error: 'minutes_error_too_long' });

const ACTION_FIELDS = [
	'title',
	'description',
	'assigneeUserId',
	'assigneeOrganizationId',
	'dueDate'
];

/**
 * Saves the minutes from the form: `intro`, and per agenda item `notes_<id>`, `decision_<id>`
 * and optionally a new action item `action_<id>_<field>` (title, description, assigneeUserId,
 * assigneeOrganizationId, dueDate). Fields not sent stay as they are. The first save turns
 * "none" into "draft". Refused after approval.
 */
export async function saveMinutes(
	ctx: TenantCtx,
	input: { meetingId: string } & Record<string, unknown>
): Promise<{ actionItemsCreated: number }> {
	const tenantId = ctx.tenant.id;
	const { meetingId, ...raw } = input;
	const { meeting: current, body } = await loadMinutesToManage(ctx, tenantId, meetingId);
	if (current.state === 'cancelled') throw new ValidationError({ form: 'minutes_error_cancelled' });
	if (!isEditable(current)) throw new ValidationError({ form: 'minutes_error_locked' });
	const items = await loadAgendaItems(ctx.db, tenantId, current.id);
	const errors: Record<string, string> = {};
	const str = (key: string): string | undefined => {
		const v = raw[key];
		if (v === undefined || v === null) return undefined;
		const parsed = text.safeParse(String(v));
		if (!parsed.success) {
			errors[key] = 'minutes_error_too_long';
			return undefined;
		}
		return parsed.data.trim();
	};
	const intro = str('intro');
	const changes: { item: (typeof items)[number]; notes?: string; decision?: string }[] = [];
	const newActions: { itemId: string; data: ActionItemData }[] = [];
	for (const item of items) {
		const notes = str(`notes_${item.id}`);
		const decision = str(`decision_${item.id}`);
		changes.push({ item, notes, decision });
		const prefix = `action_${item.id}_`;
		const actionRaw = Object.fromEntries(
			ACTION_FIELDS.map((f) => [f, typeof raw[prefix + f] === 'string' ? raw[prefix + f] : ''])
		);
		if (Object.values(actionRaw).some((v) => String(v).trim() !== '')) {
			const { data, errors: e } = await parseActionItem(ctx.db, tenantId, actionRaw, prefix);
			Object.assign(errors, e);
			if (data) newActions.push({ itemId: item.id, data });
		}
	}
	if (Object.keys(errors).length > 0) throw new ValidationError(errors);

	return ctx.db.transaction(async (tx) => {
		const meeting = await lockEditableMeeting(tx, tenantId, meetingId);
		const before: Record<string, string | null> = {};
		const after: Record<string, string | null> = {};
		const nextState = meeting.minutesState === 'none' ? 'draft' : meeting.minutesState;
		const introValue = intro === undefined ? meeting.minutesIntro : intro || null;
		if (introValue !== meeting.minutesIntro) {
			before.intro = meeting.minutesIntro;
			after.intro = introValue;
		}
		await tx
			.update(meetings)
			.set({ minutesIntro: introValue, minutesState: nextState, updatedAt: new Date() })
			.where(eq(meetings.id, meeting.id));
		for (const { item, notes, decision } of changes) {
			const n = notes === undefined ? item.notes : notes || null;
			const d = decision === undefined ? item.decision : decision || null;
			if (n === item.notes && d === item.decision) continue;
			if (n !== item.notes) {
				before[`TOP ${item.number} notes`] = item.notes;
				after[`TOP ${item.number} notes`] = n;
			}
			if (d !== item.decision) {
				before[`TOP ${item.number} decision`] = item.decision;
				after[`TOP ${item.number} decision`] = d;
			}
			await tx
				.update(agendaItems)
				.set({ notes: n, decision: d, updatedAt: new Date() })
				.where(and(eq(agendaItems.tenantId, tenantId), eq(agendaItems.id, item.id)));
		}
		if (Object.keys(after).length > 0 || nextState !== meeting.minutesState) {
			await recordAudit(tx, ctx, {
				tenantId,
				action: 'minutes.update',
				entityType: 'minutes',
				entityId: meeting.id,
				before: { name: meeting.title, state: meeting.minutesState, ...before },
				after: { name: meeting.title, state: nextState, ...after }
			});
		}
		for (const a of newActions) {
			await insertActionItem(
				tx,
				ctx,
				{ tenantId, bodyId: body.id, meetingId: meeting.id, agendaItemId: a.itemId },
				a.data
			);
		}
		return { actionItemsCreated: newActions.length };
	});
}
