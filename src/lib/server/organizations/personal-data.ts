import { eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client';
import { tenants } from '../tenants/schema';
import type { DataSubject, ErasureSubject, PersonalDataPart } from '../privacy/types';
import { personRows } from '../privacy/rows';
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
		contact_entries: await personRows(
			db,
			contacts,
			'name role phone email consentText consentGivenAt consentWithdrawnAt createdAt updatedAt',
			{
				named: { tenant: tenants.name, organization: organizations.name },
				joins: [
					[organizations, eq(organizations.id, contacts.organizationId)],
					[tenants, eq(tenants.id, contacts.tenantId)]
				],
				where: eq(sql`lower(${contacts.email})`, person.email),
				orderBy: contacts.createdAt
			}
		)
	};
}

/** Art. 17: entries as a contact person under the address go (offers lose the contact link). */
export async function eraseOrganizationsPersonalData(
	tx: Executor,
	person: ErasureSubject
): Promise<void> {
	await tx.delete(contacts).where(eq(sql`lower(${contacts.email})`, person.email));
}
