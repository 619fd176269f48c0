import type { PageServerLoad } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { agendaDocument } from '$lib/server/minutes/print';
import { renderHtml } from '$lib/server/documents/html';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const doc = await orNotFound(() => agendaDocument(ctx, ctx.tenant.id, event.params.meeting));
	return { tenant: ctx.tenant, title: doc.model.title, html: renderHtml(doc.model) };
};
