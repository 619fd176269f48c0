import type { Ctx } from '$lib/server/context';
import { workingEdition } from '$lib/server/concept/editions';
import { measureFormOptions } from '$lib/server/concept/views';

/** The goals of the working edition, for linking indicators. */
export async function goalOptions(ctx: Ctx, tenantId: string) {
	const edition = await workingEdition(ctx.db, tenantId);
	if (!edition) return [];
	return (await measureFormOptions(ctx.db, tenantId, edition.id, ctx.locale)).goals;
}
