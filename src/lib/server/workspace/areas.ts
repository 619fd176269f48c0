/**
 * The areas of a tenant's signed-in area that the start page links to (/app/<tenant>/<area>),
 * each shown only to who may use it, in the order the page lists them. Each area page authorises
 * again itself; this only spares people links that would answer "not allowed".
 */
import type { TenantCtx } from '../context';
import { can, type Action } from '../auth/policy';
import { mayTranslate } from '../translations/service';

/** An area's address below /app/<tenant>; `public` is the network's public page (/<tenant>). */
export type AreaKey =
	| 'gremien'
	| 'kalender'
	| 'aufgaben'
	| 'organisationen'
	| 'angebote'
	| 'pruefung'
	| 'bedarfe'
	| 'abdeckung'
	| 'neuigkeiten'
	| 'veranstaltungen'
	| 'ansprechpersonen'
	| 'unterwegs'
	| 'konzept'
	| 'kennzahlen'
	| 'beteiligung'
	| 'anliegen'
	| 'vorlagen'
	| 'berichte'
	| 'uebersetzungen'
	| 'austausch'
	| 'public'
	| 'personen'
	| 'aenderungen'
	| 'landkreis'
	| 'vernetzung'
	| 'datenschutz'
	| 'einstellungen'
	| 'suchbegriffe';

/** The areas the actor may use in the context's tenant, in the start page's order. */
export function startAreas(ctx: TenantCtx): AreaKey[] {
	const { actor, tenant } = ctx;
	const may = (action: Action) => can(actor, action, { tenantId: tenant.id });
	// a district, or a municipality networked in one
	const inDistrict = tenant.kind === 'district' || !!tenant.parentId;
	const rules: [shown: boolean, ...areas: AreaKey[]][] = [
		[may('body.view'), 'gremien', 'kalender', 'aufgaben'],
		[may('organization.view'), 'organisationen', 'angebote'],
		[may('offer.review'), 'pruefung'],
		[may('needs.manage'), 'bedarfe', 'abdeckung'],
		[may('news.publish') || (actor?.editorOf[tenant.id] ?? []).length > 0, 'neuigkeiten'],
		[may('events.manage'), 'veranstaltungen'],
		[may('tenant.contacts.manage'), 'ansprechpersonen'],
		[may('touring.manage') && inDistrict, 'unterwegs'],
		[may('concept.view'), 'konzept'],
		// a municipality's own figures for its district's concept
		[may('concept.view') && !!tenant.parentId, 'kennzahlen'],
		[may('participation.view'), 'beteiligung'],
		[may('inquiries.manage'), 'anliegen'],
		[may('body.view'), 'vorlagen'],
		[may('report.view'), 'berichte'],
		[mayTranslate(ctx), 'uebersetzungen'],
		[may('data.transfer'), 'austausch'],
		[tenant.isPublic, 'public'],
		[may('tenant.people.view'), 'personen'],
		[may('tenant.audit.view'), 'aenderungen'],
		// the district-wide view (district or municipality) and the networking meeting's exchange
		[may('district.view') && inDistrict, 'landkreis'],
		[
			(tenant.kind === 'district' && may('meeting.manage')) ||
				(!!tenant.parentId && may('district.exchange.answer')),
			'vernetzung'
		],
		[may('privacy.manage'), 'datenschutz'],
		[may('tenant.settings.edit'), 'einstellungen', 'suchbegriffe']
	];
	return rules.flatMap(([shown, ...areas]) => (shown ? areas : []));
}
