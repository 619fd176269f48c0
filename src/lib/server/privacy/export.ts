/**
 * GDPR access (Art. 15): everything the platform stores about the signed-in person, as one JSON
 * document with a readable summary in the person's language. Each domain contributes its part
 * through its own `personalData` function; nothing here reads another domain's tables.
 */
import { mailLocale } from '../mail/compose';
import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
import { m } from '$lib/paraglide/messages';
import { dataArchive } from './archive';
import { auditPersonalData } from '../audit/personal-data';
import { notificationsPersonalData } from '../notifications/personal-data';
import { authPersonalData } from '../auth/personal-data';
import { bodiesPersonalData } from '../bodies/personal-data';
import { inquiriesPersonalData } from '../inquiries/personal-data';
import { invitationsPersonalData } from '../invitations/personal-data';
import { minutesPersonalData } from '../minutes/personal-data';
import { oparlPersonalData } from '../oparl/personal-data';
import { organizationsPersonalData } from '../organizations/personal-data';
import { papersPersonalData } from '../papers/personal-data';
import { participationPersonalData } from '../participation/personal-data';
import {
	SECTION_KEYS,
	type DataSubject,
	type PersonalDataPart,
	type PersonalDataRow,
	type SectionKey
} from './types';

export interface PersonalDataExport {
	summary: {
		title: string;
		intro: string;
		createdAt: string;
		person: { name: string; email: string };
		sections: { key: SectionKey; title: string; entries: number }[];
		notes: string[];
	};
	data: Record<SectionKey, PersonalDataRow[]>;
}

const SECTION_TITLES: Record<SectionKey, (locale: 'de' | 'en') => string> = {
	account: (locale) => m.gdpr_section_account({}, { locale }),
	tenant_roles: (locale) => m.gdpr_section_tenant_roles({}, { locale }),
	editor_organizations: (locale) => m.gdpr_section_editor_organizations({}, { locale }),
	sessions: (locale) => m.gdpr_section_sessions({}, { locale }),
	invitations: (locale) => m.gdpr_section_invitations({}, { locale }),
	publication_consents: (locale) => m.gdpr_section_publication_consents({}, { locale }),
	contact_entries: (locale) => m.gdpr_section_contact_entries({}, { locale }),
	body_memberships: (locale) => m.gdpr_section_body_memberships({}, { locale }),
	body_join_requests: (locale) => m.gdpr_section_body_join_requests({}, { locale }),
	meeting_invitations: (locale) => m.gdpr_section_meeting_invitations({}, { locale }),
	meeting_attendance: (locale) => m.gdpr_section_meeting_attendance({}, { locale }),
	action_items: (locale) => m.gdpr_section_action_items({}, { locale }),
	contributions: (locale) => m.gdpr_section_contributions({}, { locale }),
	contribution_comments: (locale) => m.gdpr_section_contribution_comments({}, { locale }),
	contribution_supports: (locale) => m.gdpr_section_contribution_supports({}, { locale }),
	dialogue_registrations: (locale) => m.gdpr_section_dialogue_registrations({}, { locale }),
	paper_authorships: (locale) => m.gdpr_section_paper_authorships({}, { locale }),
	paper_comments: (locale) => m.gdpr_section_paper_comments({}, { locale }),
	messages_sent: (locale) => m.gdpr_section_messages_sent({}, { locale }),
	message_entries_written: (locale) => m.gdpr_section_message_entries_written({}, { locale }),
	audit_by_person: (locale) => m.gdpr_section_audit_by_person({}, { locale }),
	audit_about_person: (locale) => m.gdpr_section_audit_about_person({}, { locale }),
	notification_settings: (locale) => m.gdpr_section_notification_settings({}, { locale }),
	notifications: (locale) => m.gdpr_section_notifications({}, { locale })
};

/** The signed-in person's data; anonymous → NotFoundError. Reads only, changes nothing. */
export async function exportMyData(ctx: Ctx): Promise<PersonalDataExport> {
	const actor = ctx.actor;
	if (!actor) throw new NotFoundError();
	const person: DataSubject = { userId: actor.userId, email: actor.email.toLowerCase() };
	const { db } = ctx;
	// the download is German or English, like the signed-in area
	const locale = mailLocale(ctx.locale);
	const parts: PersonalDataPart[] = [];
	// one after the other: a PGlite connection runs one query at a time anyway
	for (const part of [
		() => authPersonalData(db, person),
		() => oparlPersonalData(db, person, locale),
		() => organizationsPersonalData(db, person),
		() => bodiesPersonalData(db, person),
		() => invitationsPersonalData(db, person),
		() => minutesPersonalData(db, person),
		() => participationPersonalData(db, person),
		() => papersPersonalData(db, person),
		() => inquiriesPersonalData(db, person),
		() => auditPersonalData(db, person),
		() => notificationsPersonalData(db, person)
	])
		parts.push(await part());

	const data = Object.fromEntries(SECTION_KEYS.map((key) => [key, [] as PersonalDataRow[]]));
	for (const part of parts)
		for (const [key, rows] of Object.entries(part)) data[key].push(...(rows ?? []));

	return {
		summary: {
			title: m.gdpr_title({}, { locale }),
			intro: m.gdpr_intro({}, { locale }),
			createdAt: new Date().toISOString(),
			person: { name: actor.name, email: actor.email },
			sections: SECTION_KEYS.map((key) => ({
				key,
				title: SECTION_TITLES[key](locale),
				entries: data[key].length
			})),
			notes: [
				m.gdpr_note_purpose({}, { locale }),
				m.gdpr_note_others({}, { locale }),
				m.gdpr_note_rights({}, { locale })
			]
		},
		data: data as PersonalDataExport['data']
	};
}

/** The download as a ZIP archive: the JSON, each section as CSV and an overview (archive.ts). */
export function personalDataArchive(exported: PersonalDataExport): {
	name: string;
	body: Uint8Array;
} {
	const base = `miteinander-daten-${exported.summary.createdAt.slice(0, 10)}`;
	return {
		name: `${base}.zip`,
		body: dataArchive(base, exported, exported.data, exported.summary.sections)
	};
}

/** The download: indented JSON (readable in a text editor), named with the day. */
export function personalDataFile(exported: PersonalDataExport): { name: string; body: string } {
	return {
		name: `miteinander-daten-${exported.summary.createdAt.slice(0, 10)}.json`,
		body: JSON.stringify(exported, null, 2)
	};
}
