import type { RequestHandler } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { orNotFound } from '$lib/server/http';
import { fileResponse, getFileForMember } from '$lib/server/meetings/files';

/** An attachment of a meeting, for whoever may see the meeting's body. */
export const GET: RequestHandler = async (event) => {
	requireActor(event);
	const ctx = event.locals.ctx;
	const tenant = await orNotFound(() => getTenantForActor(ctx, event.params.tenant));
	const file = await orNotFound(() => getFileForMember(ctx, tenant.id, event.params.file));
	return fileResponse(file, event.request);
};
