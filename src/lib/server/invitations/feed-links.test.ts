import { describe, expect, it } from 'vitest';
import { bodyFeedPath, feedLinks, tenantFeedPath } from './feed-links';

describe('feedLinks', () => {
	it('downloads from the path and subscribes with webcal:// on the request host', () => {
		const url = new URL('https://integration.example.org:8443/landshut?x=1');
		expect(feedLinks(url, tenantFeedPath('landshut'))).toEqual({
			download: '/landshut/kalender.ics',
			subscribe: 'webcal://integration.example.org:8443/landshut/kalender.ics'
		});
	});

	it("builds a body's feed path", () => {
		const url = new URL('http://localhost:3108/landshut/gremien/b1');
		expect(feedLinks(url, bodyFeedPath('landshut', 'b1')).subscribe).toBe(
			'webcal://localhost:3108/landshut/gremien/b1/kalender.ics'
		);
	});
});
