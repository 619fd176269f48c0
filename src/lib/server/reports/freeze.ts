/** Freezing a status report: a version that never changes, filed as a paper with its PDF. */
import { eq, max } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { recordAudit } from '../audit/record';
import { filePaperInTx } from '../papers/create';
import { attachFileToPaperInTx } from '../papers/attachments';
import { statusReportVersions, statusReports } from './schema';
import { buildReportDocument, loadReport } from './views';
import { renderReportPdf, type ReportDocument } from './document';
import { berlinToday } from '../shared';

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
 * (addressed to the report's body) through the papers domain; each freeze attaches the
 * version's PDF to that paper.
 */
export async function freezeStatusReport(
	ctx: TenantCtx,
	input: { reportId: unknown }
): Promise<{ version: number; paperId: string }> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'report.manage', { tenantId });
	const actor = ctx.actor;
	const report = await loadReport(ctx.db, tenantId, input.reportId);
	const id = report.id;
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
		const text = documentToMarkdown(doc);
		const paperId =
			locked.paperId ??
			(
				await filePaperInTx(tx, ctx, {
					type: 'report',
					title: report.title,
					text,
					date: berlinToday(),
					addressedBodyId: report.bodyId,
					visibility: 'internal',
					origin: { statusReportId: id }
				})
			).id;
		// the version's PDF, attached to the paper, whose text becomes this version's
		await attachFileToPaperInTx(
			tx,
			ctx,
			paperId,
			{
				fileName: `sachstandsbericht-fassung-${version}.pdf`,
				mediaType: 'application/pdf',
				bytes: pdf,
				isPublic: false
			},
			{ position: version - 1, paperChanges: { text } }
		);
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
