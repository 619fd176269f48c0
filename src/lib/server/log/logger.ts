import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Field names whose values are personal data or secrets: censored wherever they appear in a log
 * object (top level and two levels down), e.g. `{ values: { email } }` or `{ input: { body } }`.
 */
export const REDACTED_FIELDS = [
	'name',
	'firstName',
	'lastName',
	'email',
	'e-mail',
	'mail',
	'phone',
	'telephone',
	'mobile',
	'text',
	'body',
	'subject',
	'comment',
	'note',
	'street',
	'address',
	'postalCode',
	'password',
	'passwordConfirm',
	'currentPassword',
	'to',
	'from',
	'recipient',
	'token',
	'secret',
	'params',
	'values',
	'input',
	'detail'
] as const;

/** `message` is personal at the top level of a log object only (an error's message is not). */
const TOP_LEVEL_ONLY = new Set(['message']);
/** Request headers with credentials (`req.headers.cookie`), censored two levels down. */
const HEADERS = new Set(['cookie', 'authorization']);
const REDACTED = new Set<string>(REDACTED_FIELDS);
const CENSOR = '[redacted]';

const isPlain = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !(v instanceof Error) && !(v instanceof Date);

/**
 * A log object with the values of REDACTED_FIELDS censored at `depth` 0 (its own fields) and the
 * two levels below (`{ values: { email } }`, `{ input: { form: { name } } }`), `message` at the
 * top only. Returns the object itself when nothing is censored (a request's log line), else a
 * copy: the caller's objects are never changed. Errors are left to their serializer, whose output
 * goes through here as well (createLogger).
 *
 * This replaced pino's `redact` paths (wildcards at three levels): they took about 100 µs per log
 * line, a few percent of a request (issue 15); this walk takes a few.
 */
export function redactFields(obj: Record<string, unknown>, depth = 0): Record<string, unknown> {
	let out: Record<string, unknown> | null = null;
	for (const key in obj) {
		if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
		const value = obj[key];
		let next = value;
		if (value === undefined) continue;
		if (
			REDACTED.has(key) ||
			(depth === 0 && TOP_LEVEL_ONLY.has(key)) ||
			(depth === 2 && HEADERS.has(key))
		)
			next = CENSOR;
		else if (depth < 2 && isPlain(value)) next = redactFields(value, depth + 1);
		if (next !== value) {
			out ??= Array.isArray(obj) ? ([...obj] as unknown as Record<string, unknown>) : { ...obj };
			out[key] = next;
		}
	}
	return out ?? obj;
}

/** SQLSTATE of PostgreSQL (and PGlite) errors: five digits or capital letters. */
const SQLSTATE = /^[0-9A-Z]{5}$/;

/** node-postgres and PGlite name the fields `table`, postgres.js `table_name`. */
type DatabaseErrorLike = Record<string, unknown> & { code: string };

const field = (e: DatabaseErrorLike, name: string) => e[name] ?? e[`${name}_name`];

function databaseErrorOf(err: unknown, depth = 0): DatabaseErrorLike | null {
	if (!err || typeof err !== 'object' || depth > 5) return null;
	const e = err as Record<string, unknown>;
	// a SQLSTATE with the server's severity (Node's own codes like EPIPE have none)
	if (typeof e.code === 'string' && SQLSTATE.test(e.code) && 'severity' in e)
		return e as DatabaseErrorLike;
	return databaseErrorOf(e.cause, depth + 1);
}

/** E-mail addresses in a message (an SMTP server's "550 <x@y> unknown") become "[e-mail]". */
const withoutEmails = (text: string) =>
	text.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, '[e-mail]');

const frames = (stack: string | undefined) =>
	stack
		?.split('\n')
		.filter((line) => /^\s+at /.test(line))
		.join('\n');

/**
 * Errors as logged: a database error (also wrapped, e.g. drizzle's "Failed query … params: …")
 * is reduced to what identifies it — SQLSTATE code, constraint, table, column — because its
 * message, detail and parameters hold the row's values (names, e-mail addresses, texts). Other
 * errors keep type, message and stack, without query parameters.
 */
export function serializeError(err: unknown): Record<string, unknown> {
	const db = databaseErrorOf(err);
	const type = err instanceof Error ? err.constructor.name : typeof err;
	if (db) {
		return {
			type,
			database: true,
			code: db.code,
			constraint: field(db, 'constraint'),
			table: field(db, 'table'),
			column: field(db, 'column'),
			schema: field(db, 'schema'),
			severity: db.severity,
			routine: db.routine,
			// where in our code: only the frames, never the message lines at the stack's start
			stack: err instanceof Error ? frames(err.stack) : undefined
		};
	}
	if (!(err instanceof Error))
		return { type, value: typeof err === 'string' ? withoutEmails(err) : undefined };
	const out = pino.stdSerializers.err(err) as unknown as Record<string, unknown>;
	delete out.params;
	delete out.query;
	for (const key of ['message', 'stack'])
		if (typeof out[key] === 'string') out[key] = withoutEmails(out[key]);
	return out;
}

/** An error as logged, its fields censored as one level below a log object's own. */
const serializedError = (err: unknown) => redactFields(serializeError(err), 1);

/** Structured JSON logs on stdout (or `destination`); one logger per process, children per request. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
	return pino(
		{
			level,
			base: { app: 'miteinander' },
			timestamp: pino.stdTimeFunctions.isoTime,
			serializers: { err: serializedError, error: serializedError },
			formatters: { log: (obj) => redactFields(obj) }
		},
		destination
	);
}

/** Route parameters whose values are secrets (mail links, status pages, calendar feeds). */
const SECRET_PARAMS = ['token'];

/**
 * The request path as it may be logged: the value of a secret route parameter (`[token]`) is
 * replaced by the parameter's name, so that a log line never holds a working link.
 */
export function loggablePath(pathname: string, params: Partial<Record<string, string>>): string {
	let result = pathname;
	for (const name of SECRET_PARAMS) {
		const value = params[name];
		if (!value) continue;
		for (const form of new Set([value, encodeURIComponent(value)]))
			result = result.split(`/${form}`).join(`/[${name}]`);
	}
	return result;
}
