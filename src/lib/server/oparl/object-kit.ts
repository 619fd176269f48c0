/** The frame of every OParl object: id, type, properties, created/modified; embedding rules. */
import type { Executor } from '../db/client';
import type { Tenant } from '../tenants/schema';
import { fetchMeta, type Meta } from './sources';
import { typeUri, type OParlUrls, type TenantObjectType } from './urls';
import { formatDateTime } from './params';

export type OParlObject = Record<string, unknown>;

export interface LoadCtx {
	db: Executor;
	urls: OParlUrls;
	tenant: Tenant;
	omitInternal: boolean;
}

export type Loaded = Map<string, OParlObject>;

/** id, type, then the properties, then created/modified (all objects carry both). */
export function object(
	ctx: LoadCtx,
	type: TenantObjectType,
	meta: Meta,
	props: Record<string, unknown>
): OParlObject {
	const out: OParlObject = {
		id: ctx.urls.object(type, ctx.tenant.id, meta.key),
		type: typeUri(type)
	};
	for (const [k, v] of Object.entries(props)) {
		if (v === undefined || v === null) continue;
		if (Array.isArray(v) && v.length === 0) continue;
		out[k] = v;
	}
	if (meta.created) out.created = formatDateTime(meta.created);
	out.modified = formatDateTime(meta.modified);
	return out;
}

/** The stub of an object that was deleted or is no longer public. */
export function deletedObject(url: string, type: string, meta: Meta): OParlObject {
	const out: OParlObject = { id: url, type: typeUri(type as TenantObjectType), deleted: true };
	if (meta.created) out.created = formatDateTime(meta.created);
	out.modified = formatDateTime(meta.modified);
	return out;
}

/** Of the given keys, those that are public now, with their meta. */
export async function live(
	ctx: LoadCtx,
	type: TenantObjectType,
	keys: (string | null | undefined)[]
) {
	const wanted = keys.filter((k): k is string => !!k);
	const metas = await fetchMeta(ctx.db, type, ctx.tenant.id, wanted);
	return new Map([...metas].filter(([, m]) => !m.deleted));
}

export const embed = <T>(ctx: LoadCtx, value: T): T | undefined =>
	ctx.omitInternal ? undefined : value;

export function pick(loaded: Loaded, keys: string[]): OParlObject[] {
	return keys.map((k) => loaded.get(k)).filter((o): o is OParlObject => !!o);
}
