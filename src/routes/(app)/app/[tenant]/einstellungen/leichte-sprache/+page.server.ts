import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { formAction, orNotFound, tenantCtx } from '$lib/server/http';
import { getEasyReadSettings, updateEasyReadPage } from '$lib/server/easy-read/page';
import { removeSignVideo, uploadCaptions, uploadSignVideo } from '$lib/server/easy-read/video';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantCtx(event);
	const settings = await orNotFound(() => getEasyReadSettings(ctx));
	return { tenant: ctx.tenant, settings };
};

async function upload(form: FormData, name: string) {
	const file = form.get(name);
	return file instanceof File
		? { fileName: file.name, content: new Uint8Array(await file.arrayBuffer()) }
		: { fileName: '', content: new Uint8Array() };
}

export const actions: Actions = {
	text: formAction(updateEasyReadPage, {
		form: 'text',
		onSuccess: () => ({ success: m.easy_read_saved() })
	}),
	video: formAction(uploadSignVideo, {
		form: 'video',
		input: ({ form }) => upload(form, 'video'),
		onSuccess: () => ({ success: m.easy_read_video_saved() })
	}),
	captions: formAction(uploadCaptions, {
		form: 'captions',
		input: ({ form }) => upload(form, 'captions'),
		onSuccess: () => ({ success: m.easy_read_captions_saved() })
	}),
	removeVideo: formAction(removeSignVideo, {
		form: 'remove',
		onSuccess: () => ({ success: m.easy_read_video_removed() })
	})
};
