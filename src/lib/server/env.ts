import { z } from 'zod';
import { parseRoleMap } from './auth/oidc';

const bool = z
	.enum(['true', 'false', '1', '0', 'yes', 'no'], {
		error: 'must be one of true, false, 1, 0, yes, no'
	})
	.transform((v) => v === 'true' || v === '1' || v === 'yes');

const postgresUrl = z
	.string()
	.regex(/^postgres(ql)?:\/\/.+/, { error: 'must be a postgres:// or postgresql:// URL' });

/**
 * Every environment variable the app reads, validated once at start.
 * README.md documents the same list; keep both true.
 */
export const envSchema = z.object({
	/** Port the HTTP server listens on (read by adapter-node too). */
	PORT: z.coerce
		.number({ error: 'must be a number' })
		.int({ error: 'must be a whole number' })
		.min(1, { error: 'must be between 1 and 65535' })
		.max(65535, { error: 'must be between 1 and 65535' })
		.default(3000),
	/** Folder of the embedded database (PGlite); used when DATABASE_URL is not set. */
	DATA_DIR: z.string().min(1, { error: 'must not be empty' }).default('./data'),
	/** PostgreSQL server to use instead of the embedded database. */
	DATABASE_URL: postgresUrl.optional(),
	/** Public address of the app, used in links in mails; adapter-node also uses it for CSRF checks. */
	ORIGIN: z.url({ error: 'must be a URL such as https://integration.example.de' }).optional(),
	/** SMTP server for outgoing mail, e.g. smtp://user:pass@mail.example.de:587; without it mails go to the dev mailbox. */
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\/.+/, { error: 'must be an smtp:// or smtps:// URL' })
		.optional(),
	/**
	 * Key that signs spam challenges and hashes client addresses for rate limits. Set the same
	 * value on every instance (and keep it over restarts); without it each process makes its own.
	 */
	APP_SECRET: z.string().min(32, { error: 'must be at least 32 characters long' }).optional(),
	/** Sender address of outgoing mail. */
	MAIL_FROM: z.string().min(3).default('Miteinander <noreply@miteinander.example>'),
	/** Fill an empty database with the demo network. */
	SEED_DEMO: bool.default(true),
	/** Marks the instance as a demo (banner); defaults to SEED_DEMO. */
	DEMO_BANNER: bool.optional(),
	/** pino log level. */
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	/** Seconds between runs of the mail worker when it has nothing to do. */
	MAIL_POLL_SECONDS: z.coerce.number().min(0.1).max(3600).default(2),
	/** Megabytes of memory for cached anonymous public answers (cache/public-cache.ts); 0 switches the cache off. */
	PUBLIC_CACHE_MB: z.coerce
		.number({ error: 'must be a number' })
		.min(0, { error: 'must be between 0 and 4096' })
		.max(4096, { error: 'must be between 0 and 4096' })
		.default(32),
	/** Seconds a cached public answer is served at most (changes through the app end it at once). */
	PUBLIC_CACHE_SECONDS: z.coerce
		.number({ error: 'must be a number' })
		.min(0, { error: 'must be between 0 and 3600' })
		.max(3600, { error: 'must be between 0 and 3600' })
		.default(30),
	/** LibreTranslate-compatible machine translation service (POST /translate); without it machine translation is off. */
	TRANSLATE_URL: z.url({ error: 'must be a URL such as https://translate.example.de' }).optional(),
	/** API key sent to the translation service, if it needs one. */
	TRANSLATE_API_KEY: z.string().optional(),
	NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
	/** Single sign-on: the OpenID Connect provider's issuer (with OIDC_CLIENT_ID it switches sign-on on). */
	OIDC_ISSUER: z
		.url({ error: 'must be the issuer URL, e.g. https://id.example.de/realms/stadt' })
		.optional(),
	/** The app's client id at the provider. */
	OIDC_CLIENT_ID: z.string().min(1).optional(),
	/** The client secret (confidential client); never shown in messages. */
	OIDC_CLIENT_SECRET: z.string().min(1).optional(),
	/** The claim holding groups or roles, e.g. "groups" (Keycloak) or "roles" (Entra ID). */
	OIDC_ROLE_CLAIM: z.string().min(1).optional(),
	/** Claim values to tenant roles: "value=tenant-slug:role", separated by commas. */
	OIDC_ROLE_MAP: z
		.string()
		.refine(
			(value) => {
				try {
					parseRoleMap(value);
					return true;
				} catch {
					return false;
				}
			},
			{ error: 'must be value=tenant-slug:role entries separated by commas' }
		)
		.optional(),
	/** The provider's name on the sign-in button ("Mit … anmelden"). */
	OIDC_NAME: z.string().min(1).max(60).default('Single Sign-on'),
	/**
	 * Key that encrypts secrets kept in the database (a network's own single sign-on client
	 * secret, AES-256-GCM). Needed once a network configures sign-on with a client secret; keep it
	 * over restarts (without it those secrets cannot be read).
	 */
	SECRETS_KEY: z.string().min(32, { error: 'must be at least 32 characters long' }).optional()
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
	constructor(public readonly issues: string[]) {
		super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
		this.name = 'ConfigError';
	}
}

/** Variables that may carry passwords: their credentials are never repeated in messages. */
const SECRET_VARIABLES = new Set(['DATABASE_URL', 'SMTP_URL', 'TRANSLATE_API_KEY']);

function shown(key: string, values: Record<string, string>): string {
	const value = values[key] ?? '';
	if (key === 'APP_SECRET') return '***';
	if (key === 'OIDC_CLIENT_SECRET') return '***';
	if (key === 'SECRETS_KEY') return '***';
	return SECRET_VARIABLES.has(key) ? value.replace(/\/\/[^@/]*@/, '//***@') : value;
}

/** Parses the environment; an empty string counts as unset. Throws ConfigError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
	const cleaned: Record<string, string> = {};
	for (const key of Object.keys(envSchema.shape)) {
		const value = source[key];
		if (value !== undefined && value.trim() !== '') cleaned[key] = value.trim();
	}
	const result = envSchema.safeParse(cleaned);
	if (!result.success) {
		throw new ConfigError(
			result.error.issues.map(
				(i) => `${i.path.join('.')}: ${i.message} (got "${shown(String(i.path[0]), cleaned)}")`
			)
		);
	}
	return result.data;
}

let current: Env | undefined;

/** The validated environment of this process. */
export function env(): Env {
	current ??= parseEnv(process.env);
	return current;
}

/**
 * Forgets the parsed environment, so that the next env() reads process.env again: for tests that
 * change process.env (the unit tests share modules between files, vite.config.ts `isolate`).
 */
export function resetEnv(): void {
	current = undefined;
}
