/** The content of an OParl File: access (inline where safe) and download. */
import { and, eq } from 'drizzle-orm';
import { files } from '../meetings/schema';
import { conditional, type OParlResponse } from './response';
import { findMeta } from './sources';
import { NotFound, tenantOf, type Req } from './request';

/** Types a browser may show inline without risk; anything else is sent as a plain download. */
export const INLINE_TYPES = new Set([
	'application/pdf',
	'image/png',
	'image/jpeg',
	'image/gif',
	'image/webp',
	'text/plain',
	'text/csv'
]);

/** An ASCII file name for Content-Disposition, plus the UTF-8 one (RFC 6266 / 5987). */
export function disposition(kind: 'attachment' | 'inline', fileName: string) {
	const ascii =
		fileName
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[^\x20-\x7e]/g, '_')
			.replace(/["\\]/g, '_')
			.trim() || 'datei';
	return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function fileContent(
	req: Req,
	id: string | undefined,
	kind: 'access' | 'download'
): Promise<OParlResponse> {
	const tenant = await tenantOf(req.db, 'File', id);
	if (!tenant || !tenant.isPublic || !id) throw new NotFound();
	const meta = await findMeta(req.db, 'File', tenant.id, id);
	if (!meta || meta.deleted) throw new NotFound();
	const [file] = await req.db
		.select()
		.from(files)
		.where(and(eq(files.tenantId, tenant.id), eq(files.id, id)));
	if (!file) throw new NotFound();
	const type = file.mediaType.toLowerCase().split(';')[0].trim();
	const headers: Record<string, string> = {
		'Content-Length': String(file.content.byteLength),
		'Content-Security-Policy': "default-src 'none'; sandbox"
	};
	if (kind === 'download') {
		headers['Content-Type'] = file.mediaType;
		headers['Content-Disposition'] = disposition('attachment', file.fileName);
	} else if (INLINE_TYPES.has(type)) {
		headers['Content-Type'] = type.startsWith('text/') ? `${type}; charset=utf-8` : type;
		headers['Content-Disposition'] = disposition('inline', file.fileName);
		// Browsers' PDF viewers do not run in a sandboxed document.
		if (type === 'application/pdf') delete headers['Content-Security-Policy'];
	} else {
		// Not shown inline (could run script): the browser saves it.
		headers['Content-Type'] = 'application/octet-stream';
	}
	return conditional(req.headers, new Uint8Array(file.content), headers, {
		etag: `"${file.sha256}"`,
		lastModified: meta.modified
	});
}
