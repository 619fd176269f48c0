/**
 * Serialisers: the public OParl objects of a tenant by key, with their embedded objects.
 * Callers pass only keys of objects that are public (see sources.ts); embedded and referenced
 * objects are filtered here through the same sources, so nothing non-public slips in.
 */
import type { Meta } from './sources';
import type { TenantObjectType } from './urls';
import type { LoadCtx, Loaded } from './object-kit';
import { organizations, memberships, persons, locations } from './objects-people';
import { filesOf, agendaItemsOf, meetingsOf } from './objects-meetings';
import { consultationsOf, papersOf } from './objects-papers';

/** The public objects of a type by key (keys must be public: callers filter with the sources). */
export async function loadObjects(
	ctx: LoadCtx,
	type: TenantObjectType,
	metas: Map<string, Meta>
): Promise<Loaded> {
	if (metas.size === 0) return new Map();
	switch (type) {
		case 'Organization':
			return organizations(ctx, metas);
		case 'Person':
			return persons(ctx, metas);
		case 'Membership':
			return memberships(ctx, metas);
		case 'Meeting':
			return meetingsOf(ctx, metas);
		case 'AgendaItem':
			return agendaItemsOf(ctx, metas);
		case 'File':
			return filesOf(ctx, metas);
		case 'Location':
			return locations(ctx, metas);
		case 'Paper':
			return papersOf(ctx, metas);
		case 'Consultation':
			return consultationsOf(ctx, metas);
		case 'LegislativeTerm':
			return new Map();
	}
}
