/** What the organisation pages of the signed-in area show, in one call each. */
import type { TenantCtx } from '../context';
import { authorize } from '../auth/policy';
import { SPOKEN_LANGUAGES } from '../offers/vocabulary';
import { getOrganization, listOrganizationTypes } from './organizations';
import { DEFAULT_CONSENT_TEXT, listContacts, publicContacts } from './contacts';
import { LOGO_MAX_BYTES } from './logos';
import { municipalitiesOf, organizationFormValues } from './state';
import { FURTHER_LOCALES } from './validation';

/** The form for a new organisation (coordinators). */
export async function newOrganizationForm(ctx: TenantCtx) {
	authorize(ctx.actor, 'organization.manage', { tenantId: ctx.tenant.id });
	const [types, municipalities] = await Promise.all([
		listOrganizationTypes(ctx),
		municipalitiesOf(ctx.db, ctx.tenant.id)
	]);
	return {
		types,
		municipalities,
		values: organizationFormValues(null),
		spokenLanguages: SPOKEN_LANGUAGES,
		furtherLocales: FURTHER_LOCALES
	};
}

/**
 * An organisation's page: the record (an editor continues from their own pending proposal), its
 * contacts (all for its editors, else only those who agreed to be shown) and the form's choices.
 */
export async function organizationPage(ctx: TenantCtx, input: { organizationId: string }) {
	const org = await getOrganization(ctx, input);
	const [types, municipalities, contacts] = await Promise.all([
		listOrganizationTypes(ctx),
		municipalitiesOf(ctx.db, ctx.tenant.id),
		org.canEdit ? listContacts(ctx, { organizationId: org.id }) : Promise.resolve(null)
	]);
	const publicOnly = contacts ? null : await publicContacts(ctx.db, ctx.tenant.id, [org.id]);
	const shown = org.pending && !org.canReview ? org.pending.proposed : org.state;
	return {
		org: { ...org, pending: org.pending && { ...org.pending, proposed: undefined } },
		values: organizationFormValues(shown),
		types,
		municipalities,
		contacts,
		publicContacts: publicOnly,
		defaultConsentText: DEFAULT_CONSENT_TEXT,
		logoMaxKb: Math.round(LOGO_MAX_BYTES / 1024),
		spokenLanguages: SPOKEN_LANGUAGES,
		furtherLocales: FURTHER_LOCALES
	};
}
