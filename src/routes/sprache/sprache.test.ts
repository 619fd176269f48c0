import { isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { POST } from './+server';

type Event = Parameters<typeof POST>[0];

/** Where the language switch returns to for a given `redirectTo` (no locale: no cookie). */
async function location(body: BodyInit, contentType?: string): Promise<string | number> {
	const url = new URL('https://miteinander.example/sprache');
	const request = new Request(url, {
		method: 'POST',
		body,
		headers: contentType ? { 'content-type': contentType } : undefined
	});
	const event = {
		request,
		url,
		cookies: { set: () => {} },
		locals: { ctx: {} },
		route: { id: '/sprache' },
		params: {}
	} as unknown as Event;
	try {
		await POST(event);
	} catch (e) {
		if (isRedirect(e)) return e.location;
		if (e && typeof e === 'object' && 'status' in e) return (e as { status: number }).status;
		throw e;
	}
	throw new Error('no redirect');
}

function form(redirectTo: string): FormData {
	const f = new FormData();
	f.set('redirectTo', redirectTo);
	return f;
}

describe('/sprache redirectTo (issue 16: open redirect)', () => {
	it('returns to a page of this site', async () => {
		expect(await location(form('/landshut/angebote?seite=2'))).toBe('/landshut/angebote?seite=2');
	});

	it.each(['/\t/evil.example/x', '//evil.example', '/\\evil.example', 'javascript:x', '/a\r\nb'])(
		'refuses %j and returns to the start page',
		async (target) => {
			expect(await location(form(target))).toBe('/');
		}
	);

	it('answers a post that is not a form with 400, not 500', async () => {
		expect(await location('locale=en', 'text/plain')).toBe(400);
	});
});
