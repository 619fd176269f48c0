import { isChecked, str, type FormValues } from '../shared/forms';
import type { EventInput } from './validation';

export function eventInputFromForm(values: FormValues, id?: string): EventInput & { id?: string } {
	return {
		id,
		title: str(values.title),
		description: str(values.description),
		place: str(values.place),
		registrationNote: str(values.registrationNote),
		startsAt: str(values.startsAt),
		endsAt: str(values.endsAt),
		published: isChecked(values.published)
	};
}
