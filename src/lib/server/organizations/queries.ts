import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { NotFoundError } from '../errors';
import { organizations } from './schema';

/** The organisation of the tenant (locked when it will be written); NotFoundError otherwise. */
export async function findOrganization(db: Executor, tenantId: string, id: string, lock = false) {
	const q = db
		.select()
		.from(organizations)
		.where(and(eq(organizations.id, id), eq(organizations.tenantId, tenantId)));
	const [row] = lock ? await q.for('update') : await q;
	if (!row) throw new NotFoundError();
	return row;
}

/** "Street 1, 84028 Landshut" from the organisation's address parts; null when there are none. */
export function addressLine(org: {
	street: string | null;
	postalCode: string | null;
	city: string | null;
}): string | null {
	const cityLine = [org.postalCode, org.city].filter((x) => x && x.trim() !== '').join(' ');
	const line = [org.street, cityLine].filter((x) => x && x.trim() !== '').join(', ');
	return line || null;
}
