/**
 * Ansprechpartner:innen of an organisation. A person is shown publicly only while their consent
 * is recorded (the exact text they agreed to, and when) and not withdrawn.
 */
import { and, asc, eq, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { contacts } from './schema';
import { findOrganization } from './queries';
import { consentInput, contactInput } from './validation';
import { parseOrThrow, berlinToday as berlinDateString, requireUuid } from '../shared';

/** The consent text offered by default (the form shows it and lets the coordinator adapt it). */
export const DEFAULT_CONSENT_TEXT =
	'Ich bin damit einverstanden, dass mein Name, meine Funktion, meine Telefonnummer und meine E-Mail-Adresse als Ansprechperson meiner Organisation auf der öffentlichen Seite des Netzwerks angezeigt werden. Ich kann diese Einwilligung jederzeit ohne Angabe von Gründen widerrufen.';

/** What the public may see of a contact person. */
export interface PublicContactView {
	id: string;
	organizationId: string;
	name: string;
	role: string | null;
	phone: string | null;
	email: string | null;
}

/** A contact person as the organisation's editors and the coordination see them. */
export interface ContactView extends PublicContactView {
	consentText: string | null;
	consentGivenAt: Date | null;
	consentWithdrawnAt: Date | null;
	/** shown publicly: consent recorded and not withdrawn */
	isPublic: boolean;
}

/**
 * SQL condition "this contact may be shown publicly": consent recorded and not withdrawn.
 * Pass an alias's columns if the query uses one.
 */
export function hasPublicConsent(
	table: { consentGivenAt: AnyPgColumn; consentWithdrawnAt: AnyPgColumn } = contacts
): SQL {
	return and(isNotNull(table.consentGivenAt), isNull(table.consentWithdrawnAt)) as SQL;
}

/** The same rule for a loaded row. */
export function isContactPublic(row: {
	consentGivenAt: Date | null;
	consentWithdrawnAt: Date | null;
}): boolean {
	return row.consentGivenAt !== null && row.consentWithdrawnAt === null;
}

const publicColumns = {
	id: contacts.id,
	organizationId: contacts.organizationId,
	name: contacts.name,
	role: contacts.role,
	phone: contacts.phone,
	email: contacts.email
};

/**
 * Contacts of the given organisations that may be shown publicly, by name. For public pages:
 * no actor needed, tenant-scoped (a district passes its own id and its municipalities' ids).
 */
export async function publicContacts(
	db: Executor,
	tenantIds: string | string[],
	organizationIds: string[]
): Promise<PublicContactView[]> {
	const tenants = Array.isArray(tenantIds) ? tenantIds : [tenantIds];
	if (tenants.length === 0 || organizationIds.length === 0) return [];
	return db
		.select(publicColumns)
		.from(contacts)
		.where(
			and(
				inArray(contacts.tenantId, tenants),
				inArray(contacts.organizationId, organizationIds),
				hasPublicConsent()
			)
		)
		.orderBy(asc(contacts.name), asc(contacts.id));
}

/** Contacts by id (e.g. offers' contact_id) that may be shown publicly; others are left out. */
export async function publicContactsByIds(
	db: Executor,
	tenantIds: string | string[],
	contactIds: string[]
): Promise<PublicContactView[]> {
	const tenants = Array.isArray(tenantIds) ? tenantIds : [tenantIds];
	const ids = contactIds.filter(Boolean);
	if (tenants.length === 0 || ids.length === 0) return [];
	return db
		.select(publicColumns)
		.from(contacts)
		.where(and(inArray(contacts.tenantId, tenants), inArray(contacts.id, ids), hasPublicConsent()));
}

function toView(row: typeof contacts.$inferSelect): ContactView {
	return {
		id: row.id,
		organizationId: row.organizationId,
		name: row.name,
		role: row.role,
		phone: row.phone,
		email: row.email,
		consentText: row.consentText,
		consentGivenAt: row.consentGivenAt,
		consentWithdrawnAt: row.consentWithdrawnAt,
		isPublic: isContactPublic(row)
	};
}

async function findContact(
	tx: Executor,
	tenantId: string,
	organizationId: string,
	contactId: string
) {
	const [row] = await tx
		.select()
		.from(contacts)
		.where(
			and(
				eq(contacts.id, contactId),
				eq(contacts.tenantId, tenantId),
				eq(contacts.organizationId, organizationId)
			)
		)
		.for('update');
	if (!row) throw new NotFoundError();
	return row;
}

/** All contacts of an organisation with their consent (editors of it and the coordination). */
export async function listContacts(
	ctx: TenantCtx,
	input: { organizationId: string }
): Promise<ContactView[]> {
	const tenantId = ctx.tenant.id;
	const { organizationId } = input;
	authorize(ctx.actor, 'organization.edit', { tenantId, organizationId });
	requireUuid(organizationId);
	await findOrganization(ctx.db, tenantId, organizationId);
	const rows = await ctx.db
		.select()
		.from(contacts)
		.where(and(eq(contacts.tenantId, tenantId), eq(contacts.organizationId, organizationId)))
		.orderBy(asc(contacts.name), asc(contacts.id));
	return rows.map(toView);
}

/** A contact person of the organisation the URL names: the contact must belong to it (else 404). */
export interface ContactRef {
	organizationId: string;
	contactId: string;
}

/** For the audit log: the person without their consent text (it is long and unchanged). */
function auditView(row: typeof contacts.$inferSelect): Record<string, unknown> {
	return {
		name: row.name,
		role: row.role,
		phone: row.phone,
		email: row.email,
		consentGivenAt: row.consentGivenAt,
		consentWithdrawnAt: row.consentWithdrawnAt
	};
}

function parseContact(raw: unknown) {
	return parseOrThrow(contactInput, raw);
}

export async function addContact(
	ctx: TenantCtx,
	raw: { organizationId: string } & Record<string, unknown>
): Promise<{ id: string }> {
	const tenantId = ctx.tenant.id;
	const { organizationId } = raw;
	authorize(ctx.actor, 'organization.edit', { tenantId, organizationId });
	requireUuid(organizationId);
	const input = parseContact(raw);
	return ctx.db.transaction(async (tx) => {
		await findOrganization(tx, tenantId, organizationId);
		const [row] = await tx
			.insert(contacts)
			.values({ tenantId, organizationId, ...input })
			.returning();
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'contact.create',
			entityType: 'contact',
			entityId: row.id,
			after: auditView(row)
		});
		return { id: row.id };
	});
}

type ContactRow = typeof contacts.$inferSelect;

/** The actor may edit the organisation; the ids are well-formed (else 404). */
function authorizeContact(ctx: TenantCtx, ref: ContactRef) {
	authorize(ctx.actor, 'organization.edit', {
		tenantId: ctx.tenant.id,
		organizationId: ref.organizationId
	});
	requireUuid(ref.organizationId);
	requireUuid(ref.contactId);
}

/**
 * Changes a contact person of the organisation the URL names (another organisation's contact is
 * "not found", before anything is written) and audits before and after.
 */
async function changeContact(
	ctx: TenantCtx,
	ref: ContactRef,
	action: string,
	change: (tx: Executor, before: ContactRow) => Promise<Record<string, unknown> | null>
): Promise<void> {
	const tenantId = ctx.tenant.id;
	await ctx.db.transaction(async (tx) => {
		const before = await findContact(tx, tenantId, ref.organizationId, ref.contactId);
		const after = await change(tx, before);
		await recordAudit(tx, ctx, {
			tenantId,
			action,
			entityType: 'contact',
			entityId: before.id,
			before: auditView(before),
			after
		});
	});
}

async function setContact(
	tx: Executor,
	id: string,
	set: Partial<typeof contacts.$inferInsert>
): Promise<ContactRow> {
	const [after] = await tx
		.update(contacts)
		.set({ ...set, updatedAt: new Date() })
		.where(eq(contacts.id, id))
		.returning();
	return after;
}

export async function updateContact(
	ctx: TenantCtx,
	raw: ContactRef & Record<string, unknown>
): Promise<void> {
	authorizeContact(ctx, raw);
	const input = parseContact(raw);
	await changeContact(ctx, raw, 'contact.update', async (tx, before) =>
		auditView(await setContact(tx, before.id, input))
	);
}

export async function removeContact(ctx: TenantCtx, input: ContactRef): Promise<void> {
	authorizeContact(ctx, input);
	await changeContact(ctx, input, 'contact.remove', async (tx, before) => {
		await tx.delete(contacts).where(eq(contacts.id, before.id));
		return null;
	});
}

/**
 * Records a person's consent to be shown publicly: the exact text they agreed to and when
 * (today, or the day given if they agreed earlier, e.g. on paper). Replaces a withdrawn consent.
 */
export async function recordConsent(
	ctx: TenantCtx,
	raw: ContactRef & Record<string, unknown>,
	now: Date = new Date()
): Promise<void> {
	authorizeContact(ctx, raw);
	const parsed = parseOrThrow(consentInput, raw);
	const { consentText, givenOn } = parsed;
	let givenAt = now;
	if (givenOn) {
		const day = new Date(`${givenOn}T12:00:00Z`);
		if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== givenOn)
			throw new ValidationError({ givenOn: 'org_error_date_invalid' });
		if (givenOn > berlinDateString(now))
			throw new ValidationError({ givenOn: 'org_error_date_future' });
		if (givenOn !== berlinDateString(now)) givenAt = day;
	}
	await changeContact(ctx, raw, 'contact.consent_record', async (tx, before) => {
		const after = await setContact(tx, before.id, {
			consentText,
			consentGivenAt: givenAt,
			consentWithdrawnAt: null
		});
		return { ...auditView(after), consentText };
	});
}

/** Withdraws the consent: the person is no longer shown publicly; the record of it stays. */
export async function withdrawConsent(ctx: TenantCtx, input: ContactRef): Promise<void> {
	authorizeContact(ctx, input);
	await changeContact(ctx, input, 'contact.consent_withdraw', async (tx, before) => {
		if (!before.consentGivenAt || before.consentWithdrawnAt) {
			throw new ValidationError({ form: 'org_error_no_consent' });
		}
		return auditView(await setContact(tx, before.id, { consentWithdrawnAt: new Date() }));
	});
}

/** Contacts an offer of the organisation may name (all of them; public only with consent). */
export async function contactChoices(
	db: Executor,
	tenantId: string,
	organizationId: string
): Promise<{ id: string; name: string; role: string | null; isPublic: boolean }[]> {
	const rows = await db
		.select()
		.from(contacts)
		.where(and(eq(contacts.tenantId, tenantId), eq(contacts.organizationId, organizationId)))
		.orderBy(asc(contacts.name));
	return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, isPublic: isContactPublic(r) }));
}
