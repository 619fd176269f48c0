/** The municipality boundaries a district uploads (GeoJSON), one map per district. */
import { integer, jsonb, unique } from 'drizzle-orm/pg-core';
import { timestampColumns } from '../db/columns';
import { tenantTable } from '../tenants/schema';
import { userRefColumn } from '../auth/schema';
import type { MapFeature } from './geojson';

export const districtMaps = tenantTable(
	'concept_district_maps',
	{
		/** only the features matched to the district's municipalities, positions rounded */
		features: jsonb('features').$type<MapFeature[]>().notNull(),
		featureCount: integer('feature_count').notNull(),
		uploadedBy: userRefColumn('uploaded_by'),
		...timestampColumns()
	},
	(t) => [unique('concept_district_maps_tenant').on(t.tenantId)]
);
export type DistrictMap = typeof districtMaps.$inferSelect;
