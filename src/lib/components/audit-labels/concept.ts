// Audit log labels of the integration concept: action code → message, entity type → message.
// (Imported by ../labels.ts; keep each area's labels in its own file.)
import { m } from '$lib/paraglide/messages';

export const ACTIONS: Record<string, () => string> = {
	'concept.edition_create': m.concept_audit_edition_create,
	'concept.edition_update': m.concept_audit_edition_update,
	'concept.edition_adopt': m.concept_audit_edition_adopt,
	'concept.guideline_create': m.concept_audit_guideline_create,
	'concept.guideline_update': m.concept_audit_guideline_update,
	'concept.question_create': m.concept_audit_question_create,
	'concept.question_to_agenda': m.concept_audit_question_to_agenda,
	'concept.goal_create': m.concept_audit_goal_create,
	'concept.goal_update': m.concept_audit_goal_update,
	'concept.state_create': m.concept_audit_state_create,
	'concept.state_update': m.concept_audit_state_update,
	'concept.measure_create': m.concept_audit_measure_create,
	'concept.measure_update': m.concept_audit_measure_update,
	'concept.measure_state': m.concept_audit_measure_state,
	'concept.measure_adopt': m.concept_audit_measure_adopt,
	'concept.milestone_create': m.concept_audit_milestone_create,
	'concept.milestone_update': m.concept_audit_milestone_update,
	'concept.link_create': m.concept_audit_link_create,
	'concept.link_delete': m.concept_audit_link_delete,
	'concept.indicator_create': m.concept_audit_indicator_create,
	'concept.indicator_update': m.concept_audit_indicator_update,
	'concept.value_record': m.concept_audit_value_record,
	'concept.values_import': m.concept_audit_values_import,
	'concept.map_upload': m.figures_audit_map_upload,
	'concept.map_remove': m.figures_audit_map_remove,
	'concept.round_create': m.concept_audit_round_create,
	'concept.round_close': m.concept_audit_round_close,
	'concept.round_reopen': m.concept_audit_round_reopen,
	'concept.points_allocate': m.concept_audit_points_allocate
};
export const ENTITIES: Record<string, () => string> = {
	concept_edition: m.concept_audit_entity_edition,
	concept_guideline: m.concept_audit_entity_guideline,
	concept_goal: m.concept_audit_entity_goal,
	concept_state: m.concept_audit_entity_state,
	concept_measure: m.concept_audit_entity_measure,
	concept_indicator: m.concept_audit_entity_indicator,
	concept_round: m.concept_audit_entity_round,
	concept_district_map: m.figures_audit_entity_map
};
