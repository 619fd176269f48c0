import type { PageServerLoad } from './$types';
import { can } from '$lib/server/auth/policy';
import { tenantCtx } from '$lib/server/http';
import { mayTranslate } from '$lib/server/translations/service';
import { getStartPage } from '$lib/server/workspace/view';

// Server-rendered only: the start page is headings and links (its forms, sign-out and language,
// are in the layout and work without JavaScript), so it ships no page data for hydration and no
// script; a link from it loads the next page in full (issue 15: serialising the data for
// hydration was about a tenth of this page's cost).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const { actor, tenant } = ctx;
	const may = (action: Parameters<typeof can>[1]) => can(actor, action, { tenantId: tenant.id });
	const canSeeBodies = may('body.view');
	const { workspace, nextMeetings } = await getStartPage(ctx);
	return {
		workspace,
		// only what the page shows (not the public description, contact or branding)
		tenant: {
			slug: tenant.slug,
			name: tenant.name,
			kind: tenant.kind,
			land: tenant.land,
			isPublic: tenant.isPublic,
			parentId: tenant.parentId
		},
		role: actor?.roles[tenant.id] ?? null,
		canSeePeople: may('tenant.people.view'),
		canSeeAudit: may('tenant.audit.view'),
		canSeePapers: may('body.view'),
		canSeeReports: may('report.view'),
		canEditSettings: may('tenant.settings.edit'),
		canSeeOrganizations: may('organization.view'),
		canReview: may('offer.review'),
		canManageNeeds: may('needs.manage'),
		canTransfer: may('data.transfer'),
		canSeeBodies,
		nextMeetings,
		canSeeConcept: may('concept.view'),
		canSeeParticipation: may('participation.view'),
		canManageInquiries: may('inquiries.manage'),
		canTranslate: mayTranslate(ctx),
		canWriteNews: may('news.publish') || (actor?.editorOf[tenant.id] ?? []).length > 0,
		canManageEvents: may('events.manage'),
		canManagePrivacy: may('privacy.manage'),
		canManageTenantContacts: may('tenant.contacts.manage'),
		canTour: may('touring.manage') && (tenant.kind === 'district' || !!tenant.parentId),
		// the district-wide view (district or municipality) and the networking meeting's exchange
		canSeeDistrict: may('district.view') && (tenant.kind === 'district' || !!tenant.parentId),
		canExchange:
			(tenant.kind === 'district' && may('meeting.manage')) ||
			(!!tenant.parentId && may('district.exchange.answer'))
	};
};
