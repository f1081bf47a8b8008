"""The page's own words in English, Russian and Kazakh.

The titles of articles come from the data (``provision.title[lang]``); the notes and the trace of
an assessment are the library's, in English. This dictionary holds only what the page says
itself: labels, headings, the outcome words, the kinds of punishment and the units.

The kinds of punishment are the terms of the codes: CC 2014 Art. 40 (Russian «Виды наказаний»,
Kazakh «Жаза түрлерi»: айыппұл, түзеу жұмыстары, қоғамдық жұмыстарға тарту, қамаққа алу,
бас бостандығын шектеу, бас бостандығынан айыру, мүлкін тәркілеу, белгiлi бiр лауазымды атқару
немесе белгiлi бiр қызметпен айналысу құқығынан айыру, шығарып жiберу) and AOC 2014 Art. 41.
Kazakh words marked ``# kk: unchecked`` were not compared with a statute text.
"""

from __future__ import annotations

LANGS = ("en", "ru", "kk")
"""The page's languages, the first the default."""

LANG_NAMES = {"en": "English", "ru": "Русский", "kk": "Қазақша"}

_WORDS: dict[str, dict[str, str]] = {
    "title": {"en": "Speech offences by date", "ru": "Ответственность за высказывания по дате",
              "kk": "Сөз үшін жауаптылық күні бойынша"},
    "intro": {
        "en": "Describe a speech act and the date of the decision: the page applies the law of Kazakhstan "
              "as it stood, with lex mitior, and shows every step with its source.",
        "ru": "Опишите высказывание и дату решения: страница применяет закон Казахстана в редакции на эти "
              "даты, с обратной силой смягчающего закона, и показывает каждый шаг с источником.",
        "kk": "Сөз әрекетін және шешім күнін көрсетіңіз: бет Қазақстан заңын сол күндегі редакциясында "
              "қолданады және әр қадамды дереккөзімен көрсетеді.",  # kk: unchecked
    },
    "facts": {"en": "The facts", "ru": "Обстоятельства", "kk": "Мән-жайлар"},
    "act_date": {"en": "Date of the act", "ru": "Дата деяния", "kk": "Әрекет жасалған күн"},
    "conduct": {"en": "Conduct", "ru": "Деяние", "kk": "Әрекет"},
    "channel": {"en": "Channel", "ru": "Способ распространения", "kk": "Тарату тәсілі"},
    "target": {"en": "About whom", "ru": "В отношении кого", "kk": "Кімге қатысты"},
    "allegation": {"en": "What the slander alleges", "ru": "В чём обвиняет клевета",
                   "kk": "Жала неде айыптайды"},  # kk: unchecked
    "discord": {"en": "Discord incited", "ru": "Возбуждаемая рознь", "kk": "Араздық түрі"},  # kk: unchecked
    "circumstances": {"en": "Circumstances", "ru": "Обстоятельства деяния", "kk": "Мән-жайлар"},
    "offender": {"en": "Offender", "ru": "Лицо", "kk": "Тұлға"},
    "dates": {"en": "The proceedings", "ru": "Производство", "kk": "Іс жүргізу"},
    "proceedings_date": {"en": "Case opened on", "ru": "Дата возбуждения дела", "kk": "Іс қозғалған күн"},
    "referred_on": {"en": "Sent to court on (administrative)", "ru": "Дата направления в суд (адм.)",
                    "kk": "Сотқа жіберілген күн (әкім.)"},  # kk: unchecked
    "evaded_from": {"en": "Evaded from", "ru": "Уклонялся с", "kk": "Жалтарған күннен"},  # kk: unchecked
    "evaded_until": {"en": "Evasion ended on", "ru": "Уклонение прекращено", "kk": "Жалтару тоқтаған күн"},
    "decided_on": {"en": "Decision date", "ru": "Дата решения", "kk": "Шешім күні"},
    "compare_on": {"en": "Compare with a decision on (optional)", "ru": "Сравнить с решением на дату (необязательно)",
                   "kk": "Басқа шешім күнімен салыстыру (міндетті емес)"},
    "none": {"en": "—", "ru": "—", "kk": "—"},
    "optional": {"en": "optional", "ru": "необязательно", "kk": "міндетті емес"},
    "sentencing_facts": {"en": "Facts that decide the article and the sentence (optional)",
                         "ru": "Обстоятельства, от которых зависят статья и наказание (необязательно)"},
    "in_connection_with_duties": {"en": "In connection with the target's duties",
                                  "ru": "В связи с исполнением обязанностей потерпевшим"},
    "knowing_and_dangerous": {"en": "Knowingly false and dangerous (CC Art. 274)",
                              "ru": "Заведомо ложная и создающая опасность (ст. 274 УК)"},
    "mitigating": {"en": "Mitigating circumstances", "ru": "Смягчающие обстоятельства"},
    "aggravating": {"en": "Aggravating circumstances", "ru": "Отягчающие обстоятельства"},
    "stage": {"en": "Stage", "ru": "Стадия"},
    "procedure": {"en": "Procedure", "ru": "Порядок производства"},
    "reconciled": {"en": "Reconciled with the victim", "ru": "Примирение с потерпевшим"},
    "harm_compensated": {"en": "Harm made good", "ru": "Вред заглажен"},
    "complaint": {"en": "The victim's complaint", "ru": "Жалоба потерпевшего"},
    "aggregate": {"en": "Other offences decided together (gravest)",
                  "ru": "Совокупность правонарушений (наиболее тяжкое из других)"},
    "pregnant": {"en": "Pregnant woman", "ru": "Беременная женщина"},
    "young_children": {"en": "Young children (woman, or man raising them alone)",
                       "ru": "Малолетние дети (женщина или мужчина, воспитывающий в одиночку)"},
    "imposable": {"en": "What a court may impose on these facts",
                  "ru": "Что суд вправе назначить при этих обстоятельствах"},
    "releases": {"en": "Release routes", "ru": "Основания освобождения"},
    "submit": {"en": "Assess", "ru": "Оценить", "kk": "Бағалау"},
    "result": {"en": "Result", "ru": "Результат", "kk": "Нәтиже"},
    "outcome": {"en": "Outcome", "ru": "Итог", "kk": "Қорытынды"},
    "decided": {"en": "Decided on", "ru": "Решение на дату", "kk": "Шешім күні"},
    "governing": {"en": "The law that governs", "ru": "Применимая норма", "kk": "Қолданылатын норма"},
    "fell_under": {"en": "When committed, the act fell under", "ru": "На момент совершения деяние подпадало под",
                   "kk": "Жасалған кезде әрекет мына нормаға жатты"},  # kk: unchecked
    "version": {"en": "version in force", "ru": "редакция действует", "kk": "редакция күшінде"},
    "from": {"en": "from", "ru": "с", "kk": "бастап"},
    "to": {"en": "to", "ru": "по", "kk": "дейін"},
    "law": {"en": "Law", "ru": "Закон", "kk": "Заң"},
    "statute_text": {"en": "Statute text", "ru": "Текст статьи", "kk": "Бап мәтіні"},
    "category": {"en": "Category", "ru": "Категория", "kk": "Санаты"},
    "sanctions": {"en": "Sanctions (alternatives)", "ru": "Санкции (альтернативные)",
                  "kk": "Санкциялар (балама)"},
    "kind": {"en": "Kind", "ru": "Вид", "kk": "Түрі"},
    "range": {"en": "Range", "ru": "Пределы", "kk": "Шегі"},
    "tenge": {"en": "In tenge", "ru": "В тенге", "kk": "Теңгемен"},
    "mci_date": {"en": "MCI of", "ru": "МРП на дату", "kk": "АЕК күні"},
    "suspended": {"en": "not applicable on the decision date", "ru": "не применяется на дату решения",
                  "kk": "шешім күні қолданылмайды"},  # kk: unchecked
    "additional": {"en": "additional", "ru": "дополнительное", "kk": "қосымша"},
    "up_to": {"en": "up to", "ru": "до", "kk": "дейін"},
    "limitation": {"en": "Limitation", "ru": "Давность", "kk": "Ескіру мерзімі"},
    "no_limitation": {"en": "no limitation period applies", "ru": "сроки давности не применяются",
                      "kk": "ескіру мерзімі қолданылмайды"},
    "expires": {"en": "expires", "ru": "истекает", "kk": "өтеді"},
    "notes": {"en": "Notes", "ru": "Примечания", "kk": "Ескертпелер"},
    "notes_lang": {"en": "", "ru": "Примечания и ход рассуждения — на английском.",
                   "kk": "Ескертпелер мен пайымдау барысы ағылшын тілінде."},
    "trace": {"en": "How the answer was reached", "ru": "Ход рассуждения", "kk": "Пайымдау барысы"},
    "timeline": {"en": "The article over time", "ru": "Статья во времени", "kk": "Бап уақыт бойынша"},
    "fines_mci": {"en": "fine (MCI)", "ru": "штраф (МРП)", "kk": "айыппұл (АЕК)"},
    "custody_years": {"en": "custody (years)", "ru": "лишение/ограничение свободы (лет)",
                      "kk": "бас бостандығы (жыл)"},
    "in_force": {"en": "in force", "ru": "действует", "kk": "күшінде"},
    "current_to": {"en": "statute texts current to", "ru": "тексты законов актуальны на",
                   "kk": "заң мәтіндері мына күнге өзекті:"},  # kk: unchecked
    "repealed": {"en": "repealed by Law", "ru": "утратила силу по Закону", "kk": "Заңмен күші жойылды"},
    "compare": {"en": "Two decision dates side by side", "ru": "Две даты решения рядом",
                "kk": "Екі шешім күні қатар"},
    "permalink": {"en": "Link to this assessment", "ru": "Ссылка на эту оценку", "kk": "Осы бағалауға сілтеме"},
    "error": {"en": "The facts cannot be assessed", "ru": "Оценка невозможна", "kk": "Бағалау мүмкін емес"},
    "warning": {"en": "Caution", "ru": "Внимание", "kk": "Назар аударыңыз"},
    "verified": {"en": "verified", "ru": "сверено", "kk": "тексерілген"},
    "unverified": {"en": "NOT verified against the statute", "ru": "НЕ сверено с текстом закона",
                   "kk": "заң мәтінімен тексерілмеген"},  # kk: unchecked
    "api": {"en": "JSON API", "ru": "JSON API", "kk": "JSON API"},
    "language": {"en": "Language", "ru": "Язык", "kk": "Тіл"},
    "for_whom": {"en": "for", "ru": "для", "kk": "үшін"},
}

OUTCOMES: dict[str, dict[str, str]] = {
    "liable": {"en": "Liable", "ru": "Ответственность наступает", "kk": "Жауаптылық туындайды"},
    "decriminalised": {"en": "Decriminalised", "ru": "Деяние декриминализировано",
                       "kk": "Әрекет қылмыс болудан қалды"},  # kk: unchecked
    "time_barred": {"en": "Time-barred", "ru": "Истёк срок давности", "kk": "Ескіру мерзімі өтті"},
    "no_provision": {"en": "No provision applies", "ru": "Нет применимой нормы", "kk": "Қолданылатын норма жоқ"},
    "amnestied": {"en": "Released by amnesty", "ru": "Освобождение по амнистии",
                  "kk": "Рақымшылық бойынша босату"},
    "outside_scope": {"en": "Outside what the library models", "ru": "Вне моделируемой области",
                      "kk": "Модельденген аядан тыс"},  # kk: unchecked
}
"""The outcome words; a value not listed here is shown as its code name."""

PENALTIES: dict[str, dict[str, str]] = {
    "fine": {"en": "fine", "ru": "штраф", "kk": "айыппұл"},
    "income_fine": {"en": "fine in wages or other income", "ru": "штраф в размере заработной платы или иного дохода",
                    "kk": "жалақы немесе өзге табыс мөлшеріндегі айыппұл"},  # kk: unchecked
    "correctional_work": {"en": "correctional work", "ru": "исправительные работы", "kk": "түзеу жұмыстары"},
    "community_service": {"en": "community service", "ru": "общественные работы",
                          "kk": "қоғамдық жұмыстарға тарту"},
    "arrest": {"en": "arrest", "ru": "арест", "kk": "қамаққа алу"},
    "restriction_of_freedom": {"en": "restriction of freedom", "ru": "ограничение свободы",
                               "kk": "бас бостандығын шектеу"},
    "imprisonment": {"en": "imprisonment", "ru": "лишение свободы", "kk": "бас бостандығынан айыру"},
    "deprivation_of_right": {
        "en": "deprivation of the right to hold a post or engage in an activity",
        "ru": "лишение права занимать определённую должность или заниматься определённой деятельностью",
        "kk": "белгiлi бiр лауазымды атқару немесе белгiлi бiр қызметпен айналысу құқығынан айыру",
    },
    "warning": {"en": "warning", "ru": "предупреждение", "kk": "ескерту"},  # kk: unchecked (AOC Art. 41)
    "confiscation": {"en": "confiscation", "ru": "конфискация", "kk": "тәркілеу"},
    "expulsion": {"en": "expulsion", "ru": "выдворение", "kk": "шығарып жiберу"},
    "suspension_of_activity": {"en": "suspension of activity", "ru": "приостановление деятельности",
                               "kk": "қызметін тоқтата тұру"},  # kk: unchecked
    "prohibition_of_activity": {"en": "prohibition of activity", "ru": "запрещение деятельности",
                                "kk": "қызметіне тыйым салу"},  # kk: unchecked
}
"""The kinds of punishment (:class:`kzspeechlaw.Penalty` values)."""

CATEGORIES: dict[str, dict[str, str]] = {
    "criminal_misdemeanour": {"en": "criminal misdemeanour", "ru": "уголовный проступок",
                              "kk": "қылмыстық теріс қылық"},
    "small_gravity": {"en": "crime of small gravity", "ru": "преступление небольшой тяжести",
                      "kk": "онша ауыр емес қылмыс"},
    "medium_gravity": {"en": "crime of medium gravity", "ru": "преступление средней тяжести",
                       "kk": "ауырлығы орташа қылмыс"},
    "grave": {"en": "grave crime", "ru": "тяжкое преступление", "kk": "ауыр қылмыс"},
    "especially_grave": {"en": "especially grave crime", "ru": "особо тяжкое преступление",
                         "kk": "аса ауыр қылмыс"},
    "administrative_offence": {"en": "administrative offence", "ru": "административное правонарушение",
                       "kk": "әкімшілік құқық бұзушылық"},
}

SUBJECTS: dict[str, dict[str, str]] = {
    "natural_person": {"en": "natural person", "ru": "физическое лицо", "kk": "жеке тұлға"},
    "official": {"en": "official", "ru": "должностное лицо", "kk": "лауазымды адам"},
    "legal_entity": {"en": "legal entity", "ru": "юридическое лицо", "kk": "заңды тұлға"},
    "small_business": {"en": "small business", "ru": "субъект малого предпринимательства",
                       "kk": "шағын кәсіпкерлік субъектісі"},
    "medium_business": {"en": "medium business", "ru": "субъект среднего предпринимательства",
                        "kk": "орта кәсіпкерлік субъектісі"},
    "large_business": {"en": "large business", "ru": "субъект крупного предпринимательства",
                       "kk": "ірі кәсіпкерлік субъектісі"},
    "non_profit_organisation": {"en": "non-profit organisation", "ru": "некоммерческая организация",
                                "kk": "коммерциялық емес ұйым"},
}

# The choices of the form. Russian from the statutes' wording (see kzspeechlaw.law.facts); Kazakh shows
# the Russian term where no Kazakh one was checked (both are official languages of the courts).
_YES_NO = {"yes": {"en": "yes", "ru": "да", "kk": "иә"}, "no": {"en": "no", "ru": "нет", "kk": "жоқ"}}

CHOICES: dict[str, dict[str, dict[str, str]]] = {
    **dict.fromkeys(("in_connection_with_duties", "knowing_and_dangerous", "mitigating", "aggravating", "reconciled",
                     "harm_compensated", "complaint", "pregnant", "young_children"), _YES_NO),
    "aggregate": {"none": {"en": "none", "ru": "нет"},
                  "criminal_misdemeanour": {"en": "criminal misdemeanour", "ru": "уголовный проступок"},
                  "small_gravity": {"en": "crime of small gravity", "ru": "преступление небольшой тяжести"},
                  "medium_gravity": {"en": "crime of medium gravity", "ru": "преступление средней тяжести"},
                  "grave": {"en": "grave crime", "ru": "тяжкое преступление"},
                  "especially_grave": {"en": "especially grave crime", "ru": "особо тяжкое преступление"},
                  "administrative_offence": {"en": "administrative offence", "ru": "административное правонарушение"}},
    "stage": {"completed": {"en": "completed", "ru": "оконченное"},
              "attempt": {"en": "attempt", "ru": "покушение"},
              "preparation": {"en": "preparation", "ru": "приготовление"}},
    "procedure": {"ordinary": {"en": "ordinary", "ru": "общий порядок"},
                  "accelerated": {"en": "accelerated pre-trial investigation",
                                  "ru": "ускоренное досудебное расследование"},
                  "plea_agreement": {"en": "procedural agreement", "ru": "процессуальное соглашение"},
                  "order": {"en": "order procedure", "ru": "приказное производство"}},
    "conduct": {
        "slander": {"en": "slander", "ru": "клевета", "kk": "жала жабу"},
        "insult": {"en": "insult", "ru": "оскорбление", "kk": "қорлау"},
        "encroachment_on_honour": {"en": "other encroachment on honour and dignity",
                                   "ru": "иное посягательство на честь и достоинство"},
        "desecration_of_image": {"en": "desecration of images (First President)",
                                 "ru": "осквернение изображений Первого Президента"},
        "incitement_of_discord": {"en": "incitement of discord", "ru": "возбуждение розни"},
        "false_information": {"en": "knowingly false information", "ru": "заведомо ложная информация"},
        "call_to_seize_power": {"en": "calls to seize power", "ru": "призывы к захвату власти"},
        "call_to_separatism": {"en": "calls to violate the unitary state", "ru": "призывы к нарушению унитарности"},
        "terrorism_propaganda": {"en": "propaganda of terrorism", "ru": "пропаганда терроризма"},
        "call_to_mass_riots": {"en": "calls to mass riots", "ru": "призывы к массовым беспорядкам"},
        "call_to_violence": {"en": "calls to violence", "ru": "призывы к насилию"},
        "obstructing_journalist": {"en": "obstructing a journalist",
                                   "ru": "воспрепятствование деятельности журналиста"},
        "desecration_of_state_symbols": {"en": "desecration of state symbols",
                                         "ru": "надругательство над государственными символами"},
        "petty_hooliganism": {"en": "petty hooliganism", "ru": "мелкое хулиганство"},
        "media_law_violation": {"en": "violation of the media law", "ru": "нарушение законодательства о масс-медиа"},
        "disclosure_of_minor_data": {"en": "disclosing a minor's identity",
                                     "ru": "разглашение сведений о несовершеннолетнем"},
        "contempt_of_court": {"en": "contempt of court", "ru": "неуважение к суду"},
    },
    "channel": {
        "private": {"en": "private", "ru": "непублично"},
        "public_speech": {"en": "in public", "ru": "публично"},
        "mass_media": {"en": "mass media", "ru": "средства массовой информации"},
        "telecom_network": {"en": "telecommunication networks (internet, social media)",
                            "ru": "сети телекоммуникаций (интернет, соцсети)"},
        "public_work": {"en": "a publicly shown work", "ru": "публично демонстрирующееся произведение"},
    },
    "target": {
        "person": {"en": "a person", "ru": "лицо"},
        "official": {"en": "an official", "ru": "должностное лицо"},
        "authority_representative": {"en": "a representative of authority", "ru": "представитель власти"},
        "judge": {"en": "a judge", "ru": "судья"},
        "president": {"en": "the President", "ru": "Президент"},
        "deputy": {"en": "a member of Parliament", "ru": "депутат Парламента"},
        "journalist": {"en": "a journalist", "ru": "журналист"},
        "state": {"en": "the State", "ru": "государство"},
        "public": {"en": "the public", "ru": "общество"},
    },
    "offender": {
        "natural_person": SUBJECTS["natural_person"],
        "official": SUBJECTS["official"],
        "legal_entity": SUBJECTS["legal_entity"],
    },
}

UNITS: dict[str, dict[str, tuple[str, str, str]]] = {
    # English singular/plural; Russian one/few/many; Kazakh does not inflect for number.
    "MCI": {"en": ("MCI", "MCI", "MCI"), "ru": ("МРП", "МРП", "МРП"), "kk": ("АЕК", "АЕК", "АЕК")},
    "KZT": {"en": ("KZT", "KZT", "KZT"), "ru": ("тенге", "тенге", "тенге"), "kk": ("теңге", "теңге", "теңге")},
    "year": {"en": ("year", "years", "years"), "ru": ("год", "года", "лет"), "kk": ("жыл", "жыл", "жыл")},
    "month": {"en": ("month", "months", "months"), "ru": ("месяц", "месяца", "месяцев"),
              "kk": ("ай", "ай", "ай")},
    "day": {"en": ("day", "days", "days"), "ru": ("сутки", "суток", "суток"),
            "kk": ("тәулік", "тәулік", "тәулік")},
    "hour": {"en": ("hour", "hours", "hours"), "ru": ("час", "часа", "часов"),
             "kk": ("сағат", "сағат", "сағат")},
}


def lang_of(value: str | None) -> str:
    """A supported language code, the default where ``value`` is none of them."""
    return value if value in LANGS else LANGS[0]


def word(key: str, lang: str) -> str:
    """The page's word for ``key`` in ``lang`` (English where no translation is given)."""
    entry = _WORDS[key]
    return entry.get(lang) or entry["en"]


def _pick(table: dict[str, dict[str, str]], code: str, lang: str) -> str:
    entry = table.get(code)
    if entry is None:
        return code.replace("_", " ")
    if lang == "kk" and "kk" not in entry:
        return entry.get("ru") or entry["en"]
    return entry.get(lang) or entry["en"]


def outcome(code: str, lang: str) -> str:
    """The outcome in words; an outcome this page does not know is shown as its code name."""
    return _pick(OUTCOMES, code, lang)


def penalty(code: str, lang: str) -> str:
    """The kind of punishment in words."""
    return _pick(PENALTIES, code, lang)


def category(code: str, lang: str) -> str:
    """The category of the offence in words."""
    return _pick(CATEGORIES, code, lang)


def subject(code: str, lang: str) -> str:
    """Whom a sanction is for, in words."""
    return _pick(SUBJECTS, code, lang)


def choice(field: str, code: str, lang: str) -> str:
    """A value of a form field in words (its code name where none is given)."""
    return _pick(CHOICES.get(field, {}), code, lang)


def amount(value: float, unit: str, lang: str) -> str:
    """``"505 000 тенге"``, ``"2 года"``: thousands spaced (no-break spaces), the unit in the
    language's grammatical number."""
    number = int(value) if float(value).is_integer() else value
    text = f"{number:,}".replace(",", "\u00a0")
    forms = UNITS.get(unit, {}).get(lang)
    if forms is None:
        return f"{text} {unit}"
    return f"{text} {forms[_plural(number, lang)]}"


def _plural(number: float, lang: str) -> int:
    if not isinstance(number, int):
        return 1 if lang == "ru" else 2
    if lang == "ru":
        if number % 10 == 1 and number % 100 != 11:
            return 0
        if number % 10 in (2, 3, 4) and number % 100 not in (12, 13, 14):
            return 1
        return 2
    return 0 if number == 1 else 2
