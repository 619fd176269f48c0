import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from './env';

function configError(source: Record<string, string | undefined>): ConfigError {
	try {
		parseEnv(source);
	} catch (error) {
		if (error instanceof ConfigError) return error;
		throw error;
	}
	throw new Error('parseEnv accepted the input');
}

describe('parseEnv', () => {
	it('fills in the defaults when nothing is set', () => {
		expect(parseEnv({})).toEqual({
			PORT: 3000,
			DATA_DIR: './data',
			MAIL_FROM: 'Miteinander <noreply@miteinander.example>',
			SEED_DEMO: true,
			LOG_LEVEL: 'info',
			MAIL_POLL_SECONDS: 2,
			PUBLIC_CACHE_MB: 32,
			PUBLIC_CACHE_SECONDS: 30,
			NODE_ENV: 'production',
			OIDC_NAME: 'Single Sign-on'
		});
	});

	it('reads the public cache settings (0 switches it off) and refuses negative ones', () => {
		expect(parseEnv({ PUBLIC_CACHE_MB: '0', PUBLIC_CACHE_SECONDS: '5' })).toMatchObject({
			PUBLIC_CACHE_MB: 0,
			PUBLIC_CACHE_SECONDS: 5
		});
		expect(() => parseEnv({ PUBLIC_CACHE_MB: '-1' })).toThrow(/PUBLIC_CACHE_MB/);
		expect(() => parseEnv({ PUBLIC_CACHE_SECONDS: 'lange' })).toThrow(/PUBLIC_CACHE_SECONDS/);
	});

	it('reads the single sign-on settings and refuses a bad role mapping', () => {
		const env = parseEnv({
			OIDC_ISSUER: 'https://id.example.de/realms/stadt',
			OIDC_CLIENT_ID: 'miteinander',
			OIDC_ROLE_MAP: 'koordination=landshut:coordinator'
		});
		expect(env.OIDC_ISSUER).toBe('https://id.example.de/realms/stadt');
		expect(() =>
			parseEnv({ OIDC_ROLE_MAP: 'x=landshut:king', OIDC_CLIENT_SECRET: 'geheim' })
		).toThrow(/OIDC_ROLE_MAP: must be value=tenant-slug:role/);
		expect(() => parseEnv({ OIDC_ISSUER: 'kein url', OIDC_CLIENT_SECRET: 'geheim' })).not.toThrow(
			/geheim/
		);
	});

	it('never repeats SECRETS_KEY in a message', () => {
		expect(parseEnv({ SECRETS_KEY: 'k'.repeat(32) }).SECRETS_KEY).toBe('k'.repeat(32));
		expect(() => parseEnv({ SECRETS_KEY: 'kurz-geheim' })).toThrow(
			'SECRETS_KEY: must be at least 32 characters long (got "***")'
		);
	});

	it('treats an empty or blank value as unset', () => {
		const env = parseEnv({ PORT: '', DATABASE_URL: '', SEED_DEMO: '  ', SMTP_URL: '', ORIGIN: '' });
		expect(env.PORT).toBe(3000);
		expect(env.DATABASE_URL).toBeUndefined();
		expect(env.SEED_DEMO).toBe(true);
		expect(env.SMTP_URL).toBeUndefined();
		expect(env.ORIGIN).toBeUndefined();
	});

	it('parses valid values', () => {
		const env = parseEnv({
			PORT: '8080',
			DATABASE_URL: 'postgresql://app:secret@db:5432/miteinander',
			SMTP_URL: 'smtps://user:pass@mail.example.de:465',
			SEED_DEMO: 'no',
			DEMO_BANNER: '1',
			ORIGIN: 'https://integration.example.de',
			UNRELATED: 'ignored'
		});
		expect(env.PORT).toBe(8080);
		expect(env.DATABASE_URL).toBe('postgresql://app:secret@db:5432/miteinander');
		expect(env.SMTP_URL).toBe('smtps://user:pass@mail.example.de:465');
		expect(env.SEED_DEMO).toBe(false);
		expect(env.DEMO_BANNER).toBe(true);
		expect(env.ORIGIN).toBe('https://integration.example.de');
		expect(env).not.toHaveProperty('UNRELATED');
	});

	it.each([
		['PORT', 'abc'],
		['PORT', '70000'],
		['PORT', '0'],
		['PORT', '80.5'],
		['DATABASE_URL', 'mysql://db/miteinander'],
		['DATABASE_URL', 'localhost:5432'],
		['SEED_DEMO', 'maybe'],
		['SMTP_URL', 'http://mail.example.de'],
		['SMTP_URL', 'mail.example.de:25']
	])('rejects %s=%s with a ConfigError naming the variable', (name, value) => {
		const error = configError({ [name]: value });
		expect(error.issues).toHaveLength(1);
		expect(error.issues[0]).toMatch(new RegExp(`^${name}: `));
		expect(error.message).toContain(name);
	});

	it('names every wrong variable at once', () => {
		const error = configError({ PORT: 'x', SEED_DEMO: 'perhaps', SMTP_URL: 'ftp://x' });
		expect(error.issues.map((i) => i.split(':')[0]).sort()).toEqual([
			'PORT',
			'SEED_DEMO',
			'SMTP_URL'
		]);
	});
});

describe('secrets in configuration errors', () => {
	it('does not repeat the password of a bad DATABASE_URL or SMTP_URL', () => {
		let message = '';
		try {
			parseEnv({
				DATABASE_URL: 'mysql://admin:geheim123@db:3306/x',
				SMTP_URL: 'http://u:pw-secret@mail'
			});
		} catch (e) {
			message = (e as Error).message;
		}
		expect(message).toContain('DATABASE_URL');
		expect(message).toContain('SMTP_URL');
		expect(message).not.toContain('geheim123');
		expect(message).not.toContain('pw-secret');
	});
});
