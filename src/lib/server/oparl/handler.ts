/**
 * The OParl 1.1 read interface: one function from a request URL to an answer, used by the route
 * (src/routes/oparl/v1.1/[...path]) and called directly by the tests.
 */
import { and, asc, eq, max, min, sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../db/client';
import { tenants, type Tenant } from '../tenants/schema';
import { bodies } from '../bodies/schema';
import { agendaItems, files, meetings } from '../meetings/schema';
import { consultations, papers } from '../papers/schema';
import { bodyMemberships } from '../bodies/schema';
import { TENANT_CLASSIFICATION } from './labels';
import {
	BadParameterError,
	formatDateTime,
	listQuery,
	parseListParams,
	type ListParams
} from './params';
import { conditional, jsonResponse, oparlError, preflight, type OParlResponse } from './response';
import { findMeta, listPage, type Meta, type Scope } from './sources';
import { deletedObject, loadObjects, type LoadCtx, type OParlObject } from './objects';
import {
	BODY_LISTS,
	OPARL_BASE,
	oparlUrls,
	protocolFileId,
	typeUri,
	type BodyList,
	type OParlUrls,
	type TenantObjectType
} from './urls';
import { isUuid } from '../shared';

/** Entries per list page (the specification recommends paging lists longer than 100). */
export const OPARL_PAGE_SIZE = 100;

export interface HandleOptions {
	/** request headers, for If-None-Match / If-Modified-Since */
	headers?: Headers;
	method?: string;
	/** entries per list page; tests make it small */
	pageSize?: number;
}

class NotFound extends Error {}

interface Req {
	db: Executor;
	url: URL;
	urls: OParlUrls;
	headers?: Headers;
	pageSize: number;
}

export async function handleOParl(
	db: Executor,
	url: URL,
	options: HandleOptions = {}
): Promise<OParlResponse> {
	const method = (options.method ?? 'GET').toUpperCase();
	if (method === 'OPTIONS') return preflight();
	if (method !== 'GET' && method !== 'HEAD') {
		const res = oparlError(405, 'This interface only reads: use GET.');
		res.headers.Allow = 'GET, HEAD, OPTIONS';
		return res;
	}
	const req: Req = {
		db,
		url,
		urls: oparlUrls(url.origin),
		headers: options.headers,
		pageSize: options.pageSize ?? OPARL_PAGE_SIZE
	};
	try {
		return await route(req);
	} catch (e) {
		if (e instanceof BadParameterError) return oparlError(400, e.message, e.debug);
		if (e instanceof NotFound) return notFound(url);
		throw e;
	}
}

function notFound(url: URL) {
	return oparlError(404, 'There is no object at this URL.', { url: url.pathname });
}

async function route(req: Req): Promise<OParlResponse> {
	const path = req.url.pathname.replace(/\/+$/, '');
	if (!path.startsWith(OPARL_BASE)) throw new NotFound();
	const parts = path
		.slice(OPARL_BASE.length)
		.split('/')
		.filter(Boolean)
		.map((p) => decodeURIComponent(p));
	const [head, a, b, c] = parts;
	const n = parts.length;
	if ((n === 0 && path === OPARL_BASE) || (head === 'system' && n === 1)) return system(req);
	if (head === 'body') {
		if (n === 1) return bodyList(req);
		const tenant = await findTenant(req.db, a);
		if (!tenant) throw new NotFound();
		if (n === 2) return bodyObject(req, tenant);
		if (n === 3 && b in BODY_LISTS) {
			if (!tenant.isPublic) throw new NotFound();
			return list(
				req,
				tenant,
				BODY_LISTS[b as BodyList],
				req.urls.bodyList(tenant.id, b as BodyList)
			);
		}
		throw new NotFound();
	}
	if (head === 'person') {
		if (n !== 3 || !isUuid(b)) throw new NotFound();
		const tenant = await findTenant(req.db, a);
		if (!tenant) throw new NotFound();
		return single(req, tenant, 'Person', b);
	}
	if (head === 'organization' && n === 3 && (b === 'meeting' || b === 'consultation')) {
		const found = await tenantOf(req.db, 'Organization', a);
		if (!found || !found.isPublic) throw new NotFound();
		const meta = await findMeta(req.db, 'Organization', found.id, a);
		if (!meta || meta.deleted) throw new NotFound();
		return b === 'meeting'
			? list(req, found, 'Meeting', req.urls.organizationMeetings(a), { bodyId: a })
			: list(req, found, 'Consultation', req.urls.organizationConsultations(a), { bodyId: a });
	}
	if (head === 'file' && n === 3 && (b === 'access' || b === 'download')) {
		return fileContent(req, a, b);
	}
	const type = SEGMENT_TYPES[head];
	if (type && n === 2 && c === undefined) {
		const tenant = await tenantOf(req.db, type, a);
		if (!tenant) throw new NotFound();
		return single(req, tenant, type, a);
	}
	throw new NotFound();
}

const SEGMENT_TYPES: Record<string, Exclude<TenantObjectType, 'Person'>> = {
	organization: 'Organization',
	membership: 'Membership',
	meeting: 'Meeting',
	agendaItem: 'AgendaItem',
	paper: 'Paper',
	consultation: 'Consultation',
	file: 'File',
	location: 'Location',
	legislativeTerm: 'LegislativeTerm'
};

async function findTenant(db: Executor, id: string | undefined): Promise<Tenant | null> {
	if (!isUuid(id)) return null;
	const [row] = await db.select().from(tenants).where(eq(tenants.id, id));
	return row ?? null;
}

/** The tenant an object belongs to, by the object's primary key (or its tombstone). */
async function tenantOf(
	db: Executor,
	type: TenantObjectType,
	id: string | undefined
): Promise<Tenant | null> {
	if (!isUuid(id)) return null;
	const table = {
		Organization: bodies,
		Membership: bodyMemberships,
		Meeting: meetings,
		Location: meetings,
		AgendaItem: agendaItems,
		Paper: papers,
		Consultation: consultations,
		File: files
	}[type as string];
	let tenantId: string | undefined;
	if (table) {
		const [row] = await db.select({ tenantId: table.tenantId }).from(table).where(eq(table.id, id));
		tenantId = row?.tenantId;
	}
	if (!tenantId && type === 'File') {
		// the published minutes of a meeting (see protocolFileId)
		const [row] = await db
			.select({ tenantId: meetings.tenantId })
			.from(meetings)
			.where(eq(meetings.id, protocolFileId(id)));
		tenantId = row?.tenantId;
	}
	if (!tenantId) {
		const [row] = rowsOf<{ tenant_id: string }>(
			await db.execute(sql`
				SELECT tenant_id FROM oparl_tombstones
				WHERE object_type = ${type} AND object_id = ${id}::uuid LIMIT 1`)
		);
		tenantId = row?.tenant_id;
	}
	return tenantId ? findTenant(db, tenantId) : null;
}

function loadCtx(req: Req, tenant: Tenant, omitInternal: boolean): LoadCtx {
	return { db: req.db, urls: req.urls, tenant, omitInternal };
}

const omitInternalOf = (url: URL) => {
	const v = url.searchParams.get('omit_internal');
	return v !== null && !['false', '0', 'no'].includes(v.toLowerCase());
};

async function single(
	req: Req,
	tenant: Tenant,
	type: TenantObjectType,
	id: string
): Promise<OParlResponse> {
	const meta = await findMeta(req.db, type, tenant.id, id);
	if (!meta) throw new NotFound();
	const url = req.urls.object(type, tenant.id, id);
	// Deleted and unpublished objects keep answering, as the specification demands (no 404/410).
	if (meta.deleted || !tenant.isPublic) {
		return jsonResponse(
			req.headers,
			deletedObject(url, type, { ...meta, deleted: true }),
			meta.modified
		);
	}
	const loaded = await loadObjects(
		loadCtx(req, tenant, omitInternalOf(req.url)),
		type,
		new Map([[id, meta]])
	);
	const obj = loaded.get(id);
	if (!obj) throw new NotFound();
	return jsonResponse(req.headers, obj, meta.modified);
}

function pageLinks(base: string, params: ListParams, totalPages: number) {
	const link = (page: number) => `${base}${listQuery(params, page)}`;
	const links: Record<string, string> = { first: link(1) };
	if (params.page > 1) links.prev = link(Math.min(params.page - 1, Math.max(totalPages, 1)));
	links.self = link(params.page);
	if (params.page < totalPages) links.next = link(params.page + 1);
	links.last = link(Math.max(totalPages, 1));
	return links;
}

function listBody(
	data: OParlObject[],
	params: ListParams,
	total: number,
	pageSize: number,
	base: string
) {
	const totalPages = Math.ceil(total / pageSize);
	return {
		data,
		pagination: {
			totalElements: total,
			elementsPerPage: pageSize,
			currentPage: params.page,
			totalPages
		},
		links: pageLinks(base, params, totalPages)
	};
}

function latest(objects: OParlObject[]): Date | null {
	let out: number | null = null;
	for (const o of objects) {
		const t = Date.parse(String(o.modified));
		if (!Number.isNaN(t) && (out === null || t > out)) out = t;
	}
	return out === null ? null : new Date(out);
}

async function list(
	req: Req,
	tenant: Tenant,
	type: TenantObjectType,
	base: string,
	scope: Scope = {}
): Promise<OParlResponse> {
	const params = parseListParams(req.url);
	const { total, rows } = await listPage(req.db, type, tenant.id, params, req.pageSize, scope);
	const alive = new Map(rows.filter((r) => !r.deleted).map((r) => [r.key, r]));
	const loaded = await loadObjects(loadCtx(req, tenant, params.omitInternal), type, alive);
	const data: OParlObject[] = [];
	for (const r of rows) {
		if (r.deleted) data.push(deletedObject(req.urls.object(type, tenant.id, r.key), type, r));
		else {
			const o = loaded.get(r.key);
			if (o) data.push(o);
		}
	}
	return jsonResponse(req.headers, listBody(data, params, total, req.pageSize, base), latest(data));
}

// ---------------------------------------------------------------- System and Body

async function system(req: Req): Promise<OParlResponse> {
	const [span] = await req.db
		.select({ created: min(tenants.createdAt), modified: max(tenants.updatedAt) })
		.from(tenants)
		.where(eq(tenants.isPublic, true));
	const created = span?.created ? new Date(span.created) : new Date('2024-01-01T00:00:00Z');
	const modified = span?.modified ? new Date(span.modified) : created;
	const origin = req.url.origin;
	const obj = {
		id: req.urls.system(),
		type: typeUri('System'),
		oparlVersion: 'https://schema.oparl.org/1.1/',
		name: 'Miteinander – Netzwerke für Integration',
		body: req.urls.bodies(),
		website: `${origin}/`,
		web: `${origin}/`,
		created: formatDateTime(created),
		modified: formatDateTime(modified)
	};
	return jsonResponse(req.headers, obj, modified);
}

function bodyObject(req: Req, tenant: Tenant): Promise<OParlResponse> | OParlResponse {
	const u = req.urls;
	const meta: Meta = {
		key: tenant.id,
		created: tenant.createdAt,
		modified: tenant.updatedAt,
		deleted: !tenant.isPublic
	};
	if (meta.deleted) {
		return jsonResponse(req.headers, deletedObject(u.body(tenant.id), 'Body', meta), meta.modified);
	}
	return jsonResponse(req.headers, serializeBody(u, tenant), tenant.updatedAt);
}

function serializeBody(u: OParlUrls, tenant: Tenant): OParlObject {
	const t = tenant.id;
	const web = u.web.tenant(tenant.slug);
	const out: OParlObject = {
		id: u.body(t),
		type: typeUri('Body'),
		system: u.system(),
		name: tenant.name,
		website: web,
		classification: TENANT_CLASSIFICATION[tenant.kind],
		organization: u.bodyList(t, 'organization'),
		person: u.bodyList(t, 'person'),
		meeting: u.bodyList(t, 'meeting'),
		paper: u.bodyList(t, 'paper'),
		legislativeTerm: [],
		agendaItem: u.bodyList(t, 'agendaItem'),
		consultation: u.bodyList(t, 'consultation'),
		file: u.bodyList(t, 'file'),
		locationList: u.bodyList(t, 'location'),
		legislativeTermList: u.bodyList(t, 'legislativeTerm'),
		membership: u.bodyList(t, 'membership'),
		web,
		created: formatDateTime(tenant.createdAt),
		modified: formatDateTime(tenant.updatedAt)
	};
	if (tenant.ags) out.ags = tenant.ags;
	if (tenant.settings?.publicContactEmail) out.contactEmail = tenant.settings.publicContactEmail;
	return out;
}

/** The list of Bodies: public tenants; with modified_since also those no longer public. */
async function bodyList(req: Req): Promise<OParlResponse> {
	const params = parseListParams(req.url);
	const { filters } = params;
	const conds = [];
	if (!filters.modified_since) conds.push(eq(tenants.isPublic, true));
	const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
	const created = sql`date_trunc('milliseconds', ${tenants.createdAt})`;
	const modified = sql`date_trunc('milliseconds', ${tenants.updatedAt})`;
	if (filters.created_since) conds.push(sql`${created} >= ${at(filters.created_since)}`);
	if (filters.created_until) conds.push(sql`${created} <= ${at(filters.created_until)}`);
	if (filters.modified_since) conds.push(sql`${modified} >= ${at(filters.modified_since)}`);
	if (filters.modified_until) conds.push(sql`${modified} <= ${at(filters.modified_until)}`);
	const where = conds.length ? and(...conds) : undefined;
	const [{ n }] = await req.db
		.select({ n: sql<number>`count(*)::int` })
		.from(tenants)
		.where(where);
	const rows = await req.db
		.select()
		.from(tenants)
		.where(where)
		.orderBy(asc(tenants.createdAt), asc(tenants.id))
		.limit(req.pageSize)
		.offset((params.page - 1) * req.pageSize);
	const data = rows.map((t) =>
		t.isPublic
			? serializeBody(req.urls, t)
			: deletedObject(req.urls.body(t.id), 'Body', {
					key: t.id,
					created: t.createdAt,
					modified: t.updatedAt,
					deleted: true
				})
	);
	return jsonResponse(
		req.headers,
		listBody(data, params, Number(n), req.pageSize, req.urls.bodies()),
		latest(data)
	);
}

// ---------------------------------------------------------------- file content

/** Types a browser may show inline without risk; anything else is sent as a plain download. */
const INLINE_TYPES = new Set([
	'application/pdf',
	'image/png',
	'image/jpeg',
	'image/gif',
	'image/webp',
	'text/plain',
	'text/csv'
]);

/** An ASCII file name for Content-Disposition, plus the UTF-8 one (RFC 6266 / 5987). */
function disposition(kind: 'attachment' | 'inline', fileName: string) {
	const ascii =
		fileName
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[^\x20-\x7e]/g, '_')
			.replace(/["\\]/g, '_')
			.trim() || 'datei';
	return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

async function fileContent(
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
