// Audit log labels of the bodies area: action code → message, entity type → message.
// (Imported by ../labels.ts; keep each area's labels in its own file.)
import { m } from '$lib/paraglide/messages';

export const ACTIONS: Record<string, () => string> = {
	'body.create': m.bodies_audit_create,
	'body.update': m.bodies_audit_update,
	'body.archive': m.bodies_audit_archive,
	'body.unarchive': m.bodies_audit_unarchive,
	'body.membership_add': m.bodies_audit_membership_add,
	'body.membership_update': m.bodies_audit_membership_update,
	'body.membership_end': m.bodies_audit_membership_end,
	'body.join_request': m.bodies_audit_join_request,
	'body.join_withdraw': m.bodies_audit_join_withdraw,
	'body.join_accept': m.bodies_audit_join_accept,
	'body.join_decline': m.bodies_audit_join_decline,
	'body.host_add': m.bodies_audit_host_add,
	'body.host_update': m.bodies_audit_host_update,
	'body.host_remove': m.bodies_audit_host_remove
};
export const ENTITIES: Record<string, () => string> = {
	body: m.bodies_audit_entity_body,
	body_membership: m.bodies_audit_entity_membership,
	body_join_request: m.bodies_audit_entity_join_request,
	body_host: m.bodies_audit_entity_host
};
