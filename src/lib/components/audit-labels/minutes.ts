// Audit log labels of the minutes area: action code → message, entity type → message.
// (Imported by ../labels.ts; keep each area's labels in its own file.)
import { m } from '$lib/paraglide/messages';

export const ACTIONS: Record<string, () => string> = {
	'minutes.attendance_update': m.minutes_audit_attendance_update,
	'minutes.guest_add': m.minutes_audit_guest_add,
	'minutes.guest_remove': m.minutes_audit_guest_remove,
	'minutes.update': m.minutes_audit_update,
	'minutes.share': m.minutes_audit_share,
	'minutes.approve': m.minutes_audit_approve,
	'minutes.publish': m.minutes_audit_publish,
	'action_item.create': m.minutes_audit_action_create,
	'action_item.update': m.minutes_audit_action_update,
	'action_item.delete': m.minutes_audit_action_delete,
	'action_item.state_change': m.minutes_audit_action_state_change
};
export const ENTITIES: Record<string, () => string> = {
	minutes: m.minutes_audit_entity_minutes,
	action_item: m.minutes_audit_entity_action_item
};
