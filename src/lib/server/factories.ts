/**
 * One set of factories for the tests, the end-to-end tests and the demo seed.
 * They write rows directly (no authorisation): callers are trusted code, never a request.
 */
import { randomUUID } from 'node:crypto';
import type { Executor } from './db/client';
import { tenants, type Tenant } from './tenants/schema';
import { editorOrganizations, tenantMembers, users, type Role, type User } from './auth/schema';
import {
	contacts,
	organizations,
	organizationTypes,
	organizationTenants
} from './organizations/schema';
import { fieldsOfAction } from './fields-of-action/schema';
import { offerPlaces, offers, offerTexts } from './offers/schema';
import { needs } from './needs/schema';
import { bodies, bodyHosts, bodyMemberships, type MembershipRole } from './bodies/schema';
import { agendaItems, meetings } from './meetings/schema';
import { actionItems } from './minutes/schema';
import { hashPassword } from './auth/password';

const short = () => randomUUID().slice(0, 8);

export async function buildTenant(
	db: Executor,
	overrides: Partial<typeof tenants.$inferInsert> = {}
): Promise<Tenant> {
	const id = short();
	const [row] = await db
		.insert(tenants)
		.values({
			name: `Teststadt ${id}`,
			slug: `teststadt-${id}`,
			kind: 'city',
			land: 'BY',
			...overrides
		})
		.returning();
	return row;
}

const hashCache = new Map<string, Promise<string>>();
/** Same password, same hash: argon2 is slow on purpose, and tests and the seed reuse passwords. */
function cachedHash(password: string) {
	let h = hashCache.get(password);
	if (!h) hashCache.set(password, (h = hashPassword(password)));
	return h;
}

export async function buildUser(
	db: Executor,
	overrides: Partial<typeof users.$inferInsert> & { password?: string | null } = {}
): Promise<User> {
	const { password = 'correct horse battery', ...rest } = overrides;
	const id = short();
	const [row] = await db
		.insert(users)
		.values({
			email: `person-${id}@example.org`,
			name: `Person ${id}`,
			passwordHash: password === null ? null : await cachedHash(password),
			...rest
		})
		.returning();
	return row;
}

export async function grantRole(
	db: Executor,
	tenantId: string,
	userId: string,
	role: Role,
	organizationIds: string[] = []
): Promise<void> {
	await db.insert(tenantMembers).values({ tenantId, userId, role });
	if (organizationIds.length > 0) {
		await db
			.insert(editorOrganizations)
			.values(organizationIds.map((organizationId) => ({ tenantId, userId, organizationId })));
	}
}

export async function buildOrganizationType(
	db: Executor,
	tenantId: string,
	overrides: Partial<typeof organizationTypes.$inferInsert> = {}
) {
	const id = short();
	const [row] = await db
		.insert(organizationTypes)
		.values({ tenantId, key: `type-${id}`, name: `Typ ${id}`, ...overrides })
		.returning();
	return row;
}

export async function buildOrganization(
	db: Executor,
	tenantId: string,
	overrides: Partial<typeof organizations.$inferInsert> & { alsoIn?: string[] } = {}
) {
	const { alsoIn = [], ...rest } = overrides;
	const [row] = await db
		.insert(organizations)
		.values({ tenantId, name: `Organisation ${short()}`, ...rest })
		.returning();
	if (alsoIn.length > 0) {
		await db
			.insert(organizationTenants)
			.values(alsoIn.map((t) => ({ organizationId: row.id, tenantId: t })));
	}
	return row;
}

export async function buildFieldOfAction(
	db: Executor,
	tenantId: string,
	overrides: Partial<typeof fieldsOfAction.$inferInsert> = {}
) {
	const id = short();
	const [row] = await db
		.insert(fieldsOfAction)
		.values({ tenantId, key: `feld-${id}`, names: { de: `Handlungsfeld ${id}` }, ...overrides })
		.returning();
	return row;
}

export async function buildContact(
	db: Executor,
	tenantId: string,
	organizationId: string,
	overrides: Partial<typeof contacts.$inferInsert> & { consent?: boolean } = {}
) {
	const { consent = false, ...rest } = overrides;
	const [row] = await db
		.insert(contacts)
		.values({
			tenantId,
			organizationId,
			name: `Ansprechperson ${short()}`,
			...(consent
				? {
						consentText:
							'Ich bin damit einverstanden, dass mein Name, meine Rolle und meine Kontaktdaten öffentlich angezeigt werden.',
						consentGivenAt: new Date()
					}
				: {}),
			...rest
		})
		.returning();
	return row;
}

/**
 * An offer with its German text (and further languages in `texts`). Published by default.
 */
export async function buildOffer(
	db: Executor,
	tenantId: string,
	organizationId: string,
	overrides: Partial<typeof offers.$inferInsert> & {
		title?: string;
		description?: string;
		texts?: Omit<typeof offerTexts.$inferInsert, 'offerId'>[];
		places?: Omit<typeof offerPlaces.$inferInsert, 'offerId'>[];
	} = {}
) {
	const { title, description, texts = [], places = [], ...rest } = overrides;
	const now = new Date();
	const [row] = await db
		.insert(offers)
		.values({
			tenantId,
			organizationId,
			status: 'published',
			publishedAt: now,
			lastConfirmedAt: now,
			...rest
		})
		.returning();
	await db.insert(offerTexts).values([
		{
			offerId: row.id,
			locale: 'de',
			title: title ?? `Angebot ${short()}`,
			description: description ?? '',
			state: 'original'
		},
		...texts.map((t) => ({ ...t, offerId: row.id }))
	]);
	if (places.length > 0) {
		await db.insert(offerPlaces).values(places.map((p) => ({ ...p, offerId: row.id })));
	}
	return row;
}

export async function buildNeed(
	db: Executor,
	tenantId: string,
	overrides: Partial<typeof needs.$inferInsert> = {}
) {
	const [row] = await db
		.insert(needs)
		.values({ tenantId, title: `Bedarf ${short()}`, sourceKind: 'working_group', ...overrides })
		.returning();
	return row;
}

export async function buildBody(
	db: Executor,
	tenantId: string,
	overrides: Partial<typeof bodies.$inferInsert> = {}
) {
	const [row] = await db
		.insert(bodies)
		.values({ tenantId, kind: 'working_group', name: `Arbeitskreis ${short()}`, ...overrides })
		.returning();
	return row;
}

/** A current membership (started yesterday unless given). */
export async function buildMembership(
	db: Executor,
	body: { id: string; tenantId: string },
	userId: string,
	role: MembershipRole = 'member',
	overrides: Partial<typeof bodyMemberships.$inferInsert> = {}
) {
	const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
	const [row] = await db
		.insert(bodyMemberships)
		.values({
			tenantId: body.tenantId,
			bodyId: body.id,
			userId,
			role,
			startDate: yesterday,
			...overrides
		})
		.returning();
	return row;
}

export async function buildBodyHost(
	db: Executor,
	body: { id: string; tenantId: string },
	organizationId: string
) {
	await db.insert(bodyHosts).values({ tenantId: body.tenantId, bodyId: body.id, organizationId });
}

/** A meeting of the body, two hours long, a week from now unless given. */
export async function buildMeeting(
	db: Executor,
	body: { id: string; tenantId: string },
	overrides: Partial<typeof meetings.$inferInsert> = {}
) {
	const startsAt = overrides.startsAt ?? new Date(Date.now() + 7 * 86_400_000);
	const [row] = await db
		.insert(meetings)
		.values({
			tenantId: body.tenantId,
			bodyId: body.id,
			startsAt,
			endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
			location: 'Rathaus, Raum 1',
			...overrides
		})
		.returning();
	return row;
}

export async function buildAgendaItem(
	db: Executor,
	meeting: { id: string; tenantId: string },
	position: number,
	overrides: Partial<typeof agendaItems.$inferInsert> = {}
) {
	const [row] = await db
		.insert(agendaItems)
		.values({
			tenantId: meeting.tenantId,
			meetingId: meeting.id,
			position,
			title: `TOP ${position}`,
			...overrides
		})
		.returning();
	return row;
}

export async function buildActionItem(
	db: Executor,
	body: { id: string; tenantId: string },
	overrides: Partial<typeof actionItems.$inferInsert> = {}
) {
	const [row] = await db
		.insert(actionItems)
		.values({ tenantId: body.tenantId, bodyId: body.id, title: `Aufgabe ${short()}`, ...overrides })
		.returning();
	return row;
}
