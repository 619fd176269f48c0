// Audit log labels of the public-display consent (OParl): action code → message, entity type → message.
// (To be imported by ../labels.ts like the other areas.)
import { m } from '$lib/paraglide/messages';

export const ACTIONS: Record<string, () => string> = {
	'person_publication.consent': () => m.oparl_audit_consent(),
	'person_publication.withdraw': () => m.oparl_audit_withdraw()
};
export const ENTITIES: Record<string, () => string> = {
	person_publication: () => m.oparl_audit_entity()
};
