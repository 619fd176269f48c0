import { m } from '$lib/paraglide/messages';

const STATUS: Record<string, () => string> = {
	draft: m.news_status_draft,
	in_review: m.news_status_in_review,
	published: m.news_status_published
};

export function newsStatusLabel(status: string): string {
	return STATUS[status]?.() ?? status;
}
