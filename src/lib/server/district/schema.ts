import { index, text, uniqueIndex } from 'drizzle-orm/pg-core';
import {
	timestampColumns,
	optionalRefColumn,
	requiredRefColumn,
	tenantParentKey
} from '../db/columns';
import { tenants, tenantTable } from '../tenants/schema';
import { userRefColumn } from '../auth/schema';
import { meetings } from '../meetings/schema';
import { actionItems } from '../minutes/schema';
import { conceptMeasures } from '../concept/schema';

/**
 * The structured exchange of a district's networking meeting (Vernetzungstreffen der Gemeinden):
 * per meeting of the district and per municipality, the three answers. The row belongs to the
 * district (tenant_id); the municipality is a child tenant of it (checked by the use case).
 * An answer turned into an action item or a measure keeps the link (the minutes and concept
 * domains own those rows).
 */
export const exchangeAnswers = tenantTable(
	'district_exchange_answers',
	{
		meetingId: requiredRefColumn('meeting_id', () => meetings.id),
		municipalityId: requiredRefColumn('municipality_id', () => tenants.id),
		/** Was gelingt in der Gemeinde gut? */
		worksWell: text('works_well'),
		/** Was sollte ausgebaut werden? */
		expand: text('expand'),
		/** Wie kann das Landratsamt unterstützen? */
		districtHelp: text('district_help'),
		updatedBy: userRefColumn('updated_by'),
		/** the action item made from this municipality's answers (minutes domain) */
		actionItemId: optionalRefColumn('action_item_id', () => actionItems.id),
		/** the measure of the concept made from them (concept domain) */
		measureId: optionalRefColumn('measure_id', () => conceptMeasures.id),
		...timestampColumns()
	},
	(t) => [
		uniqueIndex('district_exchange_answers_key').on(t.meetingId, t.municipalityId),
		index('district_exchange_answers_tenant_idx').on(t.tenantId, t.municipalityId),
		tenantParentKey('district_exchange_answers_tenant_meeting_fk', t, t.meetingId, meetings)
	]
);
export type ExchangeAnswer = typeof exchangeAnswers.$inferSelect;
