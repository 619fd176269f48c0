import { eq } from 'drizzle-orm';
import type { Db, Executor } from '../db/client';
import { tenants } from '../tenants/schema';
import type { DataSubject, ErasureSubject, PersonalDataPart } from '../privacy/types';
import { personRows } from '../privacy/rows';
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
	const rows = await personRows(
		db,
		personPublications,
		'consentedAt consentTextVersion withdrawnAt',
		{
			named: { tenant: tenants.name },
			joins: [[tenants, eq(tenants.id, personPublications.tenantId)]],
			where: eq(personPublications.userId, person.userId),
			orderBy: tenants.name
		}
	);
	return {
		publication_consents: rows.map((row) => ({
			...row,
			consentText:
				row.consentTextVersion === CONSENT_TEXT_VERSION
					? m.oparl_consent_text({}, { locale })
					: m.gdpr_consent_text_older({ version: String(row.consentTextVersion) }, { locale })
		}))
	};
}

/** Art. 17: consents to public display go, so the person disappears from OParl and the pages. */
export async function eraseOparlPersonalData(tx: Executor, person: ErasureSubject): Promise<void> {
	await tx.delete(personPublications).where(eq(personPublications.userId, person.userId));
}
