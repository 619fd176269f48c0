import { describe, expect, it } from 'vitest';
import { defaultEasyReadText, easyReadBlocks } from './default-text';

describe('Leichte Sprache text format', () => {
	it('reads headings, lists and paragraphs with one sentence a line', () => {
		expect(
			easyReadBlocks('## Titel\nErster Satz.\nZweiter Satz.\n\n- eins\n- zwei\n\r\n\nEnde.')
		).toEqual([
			{ kind: 'heading', text: 'Titel' },
			{ kind: 'paragraph', lines: ['Erster Satz.', 'Zweiter Satz.'] },
			{ kind: 'list', items: ['eins', 'zwei'] },
			{ kind: 'paragraph', lines: ['Ende.'] }
		]);
	});

	it('keeps markup as text (the page escapes it)', () => {
		expect(easyReadBlocks('<script>x</script>')).toEqual([
			{ kind: 'paragraph', lines: ['<script>x</script>'] }
		]);
	});
});

describe('the default Leichte Sprache start page', () => {
	const text = defaultEasyReadText({ name: 'Landkreis Beispiel', kind: 'district' });
	const blocks = easyReadBlocks(text);

	it('names the network and has the four required parts', () => {
		expect(text).toContain('im Landkreis Beispiel');
		expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([
			'Willkommen',
			'Was gibt es auf dieser Internet-Seite?',
			'So finden Sie sich zurecht',
			'Barriere-Freiheit',
			'Mehr Leichte Sprache'
		]);
		expect(defaultEasyReadText({ name: 'Stadt Beispiel', kind: 'city' })).toContain(
			'in Stadt Beispiel'
		);
	});

	it('is written in short sentences without subordinate clauses', () => {
		const lines = blocks.flatMap((b) =>
			b.kind === 'paragraph' ? b.lines : b.kind === 'list' ? b.items : []
		);
		for (const line of lines) {
			for (const sentence of line.split(/(?<=[.?!:])\s+/)) {
				expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(12);
				// no subordinate clauses: no comma before a conjunction like "dass", "weil", "wenn"
				expect(sentence, sentence).not.toMatch(/,\s*(dass|weil|wenn|ob|obwohl|damit|die|der)\b/);
			}
		}
	});
});
