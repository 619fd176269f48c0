import { expect, newNoScriptPage, test, visit } from '../fixtures';

const PROCESS = 'Fortschreibung des Integrationskonzepts: sechs Monate thematischer Austausch';

test('a contribution refused for a missing field can be sent again at once (not "too fast")', async ({
	browser
}) => {
	const visitor = await newNoScriptPage(browser);
	await visit(visitor, '/laatzen/beteiligung');
	await visitor.getByRole('link', { name: PROCESS }).click();
	// the person takes their time, but forgets to write the idea itself
	await visitor
		.getByLabel(/^Handlungsfeld/)
		.selectOption({ label: 'Information, Sprache und Bildung' });
	await visitor.waitForTimeout(3_200);
	await visitor.getByRole('button', { name: 'Beitrag senden' }).click();
	const idea = visitor.getByRole('textbox', { name: /^Ihre Idee/ });
	await expect(idea).toHaveAttribute('aria-invalid', 'true');
	// writes it and sends again right away: the form's first challenge still counts
	await idea.fill(`Mehr Sprachcafés am Abend ${Date.now().toString(36)}`);
	await visitor.getByRole('button', { name: 'Beitrag senden' }).click();
	await expect(visitor).toHaveURL(/\/laatzen\/beteiligung\/beitrag\/[^/?]+\?neu=1$/);
});
