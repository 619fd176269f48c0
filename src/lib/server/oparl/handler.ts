/**
 * The OParl 1.1 read interface: one function from a request URL to an answer, used by the route
 * (src/routes/oparl/v1.1/[...path]) and called directly by the tests.
 */
import type { Executor } from '../db/client';
import { BadParameterError } from './params';
import { oparlError, preflight, type OParlResponse } from './response';
import { findMeta } from './sources';
import { BODY_LISTS, OPARL_BASE, oparlUrls, type BodyList, type TenantObjectType } from './urls';
import { isUuid } from '../shared';
import { NotFound, notFound, findTenant, tenantOf, type Req } from './request';
import { system, bodyObject, bodyList } from './system';
import { fileContent } from './file-content';
import { single, list } from './lists';

/** Entries per list page (the specification recommends paging lists longer than 100). */
export const OPARL_PAGE_SIZE = 100;

export interface HandleOptions {
	/** request headers, for If-None-Match / If-Modified-Since */
	headers?: Headers;
	method?: string;
	/** entries per list page; tests make it small */
	pageSize?: number;
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
