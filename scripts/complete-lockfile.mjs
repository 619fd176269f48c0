#!/usr/bin/env node
// The npm registry reachable from our build machines lacks some other-platform builds of
// optional native packages (rollup, @lix-js/sdk, jco-node-fs). `npm install` then leaves them
// out of package-lock.json, and `npm ci` refuses the lock as "out of sync".
// This adds each missing optional package with its version and its os/cpu/libc, as npm itself
// would: on this platform npm ci skips them; on the others npm fetches them by name@version.
// Run it after `npm install <pkg>`: node scripts/complete-lockfile.mjs
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
let output;
try {
	output = execFileSync('npm', ['ci', '--dry-run', '--ignore-scripts'], {
		encoding: 'utf8',
		stdio: 'pipe'
	});
} catch (error) {
	output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
}
const missing = [...output.matchAll(/Missing: (.+?)@\S* from lock file/g)].map((m) => m[1]);
if (missing.length === 0) {
	console.log('package-lock.json is complete');
	process.exit(0);
}
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;
const PLATFORM =
	/(android|darwin|freebsd|linux|openbsd|openharmony|win32|sunos|aix)-(arm64|arm|x64|ia32|loong64|ppc64|riscv64|s390x)(?:-(gnu|musl|gnueabihf|musleabihf|msvc|eabi))?$/;
for (const name of missing) {
	const parent = Object.values(packages).find((p) => p.optionalDependencies?.[name]);
	if (!parent) throw new Error(`no package lists ${name} as optional dependency`);
	const match = PLATFORM.exec(name.split('/').pop());
	if (!match) throw new Error(`cannot tell the platform of ${name}`);
	const [, os, cpu, abi] = match;
	packages[`node_modules/${name}`] = {
		version: parent.optionalDependencies[name],
		dev: parent.dev || undefined,
		optional: true,
		os: [os],
		cpu: [cpu],
		...(os === 'linux' && abi ? { libc: [abi.includes('musl') ? 'musl' : 'glibc'] } : {})
	};
}
lock.packages = Object.fromEntries(
	Object.entries(packages).sort(([a], [b]) =>
		a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0
	)
);
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, '\t')}\n`);
console.log(`added ${missing.length} optional platform packages to package-lock.json`);
