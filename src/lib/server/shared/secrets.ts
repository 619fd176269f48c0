/**
 * Secrets the app keeps in the database (a tenant's OpenID Connect client secret) are encrypted
 * with AES-256-GCM under a key derived (HKDF-SHA256) from SECRETS_KEY. The ciphertext is bound to
 * its purpose (`context`, e.g. the tenant id) as additional authenticated data, so a value copied
 * to another row does not decrypt. Stored as "v1.<iv>.<tag>.<ciphertext>" (base64url).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** SECRETS_KEY is needed (a tenant's sign-on keeps a client secret) but not set. */
export class SecretsKeyMissingError extends Error {
	constructor() {
		super(
			'SECRETS_KEY is not set: a network uses its own single sign-on with a client secret, ' +
				'which is kept encrypted with this key. Set SECRETS_KEY (at least 32 characters, ' +
				'e.g. `openssl rand -base64 48`) and keep it over restarts.'
		);
		this.name = 'SecretsKeyMissingError';
	}
}

function derive(secretsKey: string): Buffer {
	return Buffer.from(
		hkdfSync('sha256', secretsKey, 'miteinander', 'stored secrets v1', 32) as ArrayBuffer
	);
}

export function encryptSecret(
	plain: string,
	context: string,
	secretsKey: string | null | undefined
): string {
	if (!secretsKey) throw new SecretsKeyMissingError();
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', derive(secretsKey), iv);
	cipher.setAAD(Buffer.from(context));
	const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
	return ['v1', iv, cipher.getAuthTag(), data]
		.map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
		.join('.');
}

/** The plain secret; throws when the key is missing, wrong, or the value was changed or moved. */
export function decryptSecret(
	stored: string,
	context: string,
	secretsKey: string | null | undefined
): string {
	if (!secretsKey) throw new SecretsKeyMissingError();
	const [version, iv, tag, data] = stored.split('.');
	if (version !== 'v1' || !iv || !tag || data === undefined)
		throw new Error('stored secret: unknown format');
	const decipher = createDecipheriv(
		'aes-256-gcm',
		derive(secretsKey),
		Buffer.from(iv, 'base64url')
	);
	decipher.setAAD(Buffer.from(context));
	decipher.setAuthTag(Buffer.from(tag, 'base64url'));
	return Buffer.concat([
		decipher.update(Buffer.from(data, 'base64url')),
		decipher.final()
	]).toString('utf8');
}
