/**
 * The database keeps tenants apart too (ADR 0007): a child row must name a parent of its own
 * tenant. Composite foreign keys (tenant_id, parent_id) → parent(tenant_id, id) refuse anything
 * else, whatever the application code does.
 */
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { useTestDb } from './testing/test-db';
import { rowsOf } from './client';
import {
	buildActionItem,
	buildAgendaItem,
	buildBody,
	buildMeeting,
	buildMembership,
	buildTenant,
	buildUser
} from '../factories';
import { agendaItems, meetings } from '../meetings/schema';
import { bodyMemberships } from '../bodies/schema';

/** child table, its parent column, parent table: the relations the migration 0007 protects */
const RELATIONS: [string, string, string][] = [
	['meetings', 'body_id', 'bodies'],
	['agenda_items', 'meeting_id', 'meetings'],
	['files', 'meeting_id', 'meetings'],
	['body_memberships', 'body_id', 'bodies'],
	['action_items', 'body_id', 'bodies'],
	['meeting_invitations', 'meeting_id', 'meetings'],
	['concept_goals', 'edition_id', 'concept_editions'],
	['concept_measures', 'goal_id', 'concept_goals'],
	['concept_milestones', 'measure_id', 'concept_measures'],
	['consultations', 'paper_id', 'papers'],
	['consultations', 'meeting_id', 'meetings'],
	['instructions', 'paper_id', 'papers'],
	['dialogues', 'process_id', 'consultation_processes'],
	['contributions', 'process_id', 'consultation_processes'],
	['recommendations', 'process_id', 'consultation_processes'],
	['dialogue_registrations', 'dialogue_id', 'dialogues'],
	['inquiry_entries', 'inquiry_id', 'inquiries']
];

const database = useTestDb();

/** The error a statement fails with, or null; drizzle wraps the driver's error as `cause`. */
async function failure(fn: () => Promise<unknown>): Promise<{ code?: string } | null> {
	try {
		await fn();
		return null;
	} catch (e) {
		const err = e as { code?: string; cause?: { code?: string } };
		return { code: err.code ?? err.cause?.code };
	}
}

describe('composite tenant keys', () => {
	it('exist for every main parent–child relation, as (tenant_id, parent_id) → parent(tenant_id, id)', async () => {
		const rows = rowsOf<{ child: string; parent: string; columns: string; refcolumns: string }>(
			await database.db.execute(sql`
				SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
					(SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n)
						JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
					(SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, n)
						JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS refcolumns
				FROM pg_constraint c
				WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 2`)
		);
		for (const [child, column, parent] of RELATIONS) {
			expect(
				rows.some(
					(r) =>
						r.child === child &&
						r.parent === parent &&
						r.columns === `tenant_id,${column}` &&
						r.refcolumns === 'tenant_id,id'
				),
				`${child}.${column} → ${parent}`
			).toBe(true);
		}
	});

	it('refuse a meeting, membership and action item of one tenant in another tenant’s body', async () => {
		const db = database.db;
		const a = await buildTenant(db);
		const b = await buildTenant(db);
		const bodyOfB = await buildBody(db, b.id);
		const user = await buildUser(db);

		// the same rows with the body's own tenant are accepted: the failures below are the keys
		const ownMeeting = await buildMeeting(db, bodyOfB);
		expect(ownMeeting.tenantId).toBe(b.id);

		const meeting = await failure(() => buildMeeting(db, { id: bodyOfB.id, tenantId: a.id }));
		expect(meeting?.code).toBe('23503');
		const membership = await failure(() =>
			buildMembership(db, { id: bodyOfB.id, tenantId: a.id }, user.id)
		);
		expect(membership?.code).toBe('23503');
		const action = await failure(() => buildActionItem(db, { id: bodyOfB.id, tenantId: a.id }));
		expect(action?.code).toBe('23503');
		const left = rowsOf<{ n: number }>(
			await db.execute(sql`SELECT count(*)::int AS n FROM meetings WHERE tenant_id = ${a.id}`)
		);
		expect(left[0].n).toBe(0);
	});

	it('refuse moving a child under another tenant’s parent', async () => {
		const db = database.db;
		const a = await buildTenant(db);
		const b = await buildTenant(db);
		const bodyOfA = await buildBody(db, a.id);
		const bodyOfB = await buildBody(db, b.id);
		const meetingOfA = await buildMeeting(db, bodyOfA);
		const meetingOfB = await buildMeeting(db, bodyOfB);
		const item = await buildAgendaItem(db, meetingOfA, 1);
		const user = await buildUser(db);
		const membership = await buildMembership(db, bodyOfA, user.id);

		const moveItem = await failure(() =>
			db.update(agendaItems).set({ meetingId: meetingOfB.id }).where(eq(agendaItems.id, item.id))
		);
		expect(moveItem?.code).toBe('23503');
		const moveMeeting = await failure(() =>
			db.update(meetings).set({ bodyId: bodyOfB.id }).where(eq(meetings.id, meetingOfA.id))
		);
		expect(moveMeeting?.code).toBe('23503');
		const moveMembership = await failure(() =>
			db
				.update(bodyMemberships)
				.set({ bodyId: bodyOfB.id })
				.where(eq(bodyMemberships.id, membership.id))
		);
		expect(moveMembership?.code).toBe('23503');

		const [still] = await db.select().from(agendaItems).where(eq(agendaItems.id, item.id));
		expect(still.meetingId).toBe(meetingOfA.id);
	});
});
