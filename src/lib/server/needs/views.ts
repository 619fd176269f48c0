import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { fieldsOfAction, type LocalizedNames } from '../fields-of-action/schema';
import { tenants } from '../tenants/schema';
import type { needs } from './schema';
import type { NeedSourceKind, NeedStatus, NeedUrgency } from './validation';

/** What pages see of a need. */
export interface NeedView {
	id: string;
	title: string;
	description: string | null;
	fieldOfActionId: string | null;
	fieldOfActionName: string | null;
	targetGroup: string | null;
	language: string | null;
	municipalityId: string | null;
	municipalityName: string | null;
	sourceKind: NeedSourceKind;
	sourceNote: string | null;
	urgency: NeedUrgency;
	status: NeedStatus;
	createdAt: Date;
	updatedAt: Date;
}

export interface Option {
	id: string;
	name: string;
}

/** A field of action's name in the request's language, German when there is none. */
export function localName(names: LocalizedNames | null | undefined, locale: string): string {
	if (!names) return '';
	return names[locale] ?? names.de;
}

export function toNeedView(
	row: typeof needs.$inferSelect,
	extra: { fieldNames: LocalizedNames | null; municipalityName: string | null },
	locale: string
): NeedView {
	return {
		id: row.id,
		title: row.title,
		description: row.description,
		fieldOfActionId: row.fieldOfActionId,
		fieldOfActionName: extra.fieldNames ? localName(extra.fieldNames, locale) : null,
		targetGroup: row.targetGroup,
		language: row.language,
		municipalityId: row.municipalityId,
		municipalityName: extra.municipalityName,
		sourceKind: row.sourceKind,
		sourceNote: row.sourceNote,
		urgency: row.urgency,
		status: row.status,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt
	};
}

/** The tenant's fields of action, in their order, named in the request's language. */
export async function fieldOptions(
	db: Executor,
	tenantId: string,
	locale: string
): Promise<(Option & { key: string })[]> {
	const rows = await db
		.select({ id: fieldsOfAction.id, key: fieldsOfAction.key, names: fieldsOfAction.names })
		.from(fieldsOfAction)
		.where(eq(fieldsOfAction.tenantId, tenantId))
		.orderBy(asc(fieldsOfAction.position), asc(fieldsOfAction.key));
	return rows.map((r) => ({ id: r.id, key: r.key, name: localName(r.names, locale) }));
}

/** The municipalities of a district (its child tenants); empty for a city or municipality. */
export async function municipalityOptions(
	db: Executor,
	tenantId: string
): Promise<(Option & { slug: string })[]> {
	return db
		.select({ id: tenants.id, name: tenants.name, slug: tenants.slug })
		.from(tenants)
		.where(eq(tenants.parentId, tenantId))
		.orderBy(asc(tenants.name));
}

/** Whether the field of action belongs to the tenant. */
export async function isOwnField(db: Executor, tenantId: string, id: string): Promise<boolean> {
	const [row] = await db
		.select({ id: fieldsOfAction.id })
		.from(fieldsOfAction)
		.where(and(eq(fieldsOfAction.tenantId, tenantId), eq(fieldsOfAction.id, id)));
	return !!row;
}

/** Whether the tenant is a municipality of the district `tenantId`. */
export async function isOwnMunicipality(
	db: Executor,
	tenantId: string,
	id: string
): Promise<boolean> {
	const [row] = await db
		.select({ id: tenants.id })
		.from(tenants)
		.where(and(eq(tenants.parentId, tenantId), eq(tenants.id, id)));
	return !!row;
}
