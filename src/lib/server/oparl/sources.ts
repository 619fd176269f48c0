/**
 * For each OParl type, one SQL source of the tenant's candidate objects with
 *   key (uuid), created, modified (timestamptz), is_public (boolean).
 * Lists, single objects and embedded objects all take `created`, `modified` and whether an
 * object is public from here, so they always agree. `modified` is the latest change of the row,
 * of what decides whether it is public (its body's visibility, a person's consent) and of what
 * the object embeds or refers to (agenda items and files of a meeting, memberships of a person).
 *
 * Every source starts from a tenant-scoped index (tenant_id first) and joins children by their
 * parent's indexed key, so a request's cost depends on the tenant's own data only.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../db/client';
import { protocolKeySql, type TenantObjectType } from './urls';
import type { ListParams } from './params';

export interface Scope {
	/** only objects of this Gremium (Organization.meeting, Organization.consultation) */
	bodyId?: string;
}

const PUBLIC_BODY = sql`b.visibility = 'public'`;
/** A paper on the public site: public and no longer a draft (papers/access.ts isPublicPaper). */
const PUBLIC_PAPER = sql`(p.visibility = 'public' AND p.state <> 'draft')`;

function organizationSource(tenantId: string): SQL {
	return sql`
		SELECT b.id AS key, b.created_at AS created,
			GREATEST(b.updated_at, (
				SELECT max(GREATEST(bm.updated_at, pp.updated_at))
				FROM body_memberships bm
				JOIN person_publications pp ON pp.tenant_id = bm.tenant_id AND pp.user_id = bm.user_id
				WHERE bm.tenant_id = b.tenant_id AND bm.body_id = b.id
			)) AS modified,
			${PUBLIC_BODY} AS is_public
		FROM bodies b
		WHERE b.tenant_id = ${tenantId}`;
}

function personSource(tenantId: string): SQL {
	return sql`
		SELECT pp.user_id AS key, pp.created_at AS created,
			GREATEST(pp.updated_at, u.updated_at, (
				SELECT max(GREATEST(bm.updated_at, b.updated_at))
				FROM body_memberships bm JOIN bodies b ON b.id = bm.body_id
				WHERE bm.tenant_id = pp.tenant_id AND bm.user_id = pp.user_id
			)) AS modified,
			(pp.withdrawn_at IS NULL) AS is_public
		FROM person_publications pp
		JOIN users u ON u.id = pp.user_id
		WHERE pp.tenant_id = ${tenantId}`;
}

function membershipSource(tenantId: string): SQL {
	return sql`
		SELECT bm.id AS key, bm.created_at AS created,
			GREATEST(bm.updated_at, b.updated_at, pp.updated_at) AS modified,
			(${PUBLIC_BODY} AND pp.user_id IS NOT NULL AND pp.withdrawn_at IS NULL) AS is_public
		FROM body_memberships bm
		JOIN bodies b ON b.id = bm.body_id
		LEFT JOIN person_publications pp ON pp.tenant_id = bm.tenant_id AND pp.user_id = bm.user_id
		WHERE bm.tenant_id = ${tenantId}`;
}

function meetingSource(tenantId: string, scope: Scope): SQL {
	return sql`
		SELECT m.id AS key, m.created_at AS created,
			GREATEST(m.updated_at, b.updated_at,
				(SELECT max(ai.updated_at) FROM agenda_items ai WHERE ai.meeting_id = m.id),
				(SELECT max(f.updated_at) FROM files f WHERE f.meeting_id = m.id),
				(SELECT max(f.updated_at) FROM agenda_items ai JOIN files f ON f.agenda_item_id = ai.id
					WHERE ai.meeting_id = m.id),
				(SELECT max(c.updated_at) FROM consultations c WHERE c.meeting_id = m.id)
			) AS modified,
			${PUBLIC_BODY} AS is_public
		FROM meetings m
		JOIN bodies b ON b.id = m.body_id
		WHERE m.tenant_id = ${tenantId}${scope.bodyId ? sql` AND m.body_id = ${scope.bodyId}` : sql``}`;
}

function locationSource(tenantId: string): SQL {
	return sql`
		SELECT m.id AS key, m.created_at AS created,
			GREATEST(m.updated_at, b.updated_at) AS modified,
			(${PUBLIC_BODY} AND m.location IS NOT NULL AND btrim(m.location) <> '') AS is_public
		FROM meetings m
		JOIN bodies b ON b.id = m.body_id
		WHERE m.tenant_id = ${tenantId}`;
}

function agendaItemSource(tenantId: string): SQL {
	return sql`
		SELECT ai.id AS key, ai.created_at AS created,
			GREATEST(ai.updated_at, m.updated_at, b.updated_at,
				(SELECT max(f.updated_at) FROM files f WHERE f.agenda_item_id = ai.id),
				(SELECT max(c.updated_at) FROM consultations c WHERE c.agenda_item_id = ai.id)
			) AS modified,
			(ai.is_public AND ${PUBLIC_BODY}) AS is_public
		FROM meetings m
		JOIN bodies b ON b.id = m.body_id
		JOIN agenda_items ai ON ai.meeting_id = m.id
		WHERE m.tenant_id = ${tenantId}`;
}

/**
 * A file is public when it is marked public and attached to at least one public object.
 * Besides the stored files: the published minutes of each meeting (Meeting.resultsProtocol), public
 * while the minutes are published and the body is public, as the PDF page
 * /{tenant}/sitzungen/{meeting}/protokoll.pdf (minutes/public.ts). Created when published;
 * modified then, or later when the body changed (its name is in the PDF, its visibility decides),
 * so a body that is no longer public shows the File as deleted under modified_since.
 */
function fileSource(tenantId: string): SQL {
	return sql`
		SELECT ${protocolKeySql(sql`m.id`)} AS key,
			COALESCE(m.minutes_published_at, m.updated_at) AS created,
			GREATEST(COALESCE(m.minutes_published_at, m.updated_at), b.updated_at) AS modified,
			(m.minutes_state = 'published' AND ${PUBLIC_BODY}) AS is_public
		FROM meetings m JOIN bodies b ON b.id = m.body_id
		WHERE m.tenant_id = ${tenantId}
			AND (m.minutes_state = 'published' OR m.minutes_published_at IS NOT NULL)
		UNION ALL
		SELECT * FROM (${storedFileSource(tenantId)}) stored`;
}

function storedFileSource(tenantId: string): SQL {
	return sql`
		SELECT f.id AS key, f.created_at AS created,
			GREATEST(f.updated_at, max(a.parent_modified)) AS modified,
			bool_or(f.is_public AND a.parent_public) AS is_public
		FROM (
			SELECT f.id AS file_id, GREATEST(m.updated_at, b.updated_at) AS parent_modified,
				${PUBLIC_BODY} AS parent_public
			FROM meetings m JOIN bodies b ON b.id = m.body_id JOIN files f ON f.meeting_id = m.id
			WHERE m.tenant_id = ${tenantId} AND f.agenda_item_id IS NULL
			UNION ALL
			SELECT f.id, GREATEST(ai.updated_at, m.updated_at, b.updated_at),
				(ai.is_public AND ${PUBLIC_BODY})
			FROM meetings m JOIN bodies b ON b.id = m.body_id
			JOIN agenda_items ai ON ai.meeting_id = m.id
			JOIN files f ON f.agenda_item_id = ai.id
			WHERE m.tenant_id = ${tenantId}
			UNION ALL
			SELECT pf.file_id, GREATEST(p.updated_at, pf.updated_at), ${PUBLIC_PAPER}
			FROM papers p JOIN paper_files pf ON pf.paper_id = p.id
			WHERE p.tenant_id = ${tenantId}
		) a
		JOIN files f ON f.id = a.file_id
		WHERE f.tenant_id = ${tenantId}
		GROUP BY f.id, f.created_at, f.updated_at`;
}

function paperSource(tenantId: string): SQL {
	return sql`
		SELECT p.id AS key, p.created_at AS created,
			GREATEST(p.updated_at,
				(SELECT max(c.updated_at) FROM consultations c WHERE c.paper_id = p.id),
				(SELECT max(GREATEST(pf.updated_at, f.updated_at)) FROM paper_files pf
					JOIN files f ON f.id = pf.file_id WHERE pf.paper_id = p.id),
				(SELECT max(pr.updated_at) FROM paper_relations pr
					WHERE pr.parent_paper_id = p.id OR pr.child_paper_id = p.id)
			) AS modified,
			${PUBLIC_PAPER} AS is_public
		FROM papers p
		WHERE p.tenant_id = ${tenantId}`;
}

/**
 * A consultation is public when its paper is public (not a draft), the Gremium (and so its
 * meeting) is public and the paper is not dealt with in a non-public agenda item.
 */
function consultationSource(tenantId: string, scope: Scope): SQL {
	return sql`
		SELECT c.id AS key, c.created_at AS created,
			GREATEST(c.updated_at, p.updated_at, b.updated_at, ai.updated_at) AS modified,
			(${PUBLIC_PAPER} AND ${PUBLIC_BODY} AND (ai.id IS NULL OR ai.is_public)) AS is_public
		FROM consultations c
		JOIN papers p ON p.id = c.paper_id
		JOIN bodies b ON b.id = c.body_id
		LEFT JOIN agenda_items ai ON ai.id = c.agenda_item_id
		WHERE c.tenant_id = ${tenantId}${scope.bodyId ? sql` AND c.body_id = ${scope.bodyId}` : sql``}`;
}

/** The network keeps no legislative terms: an empty list. */
function legislativeTermSource(): SQL {
	return sql`SELECT NULL::uuid AS key, NULL::timestamptz AS created, NULL::timestamptz AS modified,
		false AS is_public WHERE false`;
}

export function source(type: TenantObjectType, tenantId: string, scope: Scope = {}): SQL {
	switch (type) {
		case 'Organization':
			return organizationSource(tenantId);
		case 'Person':
			return personSource(tenantId);
		case 'Membership':
			return membershipSource(tenantId);
		case 'Meeting':
			return meetingSource(tenantId, scope);
		case 'Location':
			return locationSource(tenantId);
		case 'AgendaItem':
			return agendaItemSource(tenantId);
		case 'File':
			return fileSource(tenantId);
		case 'Paper':
			return paperSource(tenantId);
		case 'Consultation':
			return consultationSource(tenantId, scope);
		case 'LegislativeTerm':
			return legislativeTermSource();
	}
}

export interface Meta {
	key: string;
	created: Date | null;
	modified: Date;
	/** not public (any more), or deleted (tombstone) */
	deleted: boolean;
}

interface RawMeta {
	key: string;
	created_ms: number | string | null;
	modified_ms: number | string;
	deleted: boolean;
}

const toMeta = (r: RawMeta): Meta => ({
	key: r.key,
	created: r.created_ms === null ? null : new Date(Number(r.created_ms)),
	modified: new Date(Number(r.modified_ms)),
	deleted: r.deleted
});

/**
 * The rows of a list before paging: live objects, and with `includeDeleted` also the objects
 * that are not public (any more) and the tombstones of deleted ones. Times cut to milliseconds,
 * as they are printed, so that a client's filter with a printed value finds the object again.
 */
function rowsSql(
	type: TenantObjectType,
	tenantId: string,
	scope: Scope,
	includeDeleted: boolean
): SQL {
	const live = sql`
		SELECT s.key, date_trunc('milliseconds', s.created) AS created,
			date_trunc('milliseconds', s.modified) AS modified, NOT s.is_public AS deleted
		FROM (${source(type, tenantId, scope)}) s
		${includeDeleted ? sql`` : sql`WHERE s.is_public`}`;
	if (!includeDeleted || scope.bodyId) return live;
	return sql`${live}
		UNION ALL
		SELECT t.object_id, NULL::timestamptz, date_trunc('milliseconds', t.deleted_at), true
		FROM oparl_tombstones t
		WHERE t.tenant_id = ${tenantId} AND t.object_type = ${type}`;
}

function filterSql(filters: ListParams['filters']): SQL {
	const parts: SQL[] = [sql`true`];
	const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
	if (filters.created_since) parts.push(sql`r.created >= ${at(filters.created_since)}`);
	if (filters.created_until) parts.push(sql`r.created <= ${at(filters.created_until)}`);
	if (filters.modified_since) parts.push(sql`r.modified >= ${at(filters.modified_since)}`);
	if (filters.modified_until) parts.push(sql`r.modified <= ${at(filters.modified_until)}`);
	return sql.join(parts, sql` AND `);
}

const MS = (col: string) =>
	sql.raw(`floor(extract(epoch from r.${col}) * 1000)::float8 AS ${col}_ms`);

/**
 * One page of a list in a stable order (created, then id; tombstones by their deletion time),
 * and the number of all entries. Deleted entries only when the client asked for changes
 * (modified_since), as the specification says.
 */
export async function listPage(
	db: Executor,
	type: TenantObjectType,
	tenantId: string,
	params: Pick<ListParams, 'filters' | 'page'>,
	pageSize: number,
	scope: Scope = {}
): Promise<{ total: number; rows: Meta[] }> {
	const includeDeleted = !!params.filters.modified_since;
	const rows = sql`(${rowsSql(type, tenantId, scope, includeDeleted)}) r WHERE ${filterSql(params.filters)}`;
	const [counted] = rowsOf<{ n: number | string }>(
		await db.execute(sql`SELECT count(*)::int AS n FROM ${rows}`)
	);
	const total = Number(counted?.n ?? 0);
	if (total === 0) return { total, rows: [] };
	const page = rowsOf<RawMeta>(
		await db.execute(sql`
			SELECT r.key::text AS key, ${MS('created')}, ${MS('modified')}, r.deleted
			FROM ${rows}
			ORDER BY COALESCE(r.created, r.modified), r.key
			LIMIT ${pageSize} OFFSET ${(params.page - 1) * pageSize}`)
	);
	return { total, rows: page.map(toMeta) };
}

/** created/modified/deleted of the given objects of the tenant (no tombstones). */
export async function fetchMeta(
	db: Executor,
	type: TenantObjectType,
	tenantId: string,
	keys: string[]
): Promise<Map<string, Meta>> {
	const out = new Map<string, Meta>();
	if (keys.length === 0) return out;
	const list = sql.join(
		[...new Set(keys)].map((k) => sql`${k}::uuid`),
		sql`, `
	);
	const rows = rowsOf<RawMeta>(
		await db.execute(sql`
			SELECT r.key::text AS key, ${MS('created')}, ${MS('modified')}, NOT r.is_public AS deleted
			FROM (${source(type, tenantId)}) r
			WHERE r.key IN (${list})`)
	);
	for (const r of rows) out.set(r.key, toMeta(r));
	return out;
}

/** One object: its meta, or the tombstone of a deleted one, or null when it never existed. */
export async function findMeta(
	db: Executor,
	type: TenantObjectType,
	tenantId: string,
	key: string
): Promise<Meta | null> {
	const found = (await fetchMeta(db, type, tenantId, [key])).get(key);
	if (found) return found;
	const [tomb] = rowsOf<RawMeta>(
		await db.execute(sql`
			SELECT t.object_id::text AS key, NULL AS created_ms,
				floor(extract(epoch from max(t.deleted_at)) * 1000)::float8 AS modified_ms, true AS deleted
			FROM oparl_tombstones t
			WHERE t.tenant_id = ${tenantId} AND t.object_type = ${type} AND t.object_id = ${key}::uuid
			GROUP BY t.object_id`)
	);
	return tomb ? toMeta(tomb) : null;
}
