import { asc, eq } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { organizationTypes } from '../organizations/schema';
import { fieldOptions, municipalityOptions } from '../needs/views';

export interface TransferVocabulary {
	types: { key: string; name: string }[];
	fields: { key: string; name: string }[];
	municipalities: { key: string; name: string }[];
}

/** The tenant's own keys an import may use: organisation types, fields of action, municipalities. */
export async function transferVocabulary(ctx: TenantCtx): Promise<TransferVocabulary> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'data.transfer', { tenantId });
	const [types, fields, municipalities] = await Promise.all([
		ctx.db
			.select({ key: organizationTypes.key, name: organizationTypes.name })
			.from(organizationTypes)
			.where(eq(organizationTypes.tenantId, tenantId))
			.orderBy(asc(organizationTypes.name)),
		fieldOptions(ctx.db, tenantId, ctx.locale),
		municipalityOptions(ctx.db, tenantId)
	]);
	return {
		types,
		fields: fields.map((f) => ({ key: f.key, name: f.name })),
		municipalities: municipalities.map((m) => ({ key: m.slug, name: m.name }))
	};
}
