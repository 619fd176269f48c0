/**
 * What an uploaded file really is, from its bytes: binary formats through `file-type` (magic
 * numbers, ZIP structure of office files), text as text without NUL bytes that does not start
 * like markup a browser would run. A declared type is never trusted on its own.
 */
import { fileTypeFromBuffer } from 'file-type';

/** Text without NUL bytes that does not start like markup a browser would run. */
export function isPlainText(bytes: Uint8Array): boolean {
	if (bytes.includes(0)) return false;
	const head = Buffer.from(bytes.subarray(0, 512))
		.toString('utf8')
		.replace(/^\uFEFF/, '')
		.trimStart()
		.toLowerCase();
	return !/^<(!doctype|html|svg|script|\?xml|head|body|iframe|object)/.test(head);
}

/**
 * Whether the bytes are a file of `mediaType` (without parameters, lower case): a `text/*` type
 * must be plain text that no binary format claims; any other type must be what `file-type`
 * detects in the content.
 */
export async function contentMatchesType(mediaType: string, bytes: Uint8Array): Promise<boolean> {
	const detected = await fileTypeFromBuffer(bytes);
	if (mediaType.startsWith('text/')) return detected === undefined && isPlainText(bytes);
	return detected?.mime === mediaType;
}
