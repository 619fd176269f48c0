import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { str } from '$lib/server/shared';
import {
	deleteNews,
	publishNews,
	returnNews,
	saveNews,
	submitNews,
	withdrawNews
} from '$lib/server/news/manage';
import { getNewsForEdit, newsOrganizationChoices } from '$lib/server/news/views';
import { newsInputFromForm } from '$lib/server/news/form';
import { easyReadTextForEdit, saveNewsEasyRead } from '$lib/server/easy-read/texts';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const [item, organizations] = await orNotFound(() =>
		Promise.all([getNewsForEdit(ctx, { id: event.params.id }), newsOrganizationChoices(ctx)])
	);
	const easyRead = await easyReadTextForEdit(ctx, 'news', item.id);
	return {
		tenant: ctx.tenant,
		item,
		easyRead,
		organizations,
		saved: event.url.searchParams.has('saved')
	};
};

const byId = ({ params }: { params: { id: string } }) => ({ id: params.id });

export const actions: Actions = {
	save: formAction(saveNews, {
		input: ({ values, form, params }) => newsInputFromForm(values, form, params.id),
		onSuccess: () => ({ success: m.news_app_saved() })
	}),
	submit: formAction(submitNews, {
		input: byId,
		onSuccess: () => ({ success: m.news_app_submitted() })
	}),
	publish: formAction(publishNews, {
		input: byId,
		onSuccess: () => ({ success: m.news_app_published() })
	}),
	return: formAction(returnNews, {
		form: 'return',
		input: ({ values, params }) => ({ id: params.id, note: str(values.note) }),
		onSuccess: () => ({ success: m.news_app_returned() })
	}),
	withdraw: formAction(withdrawNews, {
		input: byId,
		onSuccess: () => ({ success: m.news_app_withdrawn() })
	}),
	easyRead: formAction(saveNewsEasyRead, {
		form: 'easyRead',
		input: ({ values, params }) => ({ id: params.id, text: values.text }),
		onSuccess: () => ({ formId: 'easyRead', success: m.easy_read_item_saved() })
	}),
	delete: formAction(deleteNews, {
		input: byId,
		onSuccess: (_r, { ctx }) => redirect(303, `/app/${ctx.tenant.slug}/neuigkeiten`)
	})
};
