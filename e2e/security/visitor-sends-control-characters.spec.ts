// Issue 16: control characters and undecodable addresses are the client's mistake (400 with the
// site's error page), never a server error; a form post that is not a form is a 400 as well.
import { expect, test, visit } from '../fixtures';

const BAD_ADDRESSES = [
	'/%00',
	'/landshut%00',
	'/landshut/anliegen/status/%07',
	'/app/landshut/vorlagen?q=%00',
	'/landshut/angebote?q=a%00b',
	'/%E0%A4%A'
];

for (const path of BAD_ADDRESSES) {
	test(`${path} answers 400 with the site's error page`, async ({ page }) => {
		const response = await visit(page, path);
		expect(response?.status()).toBe(400);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('400');
		await expect(page.getByRole('main')).toContainText('ungültige Zeichen');
		await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
	});
}

test('the server keeps answering after undecodable and NUL addresses', async ({ request }) => {
	for (const path of BAD_ADDRESSES) expect((await request.get(path)).status()).toBe(400);
	expect((await request.get('/healthz')).status()).toBe(200);
	expect((await request.get('/landshut')).status()).toBe(200);
});

test('a form post with Content-Type text/plain answers 400, not 500', async ({
	request,
	baseURL
}) => {
	const response = await request.post('/landshut/anliegen', {
		data: 'name=Test&email=test@example.org&text=Hallo',
		headers: { 'content-type': 'text/plain', origin: baseURL!, accept: 'text/html' }
	});
	expect(response.status()).toBe(400);
});
