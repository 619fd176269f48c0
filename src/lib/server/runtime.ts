import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { env, type Env } from './env';
import { createLogger } from './log/logger';
import { openDatabase, type Database } from './db/client';
import { migrate } from './db/migrate';
import { isEmpty, seedDemo, DEMO_PASSWORD, DEMO_ACCOUNTS } from './demo/seed';
import { startMailWorker, type MailWorker } from './mail/worker';
import { startTranslationWorker } from './translations/job';
import { mailboxTransport, smtpTransport } from './mail/transport';
import { runRetentionJobs } from './privacy/retention';
import { sendConfirmationReminders } from './offers/reminders';
import { sendMeetingReminders } from './invitations/reminders';
import { sendActionItemReminders } from './minutes/action-item-reminders';
import { sendWeeklyDigests } from './notifications/digest';
import { tenantSecretsKept } from './auth/tenant-sso';
import { SecretsKeyMissingError } from './shared/secrets';
import {
	configurePublicCache,
	connectPublicCache,
	invalidatePublicCache
} from './cache/public-cache';

/** Everything the server process holds: configuration, database, logger, background work. */
export interface Runtime {
	env: Env;
	database: Database;
	log: Logger;
	mailWorker: MailWorker;
	/** public address for links in mails */
	origin: string;
	demo: boolean;
	stop(): Promise<void>;
}

// Kept on globalThis so that `vite dev` reloads reuse the one PGlite that may open the data folder.
const holder = globalThis as unknown as { __miteinander?: Promise<Runtime> };

export function startRuntime(): Promise<Runtime> {
	holder.__miteinander ??= boot();
	return holder.__miteinander;
}

/** The started runtime; hooks.server.ts starts it before the first request. */
export async function runtime(): Promise<Runtime> {
	if (!holder.__miteinander) throw new Error('runtime not started');
	return holder.__miteinander;
}

async function boot(): Promise<Runtime> {
	const config = env();
	const log = createLogger(config.LOG_LEVEL);
	const started = Date.now();
	if (!config.DATABASE_URL) fs.mkdirSync(path.resolve(config.DATA_DIR), { recursive: true });
	const database = await openDatabase({
		databaseUrl: config.DATABASE_URL,
		dataDir: path.resolve(config.DATA_DIR)
	});
	const { applied } = await migrate(database.db);
	log.info(
		{
			database: database.kind,
			dataDir: config.DATABASE_URL ? undefined : path.resolve(config.DATA_DIR),
			applied
		},
		'database ready'
	);
	// a network's sign-on keeps its client secret encrypted: without the key it cannot sign in
	if (!config.SECRETS_KEY && (await tenantSecretsKept(database.db))) {
		await database.close();
		throw new SecretsKeyMissingError();
	}
	let seeded = false;
	if (config.SEED_DEMO && (await isEmpty(database.db))) {
		const accounts = await seedDemo(database.db);
		seeded = true;
		log.info({ accounts: accounts.map((a) => a.email) }, 'demo network created');
	}
	if (config.SEED_DEMO) printSignIn(config, DEMO_ACCOUNTS, seeded);
	// Cached anonymous public answers (cache/public-cache.ts); on PostgreSQL every process hears
	// the others' invalidations (LISTEN/NOTIFY), with PGlite there is one process.
	const cache = configurePublicCache({
		maxBytes: config.PUBLIC_CACHE_MB * 1024 * 1024,
		ttlMs: config.PUBLIC_CACHE_SECONDS * 1000
	});
	let disconnectCache: (() => Promise<void>) | null = null;
	if (cache.enabled && database.channel) {
		try {
			disconnectCache = await connectPublicCache(database.channel);
		} catch (err) {
			// without LISTEN (e.g. a pooler in transaction mode) other processes' changes would go
			// unseen: no cache rather than stale pages
			log.error({ err }, 'public cache off: LISTEN on PostgreSQL failed');
			configurePublicCache({ maxBytes: 0, ttlMs: 0 });
		}
	}
	const transport = config.SMTP_URL ? smtpTransport(config.SMTP_URL) : mailboxTransport(log);
	const mailWorker = startMailWorker({
		db: database.db,
		transport,
		from: config.MAIL_FROM,
		log,
		pollMs: config.MAIL_POLL_SECONDS * 1000
	});
	const origin = config.ORIGIN ?? `http://localhost:${config.PORT}`;
	// Reminders run hourly, and once shortly after the start: offer owners are asked to confirm
	// their offers (offers/reminders.ts), members are reminded of meetings (bodies.reminder_days
	// before, invitations/reminders.ts) and of action items due soon (minutes/action-item-reminders.ts).
	const remind = () =>
		Promise.all([
			sendConfirmationReminders(database.db, origin)
				.then((r) => r.mails > 0 && log.info(r, 'offer confirmation reminders queued'))
				.catch((err) => log.error({ err }, 'offer confirmation reminders failed')),
			sendMeetingReminders(database.db, origin)
				.then((r) => r.mails > 0 && log.info(r, 'meeting reminders queued'))
				.catch((err) => log.error({ err }, 'meeting reminders failed')),
			sendActionItemReminders(database.db, origin)
				.then((r) => r.mails > 0 && log.info(r, 'action item reminders queued'))
				.catch((err) => log.error({ err }, 'action item reminders failed')),
			sendWeeklyDigests(database.db, origin)
				.then((r) => r.digests > 0 && log.info(r, 'weekly notification digests queued'))
				.catch((err) => log.error({ err }, 'weekly notification digests failed'))
		]).then(() => invalidatePublicCache());
	// With several worker processes (WORKERS, scripts/server.mjs) only worker 1 runs the hourly
	// maintenance and the translation jobs; each job is also safe with several instances.
	const background = process.env.MITEINANDER_BACKGROUND !== '0';
	// Machine translation jobs (translations/job.ts): only work while TRANSLATE_URL is set.
	const translationWorker = background
		? startTranslationWorker(database.db, log, { onTranslated: invalidatePublicCache })
		: { stop: async () => {} };
	const maintenance = setInterval(
		() => {
			// every retention job of the platform (privacy/retention.ts lists them with their periods)
			runRetentionJobs(database.db)
				.then(({ counts, errors }) => {
					void invalidatePublicCache();
					if (counts.inquiries) log.info({ purged: counts.inquiries }, 'expired inquiries purged');
					for (const err of errors) log.error({ err }, 'maintenance failed');
				})
				.catch((err) => log.error({ err }, 'maintenance failed'));
			remind();
		},
		60 * 60 * 1000
	);
	maintenance.unref();
	const firstReminders = setTimeout(remind, 60 * 1000);
	firstReminders.unref();
	if (!background) {
		clearInterval(maintenance);
		clearTimeout(firstReminders);
	}
	log.info(
		{
			ms: Date.now() - started,
			seeded,
			mailTransport: transport.name,
			origin,
			worker: process.env.MITEINANDER_WORKER,
			background
		},
		'miteinander started'
	);
	let stopping: Promise<void> | null = null;
	return {
		env: config,
		database,
		log,
		mailWorker,
		origin,
		demo: config.DEMO_BANNER ?? config.SEED_DEMO,
		stop() {
			stopping ??= (async () => {
				clearInterval(maintenance);
				clearTimeout(firstReminders);
				await translationWorker.stop();
				await disconnectCache?.().catch(() => {});
				await mailWorker.stop();
				await database.close();
				log.info('miteinander stopped');
			})();
			return stopping;
		}
	};
}

function printSignIn(
	config: Env,
	accounts: { email: string; description: string }[],
	seeded: boolean
) {
	const origin = config.ORIGIN ?? `http://localhost:${config.PORT}`;
	const lines = [
		'',
		seeded
			? '  Miteinander – Demo-Netzwerk angelegt / demo network created'
			: '  Miteinander – Demo-Instanz / demo instance',
		`  Anmelden / sign in: ${origin}/anmelden`,
		`  Passwort / password (alle / all): ${DEMO_PASSWORD}`,
		...accounts.map((a) => `    ${a.email.padEnd(32)} ${a.description}`),
		''
	];
	process.stdout.write(lines.join('\n') + '\n');
}
