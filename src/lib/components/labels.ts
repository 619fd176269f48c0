import { intlLocale, localeDate, localeDateTime } from '$lib/i18n/intl';
import { m } from '$lib/paraglide/messages';
import * as bodiesAudit from './audit-labels/bodies';
import * as meetingsAudit from './audit-labels/meetings';
import * as invitationsAudit from './audit-labels/invitations';
import * as minutesAudit from './audit-labels/minutes';
import * as conceptAudit from './audit-labels/concept';
import * as participationAudit from './audit-labels/participation';
import * as inquiriesAudit from './audit-labels/inquiries';
import * as papersAudit from './audit-labels/papers';

/** Translated names of the fixed vocabularies. */
export function roleLabel(role: string | null | undefined): string {
	switch (role) {
		case 'coordinator':
			return m.role_coordinator();
		case 'editor':
			return m.role_editor();
		case 'member':
			return m.role_member();
		case 'steering':
			return m.role_steering();
		case 'guest':
			return m.role_guest();
		default:
			return m.role_platform_admin();
	}
}

export function kindLabel(kind: string): string {
	return kind === 'district'
		? m.kind_district()
		: kind === 'city'
			? m.kind_city()
			: m.kind_municipality();
}

const LANDS: Record<string, () => string> = {
	BW: m.land_BW,
	BY: m.land_BY,
	BE: m.land_BE,
	BB: m.land_BB,
	HB: m.land_HB,
	HH: m.land_HH,
	HE: m.land_HE,
	MV: m.land_MV,
	NI: m.land_NI,
	NW: m.land_NW,
	RP: m.land_RP,
	SL: m.land_SL,
	SN: m.land_SN,
	ST: m.land_ST,
	SH: m.land_SH,
	TH: m.land_TH
};
export function landLabel(code: string): string {
	return LANDS[code]?.() ?? code;
}

export function formatDateTime(d: Date | string, locale: string): string {
	return localeDateTime(new Date(d), intlLocale(locale), {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Europe/Berlin'
	});
}

export function formatDate(d: Date | string, locale: string): string {
	return localeDate(new Date(d), intlLocale(locale), {
		dateStyle: 'medium',
		timeZone: 'Europe/Berlin'
	});
}

const AUDIT_ACTIONS: Record<string, () => string> = {
	'contact.consent_record': m.audit_action_contact_consent_record,
	'contact.consent_withdraw': m.audit_action_contact_consent_withdraw,
	'contact.create': m.audit_action_contact_create,
	'contact.remove': m.audit_action_contact_remove,
	'contact.update': m.audit_action_contact_update,
	'need.create': m.audit_action_need_create,
	'need.update': m.audit_action_need_update,
	'need.status_change': m.audit_action_need_status_change,
	'offer.confirm': m.audit_action_offer_confirm,
	'offer.create': m.audit_action_offer_create,
	'offer.update': m.audit_action_offer_update,
	'offer.import': m.audit_action_offer_import,
	'offer.needs_review': m.audit_action_offer_needs_review,
	'offer.revision_submit': m.audit_action_offer_revision_submit,
	'offer.revision_approve': m.audit_action_offer_revision_approve,
	'offer.revision_reject': m.audit_action_offer_revision_reject,
	'organization.create': m.audit_action_organization_create,
	'organization.update': m.audit_action_organization_update,
	'organization.flags_update': m.audit_action_organization_flags_update,
	'organization.import': m.audit_action_organization_import,
	'organization.logo_update': m.audit_action_organization_logo_update,
	'organization.logo_remove': m.audit_action_organization_logo_remove,
	'organization.revision_submit': m.audit_action_organization_revision_submit,
	'organization.revision_approve': m.audit_action_organization_revision_approve,
	'organization.revision_reject': m.audit_action_organization_revision_reject,
	'transfer.import': m.audit_action_transfer_import,
	'invitation.create': m.audit_action_invitation_create,
	'invitation.accept': m.audit_action_invitation_accept,
	'invitation.revoke': m.audit_action_invitation_revoke,
	'user.create': m.audit_action_user_create,
	'user.sign_in': m.audit_action_user_sign_in,
	'user.password_reset': m.audit_action_user_password_reset,
	'tenant.create': m.audit_action_tenant_create,
	'tenant.settings_update': m.audit_action_tenant_settings_update,
	'tenant.legal_update': m.legal_audit_update,
	'tenant.branding_update': m.brand_audit_update,
	'tenant.logo_upload': m.tenant_logo_audit_upload,
	'tenant.logo_remove': m.tenant_logo_audit_remove,
	'tenant.sso_update': m.tenant_sso_audit_update,
	'tenant.sso_remove': m.tenant_sso_audit_remove,
	'member.role_change': m.audit_action_member_role_change,
	'member.remove': m.audit_action_member_remove,
	'user.password_change': m.audit_action_user_password_change,
	'user.name_change': m.audit_action_user_name_change,
	...bodiesAudit.ACTIONS,
	...meetingsAudit.ACTIONS,
	...invitationsAudit.ACTIONS,
	...minutesAudit.ACTIONS,
	...conceptAudit.ACTIONS,
	...participationAudit.ACTIONS,
	...inquiriesAudit.ACTIONS,
	...papersAudit.ACTIONS
};
/** A readable name for an audit action; unknown ones show their code. */
export function auditActionLabel(action: string): string {
	return AUDIT_ACTIONS[action]?.() ?? action;
}

const AUDIT_ENTITIES: Record<string, () => string> = {
	need: m.audit_entity_need,
	offer: m.audit_entity_offer,
	organization: m.audit_entity_organization,
	contact: m.audit_entity_contact,
	invitation: m.audit_entity_invitation,
	user: m.audit_entity_user,
	tenant: m.audit_entity_tenant,
	...bodiesAudit.ENTITIES,
	...meetingsAudit.ENTITIES,
	...invitationsAudit.ENTITIES,
	...minutesAudit.ENTITIES,
	...conceptAudit.ENTITIES,
	...participationAudit.ENTITIES,
	...inquiriesAudit.ENTITIES,
	...papersAudit.ENTITIES
};
export function auditEntityLabel(entity: string): string {
	return AUDIT_ENTITIES[entity]?.() ?? entity;
}
