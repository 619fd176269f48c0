// Leichte Sprache (BITV 2.0 § 4) and Vorlesen (read-aloud) on the public site, and the
// coordinator's page for the Leichte Sprache text and the sign-language video.
import type { Page } from '@playwright/test';
import {
	ACCOUNTS,
	expect,
	expectAccessible,
	newNoScriptPage,
	signedInPage,
	test,
	visit
} from '../fixtures';

const NEWS = 'Vernetzungstreffen der Gemeinden zum Thema Integration';

/**
 * A stand-in for the browser's speech synthesis (headless Chromium has no voices): records what
 * is spoken and the calls, and `window.__speech.finish()` ends the current utterance.
 * `voices` null: the browser has no speech synthesis at all.
 */
async function stubSpeech(page: Page, voices: { lang: string; name: string }[] | null) {
	await page.addInitScript((list) => {
		const w = window as unknown as Record<string, unknown>;
		if (list === null) {
			Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
			return;
		}
		const record = { spoken: [] as string[], calls: [] as string[], finish: () => {} };
		let current: { text: string; onend: (() => void) | null } | null = null;
		record.finish = () => {
			const u = current;
			current = null;
			u?.onend?.();
		};
		class Utterance {
			text: string;
			lang = '';
			voice: unknown = null;
			onend: (() => void) | null = null;
			constructor(text: string) {
				this.text = text;
			}
		}
		const synth = {
			getVoices: () =>
				list.map((v) => ({ ...v, default: false, localService: true, voiceURI: v.name })),
			speak(u: Utterance) {
				record.spoken.push(u.text);
				current = u;
			},
			pause: () => record.calls.push('pause'),
			resume: () => record.calls.push('resume'),
			cancel() {
				record.calls.push('cancel');
				record.finish();
			},
			addEventListener: () => {}
		};
		Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
		w.SpeechSynthesisUtterance = Utterance;
		w.__speech = record;
	}, voices);
}

const speech = (page: Page) =>
	page.evaluate(() => {
		const s = (window as unknown as { __speech: { spoken: string[]; calls: string[] } }).__speech;
		return { spoken: [...s.spoken], calls: [...s.calls] };
	});

async function openNews(page: Page, prefix = '') {
	await page.goto(`${prefix}/landkreis-freising/neuigkeiten`);
	await page.getByRole('link', { name: NEWS }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: NEWS })).toBeVisible();
}

test.describe('Leichte Sprache', () => {
	test('the footer leads to the network’s Leichte Sprache page; it fits 320 px and passes axe', async ({
		page
	}) => {
		await page.setViewportSize({ width: 320, height: 640 });
		await visit(page, '/landshut');
		await page.getByRole('contentinfo').getByRole('link', { name: 'Leichte Sprache' }).click();
		await expect(page).toHaveURL(/\/landshut\/leichte-sprache$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Leichte Sprache' })).toBeVisible();
		// Landshut's own text (demo) with the default parts
		await expect(page.getByText('Das Netzwerk trifft sich alle 6 bis 8 Wochen.')).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: 'Barriere-Freiheit' })).toBeVisible();
		await expect(
			page.getByRole('link', { name: 'Erklärung zur Barriere-Freiheit' })
		).toHaveAttribute('href', '/landshut/barrierefreiheit');
		await expectAccessible(page);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			320
		);

		// in another language the page says what Leichte Sprache is; the text stays German
		const noScript = await newNoScriptPage(page.context().browser()!);
		await noScript.setViewportSize({ width: 320, height: 640 });
		await visit(noScript, '/ar/landshut/leichte-sprache');
		await expect(noScript.locator('html')).toHaveAttribute('dir', 'rtl');
		await expect(noScript.getByText(/Leichte Sprache\): جمل قصيرة/)).toBeVisible();
		await expect(noScript.locator('#easy-read-content')).toHaveAttribute('lang', 'de');
		await expect(
			noScript.getByRole('contentinfo').getByRole('link', { name: /Leichte Sprache/ })
		).toHaveAttribute('href', '/ar/landshut/leichte-sprache');
		expect(await noScript.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			320
		);
		await noScript.context().close();

		// the platform's pages link a page that leads to every network's
		await visit(page, '/impressum');
		await page.getByRole('contentinfo').getByRole('link', { name: 'Leichte Sprache' }).click();
		await expect(page).toHaveURL(/\/leichte-sprache$/);
		await expectAccessible(page);
		await expect(page.getByRole('link', { name: /Landshut/ }).first()).toHaveAttribute(
			'href',
			/\/leichte-sprache$/
		);
	});

	test('offers and news carry their Leichte Sprache text behind a clear link', async ({ page }) => {
		await visit(page, '/landshut/angebote?q=Integrationskurs');
		await page.getByRole('link', { name: 'Integrationskurs (Vollzeit)' }).click();
		await page.getByRole('link', { name: 'In Leichter Sprache lesen' }).click();
		await expect(page).toHaveURL(/#leichte-sprache$/);
		const section = page.locator('#leichte-sprache');
		await expect(section.getByRole('heading', { level: 2, name: 'Leichte Sprache' })).toBeVisible();
		await expect(section.getByText('In diesem Kurs lernen Sie Deutsch.')).toBeVisible();
		await expectAccessible(page);

		await openNews(page);
		await expect(page.locator('#leichte-sprache')).toContainText(
			'Im Land-Rats-Amt Freising war ein Treffen.'
		);
		await expectAccessible(page);
	});

	test('the coordinator writes the own text and adds a sign-language video with captions', async ({
		browser,
		page
	}) => {
		const coordinator = await signedInPage(browser, ACCOUNTS.coordinatorGifhorn);
		await visit(coordinator, '/app/landkreis-gifhorn/einstellungen');
		await coordinator.getByRole('link', { name: 'Leichte Sprache und Gebärdensprache' }).click();
		await expectAccessible(coordinator);
		await coordinator
			.getByLabel('Startseite in Leichter Sprache')
			.fill('## Hallo\nDas ist das Netzwerk in Gifhorn.\nWir helfen gern.');
		await coordinator.getByRole('button', { name: 'Speichern' }).click();
		await expect(
			coordinator.getByText('Die Seite in Leichter Sprache ist gespeichert.')
		).toBeVisible();

		// a file that is no video is refused with a clear message
		await coordinator.getByLabel(/^Video/).setInputFiles({
			name: 'dgs.mp4',
			mimeType: 'video/mp4',
			buffer: Buffer.from('<html>kein Video</html>')
		});
		await coordinator.getByRole('button', { name: 'Video hochladen' }).click();
		await expect(
			coordinator.getByText(/Die Datei ist kein MP4- oder WebM-Video/).first()
		).toBeVisible();

		const mp4 = Buffer.concat([
			Buffer.from([0, 0, 0, 0x18]),
			Buffer.from('ftypisom'),
			Buffer.from([0, 0, 2, 0]),
			Buffer.from('isomiso2'),
			Buffer.alloc(64, 1)
		]);
		await coordinator
			.getByLabel(/^Video/)
			.setInputFiles({ name: 'dgs.mp4', mimeType: 'video/mp4', buffer: mp4 });
		await coordinator.getByRole('button', { name: 'Video hochladen' }).click();
		await expect(coordinator.getByText(/Das Video ist hochgeladen/)).toBeVisible();
		await coordinator.getByLabel(/^Untertitel/).setInputFiles({
			name: 'dgs.vtt',
			mimeType: 'text/vtt',
			buffer: Buffer.from('WEBVTT\n\n00:00.000 --> 00:02.000\nHallo.\n')
		});
		await coordinator.getByRole('button', { name: 'Untertitel hochladen' }).click();
		await expect(coordinator.getByText('Die Untertitel sind hochgeladen.')).toBeVisible();
		await coordinator.context().close();

		await visit(page, '/landkreis-gifhorn/leichte-sprache');
		await expect(page.getByText('Das ist das Netzwerk in Gifhorn.')).toBeVisible();
		await expect(
			page.getByRole('heading', { level: 2, name: 'Gebärdensprache (DGS)' })
		).toBeVisible();
		const video = page.locator('video[controls]');
		await expect(video.locator('track[kind="captions"][srclang="de"]')).toHaveCount(1);
		const src = await video.locator('source').getAttribute('src');
		const whole = await page.request.get(src!);
		expect(whole.status()).toBe(200);
		expect(whole.headers()['content-type']).toBe('video/mp4');
		const part = await page.request.get(src!, { headers: { Range: 'bytes=4-11' } });
		expect(part.status()).toBe(206);
		expect(await part.text()).toBe('ftypisom');
		const vtt = await page.request.get((await video.locator('track').getAttribute('src'))!);
		expect(vtt.headers()['content-type']).toContain('text/vtt');
		expect(await vtt.text()).toContain('Hallo.');
	});
});

test.describe('Vorlesen', () => {
	test('with a German voice: reads paragraph by paragraph, highlighted; pause, resume and stop', async ({
		page
	}) => {
		await stubSpeech(page, [{ lang: 'de-DE', name: 'Deutsch' }]);
		await openNews(page);
		const control = page.getByRole('group', { name: 'Vorlesen' });
		await expect(control).toBeVisible();
		const play = control.getByRole('button', { name: 'Vorlesen' });
		const pause = control.getByRole('button', { name: 'Pause' });
		const stop = control.getByRole('button', { name: 'Stopp' });
		await expect(pause).toBeDisabled();
		await expectAccessible(page);

		// keyboard: focus the button and press Enter
		await play.focus();
		await page.keyboard.press('Enter');
		await expect(play).toHaveAttribute('aria-pressed', 'true');
		const current = page.locator('.read-aloud-current');
		await expect(current).toHaveCount(1);
		await expect(current).toHaveText(NEWS);
		await expect(control.getByRole('status')).toHaveText('Der Text wird vorgelesen.');
		expect((await speech(page)).spoken).toEqual([NEWS]);

		// the next part when the first is spoken
		await page.evaluate(() =>
			(window as unknown as { __speech: { finish(): void } }).__speech.finish()
		);
		await expect(current).not.toHaveText(NEWS);
		expect((await speech(page)).spoken).toHaveLength(2);

		await pause.click();
		expect((await speech(page)).calls).toContain('pause');
		const resume = control.getByRole('button', { name: 'Weiter vorlesen' });
		await expect(resume).toHaveAttribute('aria-pressed', 'true');
		await expect(control.getByRole('status')).toHaveText('Vorlesen angehalten.');
		await resume.click();
		expect((await speech(page)).calls).toContain('resume');
		await expect(control.getByRole('button', { name: 'Pause' })).toHaveAttribute(
			'aria-pressed',
			'false'
		);

		await stop.click();
		expect((await speech(page)).calls).toContain('cancel');
		await expect(page.locator('.read-aloud-current')).toHaveCount(0);
		await expect(play).toHaveAttribute('aria-pressed', 'false');
		await expect(control.getByRole('status')).toHaveText('Vorlesen beendet.');
		// stopping does not go on to the next part
		expect((await speech(page)).spoken).toHaveLength(2);
	});

	test('works on a page served without the client script (/ar/…), in the content’s language', async ({
		page
	}) => {
		await stubSpeech(page, [
			{ lang: 'ar-SA', name: 'Arabic' },
			{ lang: 'de-DE', name: 'Deutsch' }
		]);
		await openNews(page, '/ar');
		await expect(page.locator('script[src*="_app"]')).toHaveCount(0);
		const control = page.getByRole('group', { name: 'القراءة بصوت عالٍ' });
		await expect(control).toBeVisible();
		await control.getByRole('button', { name: 'اقرأ بصوت عالٍ' }).click();
		await expect(page.locator('.read-aloud-current')).toHaveText(NEWS);
		await expectAccessible(page);
	});

	test('is absent without a voice for the language or without speech synthesis', async ({
		browser
	}) => {
		for (const voices of [[{ lang: 'en-GB', name: 'English' }], [], null]) {
			const context = await browser.newContext();
			const page = await context.newPage();
			await stubSpeech(page, voices);
			await openNews(page);
			await expect(page.locator('[data-read-aloud]')).toBeHidden();
			await expect(page.getByRole('button', { name: 'Vorlesen' })).toHaveCount(0);
			await context.close();
		}
	});
});
