import { eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Executor } from '../db/client';
import { tenantLogos, tenants } from '../tenants/schema';
import landshutLogo from './assets/landshut-logo.png?inline';
import emmerichLogo from './assets/emmerich-logo.png?inline';

/**
 * The demo networks' logos in their public header (tenants/logo.ts): a roundel in the accent
 * colour with the initials, drawn by scripts/demo-logos.mjs (no coat of arms or third-party
 * mark). No alternative text: beside the name the logo says nothing more (alt="").
 */
export const DEMO_LOGOS: Record<string, string> = {
	landshut: landshutLogo,
	emmerich: emmerichLogo
};

/** The bytes of a `data:…;base64,` address as Vite's `?inline` gives it. */
function dataUrlBytes(url: string): Buffer {
	return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}

export async function seedLogos(db: Executor): Promise<void> {
	for (const [slug, url] of Object.entries(DEMO_LOGOS)) {
		const [tenant] = await db
			.select({ id: tenants.id })
			.from(tenants)
			.where(eq(tenants.slug, slug));
		if (!tenant) continue;
		const content = dataUrlBytes(url);
		await db
			.insert(tenantLogos)
			.values({
				tenantId: tenant.id,
				mediaType: 'image/png',
				size: content.byteLength,
				sha256: createHash('sha256').update(content).digest('hex'),
				content
			})
			.onConflictDoNothing();
	}
}
