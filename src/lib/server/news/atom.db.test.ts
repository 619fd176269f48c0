import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { useTestSetup, testTenantCtx } from '../db/testing/test-db';
import type { Db } from '../db/client';
import { tenantScenario } from '../db/testing/test-actors';
import { publishNews, saveNews } from './manage';
import { newsAtomFeed } from './atom';

const setup = useTestSetup(async (db: Db) => {
	const s = await tenantScenario(db);
	const coordinator = await s.ctxFor('coordinator');
	return { ...s, coordinator, visitor: testTenantCtx(db, s.tenant, null) };
});

describe('the Atom feed of news', () => {
	it('is well-formed Atom with the visible items only, content as escaped html', async () => {
		const s = await setup();
		const { id } = await saveNews(s.coordinator, {
			title: 'Presse & Öffentlichkeit',
			summary: 'Kurz',
			body: '<h2>Zwischentitel</h2><p>Text <a href="https://example.org">Link</a></p>'
		});
		await publishNews(s.coordinator, { id });
		await saveNews(s.coordinator, { title: 'Entwurf', body: 'noch nicht' });

		const xml = await newsAtomFeed(s.visitor, { title: 'Neuigkeiten', subtitle: 'Aus dem Netz' });
		expect(XMLValidator.validate(xml)).toBe(true);
		const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);
		const feed = parsed.feed;
		expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
		expect(feed.title).toBe('Neuigkeiten');
		expect(feed.id).toBe(`http://localhost:3000/${s.tenant.slug}/neuigkeiten`);
		expect(new Date(feed.updated).getTime()).not.toBeNaN();
		const entries = Array.isArray(feed.entry) ? feed.entry : [feed.entry];
		expect(entries).toHaveLength(1);
		const [entry] = entries;
		expect(entry.title['#text'] ?? entry.title).toBe('Presse & Öffentlichkeit');
		expect(entry.id).toBe(`http://localhost:3000/${s.tenant.slug}/neuigkeiten/${id}`);
		expect(entry.link['@href']).toBe(entry.id);
		expect(entry.content['@type']).toBe('html');
		expect(entry.content['#text']).toContain('<h2>Zwischentitel</h2>');
		expect(new Date(entry.updated).getTime()).not.toBeNaN();
		expect(entry.author.name).toBe(s.tenant.name);
	});
});
