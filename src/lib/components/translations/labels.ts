/** Labels of the translations area: states, kinds of content, fields, job states, language names. */
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

type Fn = () => string;

const STATES: Record<string, Fn> = {
	missing: m.translations_state_missing,
	outdated: m.translations_state_outdated,
	machine: m.translations_state_machine,
	draft: m.translations_state_draft,
	reviewed: m.translations_state_reviewed
};
export const stateLabel = (k: string) => STATES[k]?.() ?? k;

const TYPES: Record<string, Fn> = {
	offer: m.translations_type_offer,
	organization: m.translations_type_organization,
	news: m.translations_type_news,
	network: m.translations_type_network,
	legal: m.translations_type_legal
};
export const typeLabel = (k: string) => TYPES[k]?.() ?? k;

const FIELDS: Record<string, Fn> = {
	title: m.translations_field_title,
	description: m.translations_field_description,
	summary: m.translations_field_summary,
	body: m.translations_field_body,
	costNote: m.translations_field_costNote,
	registrationNote: m.translations_field_registrationNote,
	scheduleNote: m.translations_field_scheduleNote,
	accessibilityNote: m.translations_field_accessibilityNote,
	imprint: m.translations_field_imprint,
	privacyAddendum: m.translations_field_privacyAddendum,
	notAccessible: m.translations_field_notAccessible
};
export const fieldLabel = (k: string) => FIELDS[k]?.() ?? k;

const JOBS: Record<string, Fn> = {
	pending: m.translations_job_pending,
	running: m.translations_job_running,
	done: m.translations_job_done,
	failed: m.translations_job_failed
};
export const jobStatusLabel = (k: string) => JOBS[k]?.() ?? k;

/** A language's name in the UI language ("Arabisch" / "Arabic"). */
export function languageName(code: string): string {
	try {
		return new Intl.DisplayNames([getLocale()], { type: 'language' }).of(code) ?? code;
	} catch {
		return code;
	}
}
