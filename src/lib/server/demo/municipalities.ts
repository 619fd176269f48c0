/**
 * The municipalities of the two demo districts with their real 8-digit municipality keys
 * (Amtlicher Gemeindeschlüssel). Every key was checked against the annex of the
 * Mietniveau-Einstufungsverordnung (MietNEinV, BGBl. I 2021, 3739 ff., Gebietsstand
 * 25 January 2021), which lists every German municipality with its AGS.
 * The first four Freising slugs are older than this list and stay as they are.
 */
export interface DemoMunicipality {
	name: string;
	slug: string;
	kind: 'city' | 'municipality';
	ags: string;
}

/** Landkreis Freising (09178): eight of its 24 municipalities. */
export const FREISING_MUNICIPALITIES: DemoMunicipality[] = [
	{ name: 'Stadt Freising', slug: 'freising', kind: 'city', ags: '09178124' },
	{ name: 'Stadt Moosburg a.d.Isar', slug: 'moosburg', kind: 'city', ags: '09178143' },
	{ name: 'Gemeinde Neufahrn b.Freising', slug: 'neufahrn', kind: 'municipality', ags: '09178145' },
	{ name: 'Gemeinde Eching', slug: 'eching', kind: 'municipality', ags: '09178120' },
	{ name: 'Gemeinde Hallbergmoos', slug: 'hallbergmoos', kind: 'municipality', ags: '09178130' },
	{ name: 'Gemeinde Allershausen', slug: 'allershausen', kind: 'municipality', ags: '09178113' },
	{ name: 'Markt Au i.d.Hallertau', slug: 'au-hallertau', kind: 'municipality', ags: '09178116' },
	{ name: 'Gemeinde Zolling', slug: 'zolling', kind: 'municipality', ags: '09178157' }
];

/** Landkreis Gifhorn (03151): its three unitary municipalities and one member of a Samtgemeinde. */
export const GIFHORN_MUNICIPALITIES: DemoMunicipality[] = [
	{ name: 'Stadt Gifhorn', slug: 'gifhorn', kind: 'city', ags: '03151009' },
	{ name: 'Stadt Wittingen', slug: 'wittingen', kind: 'city', ags: '03151040' },
	{ name: 'Gemeinde Sassenburg', slug: 'sassenburg', kind: 'municipality', ags: '03151025' },
	{ name: 'Gemeinde Meinersen', slug: 'meinersen', kind: 'municipality', ags: '03151017' }
];
