/**
 * SvelteKit glue for every route: the request's use-case context, one form-action helper that maps
 * use-case errors the same way everywhere, and the cookie options of the session.
 *
 *   export const actions = {
 *     add: formAction(addMembership, {
 *       input: ({ values, params }) => ({ ...values, bodyId: params.body }),
 *       onSuccess: () => ({ success: m.bodies_member_added() })
 *     })
 *   };
 */
import { error, fail, type ActionFailure, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { Ctx, TenantCtx } from './context';
import { NotFoundError, RateLimitError, ValidationError } from './errors';
import { requireActor } from './guards';
import { formValues, type FormValues } from './shared/forms';
import { formControlCharacters, withoutControlCharacters } from '$lib/control-characters';

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

type EventLike = Pick<RequestEvent, 'locals' | 'url' | 'route' | 'params'>;

function isAppRoute(event: Pick<RequestEvent, 'route'>): boolean {
	return event.route.id?.startsWith('/(app)/') ?? false;
}

/**
 * The use-case context of a request on a `[tenant]` route: the tenant the hook resolved. An
 * unknown or hidden tenant is a 404; on signed-in routes anonymous visitors go to sign-in.
 */
export function tenantCtx(event: EventLike): TenantCtx {
	if (isAppRoute(event)) requireActor(event);
	const ctx = event.locals.ctx;
	if (!ctx.tenant) error(404, m.error_not_found());
	return ctx as TenantCtx;
}

/** The use-case context of a request without a tenant; signed-in routes require sign-in. */
export function requestCtx(event: EventLike): Ctx {
	if (isAppRoute(event)) requireActor(event);
	return event.locals.ctx;
}

/** The context a route gets: with the tenant on `[tenant]` routes, else without. */
function ctxOf(event: EventLike): Ctx {
	return 'tenant' in event.params ? tenantCtx(event) : requestCtx(event);
}

/** What a form may get back beside its values and errors (see FormActionOptions.keep). */
export interface FormKept {
	/** the spam challenge of a public form, still unused */
	challenge?: string | null;
}

export type FormFailure = ActionFailure<
	{
		values: Record<string, string | string[]>;
		errors: Record<string, string>;
	} & FormKept
>;

/**
 * Runs a use case and maps its errors: validation → 400 with translated messages and the user's
 * input kept; rate limit → 429 with a form message; not found/forbidden → 404. Anything else is
 * a bug and propagates (logged by handleError).
 */
export async function runUseCase<T>(
	values: Record<string, string | string[]>,
	fn: () => Promise<T>,
	rateLimitMessage: (minutes: number, seconds: number) => string = (minutes) =>
		m.error_rate_limited({ minutes })
): Promise<{ ok: true; result: T } | { ok: false; failure: FormFailure }> {
	try {
		return { ok: true, result: await fn() };
	} catch (e) {
		if (e instanceof ValidationError)
			return {
				ok: false,
				failure: fail(400, { values, errors: translateErrors(e.fieldErrors) })
			};
		if (e instanceof RateLimitError) {
			const minutes = Math.max(1, Math.ceil(e.retryAfterSeconds / 60));
			return {
				ok: false,
				failure: fail(429, {
					values,
					errors: { form: rateLimitMessage(minutes, e.retryAfterSeconds) }
				})
			};
		}
		if (e instanceof NotFoundError) error(404, m.error_not_found());
		throw e;
	}
}

/** For loads and endpoints: a NotFoundError becomes a 404 page. */
export async function orNotFound<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof NotFoundError) error(404, m.error_not_found());
		throw e;
	}
}

/**
 * The submitted form; a post that is not a form (`Content-Type: text/plain`, JSON, a broken
 * multipart body) is a 400 for the client, not a server error.
 */
export async function readForm(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch {
		error(400, m.sec_not_a_form());
	}
}

/**
 * A form with a NUL or another control character (tab, newline and CR are allowed) in any field:
 * 400 with a message at each such field and the input kept without those characters.
 */
function refuseControlCharacters(form: FormData, values: FormValues): FormFailure | null {
	const fields = formControlCharacters(form);
	if (fields.length === 0) return null;
	const kept = Object.fromEntries(
		Object.entries(values).map(([k, v]) => [
			k,
			Array.isArray(v) ? v.map(withoutControlCharacters) : withoutControlCharacters(v)
		])
	);
	const message = m.sec_control_characters();
	return fail(400, {
		values: kept,
		errors: Object.fromEntries(fields.map((name) => [name, message]))
	});
}

export interface FormArgs<E extends RequestEvent> {
	/** the submitted values without secrets (passwords), as sent back on an error */
	values: FormValues;
	/** the whole form, for files */
	form: FormData;
	params: E['params'];
	event: E;
}

export interface FormActionOptions<C extends Ctx, I, R, E extends RequestEvent, S> {
	/** The use case's input from the form (default: the values). Path ids go in here. */
	input?: (args: FormArgs<E>) => I | Promise<I>;
	/** Fields that are always lists (checkbox groups). */
	lists?: readonly string[];
	/** Fields never sent back (default: password fields). */
	omit?: readonly string[];
	/** Name of the form on a page with several; sent back as `values.form` with errors. */
	form?: string;
	/** What the page gets on success (default `{ success: true }`); may redirect. */
	onSuccess?: (result: R, args: FormArgs<E> & { ctx: C }) => S | Promise<S>;
	/** The form's own words for a rate limit (default: the sign-in message), given the wait. */
	rateLimitMessage?: (minutes: number, seconds: number) => string;
	/**
	 * Sent back beside values and errors when the submission was refused for its fields only
	 * (not as a whole: no `form` error), e.g. the spam challenge that was not used up, so that
	 * correcting a field and sending again is timed from the first form.
	 */
	keep?: (form: FormData) => FormKept;
}

const SECRETS = ['password', 'passwordConfirm', 'currentPassword'] as const;

/**
 * One form action: context (tenant, actor), the form's values, the use case, its errors mapped
 * the same way everywhere, and the success answer. Works without JavaScript.
 */
export function formAction<
	C extends Ctx,
	I,
	R,
	E extends RequestEvent = RequestEvent,
	S = { success: true }
>(
	useCase: (ctx: C, input: I) => Promise<R>,
	options: FormActionOptions<C, I, R, E, S> = {}
): (event: E) => Promise<FormFailure | Awaited<S>> {
	return async (event: E): Promise<FormFailure | Awaited<S>> => {
		const ctx = ctxOf(event) as C;
		const form = await readForm(event.request);
		const omit = options.omit ?? SECRETS;
		const values = formValues(form, options.lists ?? []);
		for (const key of omit) delete values[key];
		if (options.form) values.form = options.form;
		const refused = refuseControlCharacters(form, values);
		if (refused) return keeping(refused, form, options.keep);
		const args: FormArgs<E> = { values, form, params: event.params, event };
		const outcome = await runUseCase(
			values,
			async () => useCase(ctx, (options.input ? await options.input(args) : values) as I),
			options.rateLimitMessage
		);
		if (!outcome.ok) return keeping(outcome.failure, form, options.keep);
		if (options.onSuccess)
			return (await options.onSuccess(outcome.result, { ...args, ctx })) as Awaited<S>;
		return { success: true } as Awaited<S>;
	};
}

/** A failure for its fields only gets `keep`'s values; one refused as a whole gets none. */
function keeping(
	failure: FormFailure,
	form: FormData,
	keep: ((form: FormData) => FormKept) | undefined
): FormFailure {
	if (keep && failure.status === 400 && !('form' in failure.data.errors))
		Object.assign(failure.data, keep(form));
	return failure;
}

export type { Cookies };
