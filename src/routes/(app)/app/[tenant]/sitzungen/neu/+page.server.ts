import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireActor } from '$lib/server/guards';
import { getTenantForActor } from '$lib/server/tenants/service';
import { authorize } from '$lib/server/auth/policy';
import { orNotFound, runAction } from '$lib/server/http';
import { loadVisibleBody } from '$lib/server/bodies/access';
import { organizationOptions, personOptions } from '$lib/server/bodies/lookups';
import { createMeeting } from '$lib/server/meetings/meetings';
import { isLocalDate, isLocalTime } from '$lib/server/meetings/schedule';
import { keepValues } from '$lib/server/shared';

/** The body of the new meeting (?gremium=), for those who may plan its meetings. */
async function bodyFor(event: Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0]) {
	const actor = requireActor(event);
	const ctx = event.locals.ctx;
	const tenant = await orNotFound(() => getTenantForActor(ctx, event.params.tenant!));
	const bodyId = event.url.searchParams.get('gremium') ?? '';
	const body = await orNotFound(async () => {
		const b = await loadVisibleBody(ctx, tenant.id, bodyId);
		authorize(actor, 'meeting.manage', { tenantId: tenant.id, bodyId: b.id });
		return b;
	});
	return { tenant, body };
}

/** "18:00" + 120 minutes → "20:00" (within the day). */
function plus(time: string, minutes: number): string {
	const [h, m] = time.split(':').map(Number);
	const total = Math.min(23 * 60 + 59, h * 60 + m + minutes);
	return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export const load: PageServerLoad = async (event) => {
	const { tenant, body } = await bodyFor(event);
	const db = event.locals.ctx.db;
	const q = event.url.searchParams;
	const start = isLocalTime(q.get('beginn')) ? q.get('beginn')! : (body.preferredTime ?? '');
	const prefill: Record<string, string> = {
		date: isLocalDate(q.get('datum')) ? q.get('datum')! : '',
		startTime: start,
		endTime: isLocalTime(q.get('ende'))
			? q.get('ende')!
			: start
				? plus(start, body.durationMinutes)
				: '',
		locationKind: ['host', 'room', 'online'].includes(q.get('art') ?? '') ? q.get('art')! : 'room',
		hostOrganizationId: q.get('gastgeber') ?? '',
		location: (q.get('ort') ?? body.defaultLocation ?? '').slice(0, 500)
	};
	const [organizations, people] = await Promise.all([
		organizationOptions(db, tenant.id),
		personOptions(db, tenant.id)
	]);
	return {
		tenant,
		body: { id: body.id, name: body.name },
		prefill,
		organizations,
		people
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { tenant, body } = await bodyFor(event);
		const values = keepValues(await event.request.formData());
		const result = await runAction(values, () =>
			createMeeting(event.locals.ctx, tenant.id, { ...values, bodyId: body.id })
		);
		if (!('id' in result)) return result;
		redirect(303, `/app/${tenant.slug}/sitzungen/${result.id}?angelegt=1`);
	}
};
