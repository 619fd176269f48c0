/** One OParl object by URL, and the paged lists of a body. */
import type { Tenant } from '../tenants/schema';
import { listQuery, parseListParams, type ListParams } from './params';
import { jsonResponse, type OParlResponse } from './response';
import { findMeta, listPage, type Scope } from './sources';
import { loadObjects } from './objects';
import { deletedObject, type OParlObject } from './object-kit';
import type { TenantObjectType } from './urls';
import { NotFound, loadCtx, omitInternalOf, type Req } from './request';

export async function single(
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

export function pageLinks(base: string, params: ListParams, totalPages: number) {
	const link = (page: number) => `${base}${listQuery(params, page)}`;
	const links: Record<string, string> = { first: link(1) };
	if (params.page > 1) links.prev = link(Math.min(params.page - 1, Math.max(totalPages, 1)));
	links.self = link(params.page);
	if (params.page < totalPages) links.next = link(params.page + 1);
	links.last = link(Math.max(totalPages, 1));
	return links;
}

export function listBody(
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

export function latest(objects: OParlObject[]): Date | null {
	let out: number | null = null;
	for (const o of objects) {
		const t = Date.parse(String(o.modified));
		if (!Number.isNaN(t) && (out === null || t > out)) out = t;
	}
	return out === null ? null : new Date(out);
}

export async function list(
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
