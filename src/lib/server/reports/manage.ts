/** A coordinator creates a status report and writes its introduction and remarks. */
import { and, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { bodies } from '../bodies/schema';
import { statusReports } from './schema';
import { notesInput, reportInput } from './input';
import { SECTION_PROVIDERS } from './sections';
import { loadReport } from './views';
import { parseOrThrow } from '../shared';

export async function createStatusReport(ctx: TenantCtx, raw: unknown): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'report.manage', { tenantId });
	const actor = ctx.actor;
	const parsed = parseOrThrow(reportInput, raw);
	const d = parsed;
	if (d.bodyId) {
		const [b] = await ctx.db
			.select({ id: bodies.id })
			.from(bodies)
			.where(and(eq(bodies.tenantId, tenantId), eq(bodies.id, d.bodyId)));
		if (!b) throw new ValidationError({ bodyId: 'papers_error_body_invalid' });
	}
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(statusReports)
			.values({
				tenantId,
				title: d.title,
				periodStart: d.periodStart,
				periodEnd: d.periodEnd,
				bodyId: d.bodyId ?? null,
				createdBy: actor.userId
			})
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'report.create',
			entityType: 'status_report',
			entityId: row.id,
			after: { name: row.title, periodStart: row.periodStart, periodEnd: row.periodEnd }
		});
		return { id: row.id };
	});
}

/** The coordinator's introduction and remarks per section. */
export async function saveReportNotes(
	ctx: TenantCtx,
	raw: { reportId: unknown; introduction?: unknown; remarks?: Record<string, unknown> }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'report.manage', { tenantId });
	const report = await loadReport(ctx.db, tenantId, raw.reportId);
	const keys = new Set(SECTION_PROVIDERS.map((p) => p.key));
	const remarks = Object.fromEntries(
		Object.entries(raw.remarks ?? {}).filter(([k]) => keys.has(k))
	);
	const parsed = parseOrThrow(notesInput, { introduction: raw.introduction ?? '', remarks });
	await ctx.db.transaction(async (tx) => {
		await tx
			.update(statusReports)
			.set({
				introduction: parsed.introduction,
				remarks: parsed.remarks,
				updatedAt: new Date()
			})
			.where(eq(statusReports.id, report.id));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'report.notes',
			entityType: 'status_report',
			entityId: report.id,
			after: { name: report.title }
		});
	});
}
