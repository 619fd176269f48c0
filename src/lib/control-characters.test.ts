import { describe, expect, it } from 'vitest';
import { formControlCharacters, urlHasControlCharacters } from './control-characters';

const url = (s: string) => new URL(s, 'https://miteinander.example');

describe('urlHasControlCharacters', () => {
	it.each([
		'/%00',
		'/landshut%00',
		'/landshut/%1F',
		'/app/landshut/vorlagen?q=%00',
		'/x?%00=1',
		'/x?q=%7F',
		'/x?q=a%0Ab'
	])('finds one in %s', (path) => expect(urlHasControlCharacters(url(path))).toBe(true));

	it.each([
		'/',
		'/landshut/angebote?q=Stra%C3%9Fe&seite=2',
		'/app/landshut/vorlagen?q=',
		'/a%20b',
		'/%E0%A4%A'
	])('finds none in %s', (path) => expect(urlHasControlCharacters(url(path))).toBe(false));
});

describe('formControlCharacters', () => {
	it('names the fields with control characters other than tab, newline and carriage return', () => {
		const form = new FormData();
		form.set('name', 'Ayşe\u0000');
		form.set('text', 'Zeile 1\r\n\tZeile 2');
		form.set('email', 'a@b.de\u0007');
		form.set('note', 'fine');
		form.set('del', 'x\u007f');
		expect(formControlCharacters(form).sort()).toEqual(['del', 'email', 'name']);
	});

	it('ignores files', () => {
		const form = new FormData();
		form.set('file', new File(['\u0000\u0001'], 'a.bin'));
		expect(formControlCharacters(form)).toEqual([]);
	});
});
