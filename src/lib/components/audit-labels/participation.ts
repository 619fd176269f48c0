// Audit log labels of the participation area: action code → message, entity type → message.
// (Imported by ../labels.ts; keep each area's labels in its own file.)
import { m } from '$lib/paraglide/messages';

export const ACTIONS: Record<string, () => string> = {
	'process.create': m.participation_audit_process_create,
	'process.update': m.participation_audit_process_update,
	'process.phase_add': m.participation_audit_phase_add,
	'process.phase_remove': m.participation_audit_phase_remove,
	'dialogue.create': m.participation_audit_dialogue_create,
	'dialogue.update': m.participation_audit_dialogue_update,
	'dialogue.register': m.participation_audit_dialogue_register,
	'dialogue.cancel': m.participation_audit_dialogue_cancel,
	'dialogue.move_up': m.participation_audit_dialogue_move_up,
	'contribution.submit': m.participation_audit_contribution_submit,
	'contribution.offline_entry': m.participation_audit_contribution_offline,
	'contribution.publish': m.participation_audit_contribution_publish,
	'contribution.hide': m.participation_audit_contribution_hide,
	'contribution.merge': m.participation_audit_contribution_merge,
	'contribution.comment': m.participation_audit_contribution_comment,
	'contribution.comment_hide': m.participation_audit_comment_hide,
	'recommendation.create': m.participation_audit_recommendation_create,
	'recommendation.update': m.participation_audit_recommendation_update,
	'recommendation.link': m.participation_audit_recommendation_link,
	'recommendation.unlink': m.participation_audit_recommendation_unlink,
	'recommendation.outcome': m.participation_audit_recommendation_outcome,
	'recommendation.delete': m.participation_audit_recommendation_delete
};
export const ENTITIES: Record<string, () => string> = {
	consultation_process: m.participation_entity_process,
	dialogue: m.participation_entity_dialogue,
	contribution: m.participation_entity_contribution,
	recommendation: m.participation_entity_recommendation
};
