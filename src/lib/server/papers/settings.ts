/** The tenant's paper settings: its workflow graph and its own paper types (coordinators). */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { BUILTIN_PAPER_TYPES, paperTypes, paperWorkflows } from './schema';
import { loadWorkflow } from './access';
import {
	DEFAULT_WORKFLOW,
	stateLabel,
	workflowDefinition,
	type WorkflowDefinition
} from './workflow';
import { paperTypeOptions } from './types';
import { parseOrThrow, nextPosition } from '../shared';

/** What the settings page shows. */
export async function getPaperSettings(ctx: TenantCtx) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'paper.manage', { tenantId });
	const workflow = await loadWorkflow(ctx.db, tenantId);
	const types = await paperTypeOptions(ctx.db, tenantId, ctx.locale);
	return {
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
}

/** The workflow form's input: the JSON text, or reset to the default. */
export function workflowFromForm(values: Record<string, unknown>): unknown | null {
	if (values.reset) return null;
	try {
		return JSON.parse(String(values.definition ?? ''));
	} catch {
		return {};
	}
}

/** Stores the tenant's workflow graph (coordinators); null restores the default. */
export async function saveWorkflow(ctx: TenantCtx, raw: unknown | null): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'paper.manage', { tenantId });
	let definition: WorkflowDefinition | null = null;
	if (raw !== null) {
		const parsed = workflowDefinition.safeParse(raw);
		if (!parsed.success) throw new ValidationError({ definition: 'papers_error_workflow_invalid' });
		definition = parsed.data;
	}
	await ctx.db.transaction(async (tx) => {
		const before = await loadWorkflow(tx, tenantId);
		if (definition === null)
			await tx.delete(paperWorkflows).where(eq(paperWorkflows.tenantId, tenantId));
		else
			await tx
				.insert(paperWorkflows)
				.values({ tenantId, definition })
				.onConflictDoUpdate({
					target: paperWorkflows.tenantId,
					set: { definition, updatedAt: new Date() }
				});
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'paper.workflow_change',
			entityType: 'tenant',
			entityId: tenantId,
			before: { name: 'workflow', transitions: before.transitions.length },
			after: { name: 'workflow', transitions: (definition ?? DEFAULT_WORKFLOW).transitions.length }
		});
	});
}

const typeInput = z.object({
	key: z
		.string({ error: 'papers_error_type_key' })
		.trim()
		.regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'papers_error_type_key' }),
	label: z
		.string({ error: 'papers_error_type_label' })
		.trim()
		.min(1, { error: 'papers_error_type_label' })
		.max(80, { error: 'papers_error_type_label' })
});

/** Adds a paper type of the tenant (e.g. "Stellungnahme"); keys never collide with built-ins. */
export async function addPaperType(ctx: TenantCtx, input: unknown): Promise<{ key: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'paper.manage', { tenantId });
	const { key, label } = parseOrThrow(typeInput, input);
	const [dup] = await ctx.db
		.select({ key: paperTypes.key })
		.from(paperTypes)
		.where(and(eq(paperTypes.tenantId, tenantId), eq(paperTypes.key, key)));
	if (dup || (BUILTIN_PAPER_TYPES as readonly string[]).includes(key))
		throw new ValidationError({ key: 'papers_error_type_exists' });
	await ctx.db.transaction(async (tx) => {
		const position = await nextPosition(tx, paperTypes.position, eq(paperTypes.tenantId, tenantId));
		await tx.insert(paperTypes).values({ tenantId, key, label, position });
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'paper.type_add',
			entityType: 'tenant',
			entityId: tenantId,
			after: { name: label, key }
		});
	});
	return { key };
}
