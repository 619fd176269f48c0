/** Fixtures of the participation tests: a tenant with a published process, people, a concept. */
import { eq } from 'drizzle-orm';
import { testTenantCtx, useTestDb } from '../db/testing/test-db';
import { tenantScenario } from '../db/testing/test-actors';
import type { Database } from '../db/client';
import type { TenantCtx, TenantLike } from '../context';
import { buildFieldOfAction } from '../factories';
import { issueChallenge } from '../inquiries/spam';
import { addDays, berlinToday } from '../shared';
import { createEdition } from '../concept/editions';
import { createGoal } from '../concept/structure';
import { createMeasure } from '../concept/measures';
import { measureStates } from '../concept/schema';
import { addPhase, createProcess } from './processes';

export const today = berlinToday();
let ipCounter = 0;

/** An anonymous visitor of the tenant's public site, each from another address. */
export const anon = (db: Database['db'], tenant: TenantLike, ip = `192.0.2.${++ipCounter}`) =>
	testTenantCtx(db, tenant, null, { ip });

export const spamFields = () => ({
	website: '',
	challenge: issueChallenge(new Date(Date.now() - 60_000), 4)
});

export const contribution = (fieldId: string, extra: Record<string, unknown> = {}) => ({
	body: 'Mehr Sprachkurse am Abend',
	fieldOfActionId: fieldId,
	language: 'de',
	...spamFields(),
	...extra
});

/** A test database for the file, and the fixtures on it. */
export function participationFixture() {
	const database = useTestDb();

	/** A tenant with a published process in its collecting phase (unless told otherwise). */
	async function setup(
		opts: {
			phase?: 'information' | 'collecting' | 'evaluation' | 'results';
			allowAnonymous?: boolean;
		} = {}
	) {
		const { db, tenant, other, ctxFor } = await tenantScenario(database.db);
		const field = await buildFieldOfAction(db, tenant.id, {
			names: { de: 'Sprache', en: 'Language' }
		});
		const field2 = await buildFieldOfAction(db, tenant.id, { names: { de: 'Wohnen' } });
		const staff = await ctxFor('coordinator');
		const { id: processId } = await createProcess(staff, {
			title: 'Integrationskonzept – Beteiligung',
			purpose: 'Gemeinsame Ziele formulieren',
			status: 'published',
			allowAnonymous: opts.allowAnonymous === false ? '' : 'on',
			fieldIds: [field.id, field2.id]
		});
		await addPhase(staff, {
			processId,
			kind: opts.phase ?? 'collecting',
			startsOn: addDays(today, -10),
			endsOn: addDays(today, 30)
		});
		return { db, tenant, other, field, field2, staff, ctxFor, processId };
	}

	/** A concept edition (draft) of the tenant with one goal and one measure. */
	async function conceptFor(staff: TenantCtx, tenantId: string, fieldId: string) {
		const { id: editionId } = await createEdition(staff, { title: 'Konzept 2026' });
		const { id: goalId } = await createGoal(staff, {
			editionId,
			fieldOfActionId: fieldId,
			title: 'Mehr Wohnraum'
		});
		const states = await database.db
			.select()
			.from(measureStates)
			.where(eq(measureStates.tenantId, tenantId));
		const state = (category: string) => states.find((x) => x.category === category)!.id;
		const { id: measureId } = await createMeasure(staff, {
			editionId,
			goalId,
			title: 'Wohnraumbörse',
			stateId: state('active'),
			isPublic: 'on'
		});
		return { editionId, goalId, measureId, state };
	}

	return { db: () => database.db, setup, conceptFor };
}
