/** The status reports of a tenant: the list, one report live and its frozen versions. */
import { and, asc, desc, eq, max } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize, can } from '../auth/policy';
import { NotFoundError } from '../errors';
import { bodies } from '../bodies/schema';
import { tenants } from '../tenants/schema';
import { papers } from '../papers/schema';
import { statusReportVersions, statusReports, type StatusReport } from './schema';
import { buildSections } from './sections';
import { formatDay } from './section-kit';
import { lastHalfYear } from './input';
import type { DocSection, ReportDocument } from './document';
import { requireUuid } from '../shared';

export async function loadReport(
	db: Executor,
	tenantId: string,
	reportId: unknown
): Promise<StatusReport> {
	const id = requireUuid(reportId);
	const [row] = await db
		.select()
		.from(statusReports)
		.where(and(eq(statusReports.tenantId, tenantId), eq(statusReports.id, id)));
	if (!row) throw new NotFoundError();
	return row;
}

/** The report built from live data now. */
export async function buildReportDocument(
	db: Executor,
	report: StatusReport
): Promise<ReportDocument> {
	const [t] = await db
		.select({ name: tenants.name })
		.from(tenants)
		.where(eq(tenants.id, report.tenantId));
	const [body] = report.bodyId
		? await db.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, report.bodyId))
		: [];
	const sections: DocSection[] = await buildSections(
		{ db, tenantId: report.tenantId, periodStart: report.periodStart, periodEnd: report.periodEnd },
		(report.remarks ?? {}) as Record<string, string>
	);
	return {
		title: report.title,
		subtitle:
			`${t?.name ?? ''} · Berichtszeitraum ${formatDay(report.periodStart)} bis ${formatDay(report.periodEnd)}` +
			(body ? ` · für ${body.name}` : ''),
		lang: 'de',
		generatedAt: new Date().toISOString(),
		introduction: report.introduction,
		sections
	};
}

export async function listStatusReports(ctx: TenantCtx) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'report.view', { tenantId });
	const rows = await ctx.db
		.select({
			id: statusReports.id,
			title: statusReports.title,
			periodStart: statusReports.periodStart,
			periodEnd: statusReports.periodEnd,
			state: statusReports.state,
			versions: max(statusReportVersions.version)
		})
		.from(statusReports)
		.leftJoin(statusReportVersions, eq(statusReportVersions.reportId, statusReports.id))
		.where(eq(statusReports.tenantId, tenantId))
		.groupBy(statusReports.id)
		.orderBy(desc(statusReports.periodEnd), desc(statusReports.createdAt));
	return rows.map((r) => ({ ...r, versions: r.versions ?? 0 }));
}

export async function getStatusReport(ctx: TenantCtx, input: { reportId: string }) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'report.view', { tenantId });
	const report = await loadReport(ctx.db, tenantId, input.reportId);
	const id = report.id;
	const versions = await ctx.db
		.select({
			id: statusReportVersions.id,
			version: statusReportVersions.version,
			frozenAt: statusReportVersions.frozenAt
		})
		.from(statusReportVersions)
		.where(eq(statusReportVersions.reportId, id))
		.orderBy(asc(statusReportVersions.version));
	const [paper] = report.paperId
		? await ctx.db
				.select({ id: papers.id, reference: papers.reference })
				.from(papers)
				.where(eq(papers.id, report.paperId))
		: [];
	return {
		report,
		canManage: can(ctx.actor, 'report.manage', { tenantId }),
		versions,
		paper: paper ?? null,
		live: await buildReportDocument(ctx.db, report)
	};
}

/** A frozen version's stored document; or the live one for version "live". */
export async function reportVersionDocument(
	ctx: TenantCtx,
	input: { reportId: string; version: string }
): Promise<ReportDocument> {
	const tenantId = ctx.tenant.id;
	const { version } = input;
	authorize(ctx.actor, 'report.view', { tenantId });
	const report = await loadReport(ctx.db, tenantId, input.reportId);
	const id = report.id;
	if (version === 'live') return buildReportDocument(ctx.db, report);
	const n = Number(version);
	if (!Number.isInteger(n) || n < 1) throw new NotFoundError();
	const [row] = await ctx.db
		.select({ content: statusReportVersions.content })
		.from(statusReportVersions)
		.where(and(eq(statusReportVersions.reportId, id), eq(statusReportVersions.version, n)));
	if (!row) throw new NotFoundError();
	return row.content as ReportDocument;
}

/** The reports page: the list and, for coordinators, the form's bodies and a suggestion. */
export async function getReportsPage(ctx: TenantCtx) {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'report.view', { tenantId });
	const canManage = can(ctx.actor, 'report.manage', { tenantId });
	const steering = canManage
		? await ctx.db
				.select({ id: bodies.id, name: bodies.name, kind: bodies.kind })
				.from(bodies)
				.where(eq(bodies.tenantId, tenantId))
				.orderBy(asc(bodies.name))
		: [];
	const half = lastHalfYear();
	return {
		reports: await listStatusReports(ctx),
		canManage,
		bodies: steering,
		suggestion: {
			title: `Sachstandsbericht ${half.label}`,
			periodStart: half.start,
			periodEnd: half.end,
			bodyId: steering.find((b) => b.kind === 'steering_group')?.id ?? ''
		}
	};
}
