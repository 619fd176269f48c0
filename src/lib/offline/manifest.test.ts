import { describe, expect, it } from 'vitest';
import { webManifest } from './manifest';

const base = {
	slug: 'landshut',
	tenantName: 'Landshut',
	siteName: 'Miteinander',
	description: 'Angebote'
};

describe('webManifest', () => {
	it('starts at the network’s start page in the visitor’s language', () => {
		const ar = webManifest({ ...base, locale: 'ar' });
		expect(ar).toMatchObject({ start_url: '/ar/landshut', id: '/ar/landshut', lang: 'ar' });
		expect(ar.dir).toBe('rtl');
		const de = webManifest({ ...base, locale: 'de' });
		expect(de).toMatchObject({ start_url: '/landshut', lang: 'de', dir: 'ltr' });
	});

	it('is installable: a name, standalone display and PNG icons of 192 and 512 pixels', () => {
		const manifest = webManifest({ ...base, locale: 'de' });
		expect(manifest.name).toBe('Landshut – Miteinander');
		expect(manifest.display).toBe('standalone');
		const sizes = manifest.icons.filter((i) => i.type === 'image/png').map((i) => i.sizes);
		expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
	});

	it('takes the network’s accent colour as its theme colour', () => {
		expect(webManifest({ ...base, locale: 'de', themeColor: '#8a1c1c' }).theme_color).toBe(
			'#8a1c1c'
		);
		expect(webManifest({ ...base, locale: 'de' }).theme_color).toBe('#0b5cad');
	});
});
