/** The news form's fields as the use case takes them (files read here, in one place). */
import type { FormValues } from '../shared/forms';
import { isChecked, str } from '../shared/forms';
import type { SaveNewsInput } from './manage';

export async function newsInputFromForm(
	values: FormValues,
	form: FormData,
	id?: string
): Promise<SaveNewsInput> {
	const file = form.get('image');
	return {
		id,
		title: str(values.title),
		summary: str(values.summary),
		body: str(values.body),
		imageAlt: str(values.imageAlt),
		organizationId: str(values.organizationId),
		publishAt: str(values.publishAt),
		unpublishAt: str(values.unpublishAt),
		removeImage: isChecked(values.removeImage),
		image: file instanceof File ? new Uint8Array(await file.arrayBuffer()) : undefined
	};
}
