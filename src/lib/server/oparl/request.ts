/** What the OParl answers share: the request, "not found", the tenant of a URL. */
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../db/client';
import { tenants, type Tenant } from '../tenants/schema';
import { bodies } from '../bodies/schema';
import { agendaItems, files, meetings } from '../meetings/schema';
import { consultations, papers } from '../papers/schema';
import { bodyMemberships } from '../bodies/schema';
import { oparlError } from './response';
import type { LoadCtx } from './object-kit';
import { protocolFileId, type OParlUrls, type TenantObjectType } from './urls';
import { isUuid } from '../shared';

export class NotFound extends Error {}

export interface Req {
	db: Executor;
	url: URL;
	urls: OParlUrls;
	headers?: Headers;
	pageSize: number;
}

export function notFound(url: URL) {
	return oparlError(404, 'There is no object at this URL.', { url: url.pathname });
}

export async function findTenant(db: Executor, id: string | undefined): Promise<Tenant | null> {
	if (!isUuid(id)) return null;
	const [row] = await db.select().from(tenants).where(eq(tenants.id, id));
	return row ?? null;
}

/** The tenant an object belongs to, by the object's primary key (or its tombstone). */
export async function tenantOf(
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

export function loadCtx(req: Req, tenant: Tenant, omitInternal: boolean): LoadCtx {
	return { db: req.db, urls: req.urls, tenant, omitInternal };
}

export const omitInternalOf = (url: URL) => {
	const v = url.searchParams.get('omit_internal');
	return v !== null && !['false', '0', 'no'].includes(v.toLowerCase());
};
