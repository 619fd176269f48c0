/**
 * The pages a public body must have, per tenant: Impressum (§ 5 DDG), Datenschutzerklärung
 * (Art. 13 GDPR) and Erklärung zur Barrierefreiheit (EU model statement, Implementing Decision
 * (EU) 2018/1523, BITV 2.0 § 7). The coordinator keeps the tenant's own texts in the tenant's
 * settings (`settings.legal`); what is not filled in gets a sound default built from what the
 * platform knows (name, contact, retention periods, the Land).
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantCtx } from '../context';
import { tenants, type LegalSettings } from './schema';
import { authorize } from '../auth/policy';
import { NotFoundError } from '../errors';
import { changeTenantSettings, getTenantSettings } from './settings';
import { isIsoDate, optionalText, parseOrThrow } from '../shared';
import { DEFAULT_RETENTION_DAYS } from '../inquiries/validation';

export const CONFORMITY = ['full', 'partial', 'none'] as const;
export type Conformity = (typeof CONFORMITY)[number];

/** Blank: the default applies (the key is removed). */
const legalText = (max: number) =>
	optionalText(max, 'legal_error_too_long')
		.optional()
		.transform((v) => v ?? undefined);

export const legalInput = z.object({
	imprint: legalText(10_000),
	controller: legalText(2_000),
	dataProtectionOfficer: legalText(2_000),
	privacyAddendum: legalText(10_000),
	conformity: z.enum(CONFORMITY, { error: 'legal_error_conformity' }),
	notAccessible: legalText(10_000),
	reviewedOn: z
		.string()
		.trim()
		.refine((v) => v === '' || isIsoDate(v), { error: 'legal_error_date' })
		.transform((v) => (v === '' ? undefined : v))
		.optional(),
	enforcementBody: legalText(2_000)
});

/**
 * The supervisory authority for data protection of a Land's public bodies (Art. 77 GDPR), for the
 * Länder of the demo networks; elsewhere the statement names the authority generically.
 */
const SUPERVISORY_AUTHORITY: Record<string, string> = {
	BY: 'Der Bayerische Landesbeauftragte für den Datenschutz',
	NI: 'Die Landesbeauftragte für den Datenschutz Niedersachsen',
	NW: 'Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen'
};

/** What the public legal pages of a tenant show. */
export interface PublicLegal {
	tenant: { name: string; slug: string; kind: string; land: string };
	contactEmail: string | null;
	legal: LegalSettings & { conformity: Conformity };
	/** Days after which a closed citizen's message loses its personal data. */
	inquiryRetentionDays: number;
	/** null: not known for this Land; the page names the authority generically. */
	supervisoryAuthority: string | null;
}

function withDefaults(
	legal: LegalSettings | undefined
): LegalSettings & { conformity: Conformity } {
	return { conformity: 'partial', ...legal };
}

/** The legal pages' content for a public tenant (anyone may read it). */
export async function publicLegal(ctx: TenantCtx): Promise<PublicLegal> {
	const [row] = await ctx.db
		.select({ settings: tenants.settings })
		.from(tenants)
		.where(eq(tenants.id, ctx.tenant.id));
	if (!row) throw new NotFoundError();
	const { name, slug, kind, land } = ctx.tenant;
	return {
		tenant: { name, slug, kind, land },
		contactEmail: row.settings.publicContactEmail ?? null,
		legal: withDefaults(row.settings.legal),
		inquiryRetentionDays: row.settings.inquiryRetentionDays ?? DEFAULT_RETENTION_DAYS,
		supervisoryAuthority: SUPERVISORY_AUTHORITY[land] ?? null
	};
}

/** The coordinator's form: the tenant's own legal texts (blank where the default applies). */
export async function getLegalSettings(
	ctx: TenantCtx
): Promise<LegalSettings & { conformity: Conformity }> {
	// authorises like the settings page: the legal texts are part of the tenant's settings
	return withDefaults((await getTenantSettings(ctx)).legal);
}

/** A coordinator changes the tenant's Impressum, privacy and accessibility texts. */
export async function updateLegalSettings(ctx: TenantCtx, raw: unknown): Promise<LegalSettings> {
	authorize(ctx.actor, 'tenant.settings.edit', { tenantId: ctx.tenant.id });
	const parsed = parseOrThrow(legalInput, raw);
	const legal = Object.fromEntries(
		Object.entries(parsed).filter(([, v]) => v !== undefined)
	) as LegalSettings;
	await changeTenantSettings(ctx, 'tenant.legal_update', (current) => ({
		next: { ...current, legal },
		before: current.legal ?? {},
		after: legal
	}));
	return legal;
}
