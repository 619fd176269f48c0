/** German values for OParl's free-text properties (classification, role, meetingState …). */
import type { BodyKind, MembershipRole } from '../bodies/schema';
import type { MeetingState } from '../meetings/schema';
import type { Tenant } from '../tenants/schema';

export const BODY_CLASSIFICATION: Record<BodyKind, string> = {
	network: 'Netzwerk',
	working_group: 'Arbeitskreis',
	steering_group: 'Steuerungsgruppe',
	advisory_council: 'Beirat',
	project_group: 'Projektgruppe',
	municipal_network: 'Vernetzungstreffen der Gemeinden'
};

export const TENANT_CLASSIFICATION: Record<Tenant['kind'], string> = {
	district: 'Landkreis',
	city: 'Stadt',
	municipality: 'Gemeinde'
};

export const MEMBERSHIP_ROLE: Record<MembershipRole, string> = {
	speaker: 'Sprecher/in',
	moderator: 'Moderation',
	member: 'Mitglied',
	deputy: 'Stellvertretung',
	guest: 'Gast'
};

export const MEETING_STATE: Record<MeetingState, string> = {
	planned: 'geplant',
	invited: 'eingeladen',
	held: 'durchgeführt',
	cancelled: 'abgesagt'
};

export const PAPER_TYPE: Record<string, string> = {
	resolution_proposal: 'Beschlussvorlage',
	notice: 'Mitteilung',
	motion: 'Antrag',
	report: 'Bericht',
	inquiry: 'Anfrage'
};

export const CONSULTATION_ROLE: Record<string, string> = {
	information: 'Kenntnisnahme',
	preliminary: 'Vorberatung',
	decision: 'Entscheidung'
};

export const CONSULTATION_RESULT: Record<string, string> = {
	decided: 'beschlossen',
	noted: 'zur Kenntnis genommen',
	deferred: 'vertagt',
	rejected: 'abgelehnt'
};
