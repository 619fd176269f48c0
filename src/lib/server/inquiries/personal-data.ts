import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { tenants } from '../tenants/schema';
import type { DataSubject, PersonalDataPart } from '../privacy/types';
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
		messages_sent: await db
			.select({
				tenant: tenants.name,
				reference: inquiries.reference,
				kind: inquiries.kind,
				subject: inquiries.subject,
				body: inquiries.body,
				name: inquiries.name,
				email: inquiries.email,
				consentVersion: inquiries.consentVersion,
				consentAt: inquiries.consentAt,
				state: inquiries.state,
				createdAt: inquiries.createdAt,
				answeredAt: inquiries.answeredAt,
				closedAt: inquiries.closedAt
			})
			.from(inquiries)
			.innerJoin(tenants, eq(tenants.id, inquiries.tenantId))
			.where(eq(sql`lower(${inquiries.email})`, person.email))
			.orderBy(asc(inquiries.createdAt)),
		message_entries_written: await db
			.select({
				reference: inquiries.reference,
				kind: inquiryEntries.kind,
				body: inquiryEntries.body,
				shownAs: inquiryEntries.authorLabel,
				createdAt: inquiryEntries.createdAt
			})
			.from(inquiryEntries)
			.innerJoin(inquiries, eq(inquiries.id, inquiryEntries.inquiryId))
			.where(eq(inquiryEntries.authorId, person.userId))
			.orderBy(asc(inquiryEntries.createdAt))
	};
}
