/**
 * Errors that use cases throw. The routes turn them into HTTP answers:
 * NotFoundError → 404 (also for "forbidden", so ids leak nothing), ValidationError → 400 with
 * field messages, RateLimitError → 429.
 */
export class NotFoundError extends Error {
	constructor(message = 'not found') {
		super(message);
		this.name = 'NotFoundError';
	}
}

/** Field errors are message keys (see messages/*.json) so the page can speak the user's language. */
export class ValidationError extends Error {
	constructor(public readonly fieldErrors: Record<string, string>) {
		super(`invalid input: ${Object.keys(fieldErrors).join(', ')}`);
		this.name = 'ValidationError';
	}
}

export class RateLimitError extends Error {
	constructor(public readonly retryAfterSeconds: number) {
		super('too many attempts');
		this.name = 'RateLimitError';
	}
}
