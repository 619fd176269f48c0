/** A network's accent colour: the coordinator sets it (contrast-checked), nobody else may. */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDb } from '../db/testing/test-db';
import { tenantScenario } from '../db/testing/test-actors';
import { auditLog } from '../audit/schema';
import { tenants } from './schema';
import { NotFoundError, ValidationError } from '../errors';
import { updateTenantBranding } from './branding';

const database = useTestDb();

async function settingsOf(id: string) {
	const [row] = await database.db.select().from(tenants).where(eq(tenants.id, id));
	return row.settings;
}

describe('updateTenantBranding', () => {
	it('a coordinator saves a dark enough colour with an audit entry, and removes it again', async () => {
		const { tenant, ctxFor } = await tenantScenario(database.db, {
			settings: { publicContactEmail: 'a@b.example' }
		});
		const coordinator = await ctxFor('coordinator');
		await updateTenantBranding(coordinator, { accentColor: '#8A1C1C' });
		expect(await settingsOf(tenant.id)).toEqual({
			publicContactEmail: 'a@b.example',
			accentColor: '#8a1c1c'
		});
		const audit = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.tenantId, tenant.id), eq(auditLog.action, 'tenant.branding_update')));
		expect(audit).toHaveLength(1);
		await updateTenantBranding(coordinator, { accentColor: '' });
		expect(await settingsOf(tenant.id)).toEqual({ publicContactEmail: 'a@b.example' });
	});

	it('refuses a colour with too little contrast to white and keeps the old one', async () => {
		const { tenant, ctxFor } = await tenantScenario(database.db);
		const coordinator = await ctxFor('coordinator');
		await updateTenantBranding(coordinator, { accentColor: '#1f5130' });
		const error = await updateTenantBranding(coordinator, { accentColor: '#f5c400' }).catch(
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(ValidationError);
		expect((error as ValidationError).fieldErrors).toEqual({
			accentColor: 'brand_error_accent_contrast'
		});
		expect((await settingsOf(tenant.id)).accentColor).toBe('#1f5130');
	});

	it('only the tenant’s coordinators may change it', async () => {
		const { tenant, ctxFor } = await tenantScenario(database.db);
		for (const role of ['none', 'member', 'editor', 'steering', 'other'] as const) {
			await expect(
				updateTenantBranding(await ctxFor(role), { accentColor: '#1f5130' }),
				role
			).rejects.toBeInstanceOf(NotFoundError);
		}
		expect((await settingsOf(tenant.id)).accentColor).toBeUndefined();
	});
});
