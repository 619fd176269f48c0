/**
 * Form handling shared by every domain: the submitted values, zod builders for optional fields,
 * and zod errors as { field: messageKey } (the routes translate the keys).
 */
import { z } from 'zod';
import { ValidationError } from '../errors';

/** Values of a submitted form: one string per field, or a list for repeated fields (checkboxes). */
export type FormValues = Record<string, string | string[]>;

/** A form's values; fields in `lists` are always lists (checkbox groups). No files, no passwords. */
export function formValues(form: FormData, lists: readonly string[] = []): FormValues {
	const out: FormValues = {};
	for (const name of lists) out[name] = form.getAll(name).map(String);
	for (const [k, v] of form.entries()) {
		if (typeof v !== 'string' || lists.includes(k)) continue;
		out[k] = v;
	}
	return out;
}

export function str(v: unknown): string {
	if (Array.isArray(v)) return str(v[0]);
	return typeof v === 'string' ? v : '';
}

export function list(v: unknown): string[] {
	if (Array.isArray(v)) return v.map(String);
	return typeof v === 'string' && v !== '' ? [v] : [];
}

/** An empty form field means "not set": a blank string or null becomes undefined. */
export const blankToUndefined = (v: unknown) =>
	typeof v === 'string' && v.trim() === '' ? undefined : v === null ? undefined : v;

/** `schema`, optional; a blank field (or null) is undefined. */
export const blankOptional = <T extends z.ZodType>(schema: T) =>
	z.preprocess(blankToUndefined, schema.optional());

/** Trimmed text, optional; a blank field (or null) is undefined (optionalText gives null). */
export const blankOptionalText = (max: number, key: string) =>
	blankOptional(z.string().trim().max(max, { error: key }));

/** Trimmed text; '' becomes null. */
export const optionalText = (max: number, key: string) =>
	z
		.string()
		.trim()
		.max(max, { error: key })
		.transform((v) => (v === '' ? null : v));

export const requiredText = (max: number, requiredKey: string, tooLongKey: string) =>
	z.string().trim().min(1, { error: requiredKey }).max(max, { error: tooLongKey });

/** A decimal number as people type it ("48,5372" or "48.5372"); '' becomes null. */
export const optionalDecimal = (min: number, max: number, key: string) =>
	z
		.string()
		.trim()
		.transform((v, c) => {
			if (v === '') return null;
			const n = Number(v.replace(',', '.'));
			if (!/^-?\d+([.,]\d+)?$/.test(v) || !Number.isFinite(n) || n < min || n > max) {
				c.addIssue({ code: 'custom', message: key });
				return z.NEVER;
			}
			return n;
		});

/** http(s) address; "www.example.de" gets https:// in front. '' becomes null. */
export const optionalUrl = (key: string) =>
	z
		.string()
		.trim()
		.max(500, { error: key })
		.transform((v, c) => {
			if (v === '') return null;
			const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`;
			try {
				const url = new URL(withScheme);
				if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.'))
					throw new Error('scheme');
				return url.toString();
			} catch {
				c.addIssue({ code: 'custom', message: key });
				return z.NEVER;
			}
		});

export const optionalPhone = (key: string) =>
	z
		.string()
		.trim()
		.max(50, { error: key })
		.regex(/^$|^\+?[0-9][0-9 ()/.-]{3,}$/, { error: key })
		.transform((v) => (v === '' ? null : v));

export const optionalEmail = (key: string) =>
	z
		.string()
		.trim()
		.toLowerCase()
		.max(254, { error: key })
		.transform((v) => (v === '' ? null : v))
		.pipe(z.email({ error: key }).nullable());

export const optionalPostalCode = (key: string) =>
	z
		.string()
		.trim()
		.regex(/^$|^\d{5}$/, { error: key })
		.transform((v) => (v === '' ? null : v));

/**
 * Turns a zod error into { field: messageKey } with flat field names matching the form:
 * texts.en.title → text_en_title, places.0.city → place_0_city, else the first path element.
 */
export function nestedFieldErrors(error: z.ZodError): Record<string, string> {
	const out: Record<string, string> = {};
	for (const issue of error.issues) {
		const [a, b, c] = issue.path.map(String);
		let key = a ?? 'form';
		if (a === 'texts' && b && c) key = `text_${b}_${c}`;
		else if (a === 'places' && b !== undefined && c) key = `place_${b}_${c}`;
		out[key] ??= issue.message;
	}
	return out;
}

/** JSON with object keys sorted, so equal values compare equal after a JSONB round trip. */
export function stableStringify(value: unknown): string {
	if (value === undefined) return 'null';
	if (value === null || typeof value !== 'object') return JSON.stringify(value);
	if (value instanceof Date) return JSON.stringify(value.toISOString());
	if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
	const obj = value as Record<string, unknown>;
	return `{${Object.keys(obj)
		.sort()
		.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`)
		.join(',')}}`;
}

export function sameValue(a: unknown, b: unknown): boolean {
	return stableStringify(a) === stableStringify(b);
}

/** Turns a zod error into { field: messageKey } (first message per field). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const out: Record<string, string> = {};
	for (const issue of error.issues) {
		const key = String(issue.path[0] ?? 'form');
		out[key] ??= issue.message;
	}
	return out;
}

/** The parsed input, or a ValidationError with one message key per field. */
export function parseOrThrow<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
	const parsed = schema.safeParse(raw);
	if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
	return parsed.data;
}

/** Whether a submitted checkbox (or a boolean sent by a script) is ticked. */
export function isChecked(v: unknown): boolean {
	return v === true || v === 'on' || v === 'true' || v === '1';
}
