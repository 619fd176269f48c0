/**
 * The shape every domain uses to hand over what it stores about one person for a GDPR access
 * request (Art. 15). Each domain reads only its own tables (`<domain>/personal-data.ts`);
 * privacy/export.ts puts the parts together. Rows hold the person's own data and the names of
 * the things they belong to, never other people's data (no other person's id, name or e-mail).
 */

/** The person the request is about: the signed-in account. */
export interface DataSubject {
	userId: string;
	/** lower case, as stored */
	email: string;
}

export const SECTION_KEYS = [
	'account',
	'tenant_roles',
	'editor_organizations',
	'sessions',
	'invitations',
	'publication_consents',
	'contact_entries',
	'body_memberships',
	'body_join_requests',
	'meeting_invitations',
	'meeting_attendance',
	'action_items',
	'contributions',
	'contribution_comments',
	'contribution_supports',
	'dialogue_registrations',
	'paper_authorships',
	'paper_comments',
	'messages_sent',
	'message_entries_written',
	'audit_by_person',
	'audit_about_person',
	'notification_settings',
	'notifications'
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export type PersonalDataRow = Record<string, string | number | boolean | Date | null | unknown>;

/** One domain's part: sections by key. */
export type PersonalDataPart = Partial<Record<SectionKey, PersonalDataRow[]>>;

/**
 * The person whose account is erased (Art. 17). `pseudonym` is drawn at random once per
 * erasure: the same on every kept record of the person, with no way back to them.
 */
export interface ErasureSubject extends DataSubject {
	name: string;
	pseudonym: string;
}
