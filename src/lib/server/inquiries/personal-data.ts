import { eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client';
import { tenants } from '../tenants/schema';
import type { DataSubject, ErasureSubject, PersonalDataPart } from '../privacy/types';
import { personRows } from '../privacy/rows';
import { inquiries, inquiryEntries } from './schema';
import { purgeInquiries } from './retention';
import { outbox } from '../mail/schema';

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

/**
 * Art. 17: messages sent under the address lose their personal data as after the retention
 * period (kind, state and dates stay for the statistics), mails still waiting for the address
 * go; entries the person wrote as staff stay in the sender's thread without the author's name.
 */
export async function eraseInquiriesPersonalData(
	tx: Executor,
	person: ErasureSubject
): Promise<void> {
	const sent = await tx
		.select({ id: inquiries.id })
		.from(inquiries)
		.where(eq(sql`lower(${inquiries.email})`, person.email));
	await purgeInquiries(
		tx,
		sent.map((row) => row.id)
	);
	await tx
		.update(inquiryEntries)
		.set({ authorId: null, authorLabel: null })
		.where(eq(inquiryEntries.authorId, person.userId));
	await tx.delete(outbox).where(eq(sql`lower(${outbox.payload}->>'to')`, person.email));
}
