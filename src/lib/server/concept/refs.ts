/** Lookups the concept's use cases share: references to the tenant's bodies and fields. */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { ValidationError } from '../errors';
import { bodies } from '../bodies/schema';
import { fieldsOfAction } from '../fields-of-action/schema';

/** A body of the tenant, else a validation error on `field`. */
export async function tenantBody(
	db: Executor,
	tenantId: string,
	bodyId: string,
	field = 'bodyId'
): Promise<{ id: string }> {
	const [body] = await db
		.select({ id: bodies.id })
		.from(bodies)
		.where(and(eq(bodies.tenantId, tenantId), eq(bodies.id, bodyId)));
	if (!body) throw new ValidationError({ [field]: 'concept_error_body_invalid' });
	return body;
}

/** A field of action of the tenant, else a validation error. */
export async function tenantField(
	db: Executor,
	tenantId: string,
	fieldId: string
): Promise<{ id: string }> {
	const [field] = await db
		.select({ id: fieldsOfAction.id })
		.from(fieldsOfAction)
		.where(and(eq(fieldsOfAction.tenantId, tenantId), eq(fieldsOfAction.id, fieldId)));
	if (!field) throw new ValidationError({ fieldOfActionId: 'concept_error_field_required' });
	return field;
}
