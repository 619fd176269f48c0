/** For tests: a logger like the server's that writes its JSON lines into memory. */
import { Writable } from 'node:stream';
import { createLogger } from './logger';

export function capturedLogger() {
	const lines: string[] = [];
	const stream = new Writable({
		write(chunk, _encoding, done) {
			lines.push(String(chunk));
			done();
		}
	});
	return {
		log: createLogger('info', stream),
		/** everything logged, as written */
		output: () => lines.join(''),
		/** the log lines as objects */
		entries: () => lines.map((l) => JSON.parse(l))
	};
}
