import type { Ctx } from '../context';
import { authorize } from '../auth/policy';
import { NotFoundError } from '../errors';
import { berlinDate } from '../transfer/time';
import { conceptDocument, renderHtml, renderPdf } from './export';
import { conceptTree, editionForPage, publicConcept } from './views';
import { indicatorViews } from './indicators';

function fileName(title: string, ext: string) {
	const base = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 80);
	return `${base || 'integrationskonzept'}.${ext}`;
}

async function respond(
	doc: ReturnType<typeof conceptDocument>,
	format: 'html' | 'pdf'
): Promise<Response> {
	if (format === 'html')
		return new Response(renderHtml(doc), {
			headers: {
				'content-type': 'text/html; charset=utf-8',
				'content-disposition': `attachment; filename="${fileName(doc.title, 'html')}"`
			}
		});
	const pdf = await renderPdf(doc);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${fileName(doc.title, 'pdf')}"`
		}
	});
}

/** The signed-in export: any edition, internal and proposed measures included (and marked). */
export async function internalExport(
	ctx: Ctx,
	tenant: { id: string; name: string },
	editionId: string | null,
	format: 'html' | 'pdf'
): Promise<Response> {
	authorize(ctx.actor, 'concept.view', { tenantId: tenant.id });
	const edition = await editionForPage(ctx, tenant.id, editionId);
	if (!edition) throw new NotFoundError();
	const today = berlinDate(new Date());
	const [tree, indicators] = await Promise.all([
		conceptTree(ctx.db, tenant.id, edition, ctx.locale, today),
		indicatorViews(ctx.db, tenant.id)
	]);
	return respond(
		conceptDocument(tree, indicators, {
			tenantName: tenant.name,
			locale: ctx.locale,
			internal: true,
			generatedOn: today
		}),
		format
	);
}

/** The public export: the adopted edition without internal and proposed measures. */
export async function publicExport(
	ctx: Ctx,
	tenant: { id: string; name: string },
	format: 'html' | 'pdf'
): Promise<Response> {
	const today = berlinDate(new Date());
	const concept = await publicConcept(ctx.db, tenant.id, ctx.locale, today);
	if (!concept) throw new NotFoundError();
	return respond(
		conceptDocument(concept.tree, concept.indicators, {
			tenantName: tenant.name,
			locale: ctx.locale,
			internal: false,
			generatedOn: today
		}),
		format
	);
}
