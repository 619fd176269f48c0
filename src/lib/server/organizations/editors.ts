import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { editorOrganizations, tenantMembers, users } from '../auth/schema';

export interface Recipient {
	userId: string;
	email: string;
	name: string;
	locale: 'de' | 'en';
}

const asLocale = (l: string | null): 'de' | 'en' => (l === 'en' ? 'en' : 'de');

/** The people who keep an organisation's record: its editors (still editors in the tenant). */
export async function editorsOf(
	db: Executor,
	tenantId: string,
	organizationIds: string[]
): Promise<(Recipient & { organizationId: string })[]> {
	if (organizationIds.length === 0) return [];
	const rows = await db
		.select({
			userId: users.id,
			email: users.email,
			name: users.name,
			locale: users.locale,
			organizationId: editorOrganizations.organizationId
		})
		.from(editorOrganizations)
		.innerJoin(users, eq(users.id, editorOrganizations.userId))
		.innerJoin(
			tenantMembers,
			and(
				eq(tenantMembers.tenantId, editorOrganizations.tenantId),
				eq(tenantMembers.userId, editorOrganizations.userId)
			)
		)
		.where(
			and(
				eq(editorOrganizations.tenantId, tenantId),
				inArray(editorOrganizations.organizationId, organizationIds),
				eq(tenantMembers.role, 'editor'),
				isNull(users.disabledAt)
			)
		);
	return rows.map((r) => ({ ...r, locale: asLocale(r.locale) }));
}

/** The tenant's coordinators (owners of offers whose organisation has no editor). */
export async function coordinatorsOf(db: Executor, tenantId: string): Promise<Recipient[]> {
	const rows = await db
		.select({ userId: users.id, email: users.email, name: users.name, locale: users.locale })
		.from(tenantMembers)
		.innerJoin(users, eq(users.id, tenantMembers.userId))
		.where(
			and(
				eq(tenantMembers.tenantId, tenantId),
				eq(tenantMembers.role, 'coordinator'),
				isNull(users.disabledAt)
			)
		);
	return rows.map((r) => ({ ...r, locale: asLocale(r.locale) }));
}

export async function recipientById(
	db: Executor,
	userId: string | null
): Promise<Recipient | null> {
	if (!userId) return null;
	const [r] = await db
		.select({ userId: users.id, email: users.email, name: users.name, locale: users.locale })
		.from(users)
		.where(and(eq(users.id, userId), isNull(users.disabledAt)));
	return r ? { ...r, locale: asLocale(r.locale) } : null;
}
