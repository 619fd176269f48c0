/** Who is told about a paper by mail: coordinators, a body's managers, a body's members. */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { users } from '../auth/schema';
import { bodyMemberships } from '../bodies/schema';
import { isCurrentMembership } from '../bodies/membership-rule';

export interface Recipient {
	userId: string;
	email: string;
	name: string;
	locale: 'de' | 'en';
}

const recipient = { userId: users.id, email: users.email, name: users.name, locale: users.locale };

const asRecipients = (
	rows: { userId: string; email: string; name: string; locale: string | null }[]
) => rows.map((r): Recipient => ({ ...r, locale: r.locale === 'en' ? 'en' : 'de' }));

/**
 * Current members of a body (today in Berlin: started and not ended), active accounts only;
 * with `roles` only those roles (e.g. the people who manage its meetings).
 */
export async function currentBodyMembers(
	db: Executor,
	bodyId: string,
	roles?: ('speaker' | 'deputy' | 'moderator')[]
): Promise<Recipient[]> {
	return asRecipients(
		await db
			.select(recipient)
			.from(bodyMemberships)
			.innerJoin(users, eq(users.id, bodyMemberships.userId))
			.where(
				and(
					eq(bodyMemberships.bodyId, bodyId),
					roles ? inArray(bodyMemberships.role, roles) : undefined,
					isCurrentMembership(),
					isNull(users.disabledAt)
				)
			)
	);
}

/** Each address once, in the order given. */
export function uniqueByEmail(people: Recipient[]): Recipient[] {
	const seen = new Set<string>();
	return people.filter((p) => !seen.has(p.email) && !!seen.add(p.email));
}
