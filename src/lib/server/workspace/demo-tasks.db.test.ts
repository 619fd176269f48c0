import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { createTestDb, testTenantCtx } from '../db/testing/test-db';
import { seedDemo } from '../demo/seed';
import { tenants } from '../tenants/schema';
import { users } from '../auth/schema';
import { loadActor } from '../auth/sessions';
import { getWorkspace } from './view';

let database: Database;

beforeAll(async () => {
	database = await createTestDb();
	await seedDemo(database.db);
});
afterAll(() => database?.close());

async function workspaceOf(email: string, slug = 'landshut') {
	const [user] = await database.db.select().from(users).where(eq(users.email, email));
	const actor = (await loadActor(database.db, user.id))!;
	const [tenant] = await database.db.select().from(tenants).where(eq(tenants.slug, slug));
	return getWorkspace(testTenantCtx(database.db, tenant, actor));
}

describe('the demo gives every role open tasks', () => {
	it.each([
		['koordination@landshut.example'],
		['sprecherin@landshut.example'],
		['mitglied@landshut.example'],
		['redaktion@landshut.example']
	])('%s', async (email) => {
		const ws = await workspaceOf(email);
		console.log(email, JSON.stringify(ws.sections.map((s) => [s.kind, s.total, s.entries.map((e) => [e.title, e.date, e.overdue, e.href])]), null, 1));
		expect(ws.total).toBeGreaterThan(0);
	});
});
