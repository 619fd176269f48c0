/** Test fixtures shared by the meeting and meeting-series tests (not a test file). */
import type { Executor } from '../db/client';
import { buildOrganization } from '../factories';

/** The host organisation with a full address, so that a meeting can take its location from it. */
export function buildCaritas(db: Executor, tenantId: string) {
	return buildOrganization(db, tenantId, {
		name: 'Caritas',
		street: 'Seligenthaler Str. 1',
		postalCode: '84034',
		city: 'Landshut'
	});
}
