import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { tenants } from '../tenants/schema';

/**
 * The demo networks' accent colours for their public header (tenants/branding.ts), each dark
 * enough for white text (WCAG AA, 4.5:1): Landshut's red and Emmerich's Rhine blue.
 */
export const DEMO_ACCENTS: Record<string, string> = {
	landshut: '#a51e22',
	emmerich: '#1d4f91'
};

export async function seedBranding(db: Executor): Promise<void> {
	for (const [slug, accentColor] of Object.entries(DEMO_ACCENTS)) {
		await db
			.update(tenants)
			.set({ settings: sql`${tenants.settings} || ${JSON.stringify({ accentColor })}::jsonb` })
			.where(sql`${tenants.slug} = ${slug}`);
	}
}
