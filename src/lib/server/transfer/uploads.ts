/**
 * The two steps of an import in the browser: the uploaded files are checked and previewed; the
 * checked contents travel to the second step in hidden fields (base64-encoded UTF-8).
 */
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { MAX_IMPORT_BYTES, type TransferFile } from './columns';
import { decodeCsv } from './csv';
import { previewImport, type ImportFiles, type ImportPreview } from './import';
import type { ImportIssue } from './file-check';

const FILES: TransferFile[] = ['organizations', 'offers'];

export interface Upload {
	files: ImportFiles;
	/** problems with a file as such (not CSV, too large) */
	issues: ImportIssue[];
	/** files that were not UTF-8 and were read as Windows-1252 */
	recoded: TransferFile[];
}

/** Reads the uploaded files of a form; problems with a file as such come back as issues. */
export async function readUploads(form: FormData): Promise<Upload> {
	const files: ImportFiles = {};
	const issues: ImportIssue[] = [];
	const recoded: TransferFile[] = [];
	for (const file of FILES) {
		const upload = form.get(file);
		if (!(upload instanceof File) || upload.size === 0) continue;
		if (!/\.(csv|txt)$/i.test(upload.name)) {
			issues.push({ file, line: 0, column: null, key: 'transfer_error_not_csv' });
			continue;
		}
		if (upload.size > MAX_IMPORT_BYTES) {
			issues.push({
				file,
				line: 0,
				column: null,
				key: 'transfer_error_too_large',
				params: { max: MAX_IMPORT_BYTES / 1024 / 1024 }
			});
			continue;
		}
		const { text, encoding } = decodeCsv(new Uint8Array(await upload.arrayBuffer()));
		if (encoding !== 'utf-8') recoded.push(file);
		files[file] = text;
	}
	return { files, issues, recoded };
}

/**
 * The preview of an upload: the file problems alone if there are any, else what the import would
 * create; `payload` carries the files to the second step when the import may run.
 */
export async function previewUpload(
	ctx: TenantCtx,
	upload: Upload
): Promise<{
	preview: ImportPreview;
	recoded: TransferFile[];
	payload: Record<TransferFile, string> | null;
}> {
	authorize(ctx.actor, 'data.transfer', { tenantId: ctx.tenant.id });
	if (upload.issues.length > 0)
		return {
			preview: { organizations: [], offers: [], errors: upload.issues },
			recoded: upload.recoded,
			payload: null
		};
	const preview = await previewImport(ctx, upload.files);
	return {
		preview,
		recoded: upload.recoded,
		payload:
			preview.errors.length === 0
				? { organizations: pack(upload.files.organizations), offers: pack(upload.files.offers) }
				: null
	};
}

const pack = (text: string | null | undefined) =>
	text ? Buffer.from(text, 'utf8').toString('base64') : '';
const unpack = (value: FormDataEntryValue | null) =>
	typeof value === 'string' && value !== '' ? Buffer.from(value, 'base64').toString('utf8') : null;

/** The checked files of the second step, from the hidden fields of the preview. */
export function packedFiles(form: FormData): ImportFiles {
	return { organizations: unpack(form.get('organizations')), offers: unpack(form.get('offers')) };
}
