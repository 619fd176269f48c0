/** The OParl System and Body objects and the list of bodies (tenants). */
import { and, asc, eq, max, min, sql } from 'drizzle-orm';
import { tenants, type Tenant } from '../tenants/schema';
import { TENANT_CLASSIFICATION } from './labels';
import { formatDateTime, parseListParams } from './params';
import { jsonResponse, type OParlResponse } from './response';
import type { Meta } from './sources';
import { deletedObject, type OParlObject } from './object-kit';
import { typeUri, type OParlUrls } from './urls';
import type { Req } from './request';
import { latest, listBody } from './lists';

export async function system(req: Req): Promise<OParlResponse> {
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

export function bodyObject(req: Req, tenant: Tenant): Promise<OParlResponse> | OParlResponse {
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

export function serializeBody(u: OParlUrls, tenant: Tenant): OParlObject {
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
export async function bodyList(req: Req): Promise<OParlResponse> {
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
