import pino, { type Logger } from 'pino';

/** Structured JSON logs on stdout; one logger per process, child loggers per request. */
export function createLogger(level: string): Logger {
	return pino({
		level,
		base: { app: 'miteinander' },
		timestamp: pino.stdTimeFunctions.isoTime,
		redact: {
			paths: ['password', '*.password', 'token', '*.token', 'req.headers.cookie'],
			remove: true
		}
	});
}
