import { and, asc, desc, eq, max } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Ctx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { bodies } from '../bodies/schema';
import { tenants } from '../tenants/schema';
import { files } from '../meetings/schema';
import {
	paperAuthors,
	paperFiles,
	papers,
	statusReportVersions,
	statusReports,
	type StatusReport
} from '../papers/schema';
import { nextPaperNumber } from '../papers/service';
import { formatReference } from '../papers/validation';
import { buildSections, formatDay, SECTION_PROVIDERS } from './sections';
import { renderReportPdf, type DocSection, type ReportDocument } from './document';
import { fieldErrors, isUuid } from '../shared';

const isoDate = z
	.string({ error: 'papers_error_period' })
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'papers_error_period' })
	.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), { error: 'papers_error_period' });

export const reportInput = z
	.object({
		title: z
			.string({ error: 'papers_error_report_title' })
			.trim()
			.min(1, { error: 'papers_error_report_title' })
			.max(200, { error: 'papers_error_report_title' }),
		periodStart: isoDate,
		periodEnd: isoDate,
		bodyId: z.preprocess(
			(v) => (v === '' || v == null ? undefined : v),
			z.uuid({ error: 'papers_error_body_invalid' }).optional()
		)
	})
	.refine(
		(r) =>
			r.periodEnd >= r.periodStart &&
			Date.parse(r.periodEnd) - Date.parse(r.periodStart) <= 2 * 366 * 86_400_000,
		{ error: 'papers_error_period', path: ['periodEnd'] }
	);

const notesInput = z.object({
	introduction: z.string().max(20_000, { error: 'papers_error_remarks_too_long' }).default(''),
	remarks: z.record(z.string(), z.string().max(20_000, { error: 'papers_error_remarks_too_long' }))
});

/** The half-year before `today`: 1 Jan–30 Jun or 1 Jul–31 Dec of the last completed half. */
export function lastHalfYear(today = new Date()): { start: string; end: string; label: string } {
	const y = today.getUTCFullYear();
	if (today.getUTCMonth() < 6)
		return { start: `${y - 1}-07-01`, end: `${y - 1}-12-31`, label: `2. Halbjahr ${y - 1}` };
	return { start: `${y}-01-01`, end: `${y}-06-30`, label: `1. Halbjahr ${y}` };
}

async function loadReport(db: Executor, tenantId: string, id: string): Promise<StatusReport> {
	if (!isUuid(id)) throw new NotFoundError();
	const [row] = await db
		.select()
		.from(statusReports)
		.where(and(eq(statusReports.tenantId, tenantId), eq(statusReports.id, id)));
	if (!row) throw new NotFoundError();
	return row;
}

export async function createStatusReport(
	ctx: Ctx,
	tenantId: string,
	raw: unknown
): Promise<{ id: string }> {
	authorize(ctx.actor, 'report.manage', { tenantId });
	const actor = ctx.actor;
	const parsed = reportInput.safeParse(raw);
	if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
	const d = parsed.data;
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
	ctx: Ctx,
	tenantId: string,
	id: string,
	raw: { introduction?: unknown; remarks?: Record<string, unknown> }
): Promise<void> {
	authorize(ctx.actor, 'report.manage', { tenantId });
	const report = await loadReport(ctx.db, tenantId, id);
	const keys = new Set(SECTION_PROVIDERS.map((p) => p.key));
	const remarks = Object.fromEntries(
		Object.entries(raw.remarks ?? {}).filter(([k]) => keys.has(k))
	);
	const parsed = notesInput.safeParse({ introduction: raw.introduction ?? '', remarks });
	if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
	await ctx.db.transaction(async (tx) => {
		await tx
			.update(statusReports)
			.set({
				introduction: parsed.data.introduction,
				remarks: parsed.data.remarks,
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

export async function listStatusReports(ctx: Ctx, tenantId: string) {
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

export async function getStatusReport(ctx: Ctx, tenantId: string, id: string) {
	authorize(ctx.actor, 'report.view', { tenantId });
	const report = await loadReport(ctx.db, tenantId, id);
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
		versions,
		paper: paper ?? null,
		live: await buildReportDocument(ctx.db, report)
	};
}

/** A frozen version's stored document; or the live one for version "live". */
export async function reportVersionDocument(
	ctx: Ctx,
	tenantId: string,
	id: string,
	version: string
): Promise<ReportDocument> {
	authorize(ctx.actor, 'report.view', { tenantId });
	const report = await loadReport(ctx.db, tenantId, id);
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

function documentToMarkdown(doc: ReportDocument): string {
	const out: string[] = [doc.subtitle];
	if (doc.introduction.trim()) out.push('# Einleitung', doc.introduction.trim());
	for (const s of doc.sections) {
		out.push(`# ${s.title}`);
		for (const b of s.blocks) {
			if (b.kind === 'paragraph' || b.kind === 'note') out.push(b.text);
			else if (b.kind === 'list') out.push(b.items.map((i) => `- ${i}`).join('\n'));
			else if (b.kind === 'facts')
				out.push(b.items.map((i) => `- ${i.label}: ${i.value}`).join('\n'));
			else if (b.kind === 'table')
				out.push(`**${b.caption}**`, b.rows.map((r) => `- ${r.join(' · ')}`).join('\n'));
		}
		if (s.remarks?.trim()) out.push('## Anmerkungen', s.remarks.trim());
	}
	// the Markdown subset has no raw HTML: the generated text is escaped when rendered
	return out.join('\n\n');
}

/**
 * Freezes the report as it is now: a new version stores the rendered document (JSON), which
 * never changes afterwards. The first freeze files the report as a paper of type "report"
 * (addressed to the report's body); each freeze attaches the version's PDF to that paper.
 */
export async function freezeStatusReport(
	ctx: Ctx,
	tenantId: string,
	id: string
): Promise<{ version: number; paperId: string }> {
	authorize(ctx.actor, 'report.manage', { tenantId });
	const actor = ctx.actor;
	const report = await loadReport(ctx.db, tenantId, id);
	const doc = await buildReportDocument(ctx.db, report);
	const pdf = await renderReportPdf(doc);
	return ctx.db.transaction(async (tx) => {
		const [locked] = await tx
			.select()
			.from(statusReports)
			.where(eq(statusReports.id, id))
			.for('update');
		const [{ last }] = await tx
			.select({ last: max(statusReportVersions.version) })
			.from(statusReportVersions)
			.where(eq(statusReportVersions.reportId, id));
		const version = (last ?? 0) + 1;
		await tx.insert(statusReportVersions).values({
			tenantId,
			reportId: id,
			version,
			content: doc,
			frozenBy: actor.userId
		});
		const today = new Date().toISOString().slice(0, 10);
		let paperId = locked.paperId;
		const text = documentToMarkdown(doc);
		if (!paperId) {
			const year = Number(today.slice(0, 4));
			const number = await nextPaperNumber(tx, tenantId, year);
			const [paper] = await tx
				.insert(papers)
				.values({
					tenantId,
					number,
					year,
					reference: formatReference(number, year),
					type: 'report',
					title: report.title,
					text,
					date: today,
					addressedBodyId: report.bodyId,
					state: 'submitted',
					visibility: 'internal',
					submittedAt: new Date(),
					submittedBy: actor.userId,
					createdBy: actor.userId
				})
				.returning();
			await tx.insert(paperAuthors).values({ tenantId, paperId: paper.id, userId: actor.userId });
			await recordAudit(tx, ctx, {
				tenantId,
				action: 'paper.create',
				entityType: 'paper',
				entityId: paper.id,
				after: { name: `${paper.reference} ${paper.title}`, type: 'report', statusReportId: id }
			});
			paperId = paper.id;
		} else {
			await tx.update(papers).set({ text, updatedAt: new Date() }).where(eq(papers.id, paperId));
		}
		const [file] = await tx
			.insert(files)
			.values({
				tenantId,
				fileName: `sachstandsbericht-fassung-${version}.pdf`,
				mediaType: 'application/pdf',
				size: pdf.byteLength,
				sha256: createHash('sha256').update(pdf).digest('hex'),
				content: pdf,
				isPublic: false,
				uploadedBy: actor.userId
			})
			.returning({ id: files.id });
		await tx
			.insert(paperFiles)
			.values({ tenantId, paperId, fileId: file.id, position: version - 1 });
		await tx
			.update(statusReports)
			.set({ state: 'frozen', paperId, updatedAt: new Date() })
			.where(eq(statusReports.id, id));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'report.freeze',
			entityType: 'status_report',
			entityId: id,
			after: { name: report.title, version, paperId }
		});
		return { version, paperId };
	});
}
