/**
 * Attachments of meetings and agenda items, kept in the database.
 *
 * Safe storage and serving:
 * - only the types below, checked by extension AND by content (magic bytes; for office files the
 *   ZIP structure's tell-tale entries); HTML, SVG, scripts, executables are refused;
 * - at most FILE_MAX_BYTES each (5 MB: the server's request limit BODY_SIZE_LIMIT is 6M, so 10 MB
 *   would never arrive);
 * - the media type comes from our table, never from the browser;
 * - served with X-Content-Type-Options: nosniff and Content-Security-Policy: sandbox; only PDF,
 *   PNG and JPEG inline, everything else as a download (Content-Disposition: attachment);
 * - members download through the meeting's body visibility; the public site only public files of
 *   public items of public bodies of public tenants.
 */
import { createHash } from 'node:crypto';
import { and, eq, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { bodies } from '../bodies/schema';
import { canManageMeetings, canSeeBody } from '../bodies/access';
import { agendaItems, files, meetings } from './schema';
import { loadMeetingToManage } from './access';
import { recordOParlDeletion } from '../oparl/deletion';
import { isChecked, isUuid } from '../shared';
import { isPlainText } from '../shared/file-content';

export const FILE_MAX_BYTES = 5 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
	return bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
	return Buffer.from(bytes.subarray(from, Math.min(to, bytes.length))).toString('latin1');
}

/** An OpenDocument file: a ZIP whose first entry is "mimetype", stored, holding the type. */
function isOpenDocument(bytes: Uint8Array, mediaType: string): boolean {
	return (
		startsWith(bytes, ZIP) &&
		ascii(bytes, 30, 38) === 'mimetype' &&
		ascii(bytes, 38, 38 + mediaType.length) === mediaType
	);
}

/** An Office Open XML file: a ZIP with [Content_Types].xml and the application's folder. */
function isOfficeOpenXml(bytes: Uint8Array, folder: string): boolean {
	if (!startsWith(bytes, ZIP)) return false;
	const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	return buf.includes('[Content_Types].xml', 0, 'latin1') && buf.includes(folder, 0, 'latin1');
}

function isUtf8(bytes: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
}

interface FileType {
	mediaType: string;
	matches(bytes: Uint8Array): boolean;
}

const ODT = 'application/vnd.oasis.opendocument.text';
const ODS = 'application/vnd.oasis.opendocument.spreadsheet';
const ODP = 'application/vnd.oasis.opendocument.presentation';

/** Allowed extensions (lower case) and how their content must look. */
export const FILE_TYPES: Record<string, FileType> = {
	pdf: {
		mediaType: 'application/pdf',
		matches: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])
	},
	odt: { mediaType: ODT, matches: (b) => isOpenDocument(b, ODT) },
	ods: { mediaType: ODS, matches: (b) => isOpenDocument(b, ODS) },
	odp: { mediaType: ODP, matches: (b) => isOpenDocument(b, ODP) },
	docx: {
		mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		matches: (b) => isOfficeOpenXml(b, 'word/')
	},
	xlsx: {
		mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		matches: (b) => isOfficeOpenXml(b, 'xl/')
	},
	pptx: {
		mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
		matches: (b) => isOfficeOpenXml(b, 'ppt/')
	},
	txt: { mediaType: 'text/plain', matches: isPlainText },
	csv: { mediaType: 'text/csv', matches: isPlainText },
	png: {
		mediaType: 'image/png',
		matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
	},
	jpg: { mediaType: 'image/jpeg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
	jpeg: { mediaType: 'image/jpeg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) }
};

/** For the file input's accept attribute and the hint next to it. */
export const ACCEPTED_EXTENSIONS = Object.keys(FILE_TYPES).map((e) => `.${e}`);

/** Types a browser may show in the page (everything else is downloaded). */
export const INLINE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg']);

/** The file's name without folders and control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex
	const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
	if (clean.length <= 200) return clean;
	const dot = clean.lastIndexOf('.');
	const ext = dot > 0 && clean.length - dot <= 6 ? clean.slice(dot) : '';
	return clean.slice(0, 200 - ext.length) + ext;
}

function extensionOf(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * Checks an upload: name, size, extension and content. Returns the clean name and the media
 * type to store; ValidationError (field "file") otherwise.
 */
export function checkUpload(
	fileName: string,
	bytes: Uint8Array
): { fileName: string; mediaType: string } {
	const name = cleanFileName(fileName);
	if (bytes.byteLength === 0 || name === '')
		throw new ValidationError({ file: 'meetings_error_file_missing' });
	if (bytes.byteLength > FILE_MAX_BYTES)
		throw new ValidationError({ file: 'meetings_error_file_too_large' });
	const type = FILE_TYPES[extensionOf(name)];
	if (!type) throw new ValidationError({ file: 'meetings_error_file_type' });
	if (!type.matches(bytes)) throw new ValidationError({ file: 'meetings_error_file_content' });
	let mediaType = type.mediaType;
	if (mediaType.startsWith('text/'))
		mediaType += isUtf8(bytes) ? '; charset=utf-8' : '; charset=windows-1252';
	return { fileName: name, mediaType };
}

export interface UploadInput {
	fileName: string;
	bytes: Uint8Array;
	isPublic?: unknown;
	/** attach to this item of the meeting; empty: to the meeting itself */
	agendaItemId?: unknown;
}

/** Attaches a file to the meeting or one of its agenda items. */
export async function uploadFile(
	ctx: TenantCtx,
	input: UploadInput & { meetingId: string }
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	const { meeting } = await loadMeetingToManage(ctx, tenantId, input.meetingId);
	if (meeting.state === 'cancelled')
		throw new ValidationError({ form: 'meetings_error_cancelled' });
	const { fileName, mediaType } = checkUpload(input.fileName, input.bytes);
	let agendaItemId: string | null = null;
	if (typeof input.agendaItemId === 'string' && input.agendaItemId !== '') {
		if (!isUuid(input.agendaItemId)) throw new NotFoundError();
		const [item] = await ctx.db
			.select({ id: agendaItems.id })
			.from(agendaItems)
			.where(
				and(
					eq(agendaItems.tenantId, tenantId),
					eq(agendaItems.meetingId, meeting.id),
					eq(agendaItems.id, input.agendaItemId)
				)
			);
		if (!item) throw new NotFoundError();
		agendaItemId = item.id;
	}
	const content = Buffer.from(input.bytes);
	const sha256 = createHash('sha256').update(content).digest('hex');
	const isPublic = isChecked(input.isPublic);
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(files)
			.values({
				tenantId,
				// an item's file belongs to the item only; the meeting is found through it
				meetingId: agendaItemId ? null : meeting.id,
				agendaItemId,
				fileName,
				mediaType,
				size: content.byteLength,
				sha256,
				content,
				isPublic,
				uploadedBy: ctx.actor!.userId
			})
			.returning({ id: files.id });
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'meeting_file.upload',
			entityType: 'meeting_file',
			entityId: row.id,
			after: {
				name: fileName,
				meetingId: meeting.id,
				agendaItemId,
				mediaType,
				size: content.byteLength,
				sha256,
				isPublic
			}
		});
		return { id: row.id };
	});
}

const itemMeeting = alias(agendaItems, 'item_meeting');

/** A file of the tenant with its meeting and body; null when there is none. */
export async function findFile(db: Executor, tenantId: string, fileId: unknown) {
	if (!isUuid(fileId)) return null;
	const [row] = await db
		.select({
			file: files,
			meeting: meetings,
			body: bodies,
			itemIsPublic: itemMeeting.isPublic
		})
		.from(files)
		.leftJoin(itemMeeting, eq(itemMeeting.id, files.agendaItemId))
		.innerJoin(
			meetings,
			or(eq(meetings.id, files.meetingId), eq(meetings.id, itemMeeting.meetingId))
		)
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(
			and(eq(files.tenantId, tenantId), eq(files.id, fileId), eq(meetings.tenantId, tenantId))
		);
	return row ?? null;
}

/** The file for a change: it must belong to the meeting in the URL (directly or by its item). */
async function findFileToManage(ctx: TenantCtx, fileId: unknown, meetingId: string) {
	const row = await findFile(ctx.db, ctx.tenant.id, fileId);
	if (!row || !canSeeBody(ctx.actor, row.body) || !canManageMeetings(ctx.actor, row.body))
		throw new NotFoundError();
	if (row.meeting.id !== meetingId) throw new NotFoundError();
	return row;
}

/** Shows a file of the meeting on the public site or hides it (input.fileId, input.isPublic). */
export async function setFilePublic(
	ctx: TenantCtx,
	input: { meetingId: string; fileId?: unknown; isPublic?: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	const { file, meeting } = await findFileToManage(ctx, input.fileId, input.meetingId);
	const value = isChecked(input.isPublic);
	if (file.isPublic === value) return;
	await ctx.db.transaction(async (tx) => {
		await tx
			.update(files)
			.set({ isPublic: value, updatedAt: new Date() })
			.where(and(eq(files.tenantId, tenantId), eq(files.id, file.id)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'meeting_file.visibility',
			entityType: 'meeting_file',
			entityId: file.id,
			before: { name: file.fileName, meetingId: meeting.id, isPublic: file.isPublic },
			after: { name: file.fileName, meetingId: meeting.id, isPublic: value }
		});
	});
}

/** Deletes a file of the meeting (input.fileId). */
export async function deleteFile(
	ctx: TenantCtx,
	input: { meetingId: string; fileId?: unknown }
): Promise<void> {
	const tenantId = ctx.tenant.id;
	const { file, meeting } = await findFileToManage(ctx, input.fileId, input.meetingId);
	await ctx.db.transaction(async (tx) => {
		await recordOParlDeletion(tx, tenantId, 'File', file.id);
		await tx.delete(files).where(and(eq(files.tenantId, tenantId), eq(files.id, file.id)));
		// the meeting (or the item) embeds its files: it changed for OParl clients
		const now = new Date();
		if (file.agendaItemId)
			await tx
				.update(agendaItems)
				.set({ updatedAt: now })
				.where(and(eq(agendaItems.tenantId, tenantId), eq(agendaItems.id, file.agendaItemId)));
		await tx
			.update(meetings)
			.set({ updatedAt: now })
			.where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, meeting.id)));
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'meeting_file.delete',
			entityType: 'meeting_file',
			entityId: file.id,
			before: {
				name: file.fileName,
				meetingId: meeting.id,
				agendaItemId: file.agendaItemId,
				size: file.size,
				sha256: file.sha256
			}
		});
	});
}

/**
 * Stores a file in the caller's transaction for another domain that links it itself (a paper's
 * attachment, a status report's PDF); checks of type and size are the caller's.
 */
export async function storeFileInTx(
	tx: Executor,
	file: {
		tenantId: string;
		fileName: string;
		mediaType: string;
		bytes: Uint8Array;
		isPublic: boolean;
		uploadedBy: string | null;
	}
): Promise<{ id: string }> {
	const [row] = await tx
		.insert(files)
		.values({
			tenantId: file.tenantId,
			fileName: file.fileName,
			mediaType: file.mediaType,
			size: file.bytes.byteLength,
			sha256: createHash('sha256').update(file.bytes).digest('hex'),
			content: Buffer.from(file.bytes),
			isPublic: file.isPublic,
			uploadedBy: file.uploadedBy
		})
		.returning({ id: files.id });
	return row;
}
