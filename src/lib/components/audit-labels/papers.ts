// Audit log labels of papers, consultations, instructions and status reports.
// (Imported by ../labels.ts; keep each area's labels in its own file.)
import { m } from '$lib/paraglide/messages';

export const ACTIONS: Record<string, () => string> = {
	'paper.create': () => m.papers_audit_paper_create(),
	'paper.update': () => m.papers_audit_paper_update(),
	'paper.state_change': () => m.papers_audit_paper_state_change(),
	'paper.comment': () => m.papers_audit_paper_comment(),
	'paper.file_attach': () => m.papers_audit_paper_file_attach(),
	'paper.link_add': () => m.papers_audit_paper_link_add(),
	'paper.workflow_change': () => m.papers_audit_paper_workflow_change(),
	'paper.type_add': () => m.papers_audit_paper_type_add(),
	'consultation.create': () => m.papers_audit_consultation_create(),
	'consultation.result': () => m.papers_audit_consultation_result(),
	'instruction.create': () => m.papers_audit_instruction_create(),
	'report.create': () => m.papers_audit_report_create(),
	'report.notes': () => m.papers_audit_report_notes(),
	'report.freeze': () => m.papers_audit_report_freeze()
};
export const ENTITIES: Record<string, () => string> = {
	paper: () => m.papers_audit_entity_paper(),
	consultation: () => m.papers_audit_entity_consultation(),
	instruction: () => m.papers_audit_entity_instruction(),
	status_report: () => m.papers_audit_entity_status_report()
};
