// Security headers beyond the pages' own Content-Security-Policy (visitor-uses-shell.spec.ts):
// static files, which adapter-node serves before the app's hook, and the HTML documents the app
// builds by hand (status report, concept export).
import { ACCOUNTS, expect, signedInPage, test } from '../fixtures';

function directives(csp: string | undefined): Map<string, string[]> {
	expect(csp, 'Content-Security-Policy header').toBeTruthy();
	return new Map(
		csp!.split(';').map((d) => {
			const [name, ...values] = d.trim().split(/\s+/);
			return [name, values] as const;
		})
	);
}

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
	expect(headers['x-content-type-options'], `nosniff on ${what}`).toBe('nosniff');
	expect(headers['x-frame-options'], `X-Frame-Options on ${what}`).toBe('DENY');
	expect(headers['referrer-policy'], `Referrer-Policy on ${what}`).toBe(
		'strict-origin-when-cross-origin'
	);
	expect(headers['permissions-policy'], `Permissions-Policy on ${what}`).toContain('camera=()');
}

/** A policy under which nothing runs and nothing can frame the document. */
function expectLockedDown(csp: string | undefined, what: string) {
	const d = directives(csp);
	expect(d.get('default-src'), `default-src on ${what}`).toEqual(["'none'"]);
	expect(d.has('script-src'), `script-src on ${what}`).toBe(false);
	expect(d.get('frame-ancestors'), `frame-ancestors on ${what}`).toEqual(["'none'"]);
}

test('static files carry the security headers and a policy that runs nothing', async ({
	request
}) => {
	const home = await request.get('/');
	const asset = /\/_app\/immutable\/[^"']+\.js/.exec(await home.text())?.[0];
	expect(asset, 'a built script referenced by the home page').toBeTruthy();
	for (const path of ['/robots.txt', '/favicon.svg', asset!]) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		expectSecurityHeaders(response.headers(), path);
		expectLockedDown(response.headers()['content-security-policy'], path);
	}
	// pages keep their own policy (kit.csp), which allows the app's own scripts
	expect(directives(home.headers()['content-security-policy']).get('script-src')).toContain(
		"'self'"
	);
});

test('the status report and the concept export built by hand carry a Content-Security-Policy', async ({
	browser
}) => {
	const coordinator = await signedInPage(browser, ACCOUNTS.coordinatorGifhorn);
	await coordinator.goto('/app/landkreis-gifhorn/berichte');
	const report = await coordinator
		.getByRole('link', { name: /Sachstandsbericht/ })
		.first()
		.getAttribute('href');
	const documents = [`${report}/html/1`, '/app/landkreis-gifhorn/konzept/export.html'];
	for (const path of documents) {
		const response = await coordinator.request.get(path);
		expect(response.status(), path).toBe(200);
		expect(response.headers()['content-type'], path).toContain('text/html');
		expectSecurityHeaders(response.headers(), path);
		expectLockedDown(response.headers()['content-security-policy'], path);
		// and the document keeps a policy of its own when it is saved
		expect(await response.text()).toContain('<meta http-equiv="Content-Security-Policy"');
	}
	// shown in the browser, its styles apply without a violation (checked by the fixture)
	await coordinator.goto(documents[0]);
	await expect(coordinator.getByRole('heading', { level: 1 })).toContainText('Sachstandsbericht');
	expect(await coordinator.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain(
		'system-ui'
	);
	await coordinator.context().close();
});
