/** Counts in messages take the singular for one and the plural otherwise, in German and English. */
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';

const de = { locale: 'de' } as const;
const en = { locale: 'en' } as const;

describe('plural messages', () => {
	it('"1 Angebot", "2 Angebote"', () => {
		expect(m.finder_filter_count({ count: 1 }, de)).toBe('1 Angebot');
		expect(m.finder_filter_count({ count: 2 }, de)).toBe('2 Angebote');
		expect(m.finder_filter_count({ count: 0 }, de)).toBe('0 Angebote');
		expect(m.finder_filter_count({ count: 1 }, en)).toBe('1 offer');
		expect(m.finder_filter_count({ count: 3 }, en)).toBe('3 offers');
	});

	it('"Beruht auf 1 Beitrag", "Beruht auf 4 Beiträgen"', () => {
		expect(m.participation_based_on({ count: 1 }, de)).toBe('Beruht auf 1 Beitrag');
		expect(m.participation_based_on({ count: 4 }, de)).toBe('Beruht auf 4 Beiträgen');
		expect(m.participation_based_on({ count: 1 }, en)).toBe('Based on 1 contribution');
		expect(m.participation_linked({ count: 1 }, de)).toBe(
			'1 Beitrag wurde der Empfehlung zugeordnet.'
		);
		expect(m.participation_supports({ count: 1 }, de)).toBe('1 Unterstützung');
		expect(m.participation_comments_count({ count: 1 }, en)).toBe('1 comment');
	});

	it('members and speakers counted apart: "1 Mitglied und 1 Referent:in"', () => {
		expect(m.invitations_sent_speakers({ count: 1, speakers: 1 }, de)).toBe(
			'Die Einladung wurde an 1 Mitglied und 1 Referent:in gesendet.'
		);
		expect(m.invitations_sent_speakers({ count: 5, speakers: 2 }, de)).toBe(
			'Die Einladung wurde an 5 Mitglieder und 2 Referent:innen gesendet.'
		);
		expect(m.invitations_sent_speakers({ count: 5, speakers: 1 }, en)).toBe(
			'The invitation was sent to 5 members and 1 speaker.'
		);
		expect(m.invitations_sent({ count: 1 }, de)).toBe(
			'Die Einladung wurde an 1 Mitglied gesendet.'
		);
	});

	it('minutes, indicators, measures and devices', () => {
		expect(m.minutes_doc_minutes({ count: 1 }, de)).toBe('1 Minute');
		expect(m.minutes_doc_minutes({ count: 45 }, de)).toBe('45 Minuten');
		expect(m.concept_library_adopted({ count: 1 }, de)).toBe('1 Indikator übernommen.');
		expect(m.concept_library_adopted({ count: 2 }, de)).toBe('2 Indikatoren übernommen.');
		expect(m.concept_adopted_measures({ count: 1 }, en)).toBe(
			'1 measure adopted into the concept.'
		);
		expect(m.account_sessions_count({ count: 1 }, de)).toBe(
			'Sie sind auf 1 Gerät oder in 1 Browser angemeldet.'
		);
	});
});
