/**
 * Organisation logos: PNG, JPEG or WebP up to 500 KB, recognised by their content (not by the
 * name or the browser's claim). No SVG: an SVG can carry scripts.
 */
import { eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { organizationLogos } from './schema';
import { findOrganization } from './queries';
import { requireUuid } from '../shared';

export const LOGO_MAX_BYTES = 500 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/** The image type from the file's first bytes, or null if it is none of the allowed ones. */
export function detectImageType(bytes: Uint8Array): LogoType | null {
	const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
	if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
	return null;
}

export interface Logo {
	contentType: string;
	content: Uint8Array;
	updatedAt: Date;
}

/** Stores (or replaces) the logo. `bytes` is the uploaded file; empty means none was chosen. */
export async function uploadLogo(
	ctx: TenantCtx,
	input: { organizationId: string; bytes: Uint8Array }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	const { organizationId, bytes } = input;
	authorize(ctx.actor, 'organization.edit', { tenantId, organizationId });
	requireUuid(organizationId);
	if (bytes.byteLength === 0) throw new ValidationError({ logo: 'org_error_logo_missing' });
	if (bytes.byteLength > LOGO_MAX_BYTES)
		throw new ValidationError({ logo: 'org_error_logo_too_large' });
	const contentType = detectImageType(bytes);
	if (!contentType) throw new ValidationError({ logo: 'org_error_logo_type' });
	await ctx.db.transaction(async (tx) => {
		await findOrganization(tx, tenantId, organizationId);
		const [before] = await tx
			.select({ contentType: organizationLogos.contentType })
			.from(organizationLogos)
			.where(eq(organizationLogos.organizationId, organizationId));
		const content = Buffer.from(bytes);
		await tx
			.insert(organizationLogos)
			.values({ organizationId, contentType, content })
			.onConflictDoUpdate({
				target: organizationLogos.organizationId,
				set: { contentType, content, updatedAt: new Date() }
			});
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'organization.logo_update',
			entityType: 'organization',
			entityId: organizationId,
			before: before ?? null,
			after: { contentType, bytes: bytes.byteLength }
		});
	});
}

export async function removeLogo(ctx: TenantCtx, input: { organizationId: string }): Promise<void> {
	const tenantId = ctx.tenant.id;
	const { organizationId } = input;
	authorize(ctx.actor, 'organization.edit', { tenantId, organizationId });
	requireUuid(organizationId);
	await ctx.db.transaction(async (tx) => {
		await findOrganization(tx, tenantId, organizationId);
		const removed = await tx
			.delete(organizationLogos)
			.where(eq(organizationLogos.organizationId, organizationId))
			.returning({ contentType: organizationLogos.contentType });
		if (removed.length === 0) return;
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'organization.logo_remove',
			entityType: 'organization',
			entityId: organizationId,
			before: removed[0],
			after: null
		});
	});
}

async function readLogo(db: Executor, organizationId: string): Promise<Logo | null> {
	const [row] = await db
		.select()
		.from(organizationLogos)
		.where(eq(organizationLogos.organizationId, organizationId));
	if (!row) return null;
	return {
		contentType: row.contentType,
		content: new Uint8Array(row.content),
		updatedAt: row.updatedAt
	};
}

/** The logo for the signed-in area. */
export async function getLogo(ctx: TenantCtx, input: { organizationId: string }): Promise<Logo> {
	const tenantId = ctx.tenant.id;
	const { organizationId } = input;
	authorize(ctx.actor, 'organization.view', { tenantId });
	requireUuid(organizationId);
	await findOrganization(ctx.db, tenantId, organizationId);
	const logo = await readLogo(ctx.db, organizationId);
	if (!logo) throw new NotFoundError();
	return logo;
}

/** The logo of a public organisation, for public pages (null when hidden or missing). */
export async function publicLogo(
	db: Executor,
	tenantId: string,
	organizationId: string
): Promise<Logo | null> {
	try {
		requireUuid(organizationId);
		const org = await findOrganization(db, tenantId, organizationId);
		if (!org.isPublic) return null;
	} catch (e) {
		if (e instanceof NotFoundError) return null;
		throw e;
	}
	return readLogo(db, organizationId);
}

/**
 * The HTTP answer for a logo: its own type, never sniffed, shown inline only because it is one
 * of the allowed image types; no scripts even if opened directly.
 */
export function logoResponse(logo: Logo, cacheControl = 'private, max-age=300'): Response {
	const allowed = (LOGO_TYPES as readonly string[]).includes(logo.contentType);
	const ext = logo.contentType.split('/')[1];
	return new Response(logo.content as BodyInit, {
		headers: {
			'Content-Type': allowed ? logo.contentType : 'application/octet-stream',
			'Content-Length': String(logo.content.byteLength),
			'X-Content-Type-Options': 'nosniff',
			'Content-Disposition': allowed ? `inline; filename="logo.${ext}"` : 'attachment',
			'Content-Security-Policy': "default-src 'none'; sandbox",
			'Cache-Control': cacheControl,
			'Last-Modified': logo.updatedAt.toUTCString()
		}
	});
}
