/**
 * CSV import of organisations and offers, in two steps: `previewImport` checks everything and
 * writes nothing; `runImport` checks again and, only when the whole import is valid, writes it in
 * one transaction with an audit row per record. One import may hold an organisations file and an
 * offers file; offers name their organisation, which must exist in the tenant or come in the
 * organisations file of the same import.
 */
import { sql } from 'drizzle-orm';
import type { TenantCtx } from '../context';
import type { Executor } from '../db/client';
import { authorize } from '../auth/policy';
import { recordAudit } from '../audit/record';
import { organizations, organizationTenants } from '../organizations/schema';
import { offerPlaces, offers, offerTexts } from '../offers/schema';
import {
	COST_KINDS,
	LOCATION_KINDS,
	OFFER_STATUSES,
	SCHEDULE_KINDS,
	SPOKEN_LANGUAGES,
	TARGET_GROUPS
} from '../offers/vocabulary';
import { LIST_SEPARATOR, type CsvRecord } from './csv';
import { TRANSLATION_LOCALES } from './columns';
import { loadReference, normal, RowReader, type Reference } from './rows';
import { checkFile, type ImportIssue } from './file-check';

export interface ImportFiles {
	organizations?: string | null;
	offers?: string | null;
}

export interface OrganizationPreviewRow {
	line: number;
	name: string;
	type: string | null;
	city: string | null;
	languages: string[];
	municipalities: string[];
}

export interface OfferPreviewRow {
	line: number;
	title: string;
	organization: string;
	fieldOfAction: string | null;
	targetGroups: string[];
	languages: string[];
	scheduleKind: string;
	status: string;
	translations: string[];
}

export interface ImportPreview {
	organizations: OrganizationPreviewRow[];
	offers: OfferPreviewRow[];
	errors: ImportIssue[];
}

export type ImportResult =
	{ ok: true; organizations: number; offers: number } | { ok: false; preview: ImportPreview };

type OrganizationPlan = Omit<typeof organizations.$inferInsert, 'tenantId'> & {
	line: number;
	servedTenantIds: string[];
};

interface OfferPlan {
	line: number;
	/** lower-cased name of the organisation, resolved when writing */
	organizationKey: string;
	values: Omit<typeof offers.$inferInsert, 'tenantId' | 'organizationId'>;
	texts: Omit<typeof offerTexts.$inferInsert, 'offerId'>[];
	place: Omit<typeof offerPlaces.$inferInsert, 'offerId'> | null;
}

function readOrganizations(
	records: CsvRecord[],
	ref: Reference,
	issues: ImportIssue[]
): { plans: OrganizationPlan[]; preview: OrganizationPreviewRow[] } {
	const plans: OrganizationPlan[] = [];
	const preview: OrganizationPreviewRow[] = [];
	const firstLine = new Map<string, number>();
	for (const record of records) {
		const r = new RowReader('organizations', record);
		const name = r.text('name', 200, true);
		if (name) {
			const key = normal(name);
			if (ref.existingOrganizations.has(key))
				r.issue('name', 'transfer_error_organization_exists', { value: name });
			else if (firstLine.has(key))
				r.issue('name', 'transfer_error_duplicate_in_file', { line: firstLine.get(key)! });
			else firstLine.set(key, record.line);
		}
		const typeRaw = r.text('type', 200);
		const type = typeRaw ? ref.types.get(normal(typeRaw)) : undefined;
		if (typeRaw && !type) r.issue('type', 'transfer_error_unknown_type', { value: typeRaw });
		let postalCode = r.text('postal_code', 20);
		// Spreadsheets drop the leading zero of postal codes like 01067.
		if (postalCode && /^\d{4}$/.test(postalCode)) postalCode = `0${postalCode}`;
		const languages = r.list('languages', SPOKEN_LANGUAGES);
		const served = r.municipalities('municipalities', ref);
		const plan: OrganizationPlan = {
			line: record.line,
			name: name ?? '',
			typeId: type?.id ?? null,
			description: r.text('description', 5000),
			street: r.text('street', 200),
			postalCode,
			city: r.text('city', 200),
			latitude: r.number('latitude', -90, 90),
			longitude: r.number('longitude', -180, 180),
			website: r.url('website'),
			phone: r.text('phone', 50),
			email: r.email('email'),
			languages,
			wheelchairAccessible: r.bool('wheelchair_accessible'),
			accessibilityNote: r.text('accessibility_note', 2000),
			servedTenantIds: served
		};
		issues.push(...r.issues);
		plans.push(plan);
		preview.push({
			line: record.line,
			name: plan.name,
			type: type?.key ?? null,
			city: plan.city ?? null,
			languages,
			municipalities: [...ref.municipalities.entries()]
				.filter(([, id]) => served.includes(id))
				.map(([slug]) => slug)
		});
	}
	return { plans, preview };
}

const RRULE = /^FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[A-Z0-9,+\-:]+)*$/;

function readOffers(
	records: CsvRecord[],
	ref: Reference,
	/** names (normalised) of the organisations in this import; null if that file was unreadable */
	newOrganizations: Set<string> | null,
	issues: ImportIssue[]
): { plans: OfferPlan[]; preview: OfferPreviewRow[] } {
	const plans: OfferPlan[] = [];
	const preview: OfferPreviewRow[] = [];
	for (const record of records) {
		const r = new RowReader('offers', record);
		const organization = r.text('organization', 200, true);
		const organizationKey = organization ? normal(organization) : '';
		if (organization) {
			const existing = ref.existingOrganizations.get(organizationKey) ?? [];
			if (existing.length > 1)
				r.issue('organization', 'transfer_error_ambiguous_organization', { value: organization });
			else if (existing.length === 0 && newOrganizations && !newOrganizations.has(organizationKey))
				r.issue('organization', 'transfer_error_unknown_organization', { value: organization });
		}
		const title = r.text('title_de', 200, true);
		const description = r.text('description_de', 10000, true);
		const fieldRaw = r.text('field_of_action', 200);
		const field = fieldRaw ? ref.fields.get(normal(fieldRaw)) : undefined;
		if (fieldRaw && !field)
			r.issue('field_of_action', 'transfer_error_unknown_field', { value: fieldRaw });
		const targetGroups = r.list('target_groups', TARGET_GROUPS);
		const languages = r.list('languages', SPOKEN_LANGUAGES);
		const municipalityIds = r.municipalities('municipalities', ref);
		const locationKind = r.choice('location_kind', LOCATION_KINDS, 'place');
		const onlineUrl = r.url('online_url');
		if (locationKind === 'online' && !onlineUrl && !r.issues.some((i) => i.column === 'online_url'))
			r.issue('online_url', 'transfer_error_online_needs_url');
		const scheduleKind = r.choice('schedule_kind', SCHEDULE_KINDS, 'appointment');
		const startsAt = r.dateTime('starts_at');
		const endsAt = r.dateTime('ends_at');
		if (startsAt && endsAt && endsAt < startsAt) r.issue('ends_at', 'transfer_error_date_order');
		const rrule = r.text('rrule', 500)?.toUpperCase() ?? null;
		if (rrule && !RRULE.test(rrule)) r.issue('rrule', 'transfer_error_rrule');
		const weekdaysRaw = record.values['weekdays'] ?? '';
		const weekdays: number[] = [];
		for (const part of weekdaysRaw.split(LIST_SEPARATOR).map((p) => p.trim())) {
			if (part === '') continue;
			const n = /^[1-7]$/.test(part) ? Number(part) : NaN;
			if (Number.isNaN(n)) r.issue('weekdays', 'transfer_error_weekday', { value: part });
			else if (!weekdays.includes(n)) weekdays.push(n);
		}
		weekdays.sort();
		if (scheduleKind === 'once' && !startsAt && !record.values['starts_at'])
			r.issue('starts_at', 'transfer_error_once_needs_start');
		if (scheduleKind === 'recurring' && !rrule && weekdaysRaw === '')
			r.issue('rrule', 'transfer_error_recurring_needs_rule');
		const costKind = r.choice('cost_kind', COST_KINDS, 'free');
		const validFrom = r.day('valid_from');
		const validTo = r.day('valid_to');
		if (validFrom && validTo && validTo < validFrom)
			r.issue('valid_to', 'transfer_error_date_order');
		const status = r.choice('status', OFFER_STATUSES, 'draft');
		const place = {
			name: r.text('place_name', 200),
			street: r.text('place_street', 200),
			postalCode: r.text('place_postal_code', 20),
			city: r.text('place_city', 200)
		};
		if (place.postalCode && /^\d{4}$/.test(place.postalCode))
			place.postalCode = `0${place.postalCode}`;
		const texts: OfferPlan['texts'] = [
			{
				locale: 'de',
				title: title ?? '',
				description: description ?? '',
				scheduleNote: r.text('schedule_note_de', 1000),
				costNote: r.text('cost_note_de', 1000),
				registrationNote: r.text('registration_note_de', 1000),
				accessibilityNote: r.text('accessibility_note_de', 1000),
				state: 'original'
			}
		];
		for (const locale of TRANSLATION_LOCALES) {
			const tTitle = r.text(`title_${locale}`, 200);
			const tDescription = r.text(`description_${locale}`, 10000);
			if (tDescription && !tTitle)
				r.issue(`title_${locale}`, 'transfer_error_translation_needs_title');
			if (tTitle)
				texts.push({ locale, title: tTitle, description: tDescription ?? '', state: 'draft' });
		}
		const registrationRequired = r.bool('registration_required') ?? false;
		const childcare = r.bool('childcare') ?? false;
		const accessible = r.bool('accessible') ?? false;
		const now = new Date();
		issues.push(...r.issues);
		plans.push({
			line: record.line,
			organizationKey,
			values: {
				fieldOfActionId: field?.id ?? null,
				targetGroups,
				languages,
				municipalityIds,
				locationKind,
				onlineUrl,
				scheduleKind,
				startsAt,
				endsAt,
				rrule,
				weekdays,
				costKind,
				registrationRequired,
				childcare,
				accessible,
				validFrom,
				validTo,
				status,
				publishedAt: status === 'published' ? now : null,
				lastConfirmedAt: now
			},
			texts,
			place: Object.values(place).some((v) => v) ? place : null
		});
		preview.push({
			line: record.line,
			title: title ?? '',
			organization: organization ?? '',
			fieldOfAction: field?.key ?? null,
			targetGroups,
			languages,
			scheduleKind,
			status,
			translations: texts.filter((t) => t.locale !== 'de').map((t) => t.locale)
		});
	}
	return { plans, preview };
}

interface Analysis {
	preview: ImportPreview;
	organizations: OrganizationPlan[];
	offers: OfferPlan[];
}

async function analyse(db: Executor, tenantId: string, files: ImportFiles): Promise<Analysis> {
	const errors: ImportIssue[] = [];
	const orgText = files.organizations?.trim() ? files.organizations : null;
	const offerText = files.offers?.trim() ? files.offers : null;
	const empty: Analysis = {
		preview: { organizations: [], offers: [], errors },
		organizations: [],
		offers: []
	};
	if (!orgText && !offerText) {
		errors.push({ file: 'organizations', line: 0, column: null, key: 'transfer_error_no_file' });
		return empty;
	}
	const ref = await loadReference(db, tenantId);
	const orgRecords = orgText ? checkFile('organizations', orgText, errors) : [];
	const offerRecords = offerText ? checkFile('offers', offerText, errors) : [];
	const orgs = readOrganizations(orgRecords ?? [], ref, errors);
	// When the organisations file could not be read, its names are unknown: do not report every
	// offer of it as naming an unknown organisation.
	const newNames =
		orgRecords === null
			? null
			: new Set(orgs.plans.map((p) => normal(p.name)).filter((n) => n !== ''));
	const offs = readOffers(offerRecords ?? [], ref, newNames, errors);
	errors.sort((a, b) =>
		a.file === b.file ? a.line - b.line : a.file === 'organizations' ? -1 : 1
	);
	return {
		preview: { organizations: orgs.preview, offers: offs.preview, errors },
		organizations: orgs.plans,
		offers: offs.plans
	};
}

/** Checks an import and shows what it would create. Writes nothing. */
export async function previewImport(ctx: TenantCtx, files: ImportFiles): Promise<ImportPreview> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'data.transfer', { tenantId });
	return (await analyse(ctx.db, tenantId, files)).preview;
}

/**
 * Checks the import again and, only if it is valid as a whole, creates every organisation and
 * offer in one transaction (with one audit row per record and one for the import).
 */
export async function runImport(ctx: TenantCtx, files: ImportFiles): Promise<ImportResult> {
	const tenantId = ctx.tenant.id;
	authorize(ctx.actor, 'data.transfer', { tenantId });
	return ctx.db.transaction(async (tx) => {
		// Serialise imports of one tenant, so two of them cannot create the same organisation.
		await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`import:${tenantId}`}))`);
		const analysis = await analyse(tx, tenantId, files);
		if (analysis.preview.errors.length > 0) return { ok: false, preview: analysis.preview };

		const orgIds = new Map<string, string>();
		for (const [name, ids] of (await loadReference(tx, tenantId)).existingOrganizations)
			if (ids.length === 1) orgIds.set(name, ids[0]);
		for (const plan of analysis.organizations) {
			const { line: _line, servedTenantIds, ...values } = plan;
			const [row] = await tx
				.insert(organizations)
				.values({ ...values, tenantId })
				.returning();
			if (servedTenantIds.length > 0)
				await tx
					.insert(organizationTenants)
					.values(servedTenantIds.map((t) => ({ organizationId: row.id, tenantId: t })));
			orgIds.set(normal(row.name), row.id);
			await recordAudit(tx, ctx, {
				tenantId,
				action: 'organization.import',
				entityType: 'organization',
				entityId: row.id,
				after: { name: row.name, city: row.city, typeId: row.typeId }
			});
		}
		for (const plan of analysis.offers) {
			const organizationId = orgIds.get(plan.organizationKey);
			if (!organizationId) throw new Error(`organisation of line ${plan.line} vanished`);
			const [row] = await tx
				.insert(offers)
				.values({ ...plan.values, tenantId, organizationId })
				.returning({ id: offers.id, status: offers.status });
			await tx.insert(offerTexts).values(plan.texts.map((t) => ({ ...t, offerId: row.id })));
			if (plan.place) await tx.insert(offerPlaces).values({ ...plan.place, offerId: row.id });
			await recordAudit(tx, ctx, {
				tenantId,
				action: 'offer.import',
				entityType: 'offer',
				entityId: row.id,
				after: { name: plan.texts[0].title, status: row.status, organizationId }
			});
		}
		await recordAudit(tx, ctx, {
			tenantId,
			action: 'transfer.import',
			entityType: 'tenant',
			entityId: tenantId,
			after: { organizations: analysis.organizations.length, offers: analysis.offers.length }
		});
		return {
			ok: true,
			organizations: analysis.organizations.length,
			offers: analysis.offers.length
		};
	});
}
