/**
 * Downloads of meeting attachments: for members through the meeting's body visibility; on the
 * public site only public files of public items of public bodies of public tenants. Served with
 * nosniff and a sandbox CSP; only PDF, PNG and JPEG inline, everything else as an attachment.
 */
import type { Ctx, TenantCtx } from '../context';
import { NotFoundError } from '../errors';
import { canSeeBody } from '../bodies/access';
import { findFile, INLINE_TYPES } from './files';

export interface StoredFile {
	id: string;
	fileName: string;
	mediaType: string;
	size: number;
	sha256: string;
	content: Uint8Array;
	/** the meeting the file belongs to (directly or through its item) */
	meetingId: string;
}

function stored(row: NonNullable<Awaited<ReturnType<typeof findFile>>>): StoredFile {
	return {
		id: row.file.id,
		fileName: row.file.fileName,
		mediaType: row.file.mediaType,
		size: row.file.size,
		sha256: row.file.sha256,
		content: new Uint8Array(row.file.content),
		meetingId: row.meeting.id
	};
}

/** A file for the signed-in area: whoever may see the meeting's body may download it. */
export async function getFileForMember(
	ctx: TenantCtx,
	input: { fileId: string }
): Promise<StoredFile> {
	const row = await findFile(ctx.db, ctx.tenant.id, input.fileId);
	if (!row || !canSeeBody(ctx.actor, row.body)) throw new NotFoundError();
	return stored(row);
}

/**
 * A file for the public site: the tenant is public, the body is public, the file is public and,
 * for an item's file, the item is public. NotFoundError otherwise.
 */
export async function getPublicFile(ctx: Ctx, input: { fileId: string }): Promise<StoredFile> {
	const tenant = ctx.tenant;
	if (!tenant?.isPublic) throw new NotFoundError();
	const row = await findFile(ctx.db, tenant.id, input.fileId);
	if (
		!row ||
		!row.file.isPublic ||
		row.body.visibility !== 'public' ||
		row.itemIsPublic === false ||
		row.meeting.state === 'cancelled'
	)
		throw new NotFoundError();
	return stored(row);
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266, RFC 8187). */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
	const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_') || 'datei';
	const encoded = encodeURIComponent(fileName).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
	return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** How a stored file is served: on the public site or signed in; `inline: false` always downloads. */
export interface DownloadOptions {
	public?: boolean;
	inline?: boolean;
}

type Served = Pick<StoredFile, 'fileName' | 'mediaType' | 'size' | 'sha256'>;

/**
 * The headers a stored file (a meeting's or a paper's attachment) is served with: only PDF, PNG
 * and JPEG ever inline; always nosniff and a sandbox CSP (plus `default-src 'none'`, except for
 * PDF: Chrome's PDF viewer does not render under it). Public files may be kept by caches but
 * must be revalidated (ETag) on every use, so a file stops being served as soon as it stops being
 * public; signed-in downloads are not stored at all.
 */
export function downloadHeaders(
	file: Served,
	options: DownloadOptions = {}
): Record<string, string> {
	const inline = options.inline !== false && INLINE_TYPES.has(file.mediaType);
	return {
		'Content-Type': file.mediaType,
		'Content-Length': String(file.size),
		'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', file.fileName),
		'X-Content-Type-Options': 'nosniff',
		'Content-Security-Policy':
			file.mediaType === 'application/pdf' ? 'sandbox' : "sandbox; default-src 'none'",
		ETag: `"${file.sha256}"`,
		'Cache-Control': options.public ? 'public, no-cache' : 'private, no-store'
	};
}

/** The response for a download: 304 when the browser has this version already. */
export function fileResponse(
	file: Served & { content: Uint8Array },
	request: Request | null,
	options: DownloadOptions = {}
): Response {
	const headers = downloadHeaders(file, options);
	const match = request?.headers.get('if-none-match');
	if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === headers.ETag)) {
		const { 'Content-Length': _l, ...rest } = headers;
		return new Response(null, { status: 304, headers: rest });
	}
	return new Response(new Uint8Array(file.content), { status: 200, headers });
}

/** The path of a file's download, in the signed-in area or on the public site. */
export function fileHref(tenantSlug: string, fileId: string, publicSite = false): string {
	return publicSite ? `/${tenantSlug}/dateien/${fileId}` : `/app/${tenantSlug}/dateien/${fileId}`;
}
