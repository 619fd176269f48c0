import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testCtx, useTestDb } from '../db/testing/test-db';
import { buildBody, buildMembership, buildTenant, buildUser, grantRole } from '../factories';
import { loadActor } from '../auth/sessions';
import { auditLog } from '../audit/schema';
import { personPublications } from './schema';
import { NotFoundError, ValidationError } from '../errors';
import {
	CONSENT_TEXT_VERSION,
	givePublicationConsent,
	listMyPublications,
	withdrawPublicationConsent
} from './consent';
import { handleOParl } from './handler';

const database = useTestDb();

async function setup() {
	const db = database.db;
	const tenant = await buildTenant(db, { name: 'Aaa Stadt' });
	const viaBody = await buildTenant(db, { name: 'Bbb Kreis' });
	const stranger = await buildTenant(db);
	const user = await buildUser(db, { name: 'Erika Beispiel' });
	await grantRole(db, tenant.id, user.id, 'member');
	const body = await buildBody(db, tenant.id, { visibility: 'public' });
	await buildMembership(db, body, user.id, 'member');
	const otherBody = await buildBody(db, viaBody.id, { visibility: 'public' });
	await buildMembership(db, otherBody, user.id, 'guest');
	const ctx = testCtx(db, await loadActor(db, user.id));
	return { db, tenant, viaBody, stranger, user, ctx };
}

const persons = async (tenantId: string, query = '') => {
	const res = await handleOParl(
		database.db,
		new URL(`https://x.example/oparl/v1.1/body/${tenantId}/person${query}`)
	);
	return JSON.parse(res.body as string).data as { name?: string; deleted?: boolean }[];
};

describe('consent to public display', () => {
	it('lists the tenants of the person, by role and by body membership, none consented', async () => {
		const { ctx, tenant, viaBody } = await setup();
		const list = await listMyPublications(ctx);
		expect(list.map((n) => n.tenantId)).toEqual([tenant.id, viaBody.id]);
		expect(list.every((n) => !n.consented && n.consentedAt === null)).toBe(true);
	});

	it('giving consent shows the person in OParl, with the text version, and is audited', async () => {
		const { ctx, db, tenant, user } = await setup();
		expect(await persons(tenant.id)).toEqual([]);
		await givePublicationConsent(ctx, { tenantId: tenant.id });
		const [row] = await db
			.select()
			.from(personPublications)
			.where(eq(personPublications.userId, user.id));
		expect(row).toMatchObject({ consentTextVersion: CONSENT_TEXT_VERSION, withdrawnAt: null });
		expect((await persons(tenant.id)).map((p) => p.name)).toEqual(['Erika Beispiel']);
		const audit = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, user.id), eq(auditLog.tenantId, tenant.id)));
		expect(audit.map((a) => a.action)).toEqual(['person_publication.consent']);
		expect(audit[0].actorId).toBe(user.id);
	});

	it('withdrawing hides the person; with modified_since the Person shows as deleted', async () => {
		const { ctx, db, tenant, user } = await setup();
		await givePublicationConsent(ctx, { tenantId: tenant.id });
		await withdrawPublicationConsent(ctx, { tenantId: tenant.id });
		expect(await persons(tenant.id)).toEqual([]);
		const changes = await persons(tenant.id, '?modified_since=2000-01-01T00:00:00Z');
		expect(changes).toEqual([expect.objectContaining({ deleted: true })]);
		expect(changes[0].name).toBeUndefined();
		const view = (await listMyPublications(ctx)).find((n) => n.tenantId === tenant.id)!;
		expect(view.consented).toBe(false);
		expect(view.withdrawnAt).toBeInstanceOf(Date);
		await expect(withdrawPublicationConsent(ctx, { tenantId: tenant.id })).rejects.toThrow(
			ValidationError
		);
		const actions = (await db.select().from(auditLog).where(eq(auditLog.entityId, user.id))).map(
			(a) => a.action
		);
		expect(actions).toEqual(['person_publication.consent', 'person_publication.withdraw']);
		// and consenting again renews it
		await givePublicationConsent(ctx, { tenantId: tenant.id });
		expect((await persons(tenant.id)).map((p) => p.name)).toEqual(['Erika Beispiel']);
	});

	it('is per tenant: consent in one does not show the person in another', async () => {
		const { ctx, tenant, viaBody } = await setup();
		await givePublicationConsent(ctx, { tenantId: viaBody.id });
		expect(await persons(tenant.id)).toEqual([]);
		expect(await persons(viaBody.id)).toHaveLength(1);
	});

	it('refuses tenants the person does not belong to, bad ids and anonymous visitors', async () => {
		const { ctx, db, stranger, tenant } = await setup();
		await expect(givePublicationConsent(ctx, { tenantId: stranger.id })).rejects.toThrow(
			NotFoundError
		);
		await expect(givePublicationConsent(ctx, { tenantId: 'x' })).rejects.toThrow(NotFoundError);
		await expect(withdrawPublicationConsent(ctx, { tenantId: stranger.id })).rejects.toThrow(
			NotFoundError
		);
		await expect(
			givePublicationConsent(testCtx(db, null), { tenantId: tenant.id })
		).rejects.toThrow(NotFoundError);
		await expect(listMyPublications(testCtx(db, null))).rejects.toThrow(NotFoundError);
	});
});
