import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantCtx } from '../context';
import { tenants, type TenantSettings } from './schema';
import { authorize } from '../auth/policy';
import { NotFoundError } from '../errors';
import { recordAudit } from '../audit/record';
import { DEFAULT_RETENTION_DAYS } from '../inquiries/validation';
import { parseOrThrow, optionalText } from '../shared';

/** Blank or missing: the setting is removed (its default applies). */
const optionalSetting = (max: number, key: string) =>
	optionalText(max, key)
		.optional()
		.transform((v) => v ?? undefined);

export const settingsInput = z.object({
	publicDescription: optionalSetting(5000, 'error_description_too_long'),
	publicContactEmail: z
		.string()
		.trim()
		.toLowerCase()
		.transform((v) => (v === '' ? undefined : v))
		.pipe(z.email({ error: 'error_email_invalid' }).optional())
		.optional(),
	offerConfirmationMonths: z.coerce
		.number({ error: 'error_months_invalid' })
		.int({ error: 'error_months_invalid' })
		.min(1, { error: 'error_months_invalid' })
		.max(24, { error: 'error_months_invalid' }),
	/** blank: the default (180 days) */
	inquiryRetentionDays: z.preprocess(
		(v) => (v === '' || v === null ? undefined : v),
		z.coerce
			.number({ error: 'inquiries_error_retention_invalid' })
			.int({ error: 'inquiries_error_retention_invalid' })
			.min(7, { error: 'inquiries_error_retention_invalid' })
			.max(3650, { error: 'inquiries_error_retention_invalid' })
			.optional()
	)
});

export const DEFAULT_OFFER_CONFIRMATION_MONTHS = 6;

/** The tenant's own settings with their defaults, for the settings page. */
export async function getTenantSettings(
	ctx: TenantCtx
): Promise<
	Required<Pick<TenantSettings, 'offerConfirmationMonths' | 'inquiryRetentionDays'>> &
		TenantSettings
> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'tenant.settings.edit', { tenantId });
	const [row] = await ctx.db
		.select({ settings: tenants.settings })
		.from(tenants)
		.where(eq(tenants.id, tenantId));
	if (!row) throw new NotFoundError();
	return {
		offerConfirmationMonths: DEFAULT_OFFER_CONFIRMATION_MONTHS,
		inquiryRetentionDays: DEFAULT_RETENTION_DAYS,
		...row.settings
	};
}

/** A coordinator changes the tenant's own settings. */
export async function updateTenantSettings(ctx: TenantCtx, raw: unknown): Promise<TenantSettings> {
	authorize(ctx.actor, 'tenant.settings.edit', { tenantId: ctx.tenant.id });
	const parsed = parseOrThrow(settingsInput, raw);
	return changeTenantSettings(ctx, 'tenant.settings_update', (current) => {
		const next: TenantSettings = { ...current };
		for (const [key, value] of Object.entries(parsed) as [keyof TenantSettings, never][]) {
			if (value === undefined) delete next[key];
			else next[key] = value;
		}
		return { next, before: current, after: next };
	});
}

/**
 * Writes the tenant's settings in one transaction with their audit entry (the caller has
 * authorised and validated): `change` gets the current settings (row locked) and returns the new
 * ones and what the audit log records of the change.
 */
export async function changeTenantSettings(
	ctx: TenantCtx,
	action: string,
	change: (current: TenantSettings) => { next: TenantSettings; before: unknown; after: unknown }
): Promise<TenantSettings> {
	const tenantId = ctx.tenant.id;
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).for('update');
		if (!row) throw new NotFoundError();
		const { next, before, after } = change(row.settings);
		await tx
			.update(tenants)
			.set({ settings: next, updatedAt: new Date() })
			.where(eq(tenants.id, tenantId));
		await recordAudit(tx, ctx, {
			tenantId,
			action,
			entityType: 'tenant',
			entityId: tenantId,
			before,
			after
		});
		return next;
	});
}
