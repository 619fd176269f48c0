/**
 * A network's logo in its public header (issue 13, item 9). PNG, JPEG or WebP up to 500 KB,
 * recognised by its bytes (the first bytes and `file-type`, shared/file-content.ts), never by the
 * name or the browser's claim; no SVG, which can carry scripts. Stored in the database like the
 * sign-language video (easy-read/video.ts) and served publicly at /<tenant>/logo?v=<hash>.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { parseOrThrow } from '../shared';
import { contentMatchesType } from '../shared/file-content';
import { detectImageType, LOGO_MAX_BYTES } from '../organizations/logos';
import { tenantLogos } from './schema';

export { LOGO_MAX_BYTES, LOGO_TYPES } from '../organizations/logos';
export const LOGO_ALT_MAX = 200;

const altInput = z.object({
	/** blank: the network's name */
	altText: z
		.string()
		.trim()
		.max(LOGO_ALT_MAX, { message: 'tenant_logo_error_alt_long' })
		.optional()
		.transform((v) => v || null)
});

function authorizeLogo(ctx: TenantCtx) {
	authorize(ctx.actor, 'tenant.settings.edit', { tenantId: ctx.tenant.id });
}

/**
 * A coordinator uploads (or replaces) the logo with its alternative text. Without a file the
 * alternative text of the present logo is changed.
 */
export async function uploadTenantLogo(
	ctx: TenantCtx,
	input: { content: Uint8Array; altText?: string }
): Promise<void> {
	authorizeLogo(ctx);
	const { altText } = parseOrThrow(altInput, { altText: input.altText });
	const bytes = input.content;
	const tenantId = ctx.tenant.id;
	if (bytes.byteLength === 0) {
		await ctx.db.transaction(async (tx) => {
			const done = await tx
				.update(tenantLogos)
				.set({ altText })
				.where(eq(tenantLogos.tenantId, tenantId))
				.returning({ sha256: tenantLogos.sha256 });
			if (done.length === 0) throw new ValidationError({ logo: 'tenant_logo_error_missing' });
			await recordAudit(tx, ctx, {
				tenantId,
				action: 'tenant.logo_upload',
				entityType: 'tenant',
				entityId: tenantId,
				after: { altText }
			});
		});
		return;
	}
	if (bytes.byteLength > LOGO_MAX_BYTES)
		throw new ValidationError({ logo: 'tenant_logo_error_too_large' });
	const mediaType = detectImageType(bytes);
	if (!mediaType || !(await contentMatchesType(mediaType, bytes)))
		throw new ValidationError({ logo: 'tenant_logo_error_type' });
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const row = {
		mediaType,
		size: bytes.byteLength,
		sha256,
		content: Buffer.from(bytes),
		altText,
		updatedAt: new Date()
	};
	await ctx.db.transaction(async (tx) => {
		await tx
			.insert(tenantLogos)
			.values({ tenantId, ...row })
			.onConflictDoUpdate({ target: tenantLogos.tenantId, set: row });
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'tenant.logo_upload',
			entityType: 'tenant',
			entityId: tenantId,
			after: { mediaType, size: bytes.byteLength, sha256, altText }
		});
	});
}

/** A coordinator removes the logo. */
export async function removeTenantLogo(ctx: TenantCtx, _input?: unknown): Promise<void> {
	authorizeLogo(ctx);
	const tenantId = ctx.tenant.id;
	await ctx.db.transaction(async (tx) => {
		const removed = await tx
			.delete(tenantLogos)
			.where(eq(tenantLogos.tenantId, tenantId))
			.returning({ sha256: tenantLogos.sha256 });
		if (removed.length === 0) return;
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'tenant.logo_remove',
			entityType: 'tenant',
			entityId: tenantId,
			before: removed[0],
			after: null
		});
	});
}

/** What the settings page shows of the logo (no bytes). */
export async function getTenantLogoInfo(
	ctx: TenantCtx
): Promise<{ sha256: string; altText: string | null; size: number } | null> {
	authorizeLogo(ctx);
	const [row] = await ctx.db
		.select({ sha256: tenantLogos.sha256, altText: tenantLogos.altText, size: tenantLogos.size })
		.from(tenantLogos)
		.where(eq(tenantLogos.tenantId, ctx.tenant.id));
	return row ?? null;
}

export interface PublicTenantLogo {
	mediaType: string;
	sha256: string;
	content: Uint8Array;
}

/** The public tenant's logo; NotFoundError when there is none. */
export async function publicTenantLogo(ctx: TenantCtx): Promise<PublicTenantLogo> {
	if (!ctx.tenant.isPublic) throw new NotFoundError();
	const [row] = await ctx.db
		.select({
			mediaType: tenantLogos.mediaType,
			sha256: tenantLogos.sha256,
			content: tenantLogos.content
		})
		.from(tenantLogos)
		.where(eq(tenantLogos.tenantId, ctx.tenant.id));
	if (!row) throw new NotFoundError();
	return { mediaType: row.mediaType, sha256: row.sha256, content: new Uint8Array(row.content) };
}

/** The logo's address; `v` changes with every upload, so the answer may be kept for a year. */
export function logoHref(slug: string, sha256: string): string {
	return `/${slug}/logo?v=${sha256.slice(0, 16)}`;
}

/**
 * The answer for the logo: its own type, never sniffed, no scripts even if opened directly; a
 * strong ETag (304 when it matches). Cached for a year when asked for with the current `v`,
 * otherwise revalidated each time.
 */
export function tenantLogoResponse(logo: PublicTenantLogo, request: Request): Response {
	const etag = `"${logo.sha256}"`;
	const version = new URL(request.url).searchParams.get('v');
	const headers: Record<string, string> = {
		'Content-Type': logo.mediaType,
		'X-Content-Type-Options': 'nosniff',
		'Content-Security-Policy': "default-src 'none'; sandbox",
		'Content-Disposition': `inline; filename="logo.${logo.mediaType.split('/')[1]}"`,
		'Cache-Control':
			version === logo.sha256.slice(0, 16)
				? 'public, max-age=31536000, immutable'
				: 'public, no-cache',
		ETag: etag
	};
	const ifNoneMatch = request.headers.get('if-none-match');
	if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag))
		return new Response(null, { status: 304, headers });
	return new Response(logo.content as BodyInit, {
		status: 200,
		headers: { ...headers, 'Content-Length': String(logo.content.byteLength) }
	});
}
