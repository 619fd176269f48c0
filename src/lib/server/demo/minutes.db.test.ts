/**
 * The demo's minutes read as a real office's would: the draft notice follows the state (it is not
 * part of the text), and the public minutes name every organisation present.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { createTestDb, testTenantCtx } from '../db/testing/test-db';
import { seedDemo } from './seed';
import { tenants, type Tenant } from '../tenants/schema';
import { users } from '../auth/schema';
import { loadActor } from '../auth/sessions';
import { meetings } from '../meetings/schema';
import { meetingAttendance } from '../minutes/schema';
import { approveMinutes, publishMinutes } from '../minutes/minutes-states';
import { minutesDocument, publicMinutesDocument } from '../minutes/print';
import { renderHtml } from '../documents/html';

let database: Database;
let landshut: Tenant;
beforeAll(async () => {
	database = await createTestDb();
	await seedDemo(database.db);
	const all = await database.db.select().from(tenants);
	landshut = all.find((t) => t.name.includes('Landshut'))!;
});
afterAll(() => database?.close());

async function ctxFor(email: string) {
	const [user] = await database.db.select().from(users).where(eq(users.email, email));
	return testTenantCtx(database.db, landshut, await loadActor(database.db, user.id));
}

describe('demo minutes', () => {
	it('say "Entwurf" only while they are a draft: once approved and published, nowhere', async () => {
		const [draft] = await database.db
			.select()
			.from(meetings)
			.where(and(eq(meetings.tenantId, landshut.id), eq(meetings.minutesState, 'draft')));
		expect(draft).toBeDefined();
		const ctx = await ctxFor('sprecherin@landshut.example');
		const before = renderHtml((await minutesDocument(ctx, landshut.id, draft.id)).model);
		expect(before).toContain('Entwurf');

		await approveMinutes(ctx, { meetingId: draft.id });
		await publishMinutes(ctx, { meetingId: draft.id });
		const signedIn = renderHtml((await minutesDocument(ctx, landshut.id, draft.id)).model);
		const pub = renderHtml(
			(await publicMinutesDocument(testTenantCtx(database.db, landshut), { meetingId: draft.id }))
				.model
		);
		for (const html of [signedIn, pub]) {
			expect(html).not.toContain('Entwurf');
			expect(html).not.toContain('nicht genehmigt');
		}
	});

	it('name the organisations of the members present, not only the guest’s', async () => {
		const [guest] = await database.db
			.select({ meetingId: meetingAttendance.meetingId })
			.from(meetingAttendance)
			.where(
				and(
					eq(meetingAttendance.tenantId, landshut.id),
					eq(meetingAttendance.affiliation, 'Beirat für Migration und Integration')
				)
			);
		const pub = renderHtml(
			(
				await publicMinutesDocument(testTenantCtx(database.db, landshut), {
					meetingId: guest.meetingId
				})
			).model
		);
		const orgs = /Vertretene Organisationen:<\/strong> ([^<]*)<\/p>/.exec(pub)?.[1].split(', ');
		expect(orgs).toContain('Beirat für Migration und Integration');
		expect(orgs!.length).toBeGreaterThan(3);
		expect(orgs).toEqual([...new Set(orgs)].sort((a, b) => a.localeCompare(b, 'de')));
	});
});
