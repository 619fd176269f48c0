import { describe, expect, it } from 'vitest';
import { nextTranslationStates } from './translations';

const t = (
	locale: string,
	content: string,
	state: 'original' | 'draft' | 'reviewed' | 'outdated'
) => ({
	locale,
	content,
	state
});

describe('nextTranslationStates', () => {
	it('marks untouched translations outdated when the German text changes', () => {
		const next = nextTranslationStates(
			[t('de', 'Alt', 'original'), t('en', 'Old', 'reviewed'), t('ar', 'قديم', 'draft')],
			[t('de', 'Neu', 'original'), t('en', 'Old', 'reviewed'), t('ar', 'جديد', 'reviewed')]
		);
		expect(next.map((x) => [x.locale, x.state])).toEqual([
			['de', 'original'],
			['en', 'outdated'],
			['ar', 'reviewed']
		]);
	});

	it('keeps the chosen states when German stays the same', () => {
		const next = nextTranslationStates(
			[t('de', 'Gleich', 'original'), t('en', 'Same', 'outdated')],
			[t('de', 'Gleich', 'original'), t('en', 'Same', 'reviewed')]
		);
		expect(next.find((x) => x.locale === 'en')!.state).toBe('reviewed');
	});

	it('never lets a translation claim to be the original', () => {
		const next = nextTranslationStates([], [t('de', 'Neu', 'draft'), t('en', 'New', 'original')]);
		expect(next.map((x) => x.state)).toEqual(['original', 'draft']);
	});
});
