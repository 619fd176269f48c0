import { createHash } from 'node:crypto';

/** What handleOParl returns; the route turns it into a Response. */
export interface OParlResponse {
	status: number;
	headers: Record<string, string>;
	/** JSON text, file content, or null (304, 204) */
	body: string | Uint8Array | null;
}

export const CORS_HEADERS: Record<string, string> = {
	'Access-Control-Allow-Origin': '*',
	'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
	'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since',
	'Access-Control-Expose-Headers': 'ETag, Last-Modified',
	'Access-Control-Max-Age': '86400'
};

const JSON_TYPE = 'application/json; charset=utf-8';

function baseHeaders(): Record<string, string> {
	return {
		...CORS_HEADERS,
		'X-Content-Type-Options': 'nosniff',
		// Same answer for everyone; clients revalidate with ETag / Last-Modified.
		'Cache-Control': 'public, max-age=0, must-revalidate'
	};
}

export function oparlError(status: number, message: string, debug?: unknown): OParlResponse {
	const body: Record<string, unknown> = { type: 'https://schema.oparl.org/1.1/Error', message };
	if (debug !== undefined) body.debug = debug;
	return {
		status,
		headers: { ...baseHeaders(), 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store' },
		body: JSON.stringify(body)
	};
}

/** Whether the request's conditions say the client's copy is current (→ 304). */
function notModified(request: Headers | undefined, etag: string, lastModified?: Date): boolean {
	if (!request) return false;
	const inm = request.get('if-none-match');
	if (inm !== null) {
		const tags = inm.split(',').map((t) => t.trim().replace(/^W\//, ''));
		return tags.includes('*') || tags.includes(etag);
	}
	const ims = request.get('if-modified-since');
	if (ims && lastModified) {
		const since = Date.parse(ims);
		// HTTP dates have whole seconds.
		return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
	}
	return false;
}

/** A 200 answer with ETag and Last-Modified, or 304 when the client's copy is current. */
export function conditional(
	request: Headers | undefined,
	body: string | Uint8Array,
	headers: Record<string, string>,
	options: { etag?: string; lastModified?: Date | null } = {}
): OParlResponse {
	const etag =
		options.etag ?? `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
	const out: Record<string, string> = { ...baseHeaders(), ...headers, ETag: etag };
	if (options.lastModified) out['Last-Modified'] = options.lastModified.toUTCString();
	if (notModified(request, etag, options.lastModified ?? undefined)) {
		delete out['Content-Type'];
		delete out['Content-Length'];
		delete out['Content-Disposition'];
		return { status: 304, headers: out, body: null };
	}
	return { status: 200, headers: out, body };
}

export function jsonResponse(
	request: Headers | undefined,
	value: unknown,
	lastModified: Date | null
): OParlResponse {
	return conditional(
		request,
		JSON.stringify(value),
		{ 'Content-Type': JSON_TYPE },
		{ lastModified }
	);
}

export function preflight(): OParlResponse {
	return { status: 204, headers: { ...CORS_HEADERS }, body: null };
}
