// Audit log labels of the invitations area: action code → message, entity type → message.
// (Imported by ../labels.ts; keep each area's labels in its own file.)
import { m } from '$lib/paraglide/messages';

export const ACTIONS: Record<string, () => string> = {
	'meeting.invitations_send': m.invitations_audit_invitations_send,
	'meeting.answer': m.invitations_audit_answer,
	'meeting.update_mail': m.invitations_audit_update_mail,
	'meeting.cancellation_mail': m.invitations_audit_cancellation_mail,
	'calendar_feed.create': m.invitations_audit_feed_create,
	'calendar_feed.reset': m.invitations_audit_feed_reset,
	'calendar_feed.delete': m.invitations_audit_feed_delete
};
export const ENTITIES: Record<string, () => string> = {
	calendar_feed: m.invitations_audit_entity_calendar_feed
};
