/**
 * Contact persons for integration of a tenant itself: the district office's and each
 * municipality's. The tenant's coordinators keep the list; a person is shown publicly (start
 * page, the finder's contact fallback) only while their consent is recorded and not withdrawn —
 * the same rule as for organisations' contact persons (organizations/contacts.ts).
 */
import { and, asc, desc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { hasPublicConsent, isContactPublic } from '../organizations/contacts';
import { consentInput } from '../organizations/validation';
import { z } from 'zod';
import { berlinToday, isChecked, parseOrThrow, requireUuid } from '../shared';
import { tenants } from '../tenants/schema';
import { tenantContacts, type TenantContactRow } from './schema';
import { tenantContactInput } from './validation';

/** The consent text offered by default for a contact person of the administration. */
export const DEFAULT_TENANT_CONSENT_TEXT =
	'Ich bin damit einverstanden, dass mein Name, meine Funktion, meine Dienststelle, meine dienstliche Telefonnummer und E-Mail-Adresse, meine Sprachen und Sprechzeiten als Ansprechperson für Integration auf der öffentlichen Seite angezeigt werden. Ich kann diese Einwilligung jederzeit ohne Angabe von Gründen widerrufen.';

/** What the public may see of a contact person for integration. */
export interface PublicTenantContact {
	id: string;
	tenantId: string;
	name: string;
	role: string | null;
	unit: string | null;
	phone: string | null;
	email: string | null;
	languages: string[];
	officeHours: string | null;
}

/** A contact person as the coordinators see them, with their consent. */
export interface TenantContactView extends PublicTenantContact {
	position: number;
	isMayor: boolean;
	networkInvite: boolean;
	consentText: string | null;
	consentGivenAt: Date | null;
	consentWithdrawnAt: Date | null;
	isPublic: boolean;
}

const publicColumns = {
	id: tenantContacts.id,
	tenantId: tenantContacts.tenantId,
	name: tenantContacts.name,
	role: tenantContacts.role,
	unit: tenantContacts.unit,
	phone: tenantContacts.phone,
	email: tenantContacts.email,
	languages: tenantContacts.languages,
	officeHours: tenantContacts.officeHours
};

/**
 * The consented contact persons of the given tenants, in their order. Public data: no actor
 * needed; only public tenants' people are returned.
 */
export async function publicTenantContacts(
	db: Executor,
	tenantIds: string | string[]
): Promise<PublicTenantContact[]> {
	const ids = (Array.isArray(tenantIds) ? tenantIds : [tenantIds]).filter(Boolean);
	if (ids.length === 0) return [];
	return db
		.select(publicColumns)
		.from(tenantContacts)
		.innerJoin(tenants, eq(tenants.id, tenantContacts.tenantId))
		.where(
			and(
				inArray(tenantContacts.tenantId, ids),
				eq(tenants.isPublic, true),
				hasPublicConsent(tenantContacts)
			)
		)
		.orderBy(asc(tenantContacts.position), asc(tenantContacts.name), asc(tenantContacts.id));
}

function toView(row: TenantContactRow): TenantContactView {
	return {
		id: row.id,
		tenantId: row.tenantId,
		name: row.name,
		role: row.role,
		unit: row.unit,
		phone: row.phone,
		email: row.email,
		languages: row.languages,
		officeHours: row.officeHours,
		position: row.position,
		isMayor: row.isMayor,
		networkInvite: row.networkInvite,
		consentText: row.consentText,
		consentGivenAt: row.consentGivenAt,
		consentWithdrawnAt: row.consentWithdrawnAt,
		isPublic: isContactPublic(row)
	};
}

/**
 * The flags for the district's networking meetings are a municipality's only (a tenant with a
 * parent district); elsewhere they are stored unset.
 */
function withNetworkFlags<T extends { isMayor: boolean; networkInvite: boolean }>(
	ctx: TenantCtx,
	input: T
): T {
	return ctx.tenant.parentId ? input : { ...input, isMayor: false, networkInvite: false };
}

function authorizeManage(ctx: TenantCtx) {
	authorize(ctx.actor, 'tenant.contacts.manage', { tenantId: ctx.tenant.id });
}

/** All contact persons of the request's tenant with their consent (its coordinators). */
export async function listTenantContacts(ctx: TenantCtx): Promise<TenantContactView[]> {
	authorizeManage(ctx);
	const rows = await ctx.db
		.select()
		.from(tenantContacts)
		.where(eq(tenantContacts.tenantId, ctx.tenant.id))
		.orderBy(asc(tenantContacts.position), asc(tenantContacts.name), asc(tenantContacts.id));
	return rows.map(toView);
}

/** One contact person of the request's tenant (another tenant's is "not found"). */
export async function getTenantContact(
	ctx: TenantCtx,
	input: { contactId: string }
): Promise<TenantContactView> {
	authorizeManage(ctx);
	requireUuid(input.contactId);
	return toView(await findContact(ctx.db, ctx.tenant.id, input.contactId));
}

async function findContact(db: Executor, tenantId: string, id: string, lock = false) {
	const query = db
		.select()
		.from(tenantContacts)
		.where(and(eq(tenantContacts.id, id), eq(tenantContacts.tenantId, tenantId)));
	const [row] = lock ? await query.for('update') : await query;
	if (!row) throw new NotFoundError();
	return row;
}

function auditView(row: TenantContactRow): Record<string, unknown> {
	return {
		name: row.name,
		role: row.role,
		unit: row.unit,
		phone: row.phone,
		email: row.email,
		languages: row.languages,
		officeHours: row.officeHours,
		isMayor: row.isMayor,
		networkInvite: row.networkInvite,
		consentGivenAt: row.consentGivenAt,
		consentWithdrawnAt: row.consentWithdrawnAt
	};
}

export async function addTenantContact(
	ctx: TenantCtx,
	raw: Record<string, unknown>
): Promise<{ id: string }> {
	authorizeManage(ctx);
	const input = withNetworkFlags(ctx, parseOrThrow(tenantContactInput, raw));
	const tenantId = ctx.tenant.id;
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(tenantContacts)
			.values({ tenantId, ...input })
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'tenant_contact.create',
			entityType: 'tenant_contact',
			entityId: row.id,
			after: auditView(row)
		});
		return { id: row.id };
	});
}

async function change(
	ctx: TenantCtx,
	contactId: unknown,
	action: string,
	apply: (tx: Executor, before: TenantContactRow) => Promise<TenantContactRow | null>
): Promise<void> {
	authorizeManage(ctx);
	const id = requireUuid(contactId);
	const tenantId = ctx.tenant.id;
	await ctx.db.transaction(async (tx) => {
		const before = await findContact(tx, tenantId, id, true);
		const after = await apply(tx, before);
		await recordAudit(tx, ctx, {
			tenantId,
			action,
			entityType: 'tenant_contact',
			entityId: id,
			before: auditView(before),
			after: after ? auditView(after) : null
		});
	});
}

async function set(tx: Executor, id: string, values: Partial<typeof tenantContacts.$inferInsert>) {
	const [row] = await tx
		.update(tenantContacts)
		.set({ ...values, updatedAt: new Date() })
		.where(eq(tenantContacts.id, id))
		.returning();
	return row;
}

export async function updateTenantContact(
	ctx: TenantCtx,
	raw: { contactId: string } & Record<string, unknown>
): Promise<void> {
	authorizeManage(ctx);
	requireUuid(raw.contactId);
	const input = withNetworkFlags(ctx, parseOrThrow(tenantContactInput, raw));
	await change(ctx, raw.contactId, 'tenant_contact.update', (tx, before) =>
		set(tx, before.id, input)
	);
}

export async function removeTenantContact(
	ctx: TenantCtx,
	input: { contactId: string }
): Promise<void> {
	await change(ctx, input.contactId, 'tenant_contact.remove', async (tx, before) => {
		await tx.delete(tenantContacts).where(eq(tenantContacts.id, before.id));
		return null;
	});
}

/**
 * Records the person's consent: the exact text and when (today, or the earlier day they agreed
 * on paper). Replaces a withdrawn consent.
 */
export async function recordTenantContactConsent(
	ctx: TenantCtx,
	raw: { contactId: string } & Record<string, unknown>,
	now: Date = new Date()
): Promise<void> {
	authorizeManage(ctx);
	requireUuid(raw.contactId);
	const { consentText, givenOn } = parseOrThrow(consentInput, raw);
	let givenAt = now;
	if (givenOn) {
		const day = new Date(`${givenOn}T12:00:00Z`);
		if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== givenOn)
			throw new ValidationError({ givenOn: 'org_error_date_invalid' });
		if (givenOn > berlinToday(now)) throw new ValidationError({ givenOn: 'org_error_date_future' });
		if (givenOn !== berlinToday(now)) givenAt = day;
	}
	await change(ctx, raw.contactId, 'tenant_contact.consent_record', (tx, before) =>
		set(tx, before.id, { consentText, consentGivenAt: givenAt, consentWithdrawnAt: null })
	);
}

/** Withdraws the consent: no longer shown publicly; the record of it stays. */
export async function withdrawTenantContactConsent(
	ctx: TenantCtx,
	input: { contactId: string }
): Promise<void> {
	await change(ctx, input.contactId, 'tenant_contact.consent_withdraw', async (tx, before) => {
		if (!before.consentGivenAt || before.consentWithdrawnAt)
			throw new ValidationError({ form: 'org_error_no_consent' });
		return set(tx, before.id, { consentWithdrawnAt: new Date() });
	});
}

/**
 * What a public start page shows: the tenant's own consented contact persons and, on a
 * municipality's page, those of its district office.
 */
export async function integrationContactsSection(ctx: TenantCtx): Promise<{
	own: PublicTenantContact[];
	district: { name: string; slug: string; people: PublicTenantContact[] } | null;
}> {
	const parentId = ctx.tenant.kind === 'district' ? null : ctx.tenant.parentId;
	const people = await publicTenantContacts(
		ctx.db,
		parentId ? [ctx.tenant.id, parentId] : ctx.tenant.id
	);
	let district = null;
	if (parentId) {
		const [row] = await ctx.db
			.select({ name: tenants.name, slug: tenants.slug })
			.from(tenants)
			.where(and(eq(tenants.id, parentId), eq(tenants.isPublic, true)));
		const theirs = people.filter((p) => p.tenantId === parentId);
		if (row && theirs.length > 0) district = { ...row, people: theirs };
	}
	return { own: people.filter((p) => p.tenantId === ctx.tenant.id), district };
}

/** A contact person to be invited to the district's networking meetings. */
export interface NetworkingContact {
	tenantId: string;
	name: string;
	email: string;
	isMayor: boolean;
	/** ISO 639-1 codes of the languages the person speaks */
	languages: string[];
}

/**
 * The mayors and the contact persons marked for the district's networking meetings of the given
 * tenants (municipalities), those with an e-mail address only; in their order. For the
 * invitation of the meeting (district/invitees.ts): an internal read, no actor needed; the
 * caller authorises. Only name and address leave this domain.
 */
export async function networkingContactsOf(
	db: Executor,
	tenantIds: string[]
): Promise<NetworkingContact[]> {
	if (tenantIds.length === 0) return [];
	const rows = await db
		.select({
			tenantId: tenantContacts.tenantId,
			name: tenantContacts.name,
			email: tenantContacts.email,
			isMayor: tenantContacts.isMayor,
			languages: tenantContacts.languages
		})
		.from(tenantContacts)
		.where(
			and(
				inArray(tenantContacts.tenantId, tenantIds),
				or(eq(tenantContacts.isMayor, true), eq(tenantContacts.networkInvite, true)),
				isNotNull(tenantContacts.email)
			)
		)
		.orderBy(
			desc(tenantContacts.isMayor),
			asc(tenantContacts.position),
			asc(tenantContacts.name),
			asc(tenantContacts.id)
		);
	return rows.filter((r): r is NetworkingContact => !!r.email?.trim());
}

/** A municipality's contact person as the district's coordinators see them for the meetings. */
export interface MunicipalityContactView {
	id: string;
	name: string;
	role: string | null;
	email: string | null;
	isMayor: boolean;
	networkInvite: boolean;
}

/**
 * The contact persons of the district's municipalities, by municipality, for its coordinators:
 * who is mayor and who is invited to the networking meetings. Only what that needs (no phone,
 * languages or office hours).
 */
export async function districtMunicipalityContacts(ctx: TenantCtx): Promise<
	{
		municipality: { id: string; name: string; slug: string };
		contacts: MunicipalityContactView[];
	}[]
> {
	authorizeManage(ctx);
	if (ctx.tenant.kind !== 'district') throw new NotFoundError();
	const municipalities = await ctx.db
		.select({ id: tenants.id, name: tenants.name, slug: tenants.slug })
		.from(tenants)
		.where(eq(tenants.parentId, ctx.tenant.id))
		.orderBy(asc(tenants.name));
	if (municipalities.length === 0) return [];
	const rows = await ctx.db
		.select({
			tenantId: tenantContacts.tenantId,
			id: tenantContacts.id,
			name: tenantContacts.name,
			role: tenantContacts.role,
			email: tenantContacts.email,
			isMayor: tenantContacts.isMayor,
			networkInvite: tenantContacts.networkInvite
		})
		.from(tenantContacts)
		.where(
			inArray(
				tenantContacts.tenantId,
				municipalities.map((m) => m.id)
			)
		)
		.orderBy(asc(tenantContacts.position), asc(tenantContacts.name), asc(tenantContacts.id));
	return municipalities.map((municipality) => ({
		municipality,
		contacts: rows
			.filter((r) => r.tenantId === municipality.id)
			.map(({ tenantId: _tenantId, ...c }) => c)
	}));
}

const networkFlagsInput = z.object({
	isMayor: z.preprocess(isChecked, z.boolean()),
	networkInvite: z.preprocess(isChecked, z.boolean())
});

/**
 * The district's coordinator marks a contact person of one of its municipalities as mayor and
 * as invited to the networking meetings (the municipality's coordinators do the same on the
 * contact person's form). Recorded in the municipality's audit log.
 */
export async function setMunicipalityContactFlags(
	ctx: TenantCtx,
	raw: { contactId: unknown } & Record<string, unknown>
): Promise<void> {
	authorizeManage(ctx);
	if (ctx.tenant.kind !== 'district') throw new NotFoundError();
	const id = requireUuid(raw.contactId);
	const flags = parseOrThrow(networkFlagsInput, raw);
	await ctx.db.transaction(async (tx) => {
		const [found] = await tx
			.select({ contact: tenantContacts })
			.from(tenantContacts)
			.innerJoin(tenants, eq(tenants.id, tenantContacts.tenantId))
			.where(and(eq(tenantContacts.id, id), eq(tenants.parentId, ctx.tenant.id)))
			.for('update');
		if (!found) throw new NotFoundError();
		const before = found.contact;
		if (flags.networkInvite && !before.email?.trim())
			throw new ValidationError({ networkInvite: 'i17_error_invite_needs_email' });
		const after = await set(tx, before.id, flags);
		await recordAudit(tx, ctx, {
			tenantId: before.tenantId,
			action: 'tenant_contact.update',
			entityType: 'tenant_contact',
			entityId: id,
			before: auditView(before),
			after: auditView(after)
		});
	});
}
