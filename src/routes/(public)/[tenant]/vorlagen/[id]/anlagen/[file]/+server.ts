import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { findPublicTenant } from '$lib/server/tenants/service';
import { orNotFound } from '$lib/server/http';
import { paperFileForDownload } from '$lib/server/papers/service';

/** An attachment of a public paper, always as download. */
export const GET: RequestHandler = async (event) => {
	const ctx = event.locals.ctx;
	const tenant = await findPublicTenant(ctx.db, event.params.tenant);
	if (!tenant) error(404, m.error_not_found());
	const file = await orNotFound(() =>
		paperFileForDownload(ctx, tenant.id, event.params.id, event.params.file, true)
	);
	return new Response(new Uint8Array(file.content), {
		headers: {
			'content-type': file.mediaType,
			'content-length': String(file.size),
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'public, max-age=300'
		}
	});
};
