import { isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { load } from './+page.server';

type Event = Parameters<typeof load>[0];

/** Where a signed-in visitor of /anmelden?next=… is sent. */
async function location(next: string): Promise<string> {
	const url = new URL('https://miteinander.example/anmelden');
	url.searchParams.set('next', next);
	const event = { locals: { actor: { id: 'u' } }, url } as unknown as Event;
	try {
		await load(event);
	} catch (e) {
		if (isRedirect(e)) return e.location;
		throw e;
	}
	throw new Error('no redirect');
}

describe('/anmelden next (issue 16: open redirect)', () => {
	it('follows a path on this site', async () => {
		expect(await location('/app/landshut/vorlagen?q=Kita')).toBe('/app/landshut/vorlagen?q=Kita');
	});

	it.each([
		'/\t/evil.example/x',
		'/%09/evil.example/x',
		'//evil.example',
		'/\\evil.example',
		'javascript:alert(1)',
		'/app\n/x',
		'/ä/evil'
	])('refuses %j and goes to /app', async (next) => {
		expect(await location(next)).toBe('/app');
	});
});
