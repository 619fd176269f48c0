/** Papers on the public site: public and no longer drafts. */
import { and, asc, count, desc, eq, ne } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { NotFoundError } from '../errors';
import { bodies } from '../bodies/schema';
import { files } from '../meetings/schema';
import { paperFiles, papers } from './schema';
import { isPublicPaper, loadPaperContext, loadWorkflow } from './access';
import { stateLabel } from './workflow';
import { renderMarkdown } from './markdown';
import { originBody, typeLabels } from './list-view';
import { PAPERS_PAGE_SIZE } from './validation';
import { consultationRows } from './consultation-rows';

/** Public papers of a tenant (not drafts), newest first. */
export async function listPublicPapers(ctx: TenantCtx, input: { page?: number } = {}) {
	const { db } = ctx;
	const tenantId = ctx.tenant.id;
	const page = input.page ?? 1;
	const def = await loadWorkflow(db, tenantId);
	const types = await typeLabels(db, tenantId, 'de');
	const where = and(
		eq(papers.tenantId, tenantId),
		eq(papers.visibility, 'public'),
		ne(papers.state, 'draft')
	);
	const [{ total }] = await db.select({ total: count() }).from(papers).where(where);
	const rows = await db
		.select({ paper: papers, origin: originBody.name })
		.from(papers)
		.leftJoin(originBody, eq(originBody.id, papers.originatingBodyId))
		.where(where)
		.orderBy(desc(papers.year), desc(papers.number))
		.limit(PAPERS_PAGE_SIZE)
		.offset((page - 1) * PAPERS_PAGE_SIZE);
	return {
		total,
		page,
		pageSize: PAPERS_PAGE_SIZE,
		items: rows.map((r) => ({
			id: r.paper.id,
			reference: r.paper.reference,
			title: r.paper.title,
			type: r.paper.type,
			typeLabel: types.get(r.paper.type) ?? r.paper.type,
			date: r.paper.date,
			state: r.paper.state,
			stateLabel: {
				de: stateLabel(def, r.paper.state, 'de'),
				en: stateLabel(def, r.paper.state, 'en')
			},
			originatingBody: r.origin
		}))
	};
}

/** A public paper with its public consultations and attachments; null when not public. */
export async function getPublicPaper(ctx: TenantCtx, input: { paperId: string }) {
	const { db, locale } = ctx;
	const tenantId = ctx.tenant.id;
	const id = input.paperId;
	const pc = await loadPaperContext(db, tenantId, id);
	if (!pc || !isPublicPaper(pc.paper)) throw new NotFoundError();
	const p = pc.paper;
	const def = await loadWorkflow(db, tenantId);
	const types = await typeLabels(db, tenantId, locale);
	const [origin] = p.originatingBodyId
		? await db
				.select({ name: bodies.name, visibility: bodies.visibility })
				.from(bodies)
				.where(eq(bodies.id, p.originatingBodyId))
		: [];
	const cons = await consultationRows(db, id);
	const attachments = await db
		.select({ id: files.id, fileName: files.fileName, size: files.size })
		.from(paperFiles)
		.innerJoin(files, eq(files.id, paperFiles.fileId))
		.where(eq(paperFiles.paperId, id))
		.orderBy(asc(paperFiles.position));
	return {
		id: p.id,
		reference: p.reference,
		title: p.title,
		typeLabel: types.get(p.type) ?? p.type,
		date: p.date,
		stateLabel: stateLabel(def, p.state, locale),
		textHtml: renderMarkdown(p.text),
		originatingBody: origin && origin.visibility === 'public' ? origin.name : null,
		consultations: cons
			.filter((c) => c.itemPublic !== false)
			.map((c) => ({
				id: c.c.id,
				startsAt: c.meeting.startsAt,
				bodyName: c.bodyVisibility === 'public' ? c.bodyName : null,
				role: c.c.role,
				resultLabel: c.c.result ? stateLabel(def, c.c.result, locale) : null,
				resultText: c.c.resultText
			})),
		attachments,
		updatedAt: p.updatedAt
	};
}
