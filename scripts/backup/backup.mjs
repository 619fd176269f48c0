#!/usr/bin/env node
// `npm run backup [-- --force]`: writes BACKUP_DIR/miteinander-<pglite|postgres>-<UTC time>.<ext>
// from the database the app is configured for (DATABASE_URL, else the PGlite folder DATA_DIR).
// PGlite: the app must be stopped (one process per folder); --force skips that check after a
// crash. PostgreSQL: pg_dump runs beside the running app (a consistent snapshot).
// Prints the path of the backup on stdout; exit code 2 for a refusal, 1 for a failure.
import fs from 'node:fs';
import path from 'node:path';
import {
	Refusal,
	assertPgliteFolderFree,
	backupFileName,
	backupPglite,
	backupPostgres,
	config
} from './lib.mjs';

const force = process.argv.includes('--force');
const cfg = config();
try {
	fs.mkdirSync(cfg.backupDir, { recursive: true });
	const file = path.join(cfg.backupDir, backupFileName(cfg.kind));
	if (fs.existsSync(file)) throw new Refusal(`${file} exists already; try again in a second.`);
	if (cfg.kind === 'postgres') await backupPostgres(cfg, file);
	else {
		assertPgliteFolderFree(cfg.dataDir, force);
		await backupPglite(cfg.dataDir, file);
	}
	console.log(file);
} catch (error) {
	console.error(`Backup failed: ${error instanceof Error ? error.message : error}`);
	process.exit(error instanceof Refusal ? 2 : 1);
}
