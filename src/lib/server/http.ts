import { error, fail, type ActionFailure, type Cookies } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { NotFoundError, RateLimitError, ValidationError } from './errors';

/** Session cookie: HttpOnly, SameSite=Lax, Secure over https. */
export function sessionCookieOptions(url: URL, expires: Date) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: url.protocol === 'https:',
		expires
	};
}

/** Translates a message key from a use case into the request's language. */
export function t(key: string, params: Record<string, unknown> = {}): string {
	const fn = (m as unknown as Record<string, ((p: Record<string, unknown>) => string) | undefined>)[
		key
	];
	return fn ? fn(params) : key;
}

export function translateErrors(errors: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, t(v)]));
}

/**
 * Runs a form action's use case and maps its errors: validation → 400 with translated messages
 * and the user's input kept; rate limit → 429; not found/forbidden → 404. Anything else is a bug
 * and propagates (logged by handleError).
 */
export type FormFailure = ActionFailure<{
	values: Record<string, string | string[]>;
	errors: Record<string, string>;
}>;

export async function runAction<T>(
	values: Record<string, string | string[]>,
	fn: () => Promise<T>
): Promise<T | FormFailure> {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof ValidationError)
			return fail(400, { values, errors: translateErrors(e.fieldErrors) });
		if (e instanceof RateLimitError) {
			const minutes = Math.max(1, Math.ceil(e.retryAfterSeconds / 60));
			return fail(429, { values, errors: { form: m.error_rate_limited({ minutes }) } });
		}
		if (e instanceof NotFoundError) error(404, m.error_not_found());
		throw e;
	}
}

/** For loads: a NotFoundError becomes a 404 page. */
export async function orNotFound<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof NotFoundError) error(404, m.error_not_found());
		throw e;
	}
}

/** Form values without secrets, to send back with an error. */
export function keepValues(form: FormData, omit: string[] = ['password', 'passwordConfirm']) {
	const out: Record<string, string> = {};
	for (const [k, v] of form.entries()) if (typeof v === 'string' && !omit.includes(k)) out[k] = v;
	return out;
}

export type { Cookies };
