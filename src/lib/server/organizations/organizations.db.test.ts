import { withTenant } from '../context';
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testCtx, useTestSetup } from '../db/testing/test-db';
import type { Db } from '../db/client';
import { actorCtx } from '../db/testing/test-actors';
import {
	buildOrganization,
	buildOrganizationType,
	buildTenant,
	buildUser,
	grantRole
} from '../factories';
import { loadActor } from '../auth/sessions';
import { auditLog } from '../audit/schema';
import { NotFoundError } from '../errors';
import {
	createOrganization,
	getOrganization,
	listOrganizations,
	setOrganizationFlags,
	updateOrganization
} from './organizations';
import { organizationInputFromForm } from './validation';
import { organizationFormValues } from './state';
import { organizations, organizationTenants, organizationTexts } from './schema';
import { getLogo, logoResponse, publicLogo, removeLogo, uploadLogo } from './logos';

const setup = useTestSetup(async (db: Db) => {
	const district = await buildTenant(db, { kind: 'district' });
	const town = await buildTenant(db, { kind: 'municipality', parentId: district.id });
	const stranger = await buildTenant(db, { kind: 'municipality' });
	const type = await buildOrganizationType(db, district.id, { name: 'Beratungsstelle' });
	const foreignType = await buildOrganizationType(db, stranger.id);
	const coordinatorCtx = await actorCtx(db, district, 'coordinator');
	const memberCtx = await actorCtx(db, district, 'member');
	const ctxOf = async (id: string) => testCtx(db, await loadActor(db, id));
	return { db, district, town, stranger, type, foreignType, coordinatorCtx, memberCtx, ctxOf };
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('organisations', () => {
	it('a coordinator creates one with address, coordinates, languages and municipalities', async () => {
		const s = await setup();
		const { id } = await createOrganization(
			withTenant(s.coordinatorCtx, s.district),
			organizationInputFromForm({
				name: ' Migrationsberatung Nord ',
				typeId: s.type.id,
				description: 'Beratung für Zugewanderte',
				text_en_description: 'Counselling for newcomers',
				text_en_state: 'reviewed',
				website: 'www.beratung-nord.example',
				phone: '+49 8161 12345',
				email: 'Info@Beratung-Nord.example',
				street: 'Hauptstraße 1',
				postalCode: '85354',
				city: 'Freising',
				latitude: '48,4029',
				longitude: '11.7488',
				languages: ['de', 'ar', 'uk'],
				wheelchairAccessible: 'yes',
				municipalityIds: [s.town.id]
			})
		);
		const [row] = await s.db.select().from(organizations).where(eq(organizations.id, id));
		expect(row).toMatchObject({
			tenantId: s.district.id,
			name: 'Migrationsberatung Nord',
			website: 'https://www.beratung-nord.example/',
			email: 'info@beratung-nord.example',
			latitude: 48.4029,
			longitude: 11.7488,
			languages: ['de', 'ar', 'uk'],
			wheelchairAccessible: true,
			trusted: false
		});
		expect(
			await s.db
				.select()
				.from(organizationTenants)
				.where(eq(organizationTenants.organizationId, id))
		).toEqual([{ organizationId: id, tenantId: s.town.id }]);
		const detail = await getOrganization(withTenant(s.memberCtx, s.district), {
			organizationId: id
		});
		expect(detail.typeName).toBe('Beratungsstelle');
		expect(detail.state.texts).toEqual([
			{ locale: 'en', description: 'Counselling for newcomers', state: 'reviewed' }
		]);
		expect(detail.canEdit).toBe(false);
		const [audit] = await s.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'organization.create')));
		expect(audit).toBeDefined();
	});

	it('rejects bad input with message keys per field', async () => {
		const s = await setup();
		await expect(
			createOrganization(
				withTenant(s.coordinatorCtx, s.district),
				organizationInputFromForm({
					name: '',
					latitude: '95',
					longitude: '',
					website: 'javascript:alert(1)',
					postalCode: '1234',
					languages: ['xx'],
					wheelchairAccessible: ''
				})
			)
		).rejects.toMatchObject({
			fieldErrors: {
				name: 'org_error_name_required',
				latitude: 'org_error_latitude_invalid',
				website: 'org_error_website_invalid',
				postalCode: 'org_error_postal_code_invalid',
				languages: 'org_error_language_invalid'
			}
		});
		await expect(
			createOrganization(
				withTenant(s.coordinatorCtx, s.district),
				organizationInputFromForm({ name: 'X', latitude: '48.1', wheelchairAccessible: '' })
			)
		).rejects.toMatchObject({ fieldErrors: { longitude: 'org_error_coordinates_pair' } });
		// a type or municipality of another tenant is refused
		await expect(
			createOrganization(
				withTenant(s.coordinatorCtx, s.district),
				organizationInputFromForm({
					name: 'X',
					typeId: s.foreignType.id,
					municipalityIds: [s.stranger.id],
					wheelchairAccessible: ''
				})
			)
		).rejects.toMatchObject({
			fieldErrors: {
				typeId: 'org_error_type_invalid',
				municipalityIds: 'org_error_municipality_invalid'
			}
		});
	});

	it('a German change marks other descriptions outdated', async () => {
		const s = await setup();
		const org = await buildOrganization(s.db, s.district.id, {
			name: 'Verein',
			description: 'Alt'
		});
		await s.db
			.insert(organizationTexts)
			.values({ organizationId: org.id, locale: 'en', description: 'Old', state: 'reviewed' });
		const detail = await getOrganization(withTenant(s.coordinatorCtx, s.district), {
			organizationId: org.id
		});
		const values = { ...organizationFormValues(detail.state), description: 'Neu' };
		await updateOrganization(withTenant(s.coordinatorCtx, s.district), {
			...organizationInputFromForm(values),
			organizationId: org.id
		});
		const [en] = await s.db
			.select()
			.from(organizationTexts)
			.where(eq(organizationTexts.organizationId, org.id));
		expect(en).toMatchObject({ locale: 'en', description: 'Old', state: 'outdated' });
	});

	it('only coordinators create, set trusted and public; members only read', async () => {
		const s = await setup();
		const org = await buildOrganization(s.db, s.district.id);
		const editor = await buildUser(s.db);
		await grantRole(s.db, s.district.id, editor.id, 'editor', [org.id]);
		const editorCtx = await s.ctxOf(editor.id);
		const input = organizationInputFromForm({ name: 'Neu', wheelchairAccessible: '' });
		await expect(
			createOrganization(withTenant(editorCtx, s.district), input)
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			setOrganizationFlags(withTenant(editorCtx, s.district), {
				trusted: true,
				isPublic: true,
				organizationId: org.id
			})
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			updateOrganization(withTenant(s.memberCtx, s.district), { ...input, organizationId: org.id })
		).rejects.toBeInstanceOf(NotFoundError);
		await setOrganizationFlags(withTenant(s.coordinatorCtx, s.district), {
			trusted: true,
			isPublic: false,
			organizationId: org.id
		});
		const [row] = await s.db.select().from(organizations).where(eq(organizations.id, org.id));
		expect(row).toMatchObject({ trusted: true, isPublic: false });
		// another tenant's organisation is not found
		const foreign = await buildOrganization(s.db, s.stranger.id);
		await expect(
			setOrganizationFlags(withTenant(s.coordinatorCtx, s.district), {
				trusted: true,
				isPublic: true,
				organizationId: foreign.id
			})
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			getOrganization(withTenant(s.coordinatorCtx, s.district), { organizationId: foreign.id })
		).rejects.toBeInstanceOf(NotFoundError);
	});

	it('lists by name, filters by type and paginates', async () => {
		const s = await setup();
		for (let i = 0; i < 27; i++) {
			await buildOrganization(s.db, s.district.id, {
				name: `Org ${String(i).padStart(2, '0')}`,
				typeId: i % 2 === 0 ? s.type.id : null
			});
		}
		const first = await listOrganizations(withTenant(s.memberCtx, s.district));
		expect(first.items).toHaveLength(25);
		expect(first.hasMore).toBe(true);
		expect(first.items[0].name).toBe('Org 00');
		const second = await listOrganizations(withTenant(s.memberCtx, s.district), { page: 2 });
		expect(second.items.map((i) => i.name)).toEqual(['Org 25', 'Org 26']);
		expect(second.hasMore).toBe(false);
		const typed = await listOrganizations(withTenant(s.memberCtx, s.district), {
			typeId: s.type.id
		});
		expect(typed.items).toHaveLength(14);
		expect(typed.items.every((i) => i.typeName === 'Beratungsstelle')).toBe(true);
		await expect(listOrganizations(withTenant(s.memberCtx, s.stranger))).rejects.toBeInstanceOf(
			NotFoundError
		);
	});
});

describe('logos', () => {
	it('accepts PNG/JPEG/WebP by content up to 500 KB, never SVG, and serves them safely', async () => {
		const s = await setup();
		const org = await buildOrganization(s.db, s.district.id);
		const svg = new TextEncoder().encode(
			'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
		);
		await expect(
			uploadLogo(withTenant(s.coordinatorCtx, s.district), { organizationId: org.id, bytes: svg })
		).rejects.toMatchObject({
			fieldErrors: { logo: 'org_error_logo_type' }
		});
		const big = new Uint8Array(500 * 1024 + 1);
		big.set(PNG);
		await expect(
			uploadLogo(withTenant(s.coordinatorCtx, s.district), { organizationId: org.id, bytes: big })
		).rejects.toMatchObject({
			fieldErrors: { logo: 'org_error_logo_too_large' }
		});
		await expect(
			uploadLogo(withTenant(s.coordinatorCtx, s.district), {
				organizationId: org.id,
				bytes: new Uint8Array()
			})
		).rejects.toMatchObject({ fieldErrors: { logo: 'org_error_logo_missing' } });
		await expect(
			uploadLogo(withTenant(s.memberCtx, s.district), { organizationId: org.id, bytes: PNG })
		).rejects.toBeInstanceOf(NotFoundError);

		await uploadLogo(withTenant(s.coordinatorCtx, s.district), {
			organizationId: org.id,
			bytes: PNG
		});
		const logo = await getLogo(withTenant(s.memberCtx, s.district), { organizationId: org.id });
		expect(logo.contentType).toBe('image/png');
		expect([...logo.content]).toEqual([...PNG]);
		const res = logoResponse(logo);
		expect(res.headers.get('content-type')).toBe('image/png');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('content-disposition')).toBe('inline; filename="logo.png"');
		expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
		// a stored type that is not an allowed image is never shown inline
		const odd = logoResponse({ ...logo, contentType: 'image/svg+xml' });
		expect(odd.headers.get('content-type')).toBe('application/octet-stream');
		expect(odd.headers.get('content-disposition')).toBe('attachment');

		expect(await publicLogo(s.db, s.district.id, org.id)).not.toBeNull();
		expect(await publicLogo(s.db, s.stranger.id, org.id)).toBeNull();
		await s.db.update(organizations).set({ isPublic: false }).where(eq(organizations.id, org.id));
		expect(await publicLogo(s.db, s.district.id, org.id)).toBeNull();

		await removeLogo(withTenant(s.coordinatorCtx, s.district), { organizationId: org.id });
		await expect(
			getLogo(withTenant(s.memberCtx, s.district), { organizationId: org.id })
		).rejects.toBeInstanceOf(NotFoundError);
	});
});
