import type { LayoutServerLoad } from './$types';
import { publicLegal } from '$lib/server/tenants/legal';
import { publicLegalTexts } from '$lib/server/tenants/legal-translatable';
import { tenantCtx } from '$lib/server/http';

// Impressum, Datenschutzerklärung and Erklärung zur Barrierefreiheit of a public tenant; the
// network's own texts in the reader's language where translated (else German, with a note).
export const load: LayoutServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const legal = await publicLegal(ctx);
	return { legal, texts: await publicLegalTexts(ctx, legal.legal) };
};
