/** The network's logo: what may be uploaded, by whom, and how it is served. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDb } from '../db/testing/test-db';
import { tenantScenario } from '../db/testing/test-actors';
import { auditLog } from '../audit/schema';
import { NotFoundError, ValidationError } from '../errors';
import { resolveRequestTenant } from './resolve';
import {
	LOGO_MAX_BYTES,
	getTenantLogoInfo,
	publicTenantLogo,
	removeTenantLogo,
	tenantLogoResponse,
	uploadTenantLogo
} from './logo';

const database = useTestDb();

/** A real PNG: the demo logo drawn by scripts/demo-logos.mjs. */
const PNG = new Uint8Array(
	fs.readFileSync(path.resolve(import.meta.dirname, '../demo/assets/landshut-logo.png'))
);
const bytes = (text: string) => new TextEncoder().encode(text);
const SVG = bytes(
	'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><circle r="4"/></svg>'
);
/** HTML whose name and declared type would say PNG: nothing in it is a PNG. */
const HTML = bytes('<!doctype html><html><body><script>alert(document.cookie)</script></body>');

async function fieldError(promise: Promise<unknown>) {
	const error = await promise.catch((e) => e);
	expect(error).toBeInstanceOf(ValidationError);
	return (error as ValidationError).fieldErrors;
}

describe('tenant logo upload', () => {
	it('accepts a real PNG, shows it in the public header with its alt text, and audits it', async () => {
		const { db, tenant, ctxFor } = await tenantScenario(database.db);
		const coordinator = await ctxFor('coordinator');
		const visitor = await ctxFor('none');
		await expect(publicTenantLogo(visitor)).rejects.toThrow(NotFoundError);
		expect((await resolveRequestTenant(db, 'public', tenant.slug, null))?.logo).toBeNull();

		await uploadTenantLogo(coordinator, { content: PNG, altText: '' });
		const logo = await publicTenantLogo(visitor);
		expect(logo.mediaType).toBe('image/png');
		expect(Array.from(logo.content)).toEqual(Array.from(PNG));
		// without alt text the logo stands for the network's name
		const resolved = await resolveRequestTenant(db, 'public', tenant.slug, null);
		expect(resolved?.logo).toEqual({
			href: `/${tenant.slug}/logo?v=${logo.sha256.slice(0, 16)}`,
			alt: tenant.name
		});

		// without a new file only the alt text changes
		await uploadTenantLogo(coordinator, { content: new Uint8Array(), altText: ' Logo: Netz ' });
		expect((await resolveRequestTenant(db, 'public', tenant.slug, null))?.logo?.alt).toBe(
			'Logo: Netz'
		);
		expect(await getTenantLogoInfo(coordinator)).toMatchObject({ altText: 'Logo: Netz' });

		await removeTenantLogo(coordinator);
		await expect(publicTenantLogo(visitor)).rejects.toThrow(NotFoundError);
		const actions = await db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(and(eq(auditLog.entityId, tenant.id), eq(auditLog.tenantId, tenant.id)));
		expect(actions.map((a) => a.action).sort()).toEqual([
			'tenant.logo_remove',
			'tenant.logo_upload',
			'tenant.logo_upload'
		]);
	});

	it('refuses SVG, HTML disguised as PNG, a too large file, a missing file and a long alt text', async () => {
		const { ctxFor } = await tenantScenario(database.db);
		const coordinator = await ctxFor('coordinator');
		for (const content of [SVG, HTML, PNG.subarray(0, 4)]) {
			expect(await fieldError(uploadTenantLogo(coordinator, { content }))).toEqual({
				logo: 'tenant_logo_error_type'
			});
		}
		const huge = new Uint8Array(LOGO_MAX_BYTES + 1);
		huge.set(PNG);
		expect(await fieldError(uploadTenantLogo(coordinator, { content: huge }))).toEqual({
			logo: 'tenant_logo_error_too_large'
		});
		expect(await fieldError(uploadTenantLogo(coordinator, { content: new Uint8Array() }))).toEqual({
			logo: 'tenant_logo_error_missing'
		});
		expect(
			await fieldError(uploadTenantLogo(coordinator, { content: PNG, altText: 'x'.repeat(201) }))
		).toMatchObject({ altText: expect.any(String) });
		await expect(publicTenantLogo(await ctxFor('none'))).rejects.toThrow(NotFoundError);
	});

	it('only the tenant’s coordinator uploads or removes; a hidden tenant serves nothing', async () => {
		const { ctxFor } = await tenantScenario(database.db);
		// 'other' is the coordinator of another tenant
		for (const role of ['editor', 'member', 'none', 'other'] as const) {
			const ctx = await ctxFor(role);
			await expect(uploadTenantLogo(ctx, { content: PNG })).rejects.toThrow(NotFoundError);
			await expect(removeTenantLogo(ctx)).rejects.toThrow(NotFoundError);
		}
		await expect(publicTenantLogo(await ctxFor('none'))).rejects.toThrow(NotFoundError);
		const hidden = await tenantScenario(database.db, { isPublic: false });
		await uploadTenantLogo(await hidden.ctxFor('coordinator'), { content: PNG });
		await expect(publicTenantLogo(await hidden.ctxFor('none'))).rejects.toThrow(NotFoundError);
	});
});

describe('serving the logo', () => {
	const logo = { mediaType: 'image/png', sha256: 'a'.repeat(64), content: PNG };
	const request = (query = '', headers: Record<string, string> = {}) =>
		new Request(`http://localhost/x/logo${query}`, { headers });

	it('with its type, not sniffed, sandboxed; 304 for its ETag; kept long only for its version', async () => {
		const whole = tenantLogoResponse(logo, request(`?v=${'a'.repeat(16)}`));
		expect(whole.status).toBe(200);
		expect(whole.headers.get('content-type')).toBe('image/png');
		expect(whole.headers.get('x-content-type-options')).toBe('nosniff');
		expect(whole.headers.get('content-security-policy')).toContain('sandbox');
		expect(whole.headers.get('etag')).toBe(`"${'a'.repeat(64)}"`);
		expect(whole.headers.get('cache-control')).toContain('immutable');
		expect(new Uint8Array(await whole.arrayBuffer()).length).toBe(PNG.length);

		expect(tenantLogoResponse(logo, request('?v=old')).headers.get('cache-control')).toBe(
			'public, no-cache'
		);
		const again = tenantLogoResponse(logo, request('', { 'if-none-match': `"${'a'.repeat(64)}"` }));
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
		expect(tenantLogoResponse(logo, request('', { 'if-none-match': '"b"' })).status).toBe(200);
	});
});
