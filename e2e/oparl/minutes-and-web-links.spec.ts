// An OParl client finds the published minutes of a meeting (Meeting.resultsProtocol) and opens
// them as PDF, and follows the `web` links of Body, Organization, Meeting and Paper to the public
// pages that show those objects.
import { expect, test, visit } from '../fixtures';

/** All objects of a list, following `next`. */
async function all(
	request: import('@playwright/test').APIRequestContext,
	url: string
): Promise<Record<string, unknown>[]> {
	const out: Record<string, unknown>[] = [];
	let next: string | undefined = url;
	while (next) {
		const res: import('@playwright/test').APIResponse = await request.get(next);
		expect(res.status(), next).toBe(200);
		const json = (await res.json()) as {
			data: Record<string, unknown>[];
			links: { next?: string };
		};
		out.push(...json.data);
		next = json.links.next;
	}
	return out;
}

test('a client opens the published minutes and the public pages of the objects', async ({
	page,
	request
}) => {
	const bodies = await (await request.get('/oparl/v1.1/body')).json();
	const landshut = bodies.data.find((b: { name: string }) => b.name === 'Stadt Landshut');
	expect(new URL(landshut.web).pathname).toBe('/landshut');

	const meetings = await all(request, landshut.meeting);
	const withMinutes = meetings.find((m) => m.resultsProtocol) as
		{ id: string; web: string; resultsProtocol: Record<string, string> } | undefined;
	expect(withMinutes, 'a meeting of the demo with published minutes').toBeDefined();
	const protocol = withMinutes!.resultsProtocol;
	expect(protocol).toMatchObject({
		type: 'https://schema.oparl.org/1.1/File',
		mimeType: 'application/pdf',
		accessUrl: `${withMinutes!.web}/protokoll.pdf`
	});

	// the File answers at its own URL and is listed with the body's files
	const file = await request.get(protocol.id);
	expect(file.status()).toBe(200);
	expect((await file.json()).accessUrl).toBe(protocol.accessUrl);
	const files = await all(request, landshut.file);
	expect(files.map((f) => f.id)).toContain(protocol.id);

	// its accessUrl is the public PDF
	const pdf = await request.get(protocol.accessUrl);
	expect(pdf.status()).toBe(200);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

	// web links lead to public pages
	expect((await visit(page, new URL(withMinutes!.web).pathname))?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const orgs = await all(request, landshut.organization);
	const org = orgs.find((o) => o.web) as { web: string; name: string } | undefined;
	expect(org).toBeDefined();
	expect((await visit(page, new URL(org!.web).pathname))?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(org!.name);
	// the demo's public papers may belong to another tenant (the district)
	let paper: { web: string; name: string } | undefined;
	for (const body of bodies.data as { paper: string }[]) {
		paper ??= (await all(request, body.paper)).find((p) => p.web) as typeof paper;
	}
	expect(paper, 'a public paper of the demo').toBeDefined();
	expect((await visit(page, new URL(paper!.web).pathname))?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(paper!.name);
});
