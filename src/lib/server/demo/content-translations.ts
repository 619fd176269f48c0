/**
 * Translated news and network pages of the demo (after demo/news.ts): two Landshut news items, the
 * Freising report and the Landshut "about the network" text in English, Arabic and Ukrainian, in
 * mixed states – reviewed, machine-translated and outdated (made from an earlier German text, so
 * the coverage view lists it and readers get German). Landshut's own legal texts (Impressum,
 * privacy addendum, content not accessible; LANDSHUT_LEGAL, in its settings) are reviewed in
 * Ukrainian, machine-translated in Arabic (the e2e spec reviews the Arabic Impressum), outdated in
 * Russian and missing in English (English readers get German with the note). The Arabic translation of the Landshut
 * "Rückblick" is left missing on purpose: the e2e spec translates it. The Arabic Freising report
 * is outdated, so Arabic readers get it in German (the Leichte Sprache e2e spec reads it there).
 */
import type { Executor } from '../db/client';
import type { Tenant } from '../tenants/schema';
import { newsTranslatable } from '../news/translatable';
import { tenantTranslatable } from '../tenants/translatable';
import { legalTranslatable } from '../tenants/legal-translatable';
import type { LegalSettings } from '../tenants/schema';
import {
	sourceHash,
	type TargetLocale,
	type TranslatableItem,
	type TranslatableKind
} from '../translations/content';

type DemoState = 'reviewed' | 'machine' | 'outdated';
type NewsText = { title: string; summary: string; body: string; state: DemoState };

const PRESS_EN = `<p>From now on, the Landshut Integration Network speaks to the public together: language schools, advice centres, education providers, youth facilities, migrant organisations and the integration commissioner coordinate their press and public relations work.</p>
<h2>Integration is a cross-cutting task</h2>
<p>The aim is to <strong>present</strong> immigration and integration <strong>in a positive light</strong> and to show what works locally. Planned are:</p>
<ul>
<li>regular news from the network's meetings on this page,</li>
<li>joint press releases on offers and events,</li>
<li>a joint appearance at the Intercultural Week.</li>
</ul>
<blockquote>“Integration as a two-way process succeeds where people know about each other.”</blockquote>
<p>The integration commissioner welcomes your suggestions: <a href="mailto:integration@landshut.example">integration@landshut.example</a>.</p>`;

const PRESS_AR = `<p>تتوجّه شبكة الاندماج في لاندسهوت من الآن فصاعدًا إلى الرأي العام بصوت واحد: تنسّق مدارس اللغة ومراكز الاستشارة وجهات التعليم ومرافق الشباب ومنظمات المهاجرين الذاتية ومفوّضة شؤون الاندماج عملَها الصحفي والإعلامي.</p>
<h2>الاندماج مهمة تشمل جميع المجالات</h2>
<p>الهدف هو <strong>تقديم صورة إيجابية</strong> عن الهجرة والاندماج وإظهار ما ينجح على أرض الواقع. ومن المخطط له:</p>
<ul>
<li>أخبار منتظمة من لقاءات الشبكة على هذه الصفحة،</li>
<li>بيانات صحفية مشتركة حول العروض والفعاليات،</li>
<li>مشاركة مشتركة في أسبوع الثقافات المتعددة.</li>
</ul>
<blockquote>«ينجح الاندماج المتبادل حيث يعرف الناس بعضهم عن بعض.»</blockquote>
<p>تسعد مفوّضة شؤون الاندماج بتلقّي اقتراحاتكم: <a href="mailto:integration@landshut.example">integration@landshut.example</a>.</p>`;

const PRESS_UK = `<p>Відтепер Мережа «Інтеграція» Ландсгута виступає перед громадськістю спільно: мовні школи, консультаційні центри, освітні організації, молодіжні заклади, самоорганізації мігрантів та уповноважена з питань інтеграції узгоджують свою роботу з пресою та громадськістю.</p>
<h2>Інтеграція – наскрізне завдання</h2>
<p>Мета – <strong>позитивно представляти</strong> теми міграції та інтеграції і показувати, що вдається на місцях. Заплановано:</p>
<ul>
<li>регулярні новини із зустрічей мережі на цій сторінці,</li>
<li>спільні прес-релізи про пропозиції та заходи,</li>
<li>спільна участь у Міжкультурному тижні.</li>
</ul>
<blockquote>«Взаємна інтеграція вдається там, де люди знають одне про одного».</blockquote>
<p>Уповноважена з питань інтеграції охоче приймає пропозиції: <a href="mailto:integration@landshut.example">integration@landshut.example</a>.</p>`;

const REPORT_EN = `<p>The first networking meeting of the municipalities on the question “How is integration currently working in your municipality?” took place at the Freising district office. It was hosted by the integration commissioner; the deputy district administrator welcomed mayors, members of municipal and town councils as well as representatives of the administration and of volunteer groups.</p>
<h2>Presented</h2>
<ul>
<li>the LEADER project “Networking platform for the integration of migrants” – in the long run, an integration strategy for the district is to be developed,</li>
<li>contact persons at the district office and current figures on asylum,</li>
<li>the project “Mobile support for parents – advice bus” of the Zentrum der Familie, which brings help and advice to parents close to where they live.</li>
</ul>
<h2>Sharing experience</h2>
<p>The situation differs from municipality to municipality. What is the same everywhere: <em>“The voluntary work of the helper groups is one of the pillars of integration work.”</em> Further approaches: finding solutions for the tight housing market and expanding language support in day-care centres and schools.</p>
<h3>Conclusion</h3>
<p>The municipalities' networking meetings are to take place regularly, so that they learn from each other and tackle challenges together.</p>`;

const REPORT_UK = `<p>У районній адміністрації Фрайзінга відбулася перша зустріч громад на тему «Як сьогодні вдається інтеграція у ваших громадах?». Її ініціювала уповноважена з питань інтеграції; заступниця голови району привітала бургомістрів, членів громадських і міських рад, а також представників адміністрації та волонтерів.</p>
<h2>Представлено</h2>
<ul>
<li>проєкт LEADER «Платформа співпраці для інтеграції мігрантів» – у перспективі для району має з’явитися концепція інтеграції,</li>
<li>контактних осіб у районній адміністрації та актуальні дані у сфері притулку,</li>
<li>проєкт «Мобільний супровід батьків – консультаційний автобус» Центру сім’ї, який надає батькам допомогу й консультації поблизу їхнього дому.</li>
</ul>
<h2>Обмін досвідом</h2>
<p>Ситуація в кожній громаді різна. Але всюди однаково: <em>«Волонтерська робота груп допомоги – одна з опор інтеграційної роботи».</em> Інші підходи: шукати рішення для напруженого ринку житла та розширювати мовну підтримку в дитячих садках і школах.</p>
<h3>Підсумок</h3>
<p>Зустрічі громад мають відбуватися регулярно, щоб учитися одне в одного й разом долати виклики.</p>`;

const REPORT_AR = `<p>عُقد في مكتب مقاطعة فرايزينغ أول لقاء تواصل للبلديات حول موضوع «كيف ينجح الاندماج حاليًا في بلدياتكم؟». ودعت إليه مفوّضة شؤون الاندماج، ورحّبت نائبة رئيس المقاطعة برؤساء البلديات وأعضاء المجالس البلدية ومجالس المدن وممثلي الإدارة والعمل التطوعي.</p>
<h2>ما تم عرضه</h2>
<ul>
<li>مشروع LEADER «منصة تواصل لاندماج المهاجرين» – ومن المقرر على المدى البعيد وضع مفهوم للاندماج في المقاطعة،</li>
<li>جهات الاتصال في مكتب المقاطعة وأحدث الأرقام في مجال اللجوء،</li>
<li>مشروع «المرافقة المتنقلة للوالدين – حافلة الاستشارة» التابع لمركز الأسرة، الذي يقدّم للوالدين المساعدة والاستشارة قرب مكان سكنهم.</li>
</ul>
<h2>تبادل الخبرات</h2>
<p>يختلف الوضع من بلدية إلى أخرى. أما ما هو مشترك في كل مكان فهو: <em>«العمل التطوعي لمجموعات المساعدين هو أحد أعمدة العمل في مجال الاندماج.»</em> ومن المقاربات الأخرى: البحث عن حلول لسوق السكن المتأزّم وتوسيع دعم اللغة في دور الحضانة والمدارس.</p>
<h3>الخلاصة</h3>
<p>من المقرر أن تُعقد لقاءات تواصل البلديات بانتظام، ليتعلّم المشاركون بعضهم من بعض ويواجهوا التحديات معًا.</p>`;

/** News items by their German title. */
const NEWS: Record<string, Partial<Record<TargetLocale, NewsText>>> = {
	'Netzwerk Integration startet gemeinsame Öffentlichkeitsarbeit': {
		en: {
			title: 'Integration Network starts joint public relations work',
			summary:
				'The members of the network will present immigration and integration together from now on – with news, press releases and a joint appearance at the Intercultural Week.',
			body: PRESS_EN,
			state: 'reviewed'
		},
		ar: {
			title: 'شبكة الاندماج تبدأ عملًا إعلاميًا مشتركًا',
			summary:
				'ستعرض الجهات الفاعلة في الشبكة موضوعَي الهجرة والاندماج معًا من الآن فصاعدًا – من خلال الأخبار والبيانات الصحفية والمشاركة في أسبوع الثقافات المتعددة.',
			body: PRESS_AR,
			state: 'reviewed'
		},
		uk: {
			title: 'Мережа «Інтеграція» розпочинає спільну роботу з громадськістю',
			summary:
				'Учасники мережі відтепер спільно представлятимуть теми міграції та інтеграції – через новини, прес-релізи та спільну участь у Міжкультурному тижні.',
			body: PRESS_UK,
			state: 'machine'
		}
	},
	'Rückblick: Netzwerktreffen mit dem Beirat für Migration und Integration': {
		en: {
			title:
				'Looking back: network meeting with the Advisory Council for Migration and Integration',
			summary:
				'The network and the advisory council checked together whether the offers meet people’s needs.',
			body: '<p>At its last meeting, the network reviewed its offers together with the Advisory Council for Migration and Integration: do they meet people’s needs?</p>\n<p>The results will feed into the work of the coming months.</p>',
			state: 'outdated'
		},
		uk: {
			title: 'Огляд: зустріч мережі з Консультативною радою з питань міграції та інтеграції',
			summary:
				'Мережа та консультативна рада спільно перевірили, чи відповідають пропозиції потребам людей.',
			body: '<p>На останній зустрічі мережа разом із Консультативною радою з питань міграції та інтеграції перевірила свої пропозиції: чи відповідають вони потребам людей?</p>\n<p>Результати буде враховано в роботі найближчих місяців.</p>',
			state: 'machine'
		}
	},
	'Vernetzungstreffen der Gemeinden zum Thema Integration': {
		en: {
			title: 'Networking meeting of the municipalities on integration',
			summary:
				'Mayors, municipal councillors, the administration and volunteers met at the district office to discuss how integration works in the municipalities.',
			body: REPORT_EN,
			state: 'reviewed'
		},
		ar: {
			title: 'لقاء تواصل البلديات حول موضوع الاندماج',
			summary:
				'تبادل رؤساء البلديات وأعضاء المجالس البلدية وممثلو الإدارة والعمل التطوعي الآراء في مكتب المقاطعة حول كيفية نجاح الاندماج في البلديات.',
			body: REPORT_AR,
			state: 'outdated'
		},
		uk: {
			title: 'Зустріч громад з питань інтеграції',
			summary:
				'Бургомістри, члени громадських рад, представники адміністрації та волонтери обговорили в районній адміністрації, як інтеграція вдається в громадах.',
			body: REPORT_UK,
			state: 'reviewed'
		}
	}
};

/** The Landshut about text (demo/seed.ts): English reviewed, Arabic machine, Ukrainian outdated. */
const LANDSHUT_ABOUT: Partial<Record<TargetLocale, [text: string, state: DemoState]>> = {
	en: [
		[
			'Whether people of different origins live well together is decided locally. The municipality is the most important concrete place of integration. Integration is a two-way process.',
			'The Integration Network brings together people who work with immigrants, as professionals or as volunteers: language schools, advice centres, education providers, youth facilities, the “Integration through Sport” base club, representatives of migrant organisations, intercultural initiatives, integration commissioners, city councillors of all parliamentary groups and the Federal Office for Migration and Refugees (BAMF).',
			'Aims: reducing social distance between the members; networking and cooperation of everyone involved in integration locally; analysing and designing measures that remove obstacles to integration; reviewing offers – do they meet people’s needs?',
			'Format: moderated meetings every six to eight weeks, hosted by the members in turn, with minutes. Since 1 March 2009, Landshut has had an Advisory Council for Migration and Integration.'
		].join('\n\n'),
		'reviewed'
	],
	ar: [
		[
			'على المستوى المحلي يتحدّد مدى نجاح العيش المشترك بين أناس من أصول مختلفة. فالبلدية هي أهم مكان ملموس للاندماج. والاندماج عملية متبادلة.',
			'تضم شبكة الاندماج جهات فاعلة تعمل مع المهاجرين بشكل مهني أو تطوعي: مدارس اللغة ومراكز الاستشارة وجهات التعليم ومرافق الشباب ونادي «الاندماج من خلال الرياضة» وممثلي منظمات المهاجرين الذاتية والمبادرات بين الثقافات ومفوّضي شؤون الاندماج وأعضاء مجلس المدينة من جميع الكتل والمكتب الاتحادي للهجرة واللاجئين (BAMF).',
			'الأهداف: تقليص المسافة الاجتماعية بين الجهات الفاعلة؛ التشبيك والتعاون بين جميع المعنيين بالاندماج محليًا؛ تحليل وتصميم إجراءات لإزالة عوائق الاندماج؛ مراجعة العروض – هل تلبّي الاحتياجات؟',
			'الشكل: لقاءات بإدارة منسّق كل ستة إلى ثمانية أسابيع، يتناوب الأعضاء على استضافتها، مع محضر. ومنذ 1 مارس 2009 يوجد في لاندسهوت مجلس استشاري للهجرة والاندماج.'
		].join('\n\n'),
		'machine'
	],
	uk: [
		[
			'Саме на місцях вирішується, чи вдається співжиття людей різного походження. Громада – найважливіше конкретне місце інтеграції. Інтеграція – це взаємний процес.',
			'У Мережі «Інтеграція» працюють ті, хто професійно або на волонтерських засадах працює з іммігрантами: мовні школи, консультаційні центри, освітні організації, молодіжні заклади, опорний клуб програми «Інтеграція через спорт», представники самоорганізацій мігрантів, міжкультурні ініціативи, уповноважені з питань інтеграції, міські радники всіх фракцій та Федеральне відомство з питань міграції та біженців (BAMF).',
			'Цілі: зменшення соціальної дистанції між учасниками; налагодження зв’язків і співпраці всіх, хто на місцях долучений до інтеграції; аналіз і розроблення заходів для усунення перешкод інтеграції; перевірка пропозицій – чи відповідають вони потребам?',
			'Формат: модеровані зустрічі кожні шість–вісім тижнів, які учасники приймають по черзі, з протоколом.'
		].join('\n\n'),
		'outdated'
	]
};

/** Landshut's own legal texts (settings.legal), German, the source of the translations below. */
export const LANDSHUT_LEGAL: LegalSettings = {
	imprint: [
		'Stadt Landshut\nIntegrationsbeauftragte der Stadt Landshut\nAltstadt 315\n84028 Landshut',
		'Die Stadt Landshut ist eine Gebietskörperschaft des öffentlichen Rechts. Sie wird vertreten durch den Oberbürgermeister.',
		'E-Mail: integration@landshut.example',
		'Verantwortlich für die Inhalte des Netzwerks Integration: die Integrationsbeauftragte der Stadt Landshut, Anschrift wie oben.'
	].join('\n\n'),
	privacyAddendum: [
		'Für die Einladungen zu den Netzwerktreffen führt die Integrationsbeauftragte eine Verteilerliste mit Namen, Einrichtung und E-Mail-Adresse der Mitglieder. Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit Art. 4 Abs. 1 BayDSG.',
		'Sie können sich jederzeit von der Verteilerliste austragen lassen; Ihre Angaben werden dann gelöscht.'
	].join('\n\n'),
	notAccessible: [
		'Die Protokolle der Netzwerktreffen aus der Zeit vor 2024 liegen nur als eingescannte PDF-Dateien vor und sind nicht barrierefrei. Eine nachträgliche Umarbeitung wäre eine unverhältnismäßige Belastung.',
		'Auf Anfrage senden wir Ihnen den Inhalt eines Protokolls als barrierefreies Dokument.'
	].join('\n\n')
};

type LegalTexts = { imprint: string; privacyAddendum: string; notAccessible: string };

/** Landshut's legal texts: Ukrainian reviewed, Arabic machine, Russian outdated, English missing. */
const LANDSHUT_LEGAL_TEXTS: Partial<Record<TargetLocale, [texts: LegalTexts, state: DemoState]>> = {
	uk: [
		{
			imprint: [
				'Місто Ландсгут\nУповноважена з питань інтеграції міста Ландсгут\nAltstadt 315\n84028 Landshut',
				'Місто Ландсгут є територіальною корпорацією публічного права. Його представляє обер-бургомістр.',
				'Електронна пошта: integration@landshut.example',
				'Відповідальна за зміст сторінок Мережі «Інтеграція»: уповноважена з питань інтеграції міста Ландсгут, адреса як зазначено вище.'
			].join('\n\n'),
			privacyAddendum: [
				'Для запрошень на зустрічі мережі уповноважена з питань інтеграції веде список розсилки з іменами, установами та адресами електронної пошти учасників. Правова підстава – ст. 6 ч. 1 літ. e Загального регламенту захисту даних (GDPR) у поєднанні зі ст. 4 ч. 1 Баварського закону про захист даних (BayDSG).',
				'Ви можете будь-коли попросити вилучити вас зі списку розсилки; тоді ваші дані буде видалено.'
			].join('\n\n'),
			notAccessible: [
				'Протоколи зустрічей мережі за період до 2024 року існують лише як скановані PDF-файли й не є доступними. Їх подальша переробка була б непропорційним навантаженням.',
				'На запит ми надішлемо вам зміст протоколу у вигляді доступного документа.'
			].join('\n\n')
		},
		'reviewed'
	],
	ar: [
		{
			imprint: [
				'مدينة لاندسهوت\nمفوّضة شؤون الاندماج في مدينة لاندسهوت\nAltstadt 315\n84028 Landshut',
				'مدينة لاندسهوت هيئة إقليمية خاضعة للقانون العام، ويمثّلها العمدة الأول.',
				'البريد الإلكتروني: integration@landshut.example',
				'المسؤولة عن محتوى صفحات شبكة الاندماج: مفوّضة شؤون الاندماج في مدينة لاندسهوت، والعنوان كما هو مذكور أعلاه.'
			].join('\n\n'),
			privacyAddendum: [
				'لإرسال الدعوات إلى لقاءات الشبكة، تحتفظ مفوّضة شؤون الاندماج بقائمة مراسلات تتضمن أسماء الأعضاء والجهات التي ينتمون إليها وعناوين بريدهم الإلكتروني. الأساس القانوني هو المادة 6 الفقرة 1 البند (هـ) من اللائحة العامة لحماية البيانات بالاقتران مع المادة 4 الفقرة 1 من قانون حماية البيانات البافاري (BayDSG).',
				'يمكنكم في أي وقت طلب حذفكم من قائمة المراسلات، وعندها تُحذف بياناتكم.'
			].join('\n\n'),
			notAccessible: [
				'لا تتوفر محاضر لقاءات الشبكة للفترة السابقة لعام 2024 إلا كملفات PDF ممسوحة ضوئيًا، وهي ليست خالية من العوائق. إن إعادة إعدادها لاحقًا ستشكّل عبئًا غير متناسب.',
				'عند الطلب نرسل إليكم محتوى المحضر كمستند خالٍ من العوائق.'
			].join('\n\n')
		},
		'machine'
	],
	ru: [
		{
			imprint: [
				'Город Ландсхут\nУполномоченная по вопросам интеграции города Ландсхут\nAltstadt 315\n84028 Landshut',
				'Город Ландсхут является территориальной корпорацией публичного права. Его представляет обер-бургомистр.',
				'Электронная почта: integration@landshut.example'
			].join('\n\n'),
			privacyAddendum: [
				'Для приглашений на встречи сети уполномоченная по вопросам интеграции ведёт список рассылки с именами, организациями и адресами электронной почты участников. Правовое основание – ст. 6 п. 1 лит. e Общего регламента по защите данных (GDPR) в сочетании со ст. 4 п. 1 Баварского закона о защите данных (BayDSG).',
				'Вы можете в любое время попросить исключить вас из списка рассылки; после этого ваши данные будут удалены.'
			].join('\n\n'),
			notAccessible:
				'Протоколы встреч сети до 2024 года имеются только в виде отсканированных PDF-файлов и не являются доступными. По запросу мы отправим вам содержание протокола в виде доступного документа.'
		},
		'outdated'
	]
};

async function write(
	tx: Executor,
	kind: TranslatableKind,
	item: TranslatableItem,
	locale: TargetLocale,
	fields: Record<string, string>,
	state: DemoState
) {
	if (item.translations.has(locale)) return;
	// an outdated translation was reviewed against an earlier German text
	const first = kind.fields[0];
	const german =
		state === 'outdated'
			? { ...item.german, [first]: `${item.german[first] ?? ''} (frühere Fassung)` }
			: item.german;
	await kind.write(
		tx,
		item,
		locale,
		fields,
		state === 'outdated' ? 'reviewed' : state,
		sourceHash(german, kind.fields)
	);
}

export async function seedContentTranslations(
	tx: Executor,
	input: { landshut: Tenant; freising: Tenant }
): Promise<void> {
	const items = [
		...(await newsTranslatable.load(tx, input.landshut.id, { organizationIds: null })),
		...(await newsTranslatable.load(tx, input.freising.id, { organizationIds: null }))
	];
	for (const [title, texts] of Object.entries(NEWS)) {
		const item = items.find((i) => i.label === title);
		if (!item) throw new Error(`demo translations: no news item "${title}"`);
		for (const [locale, { state, ...fields }] of Object.entries(texts) as [
			TargetLocale,
			NewsText
		][]) {
			await write(tx, newsTranslatable, item, locale, fields, state);
		}
	}
	const [about] = await tenantTranslatable.load(tx, input.landshut.id, { organizationIds: null });
	if (!about) throw new Error('demo translations: Landshut has no about text');
	for (const [locale, [description, state]] of Object.entries(LANDSHUT_ABOUT) as [
		TargetLocale,
		[string, DemoState]
	][]) {
		await write(tx, tenantTranslatable, about, locale, { description }, state);
	}
	const [legal] = await legalTranslatable.load(tx, input.landshut.id, { organizationIds: null });
	if (!legal) throw new Error('demo translations: Landshut has no legal texts');
	for (const [locale, [texts, state]] of Object.entries(LANDSHUT_LEGAL_TEXTS) as [
		TargetLocale,
		[LegalTexts, DemoState]
	][]) {
		await write(tx, legalTranslatable, legal, locale, texts, state);
	}
}
