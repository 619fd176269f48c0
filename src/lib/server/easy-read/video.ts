/**
 * A network's sign-language (DGS) video for its Leichte Sprache page, with WebVTT captions.
 * The video must really be MP4 or WebM (checked from its bytes, shared/file-content.ts), the
 * captions must be WebVTT text. Served publicly from the app (range requests, see
 * `videoResponse`), never from another host.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { fileTypeFromBuffer } from 'file-type';
import { isPlainText } from '../shared/file-content';
import { signLanguageVideos } from './schema';

/** Below the server's default BODY_SIZE_LIMIT (6 MB, scripts/server.mjs). */
export const SIGN_VIDEO_MAX_BYTES = 5 * 1024 * 1024;
export const CAPTIONS_MAX_BYTES = 200 * 1024;
export const SIGN_VIDEO_TYPES = ['video/mp4', 'video/webm'] as const;

/** The type an upload is named as, from its file name (the bytes must agree). */
function typeFromName(fileName: string): string | null {
	const ext = fileName.toLowerCase().split('.').pop();
	if (ext === 'mp4' || ext === 'm4v') return 'video/mp4';
	if (ext === 'webm') return 'video/webm';
	return null;
}

/** What the bytes are (`file-type`, as shared/file-content.ts): MP4 (any brand) or WebM. */
async function videoTypeOf(bytes: Uint8Array): Promise<string | null> {
	const mime = (await fileTypeFromBuffer(bytes))?.mime;
	if (mime === 'video/mp4' || mime === 'video/x-m4v') return 'video/mp4';
	if (mime === 'video/webm') return 'video/webm';
	return null;
}

/** WebVTT: UTF-8 text starting with "WEBVTT" (after an optional byte order mark). */
export function isWebVtt(bytes: Uint8Array): boolean {
	if (!isPlainText(bytes)) return false;
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return false;
	}
	return /^\uFEFF?WEBVTT(?:[ \t][^\n]*)?(?:\r?\n|$)/.test(text);
}

function authorizeVideo(ctx: TenantCtx) {
	authorize(ctx.actor, 'tenant.settings.edit', { tenantId: ctx.tenant.id });
}

/** A coordinator uploads (or replaces) the video; the captions of an earlier video go with it. */
export async function uploadSignVideo(
	ctx: TenantCtx,
	input: { fileName: string; content: Uint8Array }
): Promise<void> {
	authorizeVideo(ctx);
	const bytes = input.content;
	if (bytes.byteLength === 0) throw new ValidationError({ video: 'easy_read_error_video_missing' });
	if (bytes.byteLength > SIGN_VIDEO_MAX_BYTES)
		throw new ValidationError({ video: 'easy_read_error_video_too_large' });
	const mediaType = typeFromName(input.fileName);
	if (!mediaType || (await videoTypeOf(bytes)) !== mediaType)
		throw new ValidationError({ video: 'easy_read_error_video_type' });
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const tenantId = ctx.tenant.id;
	const row = {
		mediaType,
		size: bytes.byteLength,
		sha256,
		content: Buffer.from(bytes),
		captions: null,
		updatedAt: new Date()
	};
	await ctx.db.transaction(async (tx) => {
		await tx
			.insert(signLanguageVideos)
			.values({ tenantId, ...row })
			.onConflictDoUpdate({ target: signLanguageVideos.tenantId, set: row });
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'tenant.sign_video_upload',
			entityType: 'tenant',
			entityId: tenantId,
			after: { mediaType, size: bytes.byteLength, sha256 }
		});
	});
}

/** A coordinator uploads the WebVTT captions of the tenant's video. */
export async function uploadCaptions(
	ctx: TenantCtx,
	input: { content: Uint8Array }
): Promise<void> {
	authorizeVideo(ctx);
	const bytes = input.content;
	if (bytes.byteLength === 0)
		throw new ValidationError({ captions: 'easy_read_error_captions_missing' });
	if (bytes.byteLength > CAPTIONS_MAX_BYTES)
		throw new ValidationError({ captions: 'easy_read_error_captions_too_large' });
	if (!isWebVtt(bytes)) throw new ValidationError({ captions: 'easy_read_error_captions_type' });
	const tenantId = ctx.tenant.id;
	await ctx.db.transaction(async (tx) => {
		const done = await tx
			.update(signLanguageVideos)
			.set({ captions: new TextDecoder().decode(bytes).replace(/^\uFEFF/, '') })
			.where(eq(signLanguageVideos.tenantId, tenantId))
			.returning({ tenantId: signLanguageVideos.tenantId });
		if (done.length === 0)
			throw new ValidationError({ captions: 'easy_read_error_captions_no_video' });
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'tenant.sign_video_captions',
			entityType: 'tenant',
			entityId: tenantId,
			after: { size: bytes.byteLength }
		});
	});
}

/** A coordinator removes the video (and its captions). */
export async function removeSignVideo(ctx: TenantCtx, _input?: unknown): Promise<void> {
	authorizeVideo(ctx);
	const tenantId = ctx.tenant.id;
	await ctx.db.transaction(async (tx) => {
		await tx.delete(signLanguageVideos).where(eq(signLanguageVideos.tenantId, tenantId));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'tenant.sign_video_remove',
			entityType: 'tenant',
			entityId: tenantId
		});
	});
}

export interface PublicSignVideo {
	mediaType: string;
	size: number;
	sha256: string;
	content: Uint8Array;
}

/** The public tenant's video; NotFoundError when there is none. */
export async function publicSignVideo(ctx: TenantCtx): Promise<PublicSignVideo> {
	if (!ctx.tenant.isPublic) throw new NotFoundError();
	const [row] = await ctx.db
		.select()
		.from(signLanguageVideos)
		.where(eq(signLanguageVideos.tenantId, ctx.tenant.id));
	if (!row) throw new NotFoundError();
	return {
		mediaType: row.mediaType,
		size: row.size,
		sha256: row.sha256,
		content: new Uint8Array(row.content)
	};
}

/** The public tenant's captions (WebVTT text); NotFoundError when there are none. */
export async function publicCaptions(ctx: TenantCtx): Promise<string> {
	if (!ctx.tenant.isPublic) throw new NotFoundError();
	const [row] = await ctx.db
		.select({ captions: signLanguageVideos.captions })
		.from(signLanguageVideos)
		.where(eq(signLanguageVideos.tenantId, ctx.tenant.id));
	if (!row?.captions) throw new NotFoundError();
	return row.captions;
}

/** One byte range of a `Range: bytes=…` header (RFC 9110 § 14), or null for the whole file. */
export function byteRange(
	header: string | null,
	size: number
): { start: number; end: number } | 'unsatisfiable' | null {
	if (!header) return null;
	const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!match || (match[1] === '' && match[2] === '')) return null; // several ranges: whole file
	if (match[1] === '') {
		const suffix = Number(match[2]);
		if (suffix === 0) return 'unsatisfiable';
		return { start: Math.max(0, size - suffix), end: size - 1 };
	}
	const start = Number(match[1]);
	const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
	if (start >= size || end < start) return 'unsatisfiable';
	return { start, end };
}

const VIDEO_HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	'Content-Security-Policy': "sandbox; default-src 'none'",
	'Cache-Control': 'public, no-cache',
	'Accept-Ranges': 'bytes'
};

/** The answer for the video: whole (200), one range (206), 416, or 304 for a matching ETag. */
export function videoResponse(video: PublicSignVideo, request: Request): Response {
	const etag = `"${video.sha256}"`;
	const headers: Record<string, string> = {
		...VIDEO_HEADERS,
		'Content-Type': video.mediaType,
		ETag: etag
	};
	if (request.headers.get('if-none-match') === etag)
		return new Response(null, { status: 304, headers });
	const ifRange = request.headers.get('if-range');
	const range =
		ifRange && ifRange !== etag ? null : byteRange(request.headers.get('range'), video.size);
	if (range === 'unsatisfiable')
		return new Response(null, {
			status: 416,
			headers: { ...headers, 'Content-Range': `bytes */${video.size}` }
		});
	if (!range) {
		return new Response(video.content as BodyInit, {
			status: 200,
			headers: { ...headers, 'Content-Length': String(video.size) }
		});
	}
	const part = video.content.subarray(range.start, range.end + 1);
	return new Response(part as BodyInit, {
		status: 206,
		headers: {
			...headers,
			'Content-Length': String(part.byteLength),
			'Content-Range': `bytes ${range.start}-${range.end}/${video.size}`
		}
	});
}
