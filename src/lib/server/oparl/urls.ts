/**
 * The URLs of the OParl 1.1 interface. Every object id is an absolute URL built from the public
 * origin and ids that never change (UUIDs of the rows; a Person is a user within one body, a
 * Location is the place of one meeting).
 *
 *   /oparl/v1.1/system                              System
 *   /oparl/v1.1/body                                list of Bodies (one per public tenant)
 *   /oparl/v1.1/body/{tenantId}                     Body
 *   /oparl/v1.1/body/{tenantId}/{list}              organization, person, meeting, paper,
 *                                                   agendaItem, consultation, file, location,
 *                                                   legislativeTerm, membership
 *   /oparl/v1.1/organization/{bodyId}               Organization (a Gremium)
 *   /oparl/v1.1/organization/{bodyId}/meeting       its meetings; …/consultation its consultations
 *   /oparl/v1.1/person/{tenantId}/{userId}          Person
 *   /oparl/v1.1/{type}/{id}                         membership, meeting, agendaItem, paper,
 *                                                   consultation, file, location (id: meeting)
 *   /oparl/v1.1/file/{id}/access, …/download        the file's content (inline / attachment)
 *
 * The published minutes of a meeting are a File too (Meeting.resultsProtocol) whose content is
 * the public PDF page; its id is derived from the meeting's (see protocolFileId).
 */
import { sql, type SQL } from 'drizzle-orm';

export const OPARL_BASE = '/oparl/v1.1';

/** The OParl type names this interface serves. */
export const OPARL_TYPES = [
	'System',
	'Body',
	'Organization',
	'Person',
	'Membership',
	'Meeting',
	'AgendaItem',
	'Paper',
	'Consultation',
	'File',
	'Location',
	'LegislativeTerm'
] as const;
export type OParlType = (typeof OPARL_TYPES)[number];

/** Types kept per tenant (everything but System and Body). */
export type TenantObjectType = Exclude<OParlType, 'System' | 'Body'>;

export const typeUri = (type: OParlType) => `https://schema.oparl.org/1.1/${type}`;

/** The list names under a Body and the type each lists. */
export const BODY_LISTS = {
	organization: 'Organization',
	person: 'Person',
	meeting: 'Meeting',
	paper: 'Paper',
	agendaItem: 'AgendaItem',
	consultation: 'Consultation',
	file: 'File',
	location: 'Location',
	legislativeTerm: 'LegislativeTerm',
	membership: 'Membership'
} as const satisfies Record<string, TenantObjectType>;
export type BodyList = keyof typeof BODY_LISTS;

/** Path segment of single objects of each type (Person is special: tenant and user). */
export const OBJECT_SEGMENTS = {
	Organization: 'organization',
	Membership: 'membership',
	Meeting: 'meeting',
	AgendaItem: 'agendaItem',
	Paper: 'paper',
	Consultation: 'consultation',
	File: 'file',
	Location: 'location',
	LegislativeTerm: 'legislativeTerm',
	Person: 'person'
} as const satisfies Record<TenantObjectType, string>;

/** '0'…'f' → the same digit XOR 0xc: an involution that turns version 4 into 8 and back. */
const FLIP_FROM = '0123456789abcdef';
const FLIP_TO = 'cdef89ab45670123';

/**
 * The File id of a meeting's published minutes: the meeting id with its version digit flipped
 * (4 ↔ 8), i.e. a UUIDv8 ("custom", RFC 9562) that random (v4) file ids never equal. Stable, and
 * its own inverse: protocolFileId(protocolFileId(id)) === id, so the meeting is found again.
 * protocolKeySql does the same in SQL.
 */
export function protocolFileId(meetingId: string): string {
	const id = meetingId.toLowerCase();
	const digit = FLIP_TO[FLIP_FROM.indexOf(id[14])] ?? id[14];
	return `${id.slice(0, 14)}${digit}${id.slice(15)}`;
}

/** protocolFileId in SQL, for a uuid column or value. */
export const protocolKeySql = (column: SQL) =>
	sql`overlay(${column}::text placing translate(substr(${column}::text, 15, 1), ${FLIP_FROM}, ${FLIP_TO}) from 15 for 1)::uuid`;

export function oparlUrls(origin: string) {
	const base = `${origin.replace(/\/$/, '')}${OPARL_BASE}`;
	return {
		base,
		system: () => `${base}/system`,
		bodies: () => `${base}/body`,
		body: (tenantId: string) => `${base}/body/${tenantId}`,
		bodyList: (tenantId: string, list: BodyList) => `${base}/body/${tenantId}/${list}`,
		organizationMeetings: (bodyId: string) => `${base}/organization/${bodyId}/meeting`,
		organizationConsultations: (bodyId: string) => `${base}/organization/${bodyId}/consultation`,
		/** The id URL of an object of the tenant (a Person needs the tenant, the others do not). */
		object: (type: TenantObjectType, tenantId: string, id: string) =>
			type === 'Person'
				? `${base}/person/${tenantId}/${id}`
				: `${base}/${OBJECT_SEGMENTS[type]}/${id}`,
		fileAccess: (id: string) => `${base}/file/${id}/access`,
		fileDownload: (id: string) => `${base}/file/${id}/download`,
		/** Public HTML pages (the `web` property). */
		web: {
			tenant: (slug: string) => `${origin}/${slug}`,
			meeting: (slug: string, meetingId: string) => `${origin}/${slug}/sitzungen/${meetingId}`,
			/** the published minutes of a meeting as public PDF */
			minutesPdf: (slug: string, meetingId: string) =>
				`${origin}/${slug}/sitzungen/${meetingId}/protokoll.pdf`,
			organization: (slug: string, bodyId: string) => `${origin}/${slug}/gremien/${bodyId}`,
			paper: (slug: string, paperId: string) => `${origin}/${slug}/vorlagen/${paperId}`
		}
	};
}
export type OParlUrls = ReturnType<typeof oparlUrls>;
