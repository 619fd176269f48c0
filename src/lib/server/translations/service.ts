/**
 * Translations of a tenant's content: the coverage per language and kind, the worklist, one
 * translation to edit, saving it (as a draft or reviewed) and translating it by machine.
 * Coordinators see all content kept by the tenant; editors only their organisations'.
 */
import { z } from 'zod';
import type { TenantCtx } from '../context';
import { authorize, can } from '../auth/policy';
import { NotFoundError, ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { str } from '../shared';
import {
	EFFECTIVE_STATES,
	TARGET_LOCALES,
	fieldsToTranslate,
	isTargetLocale,
	itemState,
	sourceHash,
	translatableKind,
	translatableKinds,
	type EffectiveState,
	type Fields,
	type TargetLocale,
	type TranslatableItem,
	type TranslatableKind
} from './content';
import { configuredTranslator, type Translator } from './machine';
import './registry';

/** Whose content the actor may translate: null for all of the tenant, else organisation ids. */
export function translationScope(ctx: TenantCtx): string[] | null {
	const tenantId = ctx.tenant.id;
	if (can(ctx.actor, 'organization.manage', { tenantId })) return null;
	authorize(ctx.actor, 'tenant.view', { tenantId });
	const own = ctx.actor.editorOf[tenantId] ?? [];
	if (
		own.length === 0 ||
		!can(ctx.actor, 'organization.edit', { tenantId, organizationId: own[0] })
	)
		throw new NotFoundError();
	return own;
}

/** Whether the actor may open the translations area of the tenant (for the navigation). */
export function mayTranslate(ctx: TenantCtx): boolean {
	try {
		translationScope(ctx);
		return true;
	} catch {
		return false;
	}
}

async function loadAll(ctx: TenantCtx, scope: string[] | null) {
	const out: { kind: TranslatableKind; items: TranslatableItem[] }[] = [];
	for (const kind of translatableKinds()) {
		out.push({ kind, items: await kind.load(ctx.db, ctx.tenant.id, { organizationIds: scope }) });
	}
	return out;
}

export type Counts = Record<EffectiveState, number>;

export interface CoverageRow {
	type: string;
	locale: TargetLocale;
	counts: Counts;
	total: number;
}

export interface WorkItem {
	type: string;
	id: string;
	label: string;
	locale: TargetLocale;
	state: EffectiveState;
	/** the translation page, relative to /app/<tenant> */
	translatePath: string;
	/** the item's own edit page, relative to /app/<tenant> */
	editPath: string;
}

export interface CoverageFilter {
	locale?: string;
	state?: string;
	type?: string;
}

const WORKLIST_LIMIT = 200;

export function translatePath(type: string, id: string, locale: string): string {
	return `/uebersetzungen/${type}/${id}/${locale}`;
}

/** Counts per kind × language and the worklist (not reviewed, filtered). */
export async function coverageView(ctx: TenantCtx, filter: CoverageFilter = {}) {
	const scope = translationScope(ctx);
	const loaded = await loadAll(ctx, scope);
	const rows: CoverageRow[] = [];
	const work: WorkItem[] = [];
	const locale = isTargetLocale(filter.locale) ? filter.locale : null;
	const state = (EFFECTIVE_STATES as readonly string[]).includes(filter.state ?? '')
		? (filter.state as EffectiveState)
		: null;
	const type = loaded.some((l) => l.kind.type === filter.type) ? filter.type : null;
	for (const { kind, items } of loaded) {
		for (const l of TARGET_LOCALES) {
			const counts = Object.fromEntries(EFFECTIVE_STATES.map((s) => [s, 0])) as Counts;
			for (const item of items) {
				const s = itemState(kind, item, l);
				counts[s]++;
				const wanted = state ? s === state : s !== 'reviewed';
				if (wanted && (!locale || l === locale) && (!type || kind.type === type)) {
					work.push({
						type: kind.type,
						id: item.id,
						label: item.label,
						locale: l,
						state: s,
						translatePath: translatePath(kind.type, item.id, l),
						editPath: kind.editPath(item)
					});
				}
			}
			rows.push({ type: kind.type, locale: l, counts, total: items.length });
		}
	}
	return {
		rows,
		worklist: work.slice(0, WORKLIST_LIMIT),
		worklistTotal: work.length,
		filter: { locale, state, type },
		types: loaded.map((l) => l.kind.type),
		machineConfigured: configuredTranslator() !== null,
		mayStartJobs: can(ctx.actor, 'organization.manage', { tenantId: ctx.tenant.id })
	};
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ItemRef {
	type: string;
	id: string;
	locale: string;
}

/** The item the actor may translate, or NotFoundError. */
async function findItem(ctx: TenantCtx, ref: ItemRef) {
	const scope = translationScope(ctx);
	const kind = translatableKind(str(ref.type));
	if (!kind || !UUID.test(str(ref.id)) || !isTargetLocale(ref.locale)) throw new NotFoundError();
	const [item] = await kind.load(ctx.db, ctx.tenant.id, { organizationIds: scope, id: ref.id });
	if (!item) throw new NotFoundError();
	return { kind, item, locale: ref.locale as TargetLocale };
}

/** One translation to edit: the German fields beside the language's. */
export async function translationView(ctx: TenantCtx, ref: ItemRef) {
	const { kind, item, locale } = await findItem(ctx, ref);
	const stored = item.translations.get(locale);
	return {
		type: kind.type,
		id: item.id,
		label: item.label,
		locale,
		state: itemState(kind, item, locale),
		fields: fieldsToTranslate(kind, item).map((name) => ({
			name,
			short: kind.shortFields.includes(name),
			html: kind.htmlFields?.includes(name) ?? false,
			german: item.german[name] ?? '',
			value: stored?.fields[name] ?? ''
		})),
		editPath: kind.editPath(item),
		machineConfigured: configuredTranslator() !== null
	};
}

const fieldText = z.string().trim().max(10_000, { error: 'translations_error_too_long' });

/**
 * Saves one translation as typed, as a draft or reviewed (`review` set). The German text it
 * was made from is remembered (its hash), so a later change of the German marks it outdated.
 */
export async function saveTranslation(
	ctx: TenantCtx,
	input: ItemRef & Record<string, unknown>
): Promise<{ state: 'draft' | 'reviewed' }> {
	const { kind, item, locale } = await findItem(ctx, input);
	const fields: Fields = {};
	const errors: Record<string, string> = {};
	const names = fieldsToTranslate(kind, item);
	for (const name of names) {
		const parsed = fieldText.safeParse(str(input[name]));
		if (!parsed.success) errors[name] = parsed.error.issues[0].message;
		else fields[name] = parsed.data === '' ? null : parsed.data;
	}
	const required = names[0];
	if (!errors[required] && !fields[required]) errors[required] = 'translations_error_required';
	if (Object.keys(errors).length > 0) throw new ValidationError(errors);
	const state = str(input.review) ? 'reviewed' : 'draft';
	const before = item.translations.get(locale) ?? null;
	await ctx.db.transaction(async (tx) => {
		await kind.write(tx, item, locale, fields, state, sourceHash(item.german, kind.fields));
		await recordAudit(tx, ctx, {
			tenantId: ctx.tenant.id,
			action: state === 'reviewed' ? 'translation.reviewed' : 'translation.saved',
			entityType: kind.type,
			entityId: item.id,
			before: before ? { locale, state: before.state } : null,
			after: { locale, state }
		});
	});
	return { state };
}

export class MachineTranslationUnavailable extends ValidationError {
	constructor() {
		super({ machine: 'translations_error_machine_not_configured' });
	}
}

/**
 * Machine-translates one item into one language and stores it as "machine-translated". A
 * reviewed translation is never overwritten (refused with a message).
 */
export async function machineTranslate(
	ctx: TenantCtx,
	ref: ItemRef,
	translator: Translator | null = configuredTranslator()
): Promise<{ state: 'machine' }> {
	const { kind, item, locale } = await findItem(ctx, ref);
	if (!translator) throw new MachineTranslationUnavailable();
	if (item.translations.get(locale)?.state === 'reviewed') {
		throw new ValidationError({ machine: 'translations_error_reviewed_kept' });
	}
	let fields: Fields;
	try {
		fields = await translateFields(translator, kind, item, locale);
	} catch {
		throw new ValidationError({ machine: 'translations_error_machine_failed' });
	}
	await ctx.db.transaction(async (tx) => {
		const stored = await storeMachineTranslation(tx, kind, item, locale, fields);
		if (!stored) throw new ValidationError({ machine: 'translations_error_reviewed_kept' });
		await recordAudit(tx, ctx, {
			tenantId: ctx.tenant.id,
			action: 'translation.machine',
			entityType: kind.type,
			entityId: item.id,
			after: { locale, state: 'machine' }
		});
	});
	return { state: 'machine' };
}

/** The German fields of an item translated one by one (empty fields stay empty). */
export async function translateFields(
	translator: Translator,
	kind: TranslatableKind,
	item: TranslatableItem,
	locale: TargetLocale
): Promise<Fields> {
	const fields: Fields = {};
	for (const name of kind.fields) {
		const german = item.german[name];
		const format = kind.htmlFields?.includes(name) ? 'html' : 'text';
		fields[name] = german ? await translator.translate(german, 'de', locale, format) : null;
	}
	return fields;
}

/**
 * Stores a machine translation unless, meanwhile, the language got a reviewed translation
 * (read again inside the transaction). False when it was kept.
 */
export async function storeMachineTranslation(
	tx: Parameters<TranslatableKind['write']>[0],
	kind: TranslatableKind,
	item: TranslatableItem,
	locale: TargetLocale,
	fields: Fields
): Promise<boolean> {
	const [now] = await kind.load(tx, item.tenantId, { organizationIds: null, id: item.id });
	if (now?.translations.get(locale)?.state === 'reviewed') return false;
	await kind.write(
		tx,
		now ?? item,
		locale,
		fields,
		'machine',
		sourceHash(item.german, kind.fields)
	);
	return true;
}
