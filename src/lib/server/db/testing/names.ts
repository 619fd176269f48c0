/** Names shared by the global setup and the test databases it cleans up after. */

/** The URL of another database on the same server as `url`. */
export function databaseUrl(url: string, database: string): string {
	const u = new URL(url);
	u.pathname = `/${database}`;
	return u.toString();
}

/** Every database a test run creates from a template starts with this, so teardown finds leftovers. */
export function testDatabasePrefix(template: string): string {
	return `${template}_`;
}
