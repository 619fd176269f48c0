import type { PageServerLoad } from './$types';
import { can } from '$lib/server/auth/policy';
import { tenantCtx } from '$lib/server/http';
import { nextMeetings } from '$lib/server/meetings/calendar';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const { actor, tenant } = ctx;
	const may = (action: Parameters<typeof can>[1]) => can(actor, action, { tenantId: tenant.id });
	const canSeeBodies = may('body.view');
	return {
		tenant,
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
		nextMeetings: canSeeBodies ? await nextMeetings(ctx) : [],
		canSeeConcept: may('concept.view'),
		canSeeParticipation: may('participation.view'),
		canManageInquiries: may('inquiries.manage'),
		canManagePrivacy: may('privacy.manage')
	};
};
