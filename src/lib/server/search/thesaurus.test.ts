import { describe, expect, it } from 'vitest';
import {
	BUILT_IN_CONCEPTS,
	BUILT_IN_ENTRIES,
	buildVocabulary,
	builtInVocabulary,
	expandQuery,
	normalizeWord,
	textWords,
	THESAURUS_LANGUAGES,
	withoutStopwords,
	wordMatch
} from './thesaurus';

const vocabulary = builtInVocabulary();
const concepts = (q: string, locale = 'de') =>
	expandQuery(withoutStopwords(textWords(q), vocabulary), vocabulary, locale).map(
		(g) => g.concepts.join('+') || `(${g.words.join(' ')})`
	);

describe('the built-in thesaurus', () => {
	it('has every concept in all seven languages', () => {
		for (const language of THESAURUS_LANGUAGES) {
			const own = new Set(
				BUILT_IN_ENTRIES.filter((e) => e.language === language).map((e) => e.concept)
			);
			expect([...own].sort(), language).toEqual([...BUILT_IN_CONCEPTS].sort());
		}
		expect(BUILT_IN_CONCEPTS).toEqual(
			expect.arrayContaining([
				'german_course',
				'homework_help',
				'counselling',
				'housing',
				'work',
				'health',
				'childcare',
				'sports',
				'volunteering'
			])
		);
	});
});

describe('normalizeWord and wordMatch', () => {
	it('meets spellings with and without diacritics, Arabic article and letter forms', () => {
		expect(normalizeWord('الألمانية')).toBe(normalizeWord('ألمانية'));
		expect(normalizeWord('دورة')).toBe(normalizeWord('دوره'));
		expect(normalizeWord('کلاس')).toBe(normalizeWord('كلاس'));
		expect(normalizeWord('Öğrenmek')).toBe('ogrenmek');
		expect(normalizeWord('Ärztin')).toBe('arztin');
	});

	it('accepts inflected forms but not other words', () => {
		expect(wordMatch('курсы', 'курс')).toBe(1);
		expect(wordMatch('немецкого', 'немецкий')).toBe(1);
		expect(wordMatch('deutschkurse', 'deutschkurs')).toBe(1);
		expect(wordMatch('sprachkurs', 'sprachkurs')).toBe(2);
		expect(wordMatch('schwimmkurs', 'schwimmen')).toBe(0);
		expect(wordMatch('kurs', 'deutschkurs')).toBe(0);
	});
});

describe('expandQuery', () => {
	it('maps German compounds and phrases to the language courses', () => {
		for (const q of [
			'Deutschkurs',
			'Deutschkurse',
			'Deutsch lernen',
			'Sprachkurs',
			'Integrationskurs',
			'Alphabetisierungskurs',
			'Frauenintegrationskurs',
			'Berufssprachkurs'
		])
			expect(concepts(q), q).toEqual(['german_course']);
	});

	it('maps the same topic in every language', () => {
		for (const q of [
			'german course',
			'دورة لغة ألمانية',
			'курси німецької мови',
			'Almanca kursu',
			'курсы немецкого языка',
			'کلاس زبان آلمانی'
		])
			expect(concepts(q), q).toEqual(['german_course']);
		expect(concepts('Nachhilfe')).toEqual(['homework_help']);
		expect(concepts('Lernhilfe')).toEqual(['homework_help']);
	});

	it('keeps words outside the thesaurus as their own group and drops stop words', () => {
		expect(concepts('german course for women in Landshut', 'en')).toEqual([
			'german_course',
			'women',
			'(landshut)'
		]);
		expect(concepts('Fahrradwerkstatt')).toEqual(['(fahrradwerkstatt)']);
		expect(concepts('für')).toEqual(['(für)']);
	});

	it('expands a group to the German terms and those of the visitor language', () => {
		const [group] = expandQuery(['german', 'course'], vocabulary, 'en');
		expect(group.german).toContainEqual(['deutschkurs']);
		expect(group.german).toContainEqual(['integrationskurs']);
		expect(group.local).toContainEqual(['integration', 'course']);
		expect(expandQuery(['deutschkurs'], vocabulary, 'de')[0].local).toEqual([]);
	});

	it('uses a tenant entry like a built-in one', () => {
		const own = buildVocabulary([
			...BUILT_IN_ENTRIES,
			{ concept: 'german_course', language: 'de', term: 'Deutschtreff' }
		]);
		expect(expandQuery(['deutschtreff'], own, 'de')[0].concepts).toEqual(['german_course']);
		expect(expandQuery(['deutschtreff'], vocabulary, 'de')[0].concepts).toEqual([]);
	});
});
