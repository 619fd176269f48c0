import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { fieldsOfAction, type LocalizedNames } from './schema';

/** A field of action as pages see it: its name in the requested language, else German. */
export interface FieldOfActionView {
	id: string;
	key: string;
	name: string;
}

export function fieldName(names: LocalizedNames, locale: string): string {
	return names[locale] ?? names.de;
}

/** The tenant's fields of action in their order (anyone who may see the network's offers). */
export async function listFieldsOfAction(ctx: TenantCtx): Promise<FieldOfActionView[]> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'organization.view', { tenantId });
	return fieldsOfActionOf(ctx.db, tenantId, ctx.locale);
}

/** Without an actor: for trusted callers (public pages, mails). */
export async function fieldsOfActionOf(
	db: Executor,
	tenantId: string,
	locale: string
): Promise<FieldOfActionView[]> {
	const rows = await db
		.select()
		.from(fieldsOfAction)
		.where(eq(fieldsOfAction.tenantId, tenantId))
		.orderBy(asc(fieldsOfAction.position), asc(fieldsOfAction.key));
	return rows.map((r) => ({ id: r.id, key: r.key, name: fieldName(r.names, locale) }));
}

/** Which of the ids are fields of action of the tenant. */
export async function existingFieldIds(
	db: Executor,
	tenantId: string,
	ids: string[]
): Promise<Set<string>> {
	if (ids.length === 0) return new Set();
	const rows = await db
		.select({ id: fieldsOfAction.id })
		.from(fieldsOfAction)
		.where(and(eq(fieldsOfAction.tenantId, tenantId), inArray(fieldsOfAction.id, ids)));
	return new Set(rows.map((r) => r.id));
}
