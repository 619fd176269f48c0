/**
 * Helpers for the end-to-end specs: signing in without the form, visiting pages with an
 * accessibility check, and the invitation flow's building blocks (invite, read the mail).
 */
import { randomBytes } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import {
	expect,
	test as base,
	type Browser,
	type BrowserContext,
	type Page,
	type Response
} from '@playwright/test';

export { expect };

/** A console message of Chromium that reports a Content-Security-Policy violation. */
const CSP_VIOLATION = /Content Security Policy/i;

/**
 * Playwright's test with one automatic check: no page of the test, in its own context or in any
 * context the test opens itself (signedInPage, newNoScriptPage …), may report a
 * Content-Security-Policy violation (a blocked inline script or style, a blocked source) on the
 * console. The test fails with the list of violations after it ran.
 */
export const test = base.extend<{ noCspViolations: void }>({
	noCspViolations: [
		async ({ browser, context }, use) => {
			const violations: string[] = [];
			const watch = (ctx: BrowserContext) =>
				ctx.on('console', (message) => {
					if (CSP_VIOLATION.test(message.text()))
						violations.push(`${message.page()?.url() ?? '?'}: ${message.text()}`);
				});
			watch(context);
			const newContext = browser.newContext;
			browser.newContext = async (...args) => {
				const ctx = await newContext.apply(browser, args);
				watch(ctx);
				return ctx;
			};
			try {
				await use();
			} finally {
				browser.newContext = newContext;
			}
			expect(violations, 'Content-Security-Policy violations on the console').toEqual([]);
		},
		{ auto: true }
	]
});
export type { Page };

/** Password of every demo account (src/lib/server/demo/seed.ts). */
export const DEMO_PASSWORD = 'miteinander-demo';

/** Demo accounts (seeded into the fresh database that e2e/serve.mjs starts with). */
export const ACCOUNTS = {
	admin: 'admin@miteinander.example',
	coordinatorLandshut: 'koordination@landshut.example',
	coordinatorGifhorn: 'koordination@gifhorn.example',
	coordinatorFreising: 'koordination@freising.example',
	coordinatorLaatzen: 'koordination@laatzen.example',
	coordinatorEmmerich: 'koordination@emmerich.example',
	coordinatorMoosburg: 'rathaus@moosburg.example',
	memberLandshut: 'mitglied@landshut.example',
	speakerLandshut: 'sprecherin@landshut.example',
	editorLandshut: 'redaktion@landshut.example'
} as const;

/** WCAG 2.2 AA as axe-core tags it. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

function baseURL(): string {
	const url = test.info().project.use.baseURL;
	if (!url) throw new Error('baseURL is not configured (playwright.config.ts)');
	return url;
}

/** Matches exactly this text (for `hasText`, which otherwise matches substrings). */
export function exactly(text: string): RegExp {
	return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** A new address per call, so that runs and tests never share people. */
export function uniqueEmail(prefix = 'person'): string {
	return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}@e2e.example`;
}

/**
 * Contexts created with newNoScriptPage(). axe-core runs inside the page, which a context
 * without JavaScript does not allow; their pages are checked as served to a context with
 * JavaScript and the same cookies.
 */
const noScriptContexts = new WeakSet<BrowserContext>();

/** A page in a new browser context with JavaScript switched off. */
export async function newNoScriptPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: false });
	noScriptContexts.add(context);
	return context.newPage();
}

/**
 * Runs axe-core (WCAG 2.2 AA tags) on the page as it is now and fails with a readable list of
 * violations: rule, impact, help text, and each offending element with axe's explanation.
 */
export async function expectAccessible(page: Page): Promise<void> {
	if (noScriptContexts.has(page.context())) return expectAccessibleAsServed(page);
	const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	const readable = violations.map((v) =>
		[
			`${v.id} (${v.impact ?? 'n/a'}): ${v.help} – ${v.helpUrl}`,
			...v.nodes.map(
				(n) =>
					`    at ${n.target.join(' ')}\n      ${n.html}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`
			)
		].join('\n')
	);
	expect(readable, `axe-core found accessibility violations on ${page.url()}`).toEqual([]);
}

/** Checks the address a no-JavaScript page shows in a context with JavaScript and its cookies. */
async function expectAccessibleAsServed(page: Page): Promise<void> {
	const browser = page.context().browser();
	if (!browser) throw new Error('no browser for the accessibility check');
	const mirror = await browser.newContext({ javaScriptEnabled: true });
	try {
		await mirror.addCookies(await page.context().cookies());
		const copy = await mirror.newPage();
		await copy.goto(page.url());
		await expectAccessible(copy);
	} finally {
		await mirror.close();
	}
}

/** Opens a page and checks it with axe-core. Returns the main response (e.g. for its status). */
export async function visit(page: Page, path: string): Promise<Response | null> {
	const response = await page.goto(path);
	await expectAccessible(page);
	return response;
}

/**
 * Signs in without the form: posts the sign-in form's fields through the page's request
 * context, so that the session cookie lands in the browser context. Only
 * auth/coordinator-invites-person.spec.ts tests the form itself.
 */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
	const response = await page.request.post('/anmelden', {
		form: { email, password, next: '' },
		// SvelteKit checks the Origin of form posts; text/html asks for the redirect a browser gets.
		headers: { origin: baseURL(), accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status(), `sign-in as ${email} should redirect`).toBe(303);
}

/** A page in a new browser context (own cookies), signed in as the given account. */
export async function signedInPage(browser: Browser, email: string): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signInAs(page, email);
	return page;
}

export interface Invitee {
	name: string;
	email: string;
	role?: 'member' | 'editor' | 'coordinator' | 'steering' | 'guest';
}

/**
 * As the coordinator signed in on `page`, invites a person through /app/{slug}/personen and
 * waits for the confirmation.
 */
export async function invitePerson(page: Page, slug: string, invitee: Invitee): Promise<void> {
	await visit(page, `/app/${slug}/personen`);
	const form = page
		.locator('form')
		.filter({ has: page.getByRole('button', { name: 'Einladung senden' }) });
	await form.getByRole('textbox', { name: /^Name/ }).fill(invitee.name);
	await form.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill(invitee.email);
	await form.getByLabel('Rolle').selectOption(invitee.role ?? 'member');
	await form.getByRole('button', { name: 'Einladung senden' }).click();
	await expect(page.getByRole('status')).toHaveText(
		`Die Einladung an ${invitee.email.toLowerCase()} wurde gesendet.`
	);
	await expectAccessible(page);
}

/**
 * Reads a link from a mail to `email` in the development mailbox (/admin/postfach), as the
 * platform admin in a browser context of its own; polls until the mail is there. `link` selects
 * the link in the mail; `marker`, when given, is a text the mail must contain.
 */
export async function readMailLink(
	browser: Browser,
	email: string,
	link: string,
	marker?: string
): Promise<string> {
	const admin = await signedInPage(browser, ACCOUNTS.admin);
	try {
		let href: string | null = null;
		await expect
			.poll(
				async () => {
					await visit(admin, '/admin/postfach');
					const to = admin
						.getByRole('article')
						.filter({ has: admin.getByTestId('mail-to').filter({ hasText: exactly(email) }) });
					const mail = marker ? to.filter({ hasText: marker }) : to;
					if ((await mail.count()) === 0) return null;
					href = await mail.first().locator(link).first().getAttribute('href');
					return href;
				},
				{
					message: `mail to ${email}${marker ? ` about "${marker}"` : ''} in /admin/postfach`,
					timeout: 20_000
				}
			)
			.toBeTruthy();
		return href!;
	} finally {
		await admin.context().close();
	}
}

/** The invitation link sent to `email` (see readMailLink). */
export function readInvitationLink(browser: Browser, email: string): Promise<string> {
	return readMailLink(browser, email, 'pre a[href*="/einladung/"]');
}

/** The "ja" answer link of the meeting invitation to `email` that contains `marker`. */
export function readAnswerLink(browser: Browser, email: string, marker: string): Promise<string> {
	return readMailLink(browser, email, 'pre a[href*="/antwort/"][href$="antwort=ja"]', marker);
}

/**
 * On the invitation page of a meeting nobody was invited to yet (`meetingPath` the meeting's
 * page), previews the mail (it contains `preview`) and sends it to the members.
 */
export async function sendInvitation(page: Page, meetingPath: string, preview: string) {
	await visit(page, `${meetingPath}/einladung`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Einladung und Rückmeldungen');
	await expect(page.getByText('Zu dieser Sitzung wurde noch nicht eingeladen.')).toBeVisible();
	await page.getByText('Vorschau der Einladung').click();
	await expect(page.locator('pre.mail')).toContainText(preview);
	await page.getByRole('button', { name: 'Einladung senden', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText(
		/^Die Einladung wurde an \d+ Mitglieder gesendet\.$/
	);
	await expectAccessible(page);
}
