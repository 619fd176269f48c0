/**
 * The topic tiles of a tenant's start page: what newcomers look for, each leading into the
 * finder — filtered by the tenant's own field of action where it has a matching one, else as a
 * search for the topic's words (the finder's full-text search knows synonyms).
 */
import type { Executor } from '../db/client';
import { fieldsOfActionOf } from '../fields-of-action/service';

export const START_TOPICS = [
	'language',
	'counselling',
	'work',
	'housing',
	'health',
	'family',
	'leisure',
	'volunteering'
] as const;
export type StartTopic = (typeof START_TOPICS)[number];

/** Field-of-action keys that mean the topic (first match wins), and the search words otherwise. */
const TOPIC_SOURCES: Record<StartTopic, { fields: string[]; search: string }> = {
	language: { fields: ['sprache', 'deutsch', 'sprachfoerderung'], search: 'Deutschkurs' },
	counselling: { fields: ['beratung', 'migrationsberatung'], search: 'Beratung' },
	work: { fields: ['ausbildung-arbeit', 'arbeit', 'arbeitsmarkt'], search: 'Arbeit' },
	housing: { fields: ['wohnen'], search: 'Wohnen' },
	health: { fields: ['gesundheit'], search: 'Gesundheit' },
	family: { fields: ['familie', 'familienleben', 'kinder-familie'], search: 'Familie' },
	leisure: { fields: ['sport', 'freizeit', 'freizeit-sport'], search: 'Freizeit' },
	volunteering: { fields: ['ehrenamt', 'engagement'], search: 'Ehrenamt' }
};

export interface TopicTile {
	topic: StartTopic;
	href: string;
}

/** The tiles with their finder links for the tenant. */
export async function startTopics(
	db: Executor,
	tenant: { id: string; slug: string }
): Promise<TopicTile[]> {
	const keys = new Set((await fieldsOfActionOf(db, tenant.id, 'de')).map((f) => f.key));
	const finder = `/${tenant.slug}/angebote`;
	return START_TOPICS.map((topic) => {
		const source = TOPIC_SOURCES[topic];
		const field = source.fields.find((k) => keys.has(k));
		const query = field
			? `field=${encodeURIComponent(field)}`
			: `q=${encodeURIComponent(source.search)}`;
		return { topic, href: `${finder}?${query}` };
	});
}
