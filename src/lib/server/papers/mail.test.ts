import { describe, expect, it } from 'vitest';
import { paperDecidedMail } from './mail';

const decided = (locale: 'de' | 'en') =>
	paperDecidedMail({
		to: 'a@example.org',
		name: 'Anna',
		locale,
		reference: '001/2027',
		title: 'Sprachcafé',
		result: 'beschlossen',
		resultText: null,
		instructions: [{ body: 'AK Bildung', text: 'Konzept vorlegen', dueDate: '2027-01-10' }],
		link: 'https://example.org/p'
	});

describe('paperDecidedMail', () => {
	it('writes the due date of an instruction in German, not as ISO date', () => {
		const mail = decided('de');
		expect(mail.text).toContain('- AK Bildung: Konzept vorlegen (fällig am 10. Januar 2027)');
		expect(mail.text).not.toContain('2027-01-10');
	});

	it('writes it in the recipient’s language', () => {
		const mail = decided('en');
		expect(mail.text).toContain('(due 10 January 2027)');
		expect(mail.text).not.toContain('2027-01-10');
	});
});
