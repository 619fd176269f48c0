import { expect, test, visit, type Page } from '../fixtures';

/** The download and webcal:// links of a page lead to the same feed, which answers iCalendar. */
async function expectCalendarLinks(page: Page, feedPath: RegExp) {
	const download = page.getByRole('link', {
		name: 'Sitzungskalender herunterladen (iCalendar-Datei)'
	});
	const subscribe = page.getByRole('link', { name: 'Sitzungskalender abonnieren (webcal)' });
	const href = await download.getAttribute('href');
	expect(href).toMatch(feedPath);
	const host = new URL(page.url()).host;
	await expect(subscribe).toHaveAttribute('href', `webcal://${host}${href}`);
	const feed = await page.request.get(href!);
	expect(feed.status()).toBe(200);
	expect(feed.headers()['content-type']).toContain('text/calendar');
	expect(await feed.text()).toContain('BEGIN:VCALENDAR');
}

test("the tenant's start page, a body page and a meeting page link the meeting calendars", async ({
	page
}) => {
	await visit(page, '/landshut');
	await expectCalendarLinks(page, /^\/landshut\/kalender\.ics$/);

	await visit(page, '/landshut/gremien');
	await page.locator('main a[href^="/landshut/gremien/"]').first().click();
	await visit(page, page.url());
	await expectCalendarLinks(page, /^\/landshut\/gremien\/[0-9a-f-]{36}\/kalender\.ics$/);
	const bodyFeed = await page
		.getByRole('link', { name: 'Sitzungskalender herunterladen (iCalendar-Datei)' })
		.getAttribute('href');

	await page.locator('main a[href^="/landshut/sitzungen/"]').first().click();
	await visit(page, page.url());
	await expectCalendarLinks(page, /^\/landshut\/gremien\/[0-9a-f-]{36}\/kalender\.ics$/);
	// the meeting page links the feed of its own body
	await expect(
		page.getByRole('link', { name: 'Sitzungskalender herunterladen (iCalendar-Datei)' })
	).toHaveAttribute('href', bodyFeed!);
});
