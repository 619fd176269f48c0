import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { tenants } from '../tenants/schema';
import type { DataSubject, PersonalDataPart } from '../privacy/types';
import { contacts, organizations } from './schema';

/**
 * Art. 15: entries as a contact person (Ansprechpartner:in) of an organisation under the
 * person's e-mail address, with the consent text as shown at the time and its dates.
 */
export async function organizationsPersonalData(
	db: Db,
	person: DataSubject
): Promise<PersonalDataPart> {
	return {
		contact_entries: await db
			.select({
				tenant: tenants.name,
				organization: organizations.name,
				name: contacts.name,
				role: contacts.role,
				phone: contacts.phone,
				email: contacts.email,
				consentText: contacts.consentText,
				consentGivenAt: contacts.consentGivenAt,
				consentWithdrawnAt: contacts.consentWithdrawnAt,
				createdAt: contacts.createdAt,
				updatedAt: contacts.updatedAt
			})
			.from(contacts)
			.innerJoin(organizations, eq(organizations.id, contacts.organizationId))
			.innerJoin(tenants, eq(tenants.id, contacts.tenantId))
			.where(eq(sql`lower(${contacts.email})`, person.email))
			.orderBy(asc(contacts.createdAt))
	};
}
