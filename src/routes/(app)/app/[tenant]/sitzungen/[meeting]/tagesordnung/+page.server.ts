import type { PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { orNotFound } from '$lib/server/http';
import { agendaDocument } from '$lib/server/minutes/print';
import { renderHtml } from '$lib/server/documents/html';

export const load: PageServerLoad = async (event) => {
	requireActor(event);
	const ctx = event.locals.ctx;
	const tenant = await orNotFound(() => getTenantForActor(ctx, event.params.tenant));
	const doc = await orNotFound(() => agendaDocument(ctx, tenant.id, event.params.meeting));
	return { tenant, title: doc.model.title, html: renderHtml(doc.model) };
};
