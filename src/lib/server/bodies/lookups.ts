/**
 * Small queries shared by the body use cases: whether an organisation or a person belongs to the
 * tenant, and the options of the forms. No authorisation here; callers have authorised.
 */
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../db/client';
import { ValidationError } from '../errors';
import { fieldErrors } from '../shared';
import { tenantMembers, users } from '../auth/schema';
import { organizations, organizationTenants } from '../organizations/schema';
import { fieldsOfAction } from '../fields-of-action/schema';
import { localName } from '../needs/views';

export interface Option {
	id: string;
	name: string;
}

/** Organisations kept by the tenant or taking part in it. */
function tenantOrganizationWhere(tenantId: string) {
	return or(
		eq(organizations.tenantId, tenantId),
		sql`EXISTS (SELECT 1 FROM ${organizationTenants} WHERE ${organizationTenants.organizationId} = ${organizations.id} AND ${organizationTenants.tenantId} = ${tenantId})`
	);
}

export async function isTenantOrganization(
	db: Executor,
	tenantId: string,
	organizationId: string
): Promise<boolean> {
	const [row] = await db
		.select({ id: organizations.id })
		.from(organizations)
		.where(and(eq(organizations.id, organizationId), tenantOrganizationWhere(tenantId)));
	return !!row;
}

export async function organizationOptions(db: Executor, tenantId: string): Promise<Option[]> {
	return db
		.select({ id: organizations.id, name: organizations.name })
		.from(organizations)
		.where(tenantOrganizationWhere(tenantId))
		.orderBy(asc(organizations.name), asc(organizations.id))
		.limit(2000);
}

/**
 * A person with a role in the tenant and (unless `withDisabled`) an account that is not
 * disabled.
 */
export async function isTenantPerson(
	db: Executor,
	tenantId: string,
	userId: string,
	{ withDisabled = false }: { withDisabled?: boolean } = {}
): Promise<boolean> {
	const [row] = await db
		.select({ id: users.id })
		.from(tenantMembers)
		.innerJoin(users, eq(users.id, tenantMembers.userId))
		.where(
			and(
				eq(tenantMembers.tenantId, tenantId),
				eq(tenantMembers.userId, userId),
				withDisabled ? undefined : isNull(users.disabledAt)
			)
		);
	return !!row;
}

export async function personOptions(db: Executor, tenantId: string): Promise<Option[]> {
	return db
		.select({ id: users.id, name: users.name })
		.from(tenantMembers)
		.innerJoin(users, eq(users.id, tenantMembers.userId))
		.where(and(eq(tenantMembers.tenantId, tenantId), isNull(users.disabledAt)))
		.orderBy(asc(users.name), asc(users.id))
		.limit(5000);
}

export async function isTenantField(
	db: Executor,
	tenantId: string,
	fieldId: string
): Promise<boolean> {
	const [row] = await db
		.select({ id: fieldsOfAction.id })
		.from(fieldsOfAction)
		.where(and(eq(fieldsOfAction.tenantId, tenantId), eq(fieldsOfAction.id, fieldId)));
	return !!row;
}

export async function fieldOptions(
	db: Executor,
	tenantId: string,
	locale: string
): Promise<Option[]> {
	const rows = await db
		.select({ id: fieldsOfAction.id, names: fieldsOfAction.names })
		.from(fieldsOfAction)
		.where(eq(fieldsOfAction.tenantId, tenantId))
		.orderBy(asc(fieldsOfAction.position), asc(fieldsOfAction.key));
	return rows.map((r) => ({ id: r.id, name: localName(r.names, locale) }));
}

/**
 * Validates a form with zod and checks that its organisation, when given, is one of the
 * tenant's; ValidationError with a message key per field otherwise. `more` adds checks of
 * its own to the errors.
 */
export async function parseWithOrganization<T extends { organizationId?: string | null }>(
	db: Executor,
	tenantId: string,
	schema: z.ZodType<T>,
	raw: unknown,
	more?: (data: T, errors: Record<string, string>) => Promise<void>
): Promise<T> {
	const parsed = schema.safeParse(raw);
	const errors = parsed.success ? {} : fieldErrors(parsed.error);
	if (parsed.success) {
		const { organizationId } = parsed.data;
		if (more) await more(parsed.data, errors);
		if (organizationId && !(await isTenantOrganization(db, tenantId, organizationId)))
			errors.organizationId = 'bodies_error_organization_invalid';
	}
	if (!parsed.success || Object.keys(errors).length > 0) throw new ValidationError(errors);
	return parsed.data;
}
