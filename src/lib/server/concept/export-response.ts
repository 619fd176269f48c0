import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { NotFoundError } from '../errors';
import { berlinToday } from '../shared';
import type { DocModel } from '../documents/model';
import { renderHtmlPage } from '../documents/html';
import { renderPdf } from '../documents/pdf';
import { CHART_CSS, conceptDocument } from './export';
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

async function respond(doc: DocModel, format: 'html' | 'pdf'): Promise<Response> {
	if (format === 'html')
		return new Response(renderHtmlPage(doc, { css: CHART_CSS }), {
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
	ctx: TenantCtx,
	input: { editionId: string | null; format: 'html' | 'pdf' }
): Promise<Response> {
	const { tenant } = ctx;
	const { format } = input;
	authorize(ctx.actor, 'concept.view', { tenantId: tenant.id });
	const edition = await editionForPage(ctx, input);
	if (!edition) throw new NotFoundError();
	const today = berlinToday();
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
	ctx: TenantCtx,
	input: { format: 'html' | 'pdf' }
): Promise<Response> {
	const { tenant } = ctx;
	const { format } = input;
	const today = berlinToday();
	const concept = await publicConcept(ctx, { today });
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
