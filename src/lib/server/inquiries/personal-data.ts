import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { tenants } from '../tenants/schema';
import type { DataSubject, PersonalDataPart } from '../privacy/types';
import { personRows } from '../privacy/rows';
import { inquiries, inquiryEntries } from './schema';

/**
 * Art. 15: messages (Anliegen) sent under the person's e-mail address with the consent to the
 * privacy notice, and the thread entries the person wrote as staff. The thread of a message
 * sent by someone else stays out: it is that sender's data.
 */
export async function inquiriesPersonalData(
	db: Db,
	person: DataSubject
): Promise<PersonalDataPart> {
	return {
		messages_sent: await personRows(
			db,
			inquiries,
			'reference kind subject body name email consentVersion consentAt state createdAt answeredAt closedAt',
			{
				named: { tenant: tenants.name },
				joins: [[tenants, eq(tenants.id, inquiries.tenantId)]],
				where: eq(sql`lower(${inquiries.email})`, person.email),
				orderBy: inquiries.createdAt
			}
		),
		message_entries_written: await personRows(db, inquiryEntries, 'kind body createdAt', {
			named: { reference: inquiries.reference, shownAs: inquiryEntries.authorLabel },
			joins: [[inquiries, eq(inquiries.id, inquiryEntries.inquiryId)]],
			where: eq(inquiryEntries.authorId, person.userId),
			orderBy: inquiryEntries.createdAt
		})
	};
}
