/** Test fixture of the body tests: a tenant with a body, organisations and a coordinator. */
import { testCtx } from '../db/testing/test-db';
import type { Db } from '../db/client';
import { buildBody, buildOrganization, buildTenant, buildUser, grantRole } from '../factories';
import { loadActor } from '../auth/sessions';
import type { Role } from '../auth/schema';
import { outbox } from '../mail/schema';

export async function setupBodies(db: Db) {
	const tenant = await buildTenant(db, { slug: `stadt-${crypto.randomUUID().slice(0, 8)}` });
	const other = await buildTenant(db);
	const body = await buildBody(db, tenant.id, { name: 'AK Bildung', visibility: 'network' });
	const org = await buildOrganization(db, tenant.id, { name: 'Caritas' });
	const otherOrg = await buildOrganization(db, other.id);
	const person = async (role: Role, tenantId = tenant.id) => {
		const user = await buildUser(db);
		await grantRole(db, tenantId, user.id, role);
		return user;
	};
	const ctxOf = async (userId: string) => testCtx(db, await loadActor(db, userId));
	const coordinator = await person('coordinator');
	return { db, tenant, other, body, org, otherOrg, person, ctxOf, coordinator };
}

/** The mails in the outbox to one address. */
export const mailsTo = async (db: Db, to: string) =>
	(await db.select().from(outbox)).filter((r) => r.payload.to === to).map((r) => r.payload);
