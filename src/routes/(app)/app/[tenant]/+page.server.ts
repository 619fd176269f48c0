import type { PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { can } from '$lib/server/auth/policy';
import { orNotFound } from '$lib/server/http';
import { nextMeetings } from '$lib/server/meetings/calendar';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const tenant = await orNotFound(() => getTenantForActor(event.locals.ctx, event.params.tenant));
	const canSeeBodies = can(actor, 'body.view', { tenantId: tenant.id });
	return {
		tenant,
		role: actor.roles[tenant.id] ?? null,
		canSeePeople: can(actor, 'tenant.people.view', { tenantId: tenant.id }),
		canSeeAudit: can(actor, 'tenant.audit.view', { tenantId: tenant.id }),
		canSeePapers: can(actor, 'body.view', { tenantId: tenant.id }),
		canSeeReports: can(actor, 'report.view', { tenantId: tenant.id }),
		canEditSettings: can(actor, 'tenant.settings.edit', { tenantId: tenant.id }),
		canSeeOrganizations: can(actor, 'organization.view', { tenantId: tenant.id }),
		canReview: can(actor, 'offer.review', { tenantId: tenant.id }),
		canManageNeeds: can(actor, 'needs.manage', { tenantId: tenant.id }),
		canTransfer: can(actor, 'data.transfer', { tenantId: tenant.id }),
		canSeeBodies,
		nextMeetings: canSeeBodies ? await nextMeetings(event.locals.ctx, tenant.id) : [],
		canSeeConcept: can(actor, 'concept.view', { tenantId: tenant.id }),
		canSeeParticipation: can(actor, 'participation.view', { tenantId: tenant.id }),
		canManageInquiries: can(actor, 'inquiries.manage', { tenantId: tenant.id })
	};
};
