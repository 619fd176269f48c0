#!/usr/bin/env node
// CI step "dependency audit": `npm audit --omit=dev` fails the run on a high or critical
// advisory in a production dependency, unless audit-allow.json accepts it:
//   [{ "id": "GHSA-xxxx-xxxx-xxxx", "package": "name", "reason": "why it cannot be reached",
//      "expires": "YYYY-MM-DD" }]
// An expired entry blocks again; an entry that matches nothing is reported for removal.
// When npm's audit service cannot be asked (offline, a registry mirror without the audit
// endpoint) the step fails too, unless AUDIT_UNAVAILABLE=warn is set: an audit that did not
// run is not a passed audit. Exit codes: 0 passed, 1 blocking findings or a bad allow list,
// 3 the audit could not run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allowListErrors, auditServiceError, evaluate } from './evaluate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const allowFile = path.join(root, 'audit-allow.json');

const allowList = fs.existsSync(allowFile) ? JSON.parse(fs.readFileSync(allowFile, 'utf8')) : [];
const listErrors = allowListErrors(allowList);
if (listErrors.length) {
	for (const error of listErrors) console.error(error);
	process.exit(1);
}

// npm audit exits 1 when it finds anything at all; the JSON on stdout is what counts.
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const audit = spawnSync(npm, ['audit', '--omit=dev', '--json'], {
	cwd: root,
	encoding: 'utf8',
	maxBuffer: 64 * 1024 * 1024
});
let report;
try {
	report = JSON.parse(audit.stdout);
} catch {
	report = undefined;
}
const serviceError = auditServiceError(report);
if (serviceError) {
	const text = `npm audit could not run: ${serviceError}`;
	if (process.env.AUDIT_UNAVAILABLE === 'warn') {
		console.warn(`WARNING ${text} (AUDIT_UNAVAILABLE=warn: not failing)`);
		process.exit(0);
	}
	console.error(
		`${text}\nSet AUDIT_UNAVAILABLE=warn to go on without the audit (offline runs only).`
	);
	process.exit(3);
}

const today = new Date().toISOString().slice(0, 10);
const { blocking, allowed, expired, unused } = evaluate(report, allowList, today);
const line = (f) =>
	`  ${f.severity.padEnd(8)} ${f.id}  ${f.package} ${f.range}  ${f.title}` +
	(f.through.length > 1 || f.through[0] !== f.package ? `  (through ${f.through.join(', ')})` : '');

const counts = report.metadata?.vulnerabilities ?? {};
console.log(
	`npm audit --omit=dev: ${Object.entries(counts)
		.filter(([k]) => k !== 'total')
		.map(([k, v]) => `${v} ${k}`)
		.join(', ')}`
);
for (const f of allowed)
	console.log(`accepted until ${f.entry.expires}:\n${line(f)}\n    reason: ${f.entry.reason}`);
for (const entry of unused)
	console.log(`audit-allow.json: ${entry.id} matches no finding any more; remove the entry.`);
for (const f of expired) console.error(`acceptance expired on ${f.entry.expires}:\n${line(f)}`);
for (const f of blocking) console.error(`high or critical advisory:\n${line(f)}\n    ${f.url}`);
if (blocking.length || expired.length) {
	console.error(
		'\nUpdate the dependency (npm update <package>, or an "overrides" entry in package.json). If the ' +
			'vulnerable code cannot be reached, accept the advisory in audit-allow.json with a reason and ' +
			'an expiry date (see README, "Dependency audit").'
	);
	process.exit(1);
}
console.log('No blocking advisories.');
