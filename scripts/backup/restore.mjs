#!/usr/bin/env node
// `npm run restore -- <backup file> [--force]`: restores a file written by `npm run backup` into
// the database the app is configured for (DATABASE_URL, else the PGlite folder DATA_DIR).
// Stop the app first. A target that holds data is refused unless --force:
// - PGlite: the old folder is kept, renamed to <DATA_DIR>.replaced-<UTC time>;
// - PostgreSQL: the schemas are dropped and the dump restored in one transaction (a failing
//   restore leaves the old data).
// Exit code 2 for a refusal or wrong usage, 1 for a failure.
import fs from 'node:fs';
import {
	Refusal,
	assertPgliteFolderFree,
	config,
	folderIsEmpty,
	kindOfFile,
	postgresTableCount,
	restorePglite,
	restorePostgres,
	timestamp
} from './lib.mjs';

const args = process.argv.slice(2);
const force = args.includes('--force');
const files = args.filter((a) => a !== '--force');
const cfg = config();

try {
	if (files.length !== 1 || files[0].startsWith('-')) {
		const list = fs.existsSync(cfg.backupDir)
			? fs
					.readdirSync(cfg.backupDir)
					.filter((f) => kindOfFile(f))
					.sort()
			: [];
		throw new Refusal(
			'Usage: npm run restore -- <backup file> [--force]\n' +
				(list.length
					? `Backups in ${cfg.backupDir}:\n  ${list.join('\n  ')}`
					: `No backups in ${cfg.backupDir}.`)
		);
	}
	const file = files[0];
	if (!fs.existsSync(file)) throw new Refusal(`${file} does not exist.`);
	const kind = kindOfFile(file);
	if (!kind)
		throw new Refusal(`${file} is not a backup of this app (miteinander-<kind>-<time>.<ext>).`);
	if (kind !== cfg.kind)
		throw new Refusal(
			`${file} is a ${kind} backup, but the app is configured for ${cfg.kind} ` +
				`(${cfg.kind === 'postgres' ? 'DATABASE_URL is set' : 'DATABASE_URL is not set'}).`
		);

	if (kind === 'postgres') {
		const tables = await postgresTableCount(cfg);
		if (tables > 0 && !force)
			throw new Refusal(`The target database holds ${tables} tables; add --force to replace them.`);
		await restorePostgres(cfg, file, { replace: tables > 0 });
		console.log(`Restored ${file} into the PostgreSQL database.`);
	} else {
		assertPgliteFolderFree(cfg.dataDir, force);
		if (!folderIsEmpty(cfg.dataDir)) {
			if (!force) throw new Refusal(`${cfg.dataDir} is not empty; add --force to replace it.`);
			const kept = `${cfg.dataDir}.replaced-${timestamp()}`;
			fs.renameSync(cfg.dataDir, kept);
			console.log(`The previous database folder is kept as ${kept}.`);
		}
		await restorePglite(file, cfg.dataDir);
		console.log(`Restored ${file} into ${cfg.dataDir}.`);
	}
} catch (error) {
	console.error(`Restore failed: ${error instanceof Error ? error.message : error}`);
	process.exit(error instanceof Refusal ? 2 : 1);
}
