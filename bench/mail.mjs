#!/usr/bin/env node
// `npm run bench:mail -- [--posts 300] [--concurrency 20] [--tenant laatzen] [--timeout 180]`
//
// Two app instances on one PostgreSQL deliver every mail exactly once under load (issue 16,
// item 7). A new database on DATABASE_URL's server gets the demo network; two production
// servers (two `node scripts/server.mjs` processes on --port and --port + 1) share it, each with
// its own mail worker, both sending to a small SMTP sink this script runs (smtp-server). The
// instances differ only in port and sender address (MAIL_FROM), so that the sink sees which
// instance sent a mail. `--posts` visitors send the public message form ("Anliegen") of
// `--tenant`, each with its own e-mail address, which carries a unique token: every accepted
// message (303 to its status page) puts one acknowledgement mail into the outbox, in the
// transaction of the message. The visitors load the form from one instance and send it to the
// other, alternately, `--concurrency` at a time, after the form's minimum fill time (3 s); each
// has its own client address (X-Forwarded-For, ADDRESS_HEADER), so that the per-address rate
// limit does not refuse them. Then the script waits (up to --timeout seconds) until the outbox
// has nothing pending or sending and every expected mail has arrived, waits a few more seconds
// for late duplicates, and counts per token: expected (acknowledged posts), delivered, duplicates,
// missing, unexpected. Writes bench/results/<date>-mail-postgres.md, prints it and exits 1 on
// a duplicate or missing mail. Servers, SMTP sink and database are removed at the end, also on
// failure and on Ctrl-C.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { SMTPServer } from 'smtp-server';
import {
	ensureBuild,
	freshDatabase,
	killServer,
	log,
	parseBenchArgs,
	root,
	sleep,
	startServer,
	stopServer,
	waitHealthy
} from './common.mjs';

const USAGE = `
DATABASE_URL=postgres://… npm run bench:mail -- [--posts 300] [--concurrency 20]
    [--tenant laatzen] [--timeout 180] [--port 3208] [--no-build]
Two app instances on one PostgreSQL deliver every mail exactly once under load; see the
comment at the top of bench/mail.mjs and README.md (Benchmarks).
`;

const opts = parseBenchArgs(process.argv.slice(2), {
	port: 3208,
	usage: USAGE,
	databases: ['postgres'],
	defaults: { db: 'postgres', posts: 300, concurrency: 20, tenant: 'laatzen', timeout: 180 },
	flags: {
		'--posts': ['posts', Number],
		'--concurrency': ['concurrency', Number],
		'--tenant': ['tenant', String],
		'--timeout': ['timeout', Number]
	}
});

/** The form refuses what comes back faster than a person fills it in (MIN_FILL_SECONDS = 3). */
const FILL_PAUSE_MS = 3_300;
/** After the outbox is drained: time for a late second delivery of the same mail to show up. */
const SETTLE_MS = 5_000;
const RUN = randomBytes(4).toString('hex');
const DOMAIN = 'bench.example';

const instances = ['A', 'B'].map((name, i) => ({
	name,
	port: opts.port + i,
	base: `http://127.0.0.1:${opts.port + i}`,
	from: `instanz-${name.toLowerCase()}@${DOMAIN}`,
	server: null
}));

// ---------------------------------------------------------------------------------------------
// SMTP sink: records every delivery (sender, recipients, subject)

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=) of a header value. */
function decodeHeader(value) {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g, (_, encoding, text) =>
			encoding.toUpperCase() === 'B'
				? Buffer.from(text, 'base64').toString('utf8')
				: Buffer.from(
						text
							.replace(/_/g, ' ')
							.replace(/=([0-9A-Fa-f]{2})/g, (_m, hex) => String.fromCharCode(parseInt(hex, 16))),
						'latin1'
					).toString('utf8')
		);
}

function startSink() {
	const deliveries = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		// two servers with several connections each: no artificial limit
		maxClients: 200,
		onData(stream, session, callback) {
			let size = 0;
			let head = '';
			stream.on('data', (chunk) => {
				size += chunk.length;
				if (head.length < 8192) head += chunk.toString('latin1');
			});
			stream.on('end', () => {
				const folded = head.split('\r\n\r\n')[0].replace(/\r\n[ \t]+/g, ' ');
				const subject = decodeHeader(/^Subject:\s*(.*)$/im.exec(folded)?.[1]?.trim() ?? '');
				deliveries.push({
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
					subject,
					size,
					at: Date.now()
				});
				callback();
			});
		}
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () =>
			resolve({ server, deliveries, port: server.server.address().port })
		);
	});
}

// ---------------------------------------------------------------------------------------------
// visitors: load the form from one instance, send it to the other

const tokenOf = (n) => `${RUN}-${String(n).padStart(4, '0')}`;
const emailOf = (token) => `mail-${token}@${DOMAIN}`;
/** A client address per visitor (10.x.y.z), so that the rate limit per address holds for each. */
const addressOf = (n) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255 || 1}`;

async function loadForm(n) {
	const from = instances[(n + 1) % 2];
	const res = await fetch(`${from.base}/${opts.tenant}/anliegen`, {
		headers: { accept: 'text/html', 'x-forwarded-for': addressOf(n) }
	});
	const html = await res.text();
	const challenge = /name="challenge" value="([^"]+)"/.exec(html)?.[1];
	if (res.status !== 200 || !challenge)
		throw new Error(
			`form of ${opts.tenant} from instance ${from.name}: ${res.status}, no challenge`
		);
	return challenge;
}

/** Sends one message; returns the HTTP status, or 'error' when the request failed. */
async function sendMessage(n, challenge) {
	const to = instances[n % 2];
	const token = tokenOf(n);
	try {
		const res = await fetch(`${to.base}/${opts.tenant}/anliegen`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: to.base,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded',
				'x-forwarded-for': addressOf(n)
			},
			body: new URLSearchParams({
				kind: 'question',
				subject: `Lasttest ${token}`,
				body: `Nachricht ${token} aus dem Mail-Benchmark.`,
				name: `Besucherin ${n}`,
				email: emailOf(token),
				consent: 'on',
				challenge,
				pow: '',
				website: ''
			})
		});
		const location = res.headers.get('location') ?? '';
		await res.arrayBuffer().catch(() => {});
		if (res.status === 303 && location.includes(`/${opts.tenant}/anliegen/status/`))
			return { n, instance: to.name, status: 303, acknowledged: true };
		return { n, instance: to.name, status: res.status, acknowledged: false };
	} catch (error) {
		return { n, instance: to.name, status: 'error', acknowledged: false, error: String(error) };
	}
}

/** Runs `task(i)` for i < count, `limit` at a time; results in order. */
async function pool(count, limit, task) {
	const results = new Array(count);
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(limit, count) }, async () => {
			while (next < count) {
				const i = next++;
				results[i] = await task(i);
			}
		})
	);
	return results;
}

// ---------------------------------------------------------------------------------------------

/**
 * Outbox rows by status: `ours` (the acknowledgement mails of this load, by recipient) and
 * `other` (mails the demo network's own jobs may queue meanwhile, e.g. reminders).
 */
async function outboxStatus(sql) {
	const rows = await sql`
		SELECT status, payload->>'to' LIKE ${`mail-${RUN}-%`} AS ours, count(*)::int AS n
		FROM outbox GROUP BY 1, 2`;
	const out = { ours: {}, other: {} };
	for (const r of rows) out[r.ours ? 'ours' : 'other'][r.status] = r.n;
	return out;
}

let database = null;
let sink = null;
let sql = null;
let cleaning = null;

/** Stops both servers (SIGKILL after 10 s), the SMTP sink, and drops the database; once. */
function cleanup() {
	cleaning ??= (async () => {
		await Promise.all(
			instances.map(async (inst) => {
				if (!inst.server) return;
				const stopped = stopServer(inst.server);
				const timeout = sleep(10_000).then(() => 'timeout');
				if ((await Promise.race([stopped, timeout])) === 'timeout') await killServer(inst.server);
			})
		);
		await sql?.end({ timeout: 5 }).catch(() => {});
		if (sink) await new Promise((r) => sink.server.close(() => r()));
		await database?.drop().catch((e) => log(`dropping the database failed: ${e.message}`));
	})();
	return cleaning;
}

for (const sig of ['SIGINT', 'SIGTERM']) {
	process.once(sig, () => {
		log(`${sig}: stopping servers, SMTP sink and database …`);
		cleanup().finally(() => process.exit(130));
	});
}

async function main() {
	ensureBuild(opts.build);
	sink = await startSink();
	database = await freshDatabase('postgres', 'mail');
	const secret = randomBytes(36).toString('base64url');
	const envOf = (inst) => ({
		...database.env,
		WORKERS: '1',
		SEED_DEMO: 'true',
		ORIGIN: inst.base,
		SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
		MAIL_FROM: `Miteinander Instanz ${inst.name} <${inst.from}>`,
		MAIL_POLL_SECONDS: '1',
		// the same key on both: a form issued by one instance verifies on the other
		APP_SECRET: secret,
		ADDRESS_HEADER: 'x-forwarded-for'
	});
	// A first (migrations and demo network on the empty database), then B
	for (const inst of instances) {
		inst.server = startServer({ port: inst.port, env: envOf(inst), detached: true });
		const ms = await waitHealthy(inst.base, inst.server, 240_000);
		log(`instance ${inst.name} on port ${inst.port} healthy after ${ms} ms`);
	}
	sql = postgres(database.env.DATABASE_URL, { max: 2, onnotice: () => {} });
	const before = await outboxStatus(sql);
	const deliveriesBefore = sink.deliveries.length;

	log(`loading ${opts.posts} forms …`);
	const formsStarted = Date.now();
	const challenges = await pool(opts.posts, opts.concurrency, loadForm);
	const formsMs = Date.now() - formsStarted;
	// every form must be at least MIN_FILL_SECONDS old when it is sent
	await sleep(FILL_PAUSE_MS);
	log(`sending ${opts.posts} messages, ${opts.concurrency} at a time, alternately to A and B …`);
	const postsStarted = Date.now();
	const posts = await pool(opts.posts, opts.concurrency, (n) => sendMessage(n, challenges[n]));
	const postsMs = Date.now() - postsStarted;
	const postsEnded = Date.now();

	const expected = new Set(posts.filter((p) => p.acknowledged).map((p) => emailOf(tokenOf(p.n))));
	const ours = (d) => d.to.some((a) => a.startsWith(`mail-${RUN}-`) && a.endsWith(`@${DOMAIN}`));
	log(`${expected.size} acknowledged; waiting for the outbox to drain (≤ ${opts.timeout} s) …`);
	let status;
	let drainedAt = null;
	const deadline = postsEnded + opts.timeout * 1000;
	while (Date.now() < deadline) {
		status = await outboxStatus(sql);
		const arrived = new Set(sink.deliveries.filter(ours).flatMap((d) => d.to));
		const busy = (status.ours.pending ?? 0) + (status.ours.sending ?? 0);
		if (busy === 0 && [...expected].every((a) => arrived.has(a))) {
			drainedAt = Date.now();
			break;
		}
		await sleep(500);
	}
	if (drainedAt) await sleep(SETTLE_MS);
	status = await outboxStatus(sql);

	// count per recipient address (= per token)
	const received = new Map();
	for (const d of sink.deliveries.slice(deliveriesBefore).filter(ours))
		for (const a of d.to) received.set(a, [...(received.get(a) ?? []), d]);
	const delivered = [...received.keys()].filter((a) => expected.has(a)).length;
	const duplicates = [...received.values()].reduce((s, list) => s + list.length - 1, 0);
	const missing = [...expected].filter((a) => !received.has(a));
	const unexpected = [...received.keys()].filter((a) => !expected.has(a));
	const ourDeliveries = [...received.values()].flat();
	const byInstance = Object.fromEntries(
		instances.map((inst) => [inst.name, ourDeliveries.filter((d) => d.from === inst.from).length])
	);
	const others = sink.deliveries.filter((d) => !ours(d));
	const otherSubjects = [...new Set(others.map((d) => d.subject))].slice(0, 3).join('; ');
	const refused = {};
	for (const p of posts.filter((p) => !p.acknowledged))
		refused[p.status] = (refused[p.status] ?? 0) + 1;
	const postsPer = Object.fromEntries(
		instances.map((inst) => [
			inst.name,
			posts.filter((p) => p.instance === inst.name && p.acknowledged).length
		])
	);
	const lastDelivery = ourDeliveries.reduce((m, d) => Math.max(m, d.at), postsEnded);

	const pass =
		expected.size > 0 && missing.length === 0 && duplicates === 0 && unexpected.length === 0;
	const date = new Date().toISOString();
	const fmtStatus = (s) =>
		Object.entries(s)
			.map(([k, v]) => `${k} ${v}`)
			.join(', ') || 'empty';
	const lines = [
		`# Mail: two app instances on one PostgreSQL, every mail exactly once (postgres)`,
		'',
		`${date.slice(0, 16).replace('T', ' ')} UTC; load average ${os
			.loadavg()
			.map((l) => l.toFixed(1))
			.join(' / ')} on ${os.cpus().length} cores. Two \`node scripts/server.mjs\` processes ` +
			`(A, B; one process each) on one new database with the demo network, each with its own ` +
			`mail worker (poll 1 s), both sending to an SMTP sink (smtp-server) in the bench process. ` +
			`${opts.posts} visitors send the public message form of \`${opts.tenant}\`, each with an ` +
			`e-mail address of its own (a unique token): the form loaded from one instance, sent to ` +
			`the other, alternately, ${opts.concurrency} at a time. Each accepted message (303) puts ` +
			`one acknowledgement mail into the outbox in its transaction.`,
		'',
		'| | count |',
		'|---|---|',
		`| posts sent | ${posts.length} (${formsMs} ms to load the forms, ${postsMs} ms to send: ${(
			(posts.length / postsMs) *
			1000
		).toFixed(1)} posts/s) |`,
		`| posts acknowledged (303) | ${expected.size} (A ${postsPer.A}, B ${postsPer.B}) |`,
		`| posts refused or failed | ${posts.length - expected.size}${
			Object.keys(refused).length
				? ` (${Object.entries(refused)
						.map(([k, v]) => `${k}: ${v}`)
						.join(', ')})`
				: ''
		} |`,
		`| mails expected (one per acknowledged post) | ${expected.size} |`,
		`| the mail (subject of the first) | ${ourDeliveries[0]?.subject ?? '–'} |`,
		`| mails delivered (distinct tokens) | ${delivered} |`,
		`| deliveries received (all, for these tokens) | ${ourDeliveries.length} (sent by A ${byInstance.A}, by B ${byInstance.B}) |`,
		`| duplicates | ${duplicates} |`,
		`| missing | ${missing.length} |`,
		`| unexpected (token of a post not acknowledged) | ${unexpected.length} |`,
		`| outbox drained | ${
			drainedAt
				? `${((drainedAt - postsEnded) / 1000).toFixed(1)} s after the last post (last mail ${((lastDelivery - postsEnded) / 1000).toFixed(1)} s after it)`
				: `**no**, not within ${opts.timeout} s`
		} |`,
		`| outbox rows of this load by status, at the end | ${fmtStatus(status.ours)} |`,
		`| other outbox rows (not from this load) | before the load: ${fmtStatus(before.other)}; at the end: ${fmtStatus(status.other)} |`,
		`| other mails received (not from this load) | ${others.length}${others.length ? ` (${otherSubjects})` : ''} |`,
		'',
		pass
			? `**PASS**: ${expected.size} acknowledged posts, ${delivered} mails delivered, each exactly once.`
			: `**FAIL**: ${missing.length} missing, ${duplicates} duplicates, ${unexpected.length} unexpected` +
				(expected.size === 0 ? ', no post was acknowledged' : '') +
				'.',
		''
	];
	if (missing.length) lines.push(`Missing (first 10): ${missing.slice(0, 10).join(', ')}`, '');
	const file = path.join(root, 'bench', 'results', `${date.slice(0, 10)}-mail-postgres.md`);
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, lines.join('\n'));
	console.log(lines.join('\n'));
	log(`written: ${path.relative(root, file)}`);
	return pass;
}

main()
	.then(async (pass) => {
		await cleanup();
		process.exit(pass ? 0 : 1);
	})
	.catch(async (err) => {
		log(err);
		await cleanup();
		process.exit(1);
	});
