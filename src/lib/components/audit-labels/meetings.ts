// Audit log labels of the meetings area: action code → message, entity type → message.
// (Imported by ../labels.ts; keep each area's labels in its own file.)
import { m } from '$lib/paraglide/messages';

export const ACTIONS: Record<string, () => string> = {
	'meeting.create': m.meetings_audit_meeting_create,
	'meeting.update': m.meetings_audit_meeting_update,
	'meeting.held': m.meetings_audit_meeting_held,
	'meeting.cancel': m.meetings_audit_meeting_cancel,
	'meeting.series_skip': m.meetings_audit_series_skip,
	'meeting.series_unskip': m.meetings_audit_series_unskip,
	'agenda_item.create': m.meetings_audit_item_create,
	'agenda_item.update': m.meetings_audit_item_update,
	'agenda_item.delete': m.meetings_audit_item_delete,
	'agenda_item.move': m.meetings_audit_item_move,
	'agenda_item.speaker_add': m.meetings_audit_speaker_add,
	'agenda_item.speaker_remove': m.meetings_audit_speaker_remove,
	'meeting_file.upload': m.meetings_audit_file_upload,
	'meeting_file.visibility': m.meetings_audit_file_visibility,
	'meeting_file.delete': m.meetings_audit_file_delete
};
export const ENTITIES: Record<string, () => string> = {
	meeting: m.meetings_entity_meeting,
	meeting_series: m.meetings_entity_series,
	agenda_item: m.meetings_entity_agenda_item,
	meeting_file: m.meetings_entity_file
};
