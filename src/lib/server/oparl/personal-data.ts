import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { tenants } from '../tenants/schema';
import type { DataSubject, PersonalDataPart } from '../privacy/types';
import { m } from '$lib/paraglide/messages';
import { CONSENT_TEXT_VERSION } from './consent';
import { personPublications } from './schema';

/**
 * Art. 15: consents to public display with their times and the text agreed to. Only the
 * current text version is kept in the messages; for an older version the export says so.
 */
export async function oparlPersonalData(
	db: Db,
	person: DataSubject,
	locale: 'de' | 'en'
): Promise<PersonalDataPart> {
	const rows = await db
		.select({
			tenant: tenants.name,
			consentedAt: personPublications.consentedAt,
			consentTextVersion: personPublications.consentTextVersion,
			withdrawnAt: personPublications.withdrawnAt
		})
		.from(personPublications)
		.innerJoin(tenants, eq(tenants.id, personPublications.tenantId))
		.where(eq(personPublications.userId, person.userId))
		.orderBy(asc(tenants.name));
	return {
		publication_consents: rows.map((row) => ({
			...row,
			consentText:
				row.consentTextVersion === CONSENT_TEXT_VERSION
					? m.oparl_consent_text({}, { locale })
					: m.gdpr_consent_text_older({ version: row.consentTextVersion }, { locale })
		}))
	};
}
