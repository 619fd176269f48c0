/**
 * Machine translation of every missing text of one language as a background job. The job's
 * progress is a row of translation_jobs; the runner (started with the app, runtime.ts) claims one
 * job at a time with FOR UPDATE SKIP LOCKED like the mail worker, translates the texts that are
 * still missing one by one with a pause between them (rate limit) and counts them. After a restart
 * a job left "running" is picked up again once its lock is stale, and continues with what is still
 * missing. A reviewed translation is never overwritten.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { TenantCtx } from '../context';
import type { Db } from '../db/client';
import { rowsOf } from '../db/client';
import { authorize } from '../auth/policy';
import { ValidationError } from '../errors';
import { recordAudit } from '../audit/record';
import { str } from '../shared';
import {
	isTargetLocale,
	itemState,
	translatableKinds,
	type TargetLocale,
	type TranslatableItem,
	type TranslatableKind
} from './content';
import { configuredTranslator, type Translator } from './machine';
import { storeMachineTranslation, translateFields } from './service';
import { translationJobs, type TranslationJob } from './schema';
import './registry';

/** A running job whose worker died is taken over after this long without progress. */
const STALE_LOCK_MS = 5 * 60 * 1000;

async function missingItems(
	db: Db,
	tenantId: string,
	locale: TargetLocale
): Promise<{ kind: TranslatableKind; item: TranslatableItem }[]> {
	const out: { kind: TranslatableKind; item: TranslatableItem }[] = [];
	for (const kind of translatableKinds()) {
		for (const item of await kind.load(db, tenantId, { organizationIds: null })) {
			if (itemState(kind, item, locale) === 'missing') out.push({ kind, item });
		}
	}
	return out;
}

/** Starts (or continues) the job of a language; coordinators only. */
export async function startTranslationJob(
	ctx: TenantCtx,
	input: { locale?: unknown }
): Promise<{ id: string; total: number }> {
	authorize(ctx.actor, 'organization.manage', { tenantId: ctx.tenant.id });
	const locale = str(input.locale);
	if (!isTargetLocale(locale)) throw new ValidationError({ locale: 'translations_error_locale' });
	if (!configuredTranslator()) {
		throw new ValidationError({ locale: 'translations_error_machine_not_configured' });
	}
	const startedBy = ctx.actor.userId;
	const total = (await missingItems(ctx.db, ctx.tenant.id, locale)).length;
	return ctx.db.transaction(async (tx) => {
		const [open] = await tx
			.select()
			.from(translationJobs)
			.where(
				and(
					eq(translationJobs.tenantId, ctx.tenant.id),
					eq(translationJobs.locale, locale),
					inArray(translationJobs.status, ['pending', 'running'])
				)
			);
		if (open) return { id: open.id, total: open.total };
		const [job] = await tx
			.insert(translationJobs)
			.values({ tenantId: ctx.tenant.id, locale, total, startedBy })
			.returning();
		await recordAudit(tx, ctx, {
			tenantId: ctx.tenant.id,
			action: 'translation.job_started',
			entityType: 'translation_job',
			entityId: job.id,
			after: { locale, total }
		});
		return { id: job.id, total };
	});
}

export interface JobView {
	id: string;
	locale: string;
	status: TranslationJob['status'];
	total: number;
	done: number;
	lastError: string | null;
	createdAt: Date;
	updatedAt: Date;
}

/** The tenant's latest job per language (for the coverage page). */
export async function latestJobs(ctx: TenantCtx): Promise<JobView[]> {
	authorize(ctx.actor, 'tenant.view', { tenantId: ctx.tenant.id });
	const rows = await ctx.db
		.select()
		.from(translationJobs)
		.where(eq(translationJobs.tenantId, ctx.tenant.id))
		.orderBy(desc(translationJobs.createdAt))
		.limit(50);
	const seen = new Set<string>();
	return rows
		.filter((r) => !seen.has(r.locale) && !!seen.add(r.locale))
		.map((r) => ({
			id: r.id,
			locale: r.locale,
			status: r.status,
			total: r.total,
			done: r.done,
			lastError: r.lastError,
			createdAt: r.createdAt,
			updatedAt: r.updatedAt
		}));
}

/** Claims one due job (pending, or running with a stale lock) for this worker. */
async function claimJob(db: Db): Promise<TranslationJob | null> {
	const stale = new Date(Date.now() - STALE_LOCK_MS).toISOString();
	const result = await db.execute(sql`
		UPDATE ${translationJobs} SET status = 'running', locked_at = now(), updated_at = now()
		WHERE id = (
			SELECT id FROM ${translationJobs}
			WHERE status = 'pending' OR (status = 'running' AND (locked_at IS NULL OR locked_at < ${stale}::timestamptz))
			ORDER BY created_at
			LIMIT 1
			FOR UPDATE SKIP LOCKED
		)
		RETURNING id`);
	const [claimed] = rowsOf<{ id: string }>(result);
	if (!claimed) return null;
	const [job] = await db.select().from(translationJobs).where(eq(translationJobs.id, claimed.id));
	return job ?? null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RunOptions {
	/** pause after each translated text (rate limit); default 1 s */
	pauseMs?: number;
	/** stop after this many texts (the rest continues at the next run) */
	maxTexts?: number;
	log?: Pick<Logger, 'warn' | 'info'>;
}

/**
 * Works on one due job: translates what is still missing, counting progress after each text.
 * Returns the number of texts translated in this run.
 */
export async function runTranslationJob(
	db: Db,
	translator: Translator,
	options: RunOptions = {}
): Promise<number> {
	const job = await claimJob(db);
	if (!job) return 0;
	const locale = job.locale;
	if (!isTargetLocale(locale)) {
		await db
			.update(translationJobs)
			.set({ status: 'failed', lastError: 'unknown language', lockedAt: null })
			.where(eq(translationJobs.id, job.id));
		return 0;
	}
	const pauseMs = options.pauseMs ?? 1000;
	const max = options.maxTexts ?? Infinity;
	let count = 0;
	try {
		const todo = await missingItems(db, job.tenantId, locale);
		for (const { kind, item } of todo) {
			if (count >= max) break;
			const fields = await translateFields(translator, kind, item, locale);
			const stored = await db.transaction((tx) =>
				storeMachineTranslation(tx, kind, item, locale, fields)
			);
			count++;
			await db
				.update(translationJobs)
				.set({
					done: sql`${translationJobs.done} + ${stored ? 1 : 0}`,
					lockedAt: new Date(),
					updatedAt: new Date()
				})
				.where(eq(translationJobs.id, job.id));
			if (pauseMs > 0) await sleep(pauseMs);
		}
		const finished = count < max || (await missingItems(db, job.tenantId, locale)).length === 0;
		await db
			.update(translationJobs)
			.set({
				status: finished ? 'done' : 'pending',
				lockedAt: null,
				lastError: null,
				updatedAt: new Date()
			})
			.where(eq(translationJobs.id, job.id));
	} catch (err) {
		const message = err instanceof Error ? err.message : String(err);
		options.log?.warn({ jobId: job.id, err: message }, 'translation job failed');
		await db
			.update(translationJobs)
			.set({
				status: 'failed',
				lockedAt: null,
				lastError: message.slice(0, 500),
				updatedAt: new Date()
			})
			.where(eq(translationJobs.id, job.id));
	}
	return count;
}

/**
 * The background runner: every `intervalMs` it works on due jobs while machine translation is
 * configured. Returns a stop function.
 */
export function startTranslationWorker(
	db: Db,
	log: Logger,
	options: { intervalMs?: number; pauseMs?: number; onTranslated?: () => unknown } = {}
): { stop(): Promise<void> } {
	let running: Promise<unknown> | null = null;
	let stopped = false;
	const tick = () => {
		if (running || stopped) return;
		const translator = configuredTranslator();
		if (!translator) return;
		running = runTranslationJob(db, translator, { pauseMs: options.pauseMs, maxTexts: 50, log })
			// new machine translations show on public pages
			.then((count) => count > 0 && options.onTranslated?.())
			.catch((err) => log.error({ err }, 'translation worker failed'))
			.finally(() => {
				running = null;
			});
	};
	const timer = setInterval(tick, options.intervalMs ?? 10_000);
	timer.unref();
	return {
		async stop() {
			stopped = true;
			clearInterval(timer);
			await running;
		}
	};
}
