/** A district with a municipality, a field of action, a working group and a first edition; for the db tests. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { useTestSetup } from '../db/testing/test-db';
import { actorCtx, type TestRole } from '../db/testing/test-actors';
import { buildBody, buildFieldOfAction, buildTenant } from '../factories';
import { withTenant } from '../context';
import { measureStates } from './schema';
import { createEdition } from './editions';
import { createGoal } from './structure';
import { createMeasure } from './measures';

export const TODAY = '2026-06-01';

export async function conceptFixture(db: Db) {
	const tenant = await buildTenant(db, { kind: 'district' });
	const muni = await buildTenant(db, {
		kind: 'municipality',
		parentId: tenant.id,
		name: 'Gemeinde Eching'
	});
	const other = await buildTenant(db);
	const field = await buildFieldOfAction(db, tenant.id, {
		names: { de: 'Sprache', en: 'Language' }
	});
	const group = await buildBody(db, tenant.id, { name: 'AG Sprache' });
	/**
	 * A context in the district: a role of the district, none (anonymous), or 'other' (the
	 * coordinator of another tenant, acting on the district's pages).
	 */
	const ctxFor = (role: TestRole, opts: { speakerOf?: string; memberOf?: string } = {}) => {
		const body = (id: string) => ({ id, tenantId: tenant.id });
		return actorCtx(db, tenant, role, {
			other,
			bodies: [
				...(opts.speakerOf ? [{ body: body(opts.speakerOf), role: 'speaker' as const }] : []),
				...(opts.memberOf ? [{ body: body(opts.memberOf), role: 'member' as const }] : [])
			]
		});
	};
	/** The coordinator of the other tenant, in that tenant. */
	const otherCoordinator = async () => withTenant(await ctxFor('other'), other);
	const coordinator = await ctxFor('coordinator');
	const { id: editionId } = await createEdition(coordinator, {
		title: 'Integrationskonzept 2010',
		leitbild: 'Integration als gesamtgesellschaftliche Aufgabe'
	});
	const states = await db
		.select()
		.from(measureStates)
		.where(eq(measureStates.tenantId, tenant.id))
		.orderBy(asc(measureStates.position));
	const state = (key: string) => states.find((s) => s.key === key)!.id;
	const { id: goalId } = await createGoal(coordinator, {
		editionId,
		fieldOfActionId: field.id,
		title: 'Mehr Gelegenheiten zum Deutschlernen'
	});
	const measure = (extra: Record<string, unknown> = {}) =>
		createMeasure(coordinator, {
			editionId,
			goalId,
			title: 'Sprachcafé',
			stateId: state('umsetzung'),
			isPublic: 'on',
			...extra
		});
	return {
		db,
		tenant,
		muni,
		other,
		field,
		group,
		ctxFor,
		otherCoordinator,
		coordinator,
		editionId,
		goalId,
		state,
		measure
	};
}

/** One test database for the file (PGlite, in memory); each call of the result is a new fixture. */
export function useConceptFixture() {
	return useTestSetup(conceptFixture);
}
