import { describe, expect, it } from 'vitest';
import { reroute, UNDECODABLE_PATH } from './hooks';

const at = (path: string) => reroute({ url: new URL(path, 'https://miteinander.example'), fetch });

describe('reroute: control characters in the address (issue 16)', () => {
	it.each([
		'/%00',
		'/landshut%00',
		'/app/landshut/vorlagen?q=%00',
		'/landshut/anliegen/status/%07'
	])('sends %s to the undecodable path (400 page)', (path) =>
		expect(at(path)).toBe(UNDECODABLE_PATH)
	);

	it('leaves ordinary addresses alone', () => {
		expect(at('/landshut/angebote?q=Stra%C3%9Fe')).toBeUndefined();
		expect(at('/app/landshut/vorlagen?q=Kita')).toBeUndefined();
	});

	it('uses a path that SvelteKit cannot decode (it then answers 400 itself)', () => {
		expect(() => decodeURI(UNDECODABLE_PATH)).toThrow(URIError);
	});
});
