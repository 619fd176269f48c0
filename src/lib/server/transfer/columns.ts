/**
 * The CSV columns of organisations and offers: the same for export and import, documented on
 * the exchange page (message `transfer_col_<file>_<column>`). Lists inside a field are separated
 * by "|", e.g. languages "de|en|ar". Yes/no fields take ja/nein (also yes/no, true/false, 1/0).
 */
import { CONTENT_LOCALES } from '../offers/vocabulary';

export type TransferFile = 'organizations' | 'offers';

export interface ColumnSpec {
	name: string;
	required: boolean;
}

export const ORGANIZATION_COLUMNS: ColumnSpec[] = [
	{ name: 'name', required: true },
	{ name: 'type', required: false },
	{ name: 'description', required: false },
	{ name: 'street', required: false },
	{ name: 'postal_code', required: false },
	{ name: 'city', required: false },
	{ name: 'latitude', required: false },
	{ name: 'longitude', required: false },
	{ name: 'website', required: false },
	{ name: 'phone', required: false },
	{ name: 'email', required: false },
	{ name: 'languages', required: false },
	{ name: 'wheelchair_accessible', required: false },
	{ name: 'accessibility_note', required: false },
	{ name: 'municipalities', required: false }
];

/** Languages besides German whose texts have their own columns (title_en, description_en …). */
export const TRANSLATION_LOCALES = CONTENT_LOCALES.filter((l) => l !== 'de');

export const OFFER_COLUMNS: ColumnSpec[] = [
	{ name: 'organization', required: true },
	{ name: 'title_de', required: true },
	{ name: 'description_de', required: true },
	{ name: 'field_of_action', required: false },
	{ name: 'target_groups', required: false },
	{ name: 'languages', required: false },
	{ name: 'municipalities', required: false },
	{ name: 'location_kind', required: false },
	{ name: 'online_url', required: false },
	{ name: 'schedule_kind', required: false },
	{ name: 'starts_at', required: false },
	{ name: 'ends_at', required: false },
	{ name: 'rrule', required: false },
	{ name: 'weekdays', required: false },
	{ name: 'schedule_note_de', required: false },
	{ name: 'cost_kind', required: false },
	{ name: 'cost_note_de', required: false },
	{ name: 'registration_required', required: false },
	{ name: 'registration_note_de', required: false },
	{ name: 'childcare', required: false },
	{ name: 'accessible', required: false },
	{ name: 'accessibility_note_de', required: false },
	{ name: 'valid_from', required: false },
	{ name: 'valid_to', required: false },
	{ name: 'place_name', required: false },
	{ name: 'place_street', required: false },
	{ name: 'place_postal_code', required: false },
	{ name: 'place_city', required: false },
	{ name: 'status', required: false },
	...TRANSLATION_LOCALES.flatMap((l) => [
		{ name: `title_${l}`, required: false },
		{ name: `description_${l}`, required: false }
	])
];

export const COLUMNS: Record<TransferFile, ColumnSpec[]> = {
	organizations: ORGANIZATION_COLUMNS,
	offers: OFFER_COLUMNS
};

/** Largest file accepted for import, in bytes. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
/** Most records per file. */
export const MAX_IMPORT_ROWS = 5000;
