/**
 * The action item form: what, who (a person of the tenant and/or an organisation), by when; its
 * check against the tenant, its audit view and its insert (used by the minutes' save too).
 */
import { z } from 'zod';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { recordAudit } from '../audit/record';
import {
	isTenantOrganization,
	isTenantPerson,
	organizationOptions,
	personOptions
} from '../bodies/lookups';
import { actionItems, type ActionItem } from './schema';
import { isIsoDate } from '../shared';
import { notifyActionItemAssigned } from './notify';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** YYYY-MM-DD that is a real calendar date. */
const isoDate = z.string().refine(isIsoDate, { error: 'minutes_error_due_invalid' });

export const actionItemInput = z.object({
	title: z
		.string({ error: 'minutes_error_action_title_required' })
		.trim()
		.min(1, { error: 'minutes_error_action_title_required' })
		.max(300, { error: 'minutes_error_too_long' }),
	description: z.preprocess(
		blank,
		z.string().trim().max(5000, { error: 'minutes_error_too_long' }).optional()
	),
	assigneeUserId: z.preprocess(
		blank,
		z.uuid({ error: 'minutes_error_assignee_invalid' }).optional()
	),
	assigneeOrganizationId: z.preprocess(
		blank,
		z.uuid({ error: 'minutes_error_organization_invalid' }).optional()
	),
	dueDate: z.preprocess(blank, isoDate.optional())
});
export type ActionItemData = z.output<typeof actionItemInput>;

/**
 * Validates an action item; errors are keyed by `prefix + field`. Checks that the person has a
 * role in the tenant and the organisation belongs to it (kept by it or taking part in it).
 */
export async function parseActionItem(
	db: Executor,
	tenantId: string,
	raw: Record<string, unknown>,
	prefix = ''
): Promise<{ data: ActionItemData | null; errors: Record<string, string> }> {
	const parsed = actionItemInput.safeParse(raw);
	const errors: Record<string, string> = {};
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const key = prefix + String(issue.path[0] ?? 'title');
			errors[key] ??= issue.message;
		}
		return { data: null, errors };
	}
	const data = parsed.data;
	if (
		data.assigneeUserId &&
		!(await isTenantPerson(db, tenantId, data.assigneeUserId, { withDisabled: true }))
	)
		errors[prefix + 'assigneeUserId'] = 'minutes_error_assignee_invalid';
	if (
		data.assigneeOrganizationId &&
		!(await isTenantOrganization(db, tenantId, data.assigneeOrganizationId))
	)
		errors[prefix + 'assigneeOrganizationId'] = 'minutes_error_organization_invalid';
	return { data: Object.keys(errors).length ? null : data, errors };
}

/** People and organisations to choose from when assigning an action item. */
export async function assigneeOptions(db: Executor, tenantId: string) {
	const [people, organizations] = await Promise.all([
		personOptions(db, tenantId),
		organizationOptions(db, tenantId)
	]);
	return { people, organizations };
}

/** What the audit log keeps of an action item. */
export function auditView(row: ActionItem) {
	return {
		name: row.title,
		description: row.description,
		assigneeUserId: row.assigneeUserId,
		assigneeOrganizationId: row.assigneeOrganizationId,
		dueDate: row.dueDate,
		state: row.state,
		meetingId: row.meetingId,
		agendaItemId: row.agendaItemId
	};
}

/** Inserts an action item in the caller's transaction (the minutes' save uses it too). */
export async function insertActionItem(
	tx: Executor,
	ctx: Ctx,
	target: {
		tenantId: string;
		bodyId: string;
		meetingId: string;
		agendaItemId: string | null;
	},
	data: ActionItemData
): Promise<ActionItem> {
	const [row] = await tx
		.insert(actionItems)
		.values({
			...target,
			title: data.title,
			description: data.description ?? null,
			assigneeUserId: data.assigneeUserId ?? null,
			assigneeOrganizationId: data.assigneeOrganizationId ?? null,
			dueDate: data.dueDate ?? null,
			createdBy: ctx.actor?.userId ?? null
		})
		.returning();
	await recordAudit(tx, ctx, {
		tenantId: target.tenantId,
		action: 'action_item.create',
		entityType: 'action_item',
		entityId: row.id,
		after: auditView(row)
	});
	await notifyActionItemAssigned(tx, ctx, row);
	return row;
}
