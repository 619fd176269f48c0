import type { PageServerLoad } from './$types';
import { orNotFound, tenantCtx } from '$lib/server/http';
import { publicEasyRead } from '$lib/server/easy-read/page';
import { easyReadBlocks } from '$lib/server/easy-read/default-text';

// Server-rendered only: the page needs no JavaScript (Vorlesen is static/read-aloud.js).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const page = await orNotFound(() => publicEasyRead(ctx));
	return {
		tenant: page.tenant,
		blocks: easyReadBlocks(page.text),
		video: page.video,
		locale: ctx.locale
	};
};
