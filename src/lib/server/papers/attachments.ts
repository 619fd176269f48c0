import { and, eq, max } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { files } from '../meetings/schema';
import { storeFileInTx } from '../meetings/files';
import { fileResponse } from '../meetings/downloads';
import { paperFiles } from './schema';
import {
	canEditPaper,
	canSeePaper,
	isPublicPaper,
	loadPaperContext,
	loadVisiblePaper
} from './access';
import { paperName, touchPaper } from './paper-data';
import { isUuid, requireUuid } from '../shared';
import { contentMatchesType } from '../shared/file-content';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const ALLOWED_TYPES = new Set([
	'application/pdf',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	'application/vnd.oasis.opendocument.text',
	'application/vnd.oasis.opendocument.spreadsheet',
	'image/png',
	'image/jpeg',
	'text/plain',
	'text/csv'
]);

export interface UploadedFile {
	name: string;
	type: string;
	bytes: Uint8Array;
}

/**
 * Stores a file and attaches it to a paper in the caller's transaction (at `position`, else at
 * the end); the paper counts as changed. For this domain's use cases and for a frozen report.
 */
export async function attachFileToPaperInTx(
	tx: Executor,
	ctx: TenantCtx,
	paperId: string,
	file: { fileName: string; mediaType: string; bytes: Uint8Array; isPublic: boolean },
	options: { position?: number; paperChanges?: { text?: string } } = {}
): Promise<{ fileId: string }> {
	const tenantId = ctx.tenant.id;
	const stored = await storeFileInTx(tx, {
		tenantId,
		...file,
		uploadedBy: ctx.actor?.userId ?? null
	});
	let position = options.position;
	if (position === undefined) {
		const [{ last }] = await tx
			.select({ last: max(paperFiles.position) })
			.from(paperFiles)
			.where(eq(paperFiles.paperId, paperId));
		position = (last ?? -1) + 1;
	}
	await tx.insert(paperFiles).values({ tenantId, paperId, fileId: stored.id, position });
	await touchPaper(tx, paperId, options.paperChanges);
	return { fileId: stored.id };
}

/** Attaches a file (Anlage) to a paper; stored in the files table. */
export async function attachPaperFile(
	ctx: TenantCtx,
	input: { paperId: unknown; file: UploadedFile | null }
): Promise<{ fileId: string }> {
	const tenantId = ctx.tenant.id;
	const paperId = requireUuid(input.paperId);
	const { file } = input;
	const pc = await loadVisiblePaper(ctx.db, ctx.actor, tenantId, paperId);
	if (!canEditPaper(ctx.actor, pc)) throw new NotFoundError();
	if (!file || file.bytes.byteLength === 0)
		throw new ValidationError({ file: 'papers_error_file_required' });
	if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES)
		throw new ValidationError({ file: 'papers_error_file_too_large' });
	const mediaType = file.type.split(';')[0].trim().toLowerCase();
	if (!ALLOWED_TYPES.has(mediaType)) throw new ValidationError({ file: 'papers_error_file_type' });
	// the declared type is the browser's guess from the name: the bytes must be that type
	if (!(await contentMatchesType(mediaType, file.bytes)))
		throw new ValidationError({ file: 'att_error_content_mismatch' });
	const fileName = file.name.replace(/[\\/\0\r\n"]/g, '_').slice(0, 200) || 'anlage';
	return ctx.db.transaction(async (tx) => {
		const attached = await attachFileToPaperInTx(tx, ctx, paperId, {
			fileName,
			mediaType,
			bytes: file.bytes,
			isPublic: pc.paper.visibility === 'public'
		});
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'paper.file_attach',
			entityType: 'paper',
			entityId: paperId,
			after: { name: paperName(pc.paper), fileName, size: file.bytes.byteLength }
		});
		return attached;
	});
}

/**
 * A paper's attachment for download: signed-in (paper visible) or on the public site (paper
 * public). The file must belong to the paper the address names.
 */
export async function paperFileForDownload(
	ctx: TenantCtx,
	input: { paperId: unknown; fileId: unknown; publicOnly: boolean }
) {
	const tenantId = ctx.tenant.id;
	if (!isUuid(input.fileId)) throw new NotFoundError();
	const paperId = requireUuid(input.paperId);
	const pc = await loadPaperContext(ctx.db, tenantId, paperId);
	if (!pc) throw new NotFoundError();
	if (input.publicOnly ? !isPublicPaper(pc.paper) : !canSeePaper(ctx.actor, pc))
		throw new NotFoundError();
	const [row] = await ctx.db
		.select({ file: files })
		.from(paperFiles)
		.innerJoin(files, eq(files.id, paperFiles.fileId))
		.where(
			and(
				eq(paperFiles.paperId, paperId),
				eq(paperFiles.fileId, input.fileId),
				eq(files.tenantId, tenantId)
			)
		);
	if (!row) throw new NotFoundError();
	return row.file;
}

/**
 * A paper's attachment as the HTTP answer (headers: meetings/downloads `downloadHeaders`): in the
 * signed-in area PDFs and images open inline and nothing is stored; on the public site every file
 * downloads and caches revalidate it on each use (ETag), so it is gone once the paper is not
 * public any more.
 */
export async function paperFileDownload(
	ctx: TenantCtx,
	input: { paperId: unknown; fileId: unknown },
	where: 'signed-in' | 'public',
	request: Request | null = null
): Promise<Response> {
	const file = await paperFileForDownload(ctx, { ...input, publicOnly: where === 'public' });
	return fileResponse(
		file,
		request,
		where === 'public' ? { public: true, inline: false } : { public: false }
	);
}
