#!/usr/bin/env node
// One load run, in its own process so that the load generator does not share the server's (or
// the bench's) event loop: autocannon against one URL; prints one JSON line with requests/s,
// exact p50/p95/p99 (from every response's time), errors and non-2xx answers.
// Usage: node bench/load.mjs <url> <connections> <seconds> [cookie]
import autocannon from 'autocannon';

const [url, connections, seconds, cookie] = process.argv.slice(2);
const times = [];
const instance = autocannon({
	url,
	connections: Number(connections),
	duration: Number(seconds),
	headers: cookie ? { cookie } : {},
	timeout: 30
});
instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
instance.on('done', (result) => {
	times.sort((a, b) => a - b);
	const at = (p) =>
		times.length
			? times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]
			: null;
	const seconds = (result.finish - result.start) / 1000 || result.duration;
	process.stdout.write(
		JSON.stringify({
			requests: times.length,
			rps: times.length / seconds,
			p50: at(50),
			p95: at(95),
			p99: at(99),
			errors: result.errors + result.timeouts,
			non2xx: result.non2xx
		}) + '\n'
	);
});
