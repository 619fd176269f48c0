import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import PaperResult from './PaperResult.svelte';

const textOf = (html: string) => html.replace(/<!--[^>]*-->/g, '').replace(/<[^>]+>/g, '');

describe('PaperResult', () => {
	it('separates the result from its text with spaces on both sides of the dash', () => {
		const { body } = render(PaperResult, {
			props: { label: 'Beschlossen', text: 'Der AK schreibt an das BAMF.' }
		});
		expect(body).toContain('<strong>Beschlossen</strong>');
		expect(textOf(body)).toBe('Beschlossen – Der AK schreibt an das BAMF.');
	});

	it('shows the label alone when there is no text', () => {
		const { body } = render(PaperResult, { props: { label: 'Vertagt' } });
		expect(textOf(body)).toBe('Vertagt');
	});
});
