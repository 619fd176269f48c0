// A paper attachment whose content is not its declared type (a web page named .pdf) is refused
// with a message at the field; a real PDF is accepted and opens in the sandbox.
import { ACCOUNTS, expect, expectAccessible, signedInPage, test, visit } from '../fixtures';

test('the coordinator’s web page disguised as PDF is refused, a real PDF is attached', async ({
	browser
}) => {
	const coordinator = await signedInPage(browser, ACCOUNTS.coordinatorGifhorn);
	await visit(coordinator, '/app/landkreis-gifhorn/vorlagen');
	await coordinator.getByRole('main').getByRole('table').first().getByRole('link').first().click();
	const field = coordinator.getByLabel('Datei anhängen');
	await field.setInputFiles({
		name: 'antrag.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('<!doctype html><script>alert(document.cookie)</script>')
	});
	await coordinator.getByRole('button', { name: 'Hochladen' }).click();
	await expect(coordinator.locator('#f-file-error')).toHaveText(
		/^Der Inhalt der Datei passt nicht zu ihrem Dateityp\./
	);
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await expect(coordinator.getByRole('link', { name: /antrag\.pdf/ })).toHaveCount(0);
	await expectAccessible(coordinator);

	await field.setInputFiles({
		name: 'echt.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('%PDF-1.4\n%%EOF\n')
	});
	await coordinator.getByRole('button', { name: 'Hochladen' }).click();
	await expect(coordinator.getByRole('status')).toHaveText('Die Anlage wurde hochgeladen.');
	const href = await coordinator.getByRole('link', { name: /echt\.pdf/ }).getAttribute('href');
	const download = await coordinator.request.get(href!);
	expect(download.headers()['content-security-policy']).toBe('sandbox');
	expect(download.headers()['x-content-type-options']).toBe('nosniff');
	await coordinator.context().close();
});
