/**
 * The policy matrix driven through the real use cases: two tenants, one actor per role, each
 * use case tried on both tenants. Denied calls throw NotFoundError and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { createTestDb, testCtx, testTenantCtx } from '../db/testing/test-db';
import { testActor } from '../db/testing/test-actors';
import { buildOrganization, buildTenant, buildUser, grantRole } from '../factories';
import { loadActor } from './sessions';
import type { Actor } from './actor';
import { invitations, type Role } from './schema';
import { inviteUser, revokeInvitation } from './invitations';
import { listOpenInvitations, listPeople } from './people';
import { hashToken, newToken } from './tokens';
import { listAudit } from '../audit/service';
import { createTenant, listAllTenants } from '../tenants/service';
import { resolveRequestTenant } from '../tenants/resolve';
import { tenants, type Tenant } from '../tenants/schema';
import { listMailbox } from '../mail/worker';
import { NotFoundError } from '../errors';

let database: Database;
let tenantA: Tenant;
let tenantB: Tenant;
const actors: Record<string, Actor | null> = {};
/** user id of a coordinator per tenant id */
const coordinatorOf: Record<string, string> = {};

type ActorName =
	| 'admin'
	| 'coordinatorA'
	| 'editorA'
	| 'memberA'
	| 'steeringA'
	| 'guestA'
	| 'noRole'
	| 'anonymous';
const ACTOR_NAMES: ActorName[] = [
	'admin',
	'coordinatorA',
	'editorA',
	'memberA',
	'steeringA',
	'guestA',
	'noRole',
	'anonymous'
];

beforeAll(async () => {
	database = await createTestDb();
	const db = database.db;
	tenantA = await buildTenant(db, { name: 'Netzwerk A' });
	tenantB = await buildTenant(db, { name: 'Netzwerk B' });
	const orgA = await buildOrganization(db, tenantA.id);
	actors.admin = await testActor(db, tenantA.id, 'admin');
	const roles: [ActorName, Role][] = [
		['coordinatorA', 'coordinator'],
		['editorA', 'editor'],
		['memberA', 'member'],
		['steeringA', 'steering'],
		['guestA', 'guest']
	];
	for (const [name, role] of roles) {
		actors[name] = await testActor(db, tenantA.id, role, {
			orgs: role === 'editor' ? [orgA.id] : []
		});
	}
	const coordinatorB = await buildUser(db, { email: 'koordination-b@example.org' });
	await grantRole(db, tenantB.id, coordinatorB.id, 'coordinator');
	coordinatorOf[tenantA.id] = actors.coordinatorA!.userId;
	coordinatorOf[tenantB.id] = coordinatorB.id;
	actors.noRole = await loadActor(db, (await buildUser(db)).id);
	actors.anonymous = null;
	for (const name of ACTOR_NAMES.filter((n) => n !== 'anonymous'))
		expect(actors[name]).not.toBeNull();
});
afterAll(() => database?.close());

const ctxOf = (name: ActorName) => testCtx(database.db, actors[name]);
/** Opening a tenant in the signed-in area, as the server hook does: no tenant is a 404. */
async function openTenant(name: ActorName, slug: string) {
	const tenant = await resolveRequestTenant(database.db, 'app', slug, actors[name]);
	if (!tenant) throw new NotFoundError();
	return tenant;
}
/** the context of a request inside the tenant (or an unknown one: a tenant id nobody has) */
const tenantCtxOf = (name: ActorName, tenant: Tenant | string) =>
	testTenantCtx(
		database.db,
		typeof tenant === 'string' ? { ...tenantA, id: tenant, slug: 'unbekannt' } : tenant,
		actors[name]
	);

async function openInvitation(tenantId: string) {
	const [row] = await database.db
		.insert(invitations)
		.values({
			tenantId,
			email: `offen-${randomUUID().slice(0, 8)}@example.org`,
			name: 'Offene Einladung',
			role: 'member',
			tokenHash: hashToken(newToken()),
			expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000)
		})
		.returning();
	return row;
}

async function invitationById(id: string) {
	const [row] = await database.db.select().from(invitations).where(eq(invitations.id, id));
	return row;
}

/**
 * Each tenant-scoped use case: `run` performs it, `check` verifies the effect when allowed and
 * `unchanged` that nothing happened when denied.
 */
const TENANT_USE_CASES: {
	name: string;
	run(name: ActorName, tenant: Tenant): Promise<{ verify(allowed: boolean): Promise<void> }>;
}[] = [
	{
		name: 'inviteUser',
		async run(name, tenant) {
			const email = `neu-${randomUUID().slice(0, 8)}@example.org`;
			let result: unknown;
			let error: unknown;
			try {
				result = await inviteUser(tenantCtxOf(name, tenant), {
					email,
					name: 'Neue Person',
					role: 'member'
				});
			} catch (e) {
				error = e;
			}
			return {
				async verify(allowed) {
					const rows = await database.db
						.select()
						.from(invitations)
						.where(eq(invitations.email, email));
					if (allowed) {
						expect(error).toBeUndefined();
						expect(result).toMatchObject({ id: rows[0]?.id });
						expect(rows).toHaveLength(1);
						expect(rows[0].tenantId).toBe(tenant.id);
					} else {
						expect(error).toBeInstanceOf(NotFoundError);
						expect(rows).toHaveLength(0);
					}
				}
			};
		}
	},
	{
		name: 'revokeInvitation',
		async run(name, tenant) {
			const inv = await openInvitation(tenant.id);
			const outcome = revokeInvitation(tenantCtxOf(name, tenant), { id: inv.id }).then(
				() => undefined,
				(e: unknown) => e
			);
			const error = await outcome;
			return {
				async verify(allowed) {
					const row = await invitationById(inv.id);
					if (allowed) {
						expect(error).toBeUndefined();
						expect(row.revokedAt).toBeInstanceOf(Date);
					} else {
						expect(error).toBeInstanceOf(NotFoundError);
						expect(row.revokedAt).toBeNull();
					}
				}
			};
		}
	},
	...(
		[
			{
				name: 'listPeople',
				call: (name: ActorName, t: Tenant) => listPeople(tenantCtxOf(name, t)),
				async check(result: Awaited<ReturnType<typeof listPeople>>, t: Tenant) {
					expect(result.map((p) => p.userId)).toContain(coordinatorOf[t.id]);
				}
			},
			{
				name: 'listOpenInvitations',
				call: (name: ActorName, t: Tenant) => listOpenInvitations(tenantCtxOf(name, t)),
				async check(result: Awaited<ReturnType<typeof listOpenInvitations>>, t: Tenant) {
					const own = await database.db
						.select({ id: invitations.id })
						.from(invitations)
						.where(eq(invitations.tenantId, t.id));
					expect(own.map((i) => i.id)).toEqual(expect.arrayContaining(result.map((i) => i.id)));
				}
			},
			{
				name: 'listAudit',
				call: (name: ActorName, t: Tenant) => listAudit(tenantCtxOf(name, t), {}),
				async check(result: Awaited<ReturnType<typeof listAudit>>) {
					expect(result).toMatchObject({ rows: expect.any(Array), hasMore: false });
				}
			},
			{
				name: 'openTenant',
				call: (name: ActorName, t: Tenant) => openTenant(name, t.slug),
				async check(result: Awaited<ReturnType<typeof openTenant>>, t: Tenant) {
					expect(result).toMatchObject({ id: t.id, slug: t.slug, name: t.name });
				}
			}
		] as const
	).map((useCase) => ({
		name: useCase.name,
		async run(name: ActorName, tenant: Tenant) {
			let result: unknown;
			let error: unknown;
			try {
				result = await useCase.call(name, tenant);
			} catch (e) {
				error = e;
			}
			return {
				async verify(allowed: boolean) {
					if (allowed) {
						expect(error).toBeUndefined();
						await (useCase.check as (r: unknown, t: Tenant) => Promise<void>)(result, tenant);
					} else {
						expect(error).toBeInstanceOf(NotFoundError);
					}
				}
			};
		}
	}))
];

const COORDINATION = [
	'inviteUser',
	'revokeInvitation',
	'listPeople',
	'listOpenInvitations',
	'listAudit',
	'openTenant'
];
/** Use cases allowed per actor and tenant; everything else must be denied. */
const ALLOWED: Record<ActorName, { A: string[]; B: string[] }> = {
	admin: { A: COORDINATION, B: COORDINATION },
	coordinatorA: { A: COORDINATION, B: [] },
	editorA: { A: ['openTenant'], B: [] },
	memberA: { A: ['openTenant'], B: [] },
	steeringA: { A: ['openTenant'], B: [] },
	guestA: { A: ['openTenant'], B: [] },
	noRole: { A: [], B: [] },
	anonymous: { A: [], B: [] }
};

describe.each(ACTOR_NAMES)('%s', (name) => {
	const cells = TENANT_USE_CASES.flatMap((useCase) =>
		(['A', 'B'] as const).map((tenant) => ({
			useCase,
			tenant,
			allowed: ALLOWED[name][tenant].includes(useCase.name)
		}))
	);
	it.each(cells)(
		'$useCase.name on tenant $tenant → allowed: $allowed',
		async ({ useCase, tenant, allowed }) => {
			const outcome = await useCase.run(name, tenant === 'A' ? tenantA : tenantB);
			await outcome.verify(allowed);
		}
	);

	const platformAllowed = name === 'admin';
	it(`createTenant → allowed: ${platformAllowed}`, async () => {
		const slug = `neu-${randomUUID().slice(0, 8)}`;
		const attempt = createTenant(ctxOf(name), {
			name: 'Neue Gemeinde',
			slug,
			kind: 'municipality',
			land: 'NI'
		});
		if (platformAllowed) {
			await expect(attempt).resolves.toMatchObject({ slug, kind: 'municipality', land: 'NI' });
		} else {
			await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
		}
		const rows = await database.db.select().from(tenants).where(eq(tenants.slug, slug));
		expect(rows).toHaveLength(platformAllowed ? 1 : 0);
	});

	it(`listAllTenants → allowed: ${platformAllowed}`, async () => {
		const attempt = listAllTenants(ctxOf(name));
		if (platformAllowed) {
			const list = await attempt;
			expect(list.map((t) => t.id)).toEqual(expect.arrayContaining([tenantA.id, tenantB.id]));
		} else {
			await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
		}
	});

	it(`listMailbox → allowed: ${platformAllowed}`, async () => {
		const attempt = listMailbox(ctxOf(name));
		if (platformAllowed) {
			await expect(attempt).resolves.toMatchObject({ rows: expect.any(Array), hasMore: false });
		} else {
			await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
		}
	});
});

describe('unknown ids look exactly like forbidden ones', () => {
	async function errorOf(promise: Promise<unknown>): Promise<unknown> {
		try {
			await promise;
		} catch (error) {
			return error;
		}
		throw new Error('expected the call to fail');
	}

	it('revoking: an unknown id, an id of tenant B and a revoked invitation give the same error', async () => {
		const ofB = await openInvitation(tenantB.id);
		const revoked = await openInvitation(tenantA.id);
		await revokeInvitation(tenantCtxOf('coordinatorA', tenantA), { id: revoked.id });
		const errors = [
			await errorOf(revokeInvitation(tenantCtxOf('coordinatorA', tenantA), { id: randomUUID() })),
			await errorOf(revokeInvitation(tenantCtxOf('coordinatorA', tenantA), { id: ofB.id })),
			await errorOf(revokeInvitation(tenantCtxOf('coordinatorA', tenantB), { id: ofB.id })),
			await errorOf(revokeInvitation(tenantCtxOf('coordinatorA', tenantA), { id: revoked.id }))
		];
		for (const error of errors) {
			expect(error).toBeInstanceOf(NotFoundError);
			expect(error).toEqual(new NotFoundError());
		}
		expect((await invitationById(ofB.id)).revokedAt).toBeNull();
	});

	it('revoking: a malformed id (as a form may send it) is not found, not a database error', async () => {
		for (const id of ['', 'abc', '1; DROP TABLE invitations']) {
			const error = await errorOf(
				revokeInvitation(tenantCtxOf('coordinatorA', tenantA), { id: id })
			);
			expect(error).toEqual(new NotFoundError());
			expect(error).toBeInstanceOf(NotFoundError);
		}
	});

	it('opening a tenant: an unknown slug and a forbidden one give the same error', async () => {
		const unknown = await errorOf(openTenant('coordinatorA', 'gibt-es-nicht'));
		const forbidden = await errorOf(openTenant('coordinatorA', tenantB.slug));
		expect(unknown).toBeInstanceOf(NotFoundError);
		expect(forbidden).toEqual(unknown);
		expect(await errorOf(openTenant('admin', 'gibt-es-nicht'))).toEqual(unknown);
	});

	it('inviting into an unknown tenant is not found, for the coordinator and the platform admin alike', async () => {
		const input = { email: 'niemand@example.org', name: 'Niemand', role: 'member' };
		const byCoordinator = await errorOf(
			inviteUser(tenantCtxOf('coordinatorA', randomUUID()), input)
		);
		const byAdmin = await errorOf(inviteUser(tenantCtxOf('admin', randomUUID()), input));
		const forbidden = await errorOf(inviteUser(tenantCtxOf('coordinatorA', tenantB), input));
		expect(byCoordinator).toBeInstanceOf(NotFoundError);
		expect(byAdmin).toEqual(byCoordinator);
		expect(forbidden).toEqual(byCoordinator);
		expect(
			await database.db.select().from(invitations).where(eq(invitations.email, input.email))
		).toHaveLength(0);
	});

	it('listing people and the audit log of an unknown tenant is not found', async () => {
		const id = randomUUID();
		expect(await errorOf(listPeople(tenantCtxOf('coordinatorA', id)))).toBeInstanceOf(
			NotFoundError
		);
		expect(await errorOf(listOpenInvitations(tenantCtxOf('coordinatorA', id)))).toBeInstanceOf(
			NotFoundError
		);
		expect(await errorOf(listAudit(tenantCtxOf('coordinatorA', id), {}))).toBeInstanceOf(
			NotFoundError
		);
	});

	it('a coordinator of A sees only the people of A', async () => {
		const people = await listPeople(tenantCtxOf('coordinatorA', tenantA));
		expect(people.map((p) => p.email)).not.toContain('koordination-b@example.org');
		expect(people.map((p) => p.userId)).toContain(actors.coordinatorA!.userId);
	});
});
