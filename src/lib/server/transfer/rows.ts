/**
 * Reading the records of an import: what the tenant's own keys refer to (types, fields of action,
 * municipalities, existing organisations) and a reader that checks one record's fields.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../db/client';
import { tenants } from '../tenants/schema';
import { organizations, organizationTypes } from '../organizations/schema';
import { fieldsOfAction } from '../fields-of-action/schema';
import { LIST_SEPARATOR, type CsvRecord } from './csv';
import type { TransferFile } from './columns';
import type { ImportIssue } from './file-check';
import { parseBerlinDateTime, parseDay } from './time';

export interface Reference {
	types: Map<string, { id: string; key: string }>;
	fields: Map<string, { id: string; key: string }>;
	municipalities: Map<string, string>;
	existingOrganizations: Map<string, string[]>;
}

export const normal = (s: string) => s.trim().toLocaleLowerCase('de-DE');

export async function loadReference(db: Executor, tenantId: string): Promise<Reference> {
	const [types, fields, children, orgs] = await Promise.all([
		db
			.select({
				id: organizationTypes.id,
				key: organizationTypes.key,
				name: organizationTypes.name
			})
			.from(organizationTypes)
			.where(eq(organizationTypes.tenantId, tenantId)),
		db
			.select({ id: fieldsOfAction.id, key: fieldsOfAction.key, names: fieldsOfAction.names })
			.from(fieldsOfAction)
			.where(eq(fieldsOfAction.tenantId, tenantId)),
		db
			.select({ id: tenants.id, slug: tenants.slug })
			.from(tenants)
			.where(eq(tenants.parentId, tenantId)),
		db
			.select({ id: organizations.id, name: organizations.name })
			.from(organizations)
			.where(eq(organizations.tenantId, tenantId))
	]);
	const typeMap = new Map<string, { id: string; key: string }>();
	for (const t of types) {
		typeMap.set(normal(t.name), { id: t.id, key: t.key });
		typeMap.set(normal(t.key), { id: t.id, key: t.key });
	}
	const fieldMap = new Map<string, { id: string; key: string }>();
	for (const f of fields) {
		for (const name of Object.values(f.names))
			if (name) fieldMap.set(normal(name), { id: f.id, key: f.key });
		fieldMap.set(normal(f.key), { id: f.id, key: f.key });
	}
	const existing = new Map<string, string[]>();
	for (const o of orgs)
		existing.set(normal(o.name), [...(existing.get(normal(o.name)) ?? []), o.id]);
	return {
		types: typeMap,
		fields: fieldMap,
		municipalities: new Map(children.map((c) => [c.slug, c.id])),
		existingOrganizations: existing
	};
}

/** Reads the fields of one record and collects its problems. */
export class RowReader {
	readonly issues: ImportIssue[] = [];
	constructor(
		private readonly file: TransferFile,
		private readonly record: CsvRecord
	) {}

	get line() {
		return this.record.line;
	}

	issue(column: string | null, key: string, params?: Record<string, string | number>) {
		this.issues.push({ file: this.file, line: this.record.line, column, key, params });
	}

	/** Trimmed text, or null when empty. */
	text(column: string, max: number, required = false): string | null {
		const v = this.record.values[column] ?? '';
		if (v === '') {
			if (required) this.issue(column, 'transfer_error_required');
			return null;
		}
		if (v.length > max) {
			this.issue(column, 'transfer_error_too_long', { max });
			return null;
		}
		return v;
	}

	/** A "|"-separated list of values from a vocabulary. */
	list<T extends string>(column: string, allowed: readonly T[]): T[] {
		const raw = this.record.values[column] ?? '';
		if (raw === '') return [];
		const out: T[] = [];
		for (const part of raw.split(LIST_SEPARATOR).map((p) => p.trim().toLowerCase())) {
			if (part === '') continue;
			if (!(allowed as readonly string[]).includes(part)) {
				this.issue(column, 'transfer_error_unknown_value', { value: part });
				continue;
			}
			if (!out.includes(part as T)) out.push(part as T);
		}
		return out;
	}

	choice<T extends string>(column: string, allowed: readonly T[], fallback: T): T {
		const raw = (this.record.values[column] ?? '').toLowerCase();
		if (raw === '') return fallback;
		if (!(allowed as readonly string[]).includes(raw)) {
			this.issue(column, 'transfer_error_unknown_value', { value: raw });
			return fallback;
		}
		return raw as T;
	}

	bool(column: string): boolean | null {
		const raw = (this.record.values[column] ?? '').toLowerCase();
		if (raw === '') return null;
		if (['ja', 'j', 'yes', 'y', 'true', 'wahr', '1', 'x'].includes(raw)) return true;
		if (['nein', 'n', 'no', 'false', 'falsch', '0'].includes(raw)) return false;
		this.issue(column, 'transfer_error_boolean', { value: raw });
		return null;
	}

	/** A decimal number, with a point or a German comma. */
	number(column: string, min: number, max: number): number | null {
		const raw = this.record.values[column] ?? '';
		if (raw === '') return null;
		const n = /^-?\d+([.,]\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) : NaN;
		if (!Number.isFinite(n)) {
			this.issue(column, 'transfer_error_number', { value: raw });
			return null;
		}
		if (n < min || n > max) {
			this.issue(column, 'transfer_error_out_of_range', { min, max });
			return null;
		}
		return n;
	}

	url(column: string): string | null {
		const raw = this.text(column, 500);
		if (!raw) return null;
		const withScheme = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
		try {
			const u = new URL(withScheme);
			if ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.'))
				return u.toString();
		} catch {
			// reported below
		}
		this.issue(column, 'transfer_error_url', { value: raw });
		return null;
	}

	email(column: string): string | null {
		const raw = this.text(column, 254);
		if (!raw) return null;
		if (!z.email().safeParse(raw.toLowerCase()).success) {
			this.issue(column, 'transfer_error_email', { value: raw });
			return null;
		}
		return raw.toLowerCase();
	}

	day(column: string): string | null {
		const raw = this.record.values[column] ?? '';
		if (raw === '') return null;
		const d = parseDay(raw);
		if (!d) this.issue(column, 'transfer_error_date', { value: raw });
		return d;
	}

	dateTime(column: string): Date | null {
		const raw = this.record.values[column] ?? '';
		if (raw === '') return null;
		const d = parseBerlinDateTime(raw);
		if (!d) this.issue(column, 'transfer_error_datetime', { value: raw });
		return d;
	}

	municipalities(column: string, ref: Reference): string[] {
		const raw = this.record.values[column] ?? '';
		if (raw === '') return [];
		const ids: string[] = [];
		for (const slug of raw.split(LIST_SEPARATOR).map((p) => p.trim().toLowerCase())) {
			if (slug === '') continue;
			const id = ref.municipalities.get(slug);
			if (!id) this.issue(column, 'transfer_error_unknown_municipality', { value: slug });
			else if (!ids.includes(id)) ids.push(id);
		}
		return ids;
	}
}
