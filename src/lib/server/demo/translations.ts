/**
 * Translated content of the demo (after demo/network.ts): offers of Landshut and Landkreis
 * Freising in English, Arabic and Ukrainian (some also in Turkish, Russian and Persian) and the
 * descriptions of the Landshut organisations in English and Arabic. Most are reviewed; some are
 * machine-translated; a few are outdated (made from an earlier German text, so the coverage view
 * lists them and readers get German). Translations the network seed already has are kept.
 */
import type { Executor } from '../db/client';
import type { Tenant } from '../tenants/schema';
import { offerTranslatable } from '../offers/translatable';
import { organizationTranslatable } from '../organizations/translatable';
import {
	sourceHash,
	type TargetLocale,
	type TranslatableItem,
	type TranslatableKind
} from '../translations/content';

type DemoState = 'reviewed' | 'machine' | 'outdated';
type Text = [title: string, description: string, state?: DemoState];
type OfferTexts = Partial<Record<TargetLocale, Text>>;

/** Offers by their German title. */
const OFFERS: Record<string, OfferTexts> = {
	'Frauenintegrationskurs mit Kinderbetreuung': {
		en: [
			'Integration course for women with childcare',
			'An integration course for women and mothers only. Children are looked after in the building during lessons.'
		],
		uk: [
			'Інтеграційний курс для жінок із доглядом за дітьми',
			'Інтеграційний курс лише для жінок і матерів. Під час занять за дітьми доглядають у тому ж будинку.'
		]
	},
	Alphabetisierungskurs: {
		en: [
			'Literacy course',
			'Learn to read and write in the Latin alphabet – for people who learned little or no reading and writing in their first language.'
		],
		ar: [
			'دورة محو الأمية',
			'تعلّم القراءة والكتابة بالحروف اللاتينية – لمن لم يتعلّم القراءة والكتابة بلغته الأم إلا قليلًا أو لم يتعلّمها أبدًا.'
		],
		uk: [
			'Курс грамотності',
			'Навчання читання та письма латиницею – для людей, які мало або зовсім не навчилися читати й писати рідною мовою.'
		],
		fa: [
			'دوره سوادآموزی',
			'یادگیری خواندن و نوشتن با الفبای لاتین – برای کسانی که به زبان مادری خود خواندن و نوشتن را کم یا اصلاً نیاموخته‌اند.',
			'machine'
		]
	},
	'Beratung zur Wohnungssuche': {
		en: [
			'Help with finding a flat',
			'Help with reading housing adverts, applying for a flat and applying for a housing entitlement certificate (Wohnberechtigungsschein).'
		],
		ar: [
			'استشارة حول البحث عن سكن',
			'مساعدة في قراءة إعلانات الشقق، والتقدّم لاستئجار شقة، وتقديم طلب شهادة استحقاق السكن (Wohnberechtigungsschein).'
		],
		uk: [
			'Консультація з пошуку житла',
			'Допомога з читанням оголошень про житло, поданням заявки на квартиру та оформленням довідки про право на соціальне житло (Wohnberechtigungsschein).'
		]
	},
	'Jugendmigrationsdienst – Beratung für junge Menschen': {
		ar: [
			'خدمة هجرة الشباب – استشارات للشباب',
			'استشارات للفئة العمرية من 12 إلى 27 عامًا: المدرسة، والاعتراف بالشهادات، والتدريب المهني، والدراسة، والمسائل الشخصية.'
		],
		uk: [
			'Молодіжна міграційна служба – консультації для молоді',
			'Консультації для молоді віком від 12 до 27 років: школа, визнання атестатів, професійне навчання, навчання в університеті та особисті питання.'
		]
	},
	'Bewerbungstraining für junge Zugewanderte': {
		en: [
			'Job application training for young newcomers',
			'Practise your CV, cover letter and job interview – in one day, in a small group.',
			'machine'
		],
		ar: [
			'تدريب على طلبات التوظيف للشباب القادمين الجدد',
			'تدرّب على السيرة الذاتية ورسالة التقديم والمقابلة الشخصية – في يوم واحد وضمن مجموعة صغيرة.',
			'machine'
		],
		uk: [
			'Тренінг із працевлаштування для молодих мігрантів',
			'Потренуйтеся складати резюме й супровідний лист та проходити співбесіду – за один день, у невеликій групі.',
			'machine'
		]
	},
	'Berufssprachkurs B2': {
		en: [
			'German for work, level B2',
			'German for your job: technical language, phone calls, e-mails and conversations at work. In the evenings, alongside your job.'
		],
		ar: [
			'دورة اللغة الألمانية المهنية B2',
			'اللغة الألمانية للعمل: المصطلحات المهنية، والمكالمات الهاتفية، والرسائل الإلكترونية، والمحادثات في مكان العمل. في المساء، إلى جانب العمل.'
		],
		uk: [
			'Професійний мовний курс B2',
			'Німецька для роботи: фахова лексика, телефонні розмови, електронні листи й розмови на підприємстві. Увечері, паралельно з роботою.'
		],
		ru: [
			'Профессиональный языковой курс B2',
			'Немецкий для работы: профессиональная лексика, телефонные разговоры, электронные письма и общение на предприятии. По вечерам, параллельно с работой.'
		]
	},
	'Anerkennungsberatung für ausländische Berufsabschlüsse': {
		en: [
			'Advice on the recognition of foreign qualifications',
			'Which office is responsible, which documents do I need, what does it cost? We guide you through the recognition procedure.'
		],
		ar: [
			'استشارة حول الاعتراف بالمؤهلات المهنية الأجنبية',
			'ما الجهة المختصة؟ ما المستندات التي أحتاجها؟ وكم تبلغ التكلفة؟ نرافقكم خلال إجراءات الاعتراف.'
		],
		uk: [
			'Консультація з визнання іноземних професійних дипломів',
			'Яка установа відповідальна, які документи потрібні, скільки це коштує? Ми супроводжуємо вас у процедурі визнання.'
		]
	},
	'Hausaufgabenhilfe im Jugendtreff': {
		en: [
			'Homework help at the youth club',
			'Volunteers and youth workers help with homework and revising for tests.',
			'outdated'
		],
		ar: [
			'مساعدة في الواجبات المدرسية في نادي الشباب',
			'يساعد متطوعون ومختصون في حلّ الواجبات المدرسية والاستعداد للاختبارات.'
		],
		uk: [
			'Допомога з домашніми завданнями в молодіжному клубі',
			'Волонтери та фахівці допомагають із домашніми завданнями й підготовкою до контрольних.'
		]
	},
	'Offener Treff für Jugendliche': {
		en: [
			'Open meeting place for young people',
			'Table football, music, conversations – a place to arrive and make friends.',
			'machine'
		],
		ar: [
			'ملتقى مفتوح للشباب',
			'كرة الطاولة والموسيقى والأحاديث – مكان للاستقرار وتكوين الصداقات.',
			'machine'
		],
		uk: [
			'Відкритий клуб для молоді',
			'Настільний футбол, музика, розмови – місце, де можна освоїтися й знайти друзів.',
			'machine'
		]
	},
	'Frauenschwimmen mit weiblicher Aufsicht': {
		en: [
			'Women’s swimming with female supervision',
			'Learn and practise swimming in a protected setting: women only, with a female lifeguard and coach. Wear the swimwear you prefer.'
		],
		uk: [
			'Плавання для жінок під наглядом жінок',
			'Навчання й тренування з плавання в захищеній атмосфері: лише жінки, рятувальниця й тренерка – теж жінки. Купальний одяг – на ваш вибір.'
		],
		fa: [
			'شنای بانوان با نظارت زنان',
			'یادگیری و تمرین شنا در فضایی امن: فقط برای زنان، ناظر و مربی نیز زن هستند. لباس شنا به انتخاب خودتان.'
		]
	},
	'Fußball für alle': {
		en: [
			'Football for everyone',
			'Open training for young people, wherever they come from. Football boots can be borrowed.'
		],
		ar: [
			'كرة القدم للجميع',
			'تدريب مفتوح للشباب أيًّا كان بلدهم الأصلي. يمكن استعارة الأحذية الرياضية.'
		],
		uk: [
			'Футбол для всіх',
			'Відкриті тренування для молоді, незалежно від того, звідки ви приїхали. Бутси можна взяти напрокат.'
		]
	},
	'Frauensport und Gymnastik mit Kinderbetreuung': {
		en: [
			'Sport and exercise for women with childcare',
			'Exercise, gymnastics and relaxation for women; the children play next door.'
		],
		ar: [
			'رياضة وتمارين للنساء مع رعاية الأطفال',
			'حركة وتمارين رياضية واسترخاء للنساء، بينما يلعب الأطفال في الغرفة المجاورة.'
		],
		uk: [
			'Спорт і гімнастика для жінок із доглядом за дітьми',
			'Рух, гімнастика й релаксація для жінок; діти граються в сусідній кімнаті.'
		]
	},
	'Begegnung und Beratung auf Ukrainisch': {
		en: [
			'Meeting and advice in Ukrainian',
			'Fellow Ukrainians help with questions about school, public offices and everyday life; afterwards we have breakfast together.'
		],
		ar: [
			'لقاء واستشارة باللغة الأوكرانية',
			'يساعد أبناء البلد في الأسئلة المتعلقة بالمدرسة والدوائر الرسمية والحياة اليومية، ثم نتناول الفطور معًا.'
		]
	},
	'Elterncafé auf Arabisch und Deutsch': {
		en: [
			'Parents’ café in Arabic and German',
			'Parents talk about nursery, school and bringing up children; sometimes with guests from schools or family counselling.'
		],
		uk: [
			'Батьківське кафе арабською та німецькою',
			'Батьки обмінюються досвідом щодо дитсадка, школи й виховання; іноді з гостями зі школи чи служби консультування з питань виховання.'
		]
	},
	'Begleitung zu Ämtern und Arztterminen': {
		en: [
			'Someone to go with you to public offices and doctor’s appointments',
			'Volunteers go with you to appointments, help you understand letters and fill in forms.'
		],
		ar: [
			'مرافقة إلى الدوائر الرسمية ومواعيد الطبيب',
			'يرافقكم متطوعون إلى المواعيد، ويساعدونكم على فهم الرسائل وتعبئة الاستمارات.'
		],
		uk: [
			'Супровід до установ і на прийом до лікаря',
			'Волонтери супроводжують на зустрічі, допомагають зрозуміти листи та заповнити формуляри.'
		],
		tr: [
			'Resmî dairelere ve doktor randevularına refakat',
			'Gönüllüler randevularınıza sizinle birlikte gelir, mektupları anlamanıza ve formları doldurmanıza yardımcı olur.'
		],
		fa: [
			'همراهی به ادارات و نوبت‌های پزشک',
			'داوطلبان شما را در قرارهایتان همراهی می‌کنند و در فهم نامه‌ها و پر کردن فرم‌ها کمک می‌کنند.'
		]
	},
	'Infoabend: Das deutsche Gesundheitssystem': {
		en: [
			'Information evening: the German health system',
			'Health guides explain family doctors, specialists, out-of-hours services and health insurance – with interpreting into several languages.'
		],
		ar: [
			'أمسية معلومات: النظام الصحي الألماني',
			'يشرح مرشدو الصحة دور طبيب الأسرة والطبيب المختص وخدمة الطوارئ والتأمين الصحي – مع ترجمة إلى عدة لغات.'
		],
		uk: [
			'Інформаційний вечір: система охорони здоров’я Німеччини',
			'Лоцмани з питань здоров’я пояснюють, як працюють сімейний лікар, лікарі-спеціалісти, чергова служба та медичне страхування – з перекладом кількома мовами.',
			'outdated'
		]
	},
	'Migrationsberatung im Landkreis': {
		en: [
			'Migration counselling in the district',
			'Advice on residence, language, work and family; consultation hours in Freising, Moosburg, Neufahrn and Eching.'
		],
		ar: [
			'استشارات الهجرة في المقاطعة',
			'استشارات حول الإقامة واللغة والعمل والأسرة؛ ساعات استقبال في فرايزينغ وموسبورغ ونويفارن وإيشينغ.'
		],
		uk: [
			'Міграційна консультація в районі',
			'Консультації щодо перебування, мови, роботи та сім’ї; прийомні години у Фрайзінгу, Мосбурзі, Нойфарні та Ехінгу.'
		],
		ru: [
			'Миграционная консультация в районе',
			'Консультации по вопросам пребывания, языка, работы и семьи; приёмные часы во Фрайзинге, Мосбурге, Нойфарне и Эхинге.'
		]
	},
	'Beratung bei der Wohnungssuche': {
		en: [
			'Help with finding a flat',
			'The housing market is tight: help with housing adverts, applications, housing benefit (Wohngeld) and the housing entitlement certificate.'
		],
		ar: [
			'استشارة في البحث عن سكن',
			'في ظل صعوبة سوق السكن: مساعدة في إعلانات الشقق وطلبات الاستئجار وبدل السكن (Wohngeld) وشهادة استحقاق السكن.'
		],
		uk: [
			'Консультація з пошуку житла',
			'Ринок житла дуже напружений: допомога з оголошеннями, заявками на квартиру, житловою допомогою (Wohngeld) і довідкою про право на соціальне житло.',
			'outdated'
		]
	},
	'Integrationskurs in Freising': {
		en: [
			'Integration course in Freising',
			'General integration course with orientation course, in the mornings.'
		],
		ar: ['دورة الاندماج في فرايزينغ', 'دورة اندماج عامة مع دورة توجيهية، في الفترة الصباحية.'],
		uk: [
			'Інтеграційний курс у Фрайзінгу',
			'Загальний інтеграційний курс з орієнтаційним курсом, у першій половині дня.'
		],
		fa: ['دوره ادغام در فرایزینگ', 'دوره عمومی ادغام همراه با دوره آشنایی با جامعه، در ساعات صبح.']
	},
	'Sprachcafé Moosburg': {
		en: [
			'Language café Moosburg',
			'Practise German with volunteers from the helpers’ circle, plus help with letters.',
			'machine'
		],
		ar: [
			'مقهى اللغة في موسبورغ',
			'تدرّب على الألمانية مع متطوعين من دائرة المساعدين، إلى جانب المساعدة في الرسائل.',
			'machine'
		],
		uk: [
			'Мовне кафе в Мосбурзі',
			'Практика німецької з волонтерами гуртка помічників, а також допомога з листами.',
			'machine'
		]
	},
	'Sprachpatenschaften in Eching': {
		en: [
			'Language mentors in Eching',
			'A mentor practises everyday German with you – when shopping, at the doctor’s, at parents’ evenings.'
		],
		ar: [
			'رعاية لغوية في إيشينغ',
			'يتدرّب معكم راعٍ أو راعية على اللغة الألمانية في الحياة اليومية – عند التسوّق، وعند الطبيب، وفي اجتماعات أولياء الأمور.'
		],
		uk: [
			'Мовне наставництво в Ехінгу',
			'Наставниця або наставник практикує з вами німецьку в повсякденному житті – у магазині, у лікаря, на батьківських зборах.'
		],
		tr: [
			'Eching’de dil mentorluğu',
			'Bir mentor sizinle günlük hayatta Almanca pratik yapar – alışverişte, doktorda, veli toplantısında.'
		]
	}
};

/** Landshut organisations by name: [English, Arabic] descriptions. */
const ORGANIZATIONS: Record<string, [string, string]> = {
	'Sprachschule Landshut – Deutsch und Integration': [
		'Approved provider of integration courses: general courses, courses for women with childcare, and literacy courses.',
		'جهة معتمدة لتقديم دورات الاندماج: دورات عامة، ودورات للنساء مع رعاية الأطفال، ودورات لمحو الأمية.'
	],
	'Migrationsberatung für Erwachsene Landshut': [
		'Advice for adult newcomers on residence, language, work, housing and family.',
		'استشارات للبالغين القادمين الجدد حول الإقامة واللغة والعمل والسكن والأسرة.'
	],
	'Jugendmigrationsdienst Landshut': [
		'Supports young newcomers aged 12 to 27 at school, in vocational training and at work.',
		'يرافق الشباب القادمين الجدد من سن 12 إلى 27 عامًا في المدرسة والتدريب المهني والعمل.'
	],
	'Bildungswerk Beruf und Integration Landshut': [
		'Job-related language courses, advice on the recognition of qualifications, and job application training.',
		'دورات لغة مهنية، واستشارات حول الاعتراف بالمؤهلات، وتدريب على طلبات التوظيف.'
	],
	'Offener Jugendtreff Landshut-West': [
		'Open youth club, homework help and holiday programmes for children and young people.',
		'نادٍ مفتوح للشباب، ومساعدة في الواجبات المدرسية، وبرامج للعطل للأطفال والشباب.'
	],
	'Ukrainische Gemeinschaft Landshut': [
		'Migrant community organisation: meeting, advice among fellow Ukrainians, cultural evenings.',
		'منظمة ذاتية للمهاجرين: لقاءات، واستشارات بين أبناء البلد، وأمسيات ثقافية.'
	],
	'Arabischsprachiger Elternverein Landshut': [
		'Parents supporting parents: sharing experience about nursery, school and bringing up children.',
		'أهل يدعمون أهلًا: تبادل الخبرات حول الحضانة والمدرسة والتربية.'
	],
	'Interkulturelle Initiative Landshut': [
		'Volunteer initiative for meeting people: language café, cooking evenings, festivals.',
		'مبادرة تطوعية للقاء والتعارف: مقهى اللغة، وأمسيات الطبخ، والاحتفالات.'
	],
	'Helferkreis Asyl Landshut': [
		'Volunteers support refugees in everyday life and go with them to public offices and doctors.',
		'يرافق متطوعون اللاجئين في حياتهم اليومية وإلى الدوائر الرسمية والأطباء.'
	],
	'Sprach-Kita-Verbund Landshut': [
		'Language learning woven into everyday life in day nurseries, and cooperation with families.',
		'تعليم اللغة ضمن الحياة اليومية في دور الحضانة، والتعاون مع العائلات.'
	],
	'Gesundheitslotsen Landshut': [
		'Trained health guides explain the health system in people’s native languages.',
		'مرشدون صحيون مدرَّبون يشرحون النظام الصحي باللغة الأم.'
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
	const hash = sourceHash(
		state === 'outdated'
			? { ...item.german, description: `${item.german.description ?? ''} (frühere Fassung)` }
			: item.german,
		kind.fields
	);
	await kind.write(tx, item, locale, fields, state === 'outdated' ? 'reviewed' : state, hash);
}

export async function seedTranslations(
	tx: Executor,
	input: { landshut: Tenant; freising: Tenant; municipalities: Tenant[] }
): Promise<void> {
	const tenants = [input.landshut, input.freising, ...input.municipalities];
	const offers = new Map<string, TranslatableItem>();
	for (const tenant of tenants) {
		for (const item of await offerTranslatable.load(tx, tenant.id, { organizationIds: null })) {
			if (!offers.has(item.label)) offers.set(item.label, item);
		}
	}
	for (const [title, texts] of Object.entries(OFFERS)) {
		const item = offers.get(title);
		if (!item) throw new Error(`demo translations: no offer "${title}"`);
		for (const [locale, [t, description, state = 'reviewed']] of Object.entries(texts) as [
			TargetLocale,
			Text
		][]) {
			await write(tx, offerTranslatable, item, locale, { title: t, description }, state);
		}
	}
	const orgs = await organizationTranslatable.load(tx, input.landshut.id, {
		organizationIds: null
	});
	for (const [name, [en, ar]] of Object.entries(ORGANIZATIONS)) {
		const item = orgs.find((o) => o.label === name);
		if (!item) throw new Error(`demo translations: no organisation "${name}"`);
		await write(tx, organizationTranslatable, item, 'en', { description: en }, 'reviewed');
		await write(tx, organizationTranslatable, item, 'ar', { description: ar }, 'reviewed');
	}
}
