/**
 * Translated names of the participation and inquiries vocabularies (server and browser alike).
 */
import { m } from '$lib/paraglide/messages';
import { TARGET_GROUPS as NEED_TARGET_GROUPS } from './needs/labels';

type Fn = () => string;
const pick = (map: Record<string, Fn>, key: string | null | undefined) =>
	key ? (map[key]?.() ?? key) : '';

const PHASES: Record<string, Fn> = {
	information: m.participation_phase_information,
	collecting: m.participation_phase_collecting,
	evaluation: m.participation_phase_evaluation,
	results: m.participation_phase_results
};
export const phaseLabel = (k: string | null | undefined) => pick(PHASES, k);

const PHASE_HINTS: Record<string, Fn> = {
	information: m.participation_phase_information_hint,
	collecting: m.participation_phase_collecting_hint,
	evaluation: m.participation_phase_evaluation_hint,
	results: m.participation_phase_results_hint
};
export const phaseHint = (k: string | null | undefined) => pick(PHASE_HINTS, k);

const PROCESS_STATUSES: Record<string, Fn> = {
	draft: m.participation_status_draft,
	published: m.participation_status_published,
	archived: m.participation_status_archived
};
export const processStatusLabel = (k: string) => pick(PROCESS_STATUSES, k);

const CONTRIBUTION_STATUSES: Record<string, Fn> = {
	pending: m.participation_cstatus_pending,
	published: m.participation_cstatus_published,
	hidden: m.participation_cstatus_hidden,
	merged: m.participation_cstatus_merged
};
export const contributionStatusLabel = (k: string) => pick(CONTRIBUTION_STATUSES, k);

const OUTCOMES: Record<string, Fn> = {
	adopted: m.participation_outcome_adopted,
	measure: m.participation_outcome_measure,
	need: m.participation_outcome_need,
	rejected: m.participation_outcome_rejected
};
export const outcomeLabel = (k: string | null | undefined) =>
	k ? pick(OUTCOMES, k) : m.participation_outcome_open();

const REGISTRATION: Record<string, Fn> = {
	confirmed: m.participation_reg_confirmed,
	waiting: m.participation_reg_waiting,
	cancelled: m.participation_reg_cancelled
};
export const registrationStatusLabel = (k: string) => pick(REGISTRATION, k);

const MODERATION: Record<string, Fn> = {
	publish: m.participation_mod_publish,
	hide: m.participation_mod_hide,
	merge: m.participation_mod_merge,
	edit: m.participation_mod_edit
};
export const moderationLabel = (k: string) => pick(MODERATION, k);

/** The needs' target groups, but "all" as participation says it. */
const TARGET_GROUPS: Record<string, Fn> = {
	...NEED_TARGET_GROUPS,
	all: m.participation_target_all
};
export const targetGroupLabel = (k: string | null | undefined) => pick(TARGET_GROUPS, k);

const KINDS: Record<string, Fn> = {
	question: m.inquiries_kind_question,
	wish: m.inquiries_kind_wish,
	suggestion: m.inquiries_kind_suggestion,
	complaint: m.inquiries_kind_complaint,
	accessibility: m.legal_kind_accessibility
};
export const inquiryKindLabel = (k: string) => pick(KINDS, k);

const STATES: Record<string, Fn> = {
	new: m.inquiries_state_new,
	in_progress: m.inquiries_state_in_progress,
	answered: m.inquiries_state_answered,
	closed: m.inquiries_state_closed
};
export const inquiryStateLabel = (k: string) => pick(STATES, k);

const ENTRIES: Record<string, Fn> = {
	reply: m.inquiries_entry_reply,
	note: m.inquiries_entry_note,
	followup: m.inquiries_entry_followup
};
export const entryKindLabel = (k: string) => pick(ENTRIES, k);
