/** Templates (Textbausteine) for frequent answers to citizens' messages. */
import { and, asc, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { NotFoundError } from '../errors';
import { recordAudit } from '../audit/record';
import { parseOrThrow, isUuid, requireUuid } from '../shared';
import { inquiryTemplates } from './schema';
import { templateInput } from './validation';

export interface TemplateView {
	id: string;
	title: string;
	body: string;
}

export async function listTemplates(ctx: TenantCtx): Promise<TemplateView[]> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	return ctx.db
		.select({ id: inquiryTemplates.id, title: inquiryTemplates.title, body: inquiryTemplates.body })
		.from(inquiryTemplates)
		.where(eq(inquiryTemplates.tenantId, tenantId))
		.orderBy(asc(inquiryTemplates.title));
}

/** A new template, or a change of one (`id` set). */
export async function saveTemplate(
	ctx: TenantCtx,
	input: { id?: unknown; title?: unknown; body?: unknown }
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	const id = typeof input.id === 'string' && input.id !== '' ? input.id : null;
	const parsed = parseOrThrow(templateInput, input);
	if (id !== null && !isUuid(id)) throw new NotFoundError();
	return ctx.db.transaction(async (tx) => {
		let row;
		if (id) {
			[row] = await tx
				.update(inquiryTemplates)
				.set({ ...parsed, updatedAt: new Date() })
				.where(and(eq(inquiryTemplates.tenantId, tenantId), eq(inquiryTemplates.id, id)))
				.returning();
			if (!row) throw new NotFoundError();
		} else {
			[row] = await tx
				.insert(inquiryTemplates)
				.values({ tenantId, ...parsed })
				.returning();
		}
		await recordAudit(tx, ctx, {
			tenantId,
			action: id ? 'inquiry_template.update' : 'inquiry_template.create',
			entityType: 'inquiry_template',
			entityId: row.id,
			after: { name: row.title, body: row.body }
		});
		return { id: row.id };
	});
}

export async function deleteTemplate(ctx: TenantCtx, input: { id?: unknown }): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'inquiries.manage', { tenantId });
	const id = requireUuid(input.id);
	await ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.delete(inquiryTemplates)
			.where(and(eq(inquiryTemplates.tenantId, tenantId), eq(inquiryTemplates.id, id)))
			.returning();
		if (!row) throw new NotFoundError();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'inquiry_template.delete',
			entityType: 'inquiry_template',
			entityId: id,
			before: { name: row.title }
		});
	});
}
