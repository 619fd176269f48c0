// Audit log labels of the inquiries area: action code → message, entity type → message.
// (Imported by ../labels.ts; keep each area's labels in its own file.)
import { m } from '$lib/paraglide/messages';

export const ACTIONS: Record<string, () => string> = {
	'inquiry.submit': m.inquiries_audit_submit,
	'inquiry.followup': m.inquiries_audit_followup,
	'inquiry.state_change': m.inquiries_audit_state_change,
	'inquiry.assign': m.inquiries_audit_assign,
	'inquiry.due_change': m.inquiries_audit_due_change,
	'inquiry.note': m.inquiries_audit_note,
	'inquiry.reply': m.inquiries_audit_reply,
	'inquiry_template.create': m.inquiries_audit_template_create,
	'inquiry_template.update': m.inquiries_audit_template_update,
	'inquiry_template.delete': m.inquiries_audit_template_delete
};
export const ENTITIES: Record<string, () => string> = {
	inquiry: m.inquiries_entity_inquiry,
	inquiry_template: m.inquiries_entity_template
};
