// The OParl 1.1 interface through the running app: the System object, the body list and one
// body's organisation list, with the headers the specification asks for.
import { expect, test } from '../fixtures';

test('a client reads the System, the bodies and a body’s organisations', async ({ request }) => {
	const system = await request.get('/oparl/v1.1/system');
	expect(system.status()).toBe(200);
	expect(system.headers()['content-type']).toBe('application/json; charset=utf-8');
	expect(system.headers()['access-control-allow-origin']).toBe('*');
	expect(system.headers()['etag']).toBeTruthy();
	const sys = await system.json();
	expect(sys.type).toBe('https://schema.oparl.org/1.1/System');
	expect(sys.oparlVersion).toBe('https://schema.oparl.org/1.1/');
	expect(sys.id).toMatch(/\/oparl\/v1\.1\/system$/);

	const bodies = await (await request.get(sys.body)).json();
	const landshut = bodies.data.find((b: { name: string }) => b.name === 'Stadt Landshut');
	expect(landshut).toMatchObject({ type: 'https://schema.oparl.org/1.1/Body', ags: '09261000' });
	expect(bodies.links.self).toBe(sys.body);

	const orgs = await request.get(landshut.organization);
	expect(orgs.status()).toBe(200);
	expect(orgs.headers()['access-control-allow-origin']).toBe('*');
	const list = await orgs.json();
	expect(Array.isArray(list.data)).toBe(true);
	expect(list.pagination).toMatchObject({ currentPage: 1 });
	expect(list.links.first).toBe(landshut.organization);

	// The same answer again is not sent twice.
	const again = await request.get('/oparl/v1.1/system', {
		headers: { 'if-none-match': system.headers()['etag'] }
	});
	expect(again.status()).toBe(304);

	const bad = await request.get(`${landshut.organization}?modified_since=gestern`);
	expect(bad.status()).toBe(400);
	expect((await bad.json()).type).toBe('https://schema.oparl.org/1.1/Error');
});
