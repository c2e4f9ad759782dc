"""Word lists and names the benchmark generator draws from.

Plain data, no logic. The words are chosen so that no actor's name can appear in generated
prose by accident: a text search for the rare actor must find exactly the events it is in.
"""

from __future__ import annotations

#: (name, adjective, aliases, capital) of the states; the first is the common actor.
STATES: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("Russia", "Russian", ("Russian Federation",), "Moscow"),
    ("Iran", "Iranian", ("Islamic Republic of Iran",), "Tehran"),
    ("Syria", "Syrian", ("Syrian Arab Republic",), "Damascus"),
    ("Turkey", "Turkish", ("Türkiye",), "Ankara"),
    ("Israel", "Israeli", (), "Jerusalem"),
    ("United States", "American", ("USA", "US"), "Washington"),
    ("United Kingdom", "British", ("UK", "Britain"), "London"),
    ("France", "French", (), "Paris"),
    ("Germany", "German", (), "Berlin"),
    ("China", "Chinese", ("PRC",), "Beijing"),
    ("Saudi Arabia", "Saudi", ("KSA",), "Riyadh"),
    ("Iraq", "Iraqi", (), "Baghdad"),
    ("Lebanon", "Lebanese", (), "Beirut"),
    ("Jordan", "Jordanian", (), "Amman"),
    ("Egypt", "Egyptian", (), "Cairo"),
    ("Qatar", "Qatari", (), "Doha"),
    ("United Arab Emirates", "Emirati", ("UAE",), "Abu Dhabi"),
    ("Ukraine", "Ukrainian", (), "Kyiv"),
    ("Belarus", "Belarusian", (), "Minsk"),
    ("Kazakhstan", "Kazakh", (), "Astana"),
    ("Azerbaijan", "Azerbaijani", (), "Baku"),
    ("Armenia", "Armenian", (), "Yerevan"),
    ("Georgia", "Georgian", (), "Tbilisi"),
    ("India", "Indian", (), "New Delhi"),
    ("Pakistan", "Pakistani", (), "Islamabad"),
    ("Afghanistan", "Afghan", (), "Kabul"),
    ("Yemen", "Yemeni", (), "Sanaa"),
    ("Libya", "Libyan", (), "Tripoli"),
    ("Algeria", "Algerian", (), "Algiers"),
    ("Oman", "Omani", (), "Muscat"),
)

#: Bodies every state has, as "<adjective> <body>".
STATE_BODIES: tuple[str, ...] = ("Ministry of Defence", "Foreign Ministry", "Armed Forces")

#: (name, aliases, member_of) of organisations below the state level, nested on purpose.
ORGANISATIONS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Rosoboronexport", (), ("Russia",)),
    ("Wagner Group", ("PMC Wagner",), ("Russia",)),
    ("Russian Aerospace Forces", ("VKS",), ("Russian Ministry of Defence",)),
    ("GRU", ("Main Intelligence Directorate",), ("Russian Ministry of Defence",)),
    ("Rostec", (), ("Russia",)),
    ("IRGC", ("Revolutionary Guards",), ("Iran",)),
    ("Quds Force", (), ("IRGC",)),
    ("Hezbollah", (), ()),
    ("Hamas", (), ()),
    ("Syrian Arab Army", ("SAA",), ("Syrian Armed Forces",)),
    ("Mossad", (), ("Israel",)),
    ("Israel Defense Forces", ("IDF",), ("Israeli Armed Forces",)),
    ("Pentagon", (), ("American Ministry of Defence",)),
    ("State Department", (), ("American Foreign Ministry",)),
    ("CENTCOM", (), ("American Armed Forces",)),
    ("United Nations", ("UN",), ()),
    ("UN Security Council", ("UNSC",), ("United Nations",)),
    ("NATO", ("North Atlantic Alliance",), ()),
    ("European Union", ("EU",), ()),
    ("IAEA", ("International Atomic Energy Agency",), ("United Nations",)),
    ("OPEC", (), ()),
    ("Arab League", (), ()),
    ("Kurdish YPG", ("YPG",), ()),
    ("Syrian Democratic Forces", ("SDF",), ()),
    ("Houthis", ("Ansar Allah",), ()),
    ("Popular Mobilization Forces", ("PMF",), ("Iraq",)),
)

#: The rare actor: a person in ~2% of events, outside the common actor's membership tree.
RARE_ACTOR: tuple[str, tuple[str, ...], tuple[str, ...]] = (
    "Mehdi Sana",
    ("M. Sana",),
    ("Iranian Foreign Ministry",),
)

FIRST_NAMES: tuple[str, ...] = (
    "Sergei", "Dmitry", "Vladimir", "Nikolai", "Alexei", "Yuri", "Mikhail", "Andrei",
    "Hossein", "Ali", "Mohammad", "Javad", "Qassem", "Reza", "Hassan", "Abbas",
    "Bashar", "Walid", "Faisal", "Fahad", "Khalid", "Omar", "Youssef", "Tariq",
    "Recep", "Mevlüt", "Hakan", "Hulusi", "Benjamin", "Avigdor", "Naftali", "Yossi",
    "John", "Michael", "Robert", "Ashton", "Susan", "Victoria", "James", "Lloyd",
    "Boris", "Philip", "Ben", "Jean-Yves", "Florence", "Heiko", "Ursula", "Annalena",
    "Wang", "Li", "Zhang", "Olena", "Petro", "Volodymyr", "Ilham", "Nikol",
)  # fmt: skip

LAST_NAMES: tuple[str, ...] = (
    "Petrov", "Volkov", "Sokolov", "Morozov", "Lebedev", "Kozlov", "Novikov", "Orlov",
    "Dehghan", "Salami", "Bagheri", "Hatami", "Rezaei", "Karimi", "Ahmadi", "Mousavi",
    "Moallem", "Mekdad", "Haddad", "Khoury", "Al-Jubeir", "Al-Thani", "Nasser", "Aziz",
    "Çavuşoğlu", "Akar", "Fidan", "Yıldız", "Gantz", "Lieberman", "Cohen", "Levi",
    "Carter", "Mattis", "Austin", "Kerry", "Rice", "Nuland", "Harris", "Miller",
    "Hammond", "Wallace", "Le Drian", "Parly", "Maas", "Schulz", "Chen", "Zhao",
    "Kuleba", "Reznikov", "Aliyev", "Pashinyan", "Bayramov", "Tokayev", "Sharif", "Khan",
)  # fmt: skip

ROLES: tuple[str, ...] = ("person", "person", "person", "official", "commander")

PUBLISHERS: tuple[tuple[str, str], ...] = (
    ("Reuters", "reuters.com"), ("Associated Press", "apnews.com"),
    ("Agence France-Presse", "afp.com"), ("TASS", "tass.com"), ("Interfax", "interfax.com"),
    ("Al-Monitor", "al-monitor.com"), ("The Guardian", "theguardian.com"),
    ("BBC News", "bbc.co.uk"), ("Al Jazeera", "aljazeera.com"), ("Tasnim", "tasnimnews.com"),
    ("Fars News", "farsnews.ir"), ("Haaretz", "haaretz.com"), ("Hürriyet", "hurriyet.com.tr"),
    ("The New York Times", "nytimes.com"), ("The Washington Post", "washingtonpost.com"),
    ("Kommersant", "kommersant.ru"), ("Izvestia", "iz.ru"), ("Le Monde", "lemonde.fr"),
    ("Der Spiegel", "spiegel.de"), ("Xinhua", "xinhuanet.com"), ("SANA", "sana.sy"),
    ("Defense News", "defensenews.com"), ("Jane's", "janes.com"), ("RFE/RL", "rferl.org"),
)  # fmt: skip

VERBS: tuple[str, ...] = (
    "meets", "announces", "signs agreement with", "condemns", "visits", "warns",
    "denies reports about", "hosts", "criticises", "confirms talks with", "rejects",
    "welcomes", "calls on", "delivers aid to", "accuses", "holds talks with",
)  # fmt: skip

OBJECTS: tuple[str, ...] = (
    "arms deal", "ceasefire talks", "air defence delivery", "naval exercise",
    "sanctions package", "border incident", "prisoner exchange", "oil export quota",
    "military cooperation", "peace conference", "troop withdrawal", "drone strike",
    "energy pipeline", "nuclear inspection", "humanitarian corridor", "trade agreement",
)  # fmt: skip

TAGS: tuple[str, ...] = (
    "diplomacy", "arms-trade", "s-300", "s-400", "air-defence", "sanctions", "ceasefire",
    "nuclear", "energy", "oil", "gas", "pipeline", "naval", "air-strike", "drones",
    "intelligence", "cyber", "elections", "protests", "refugees", "humanitarian",
    "border", "trade", "finance", "summit", "treaty", "exercise", "deployment",
    "withdrawal", "hostages", "terrorism", "propaganda", "missiles", "tanks", "aviation",
    "space", "grain", "shipping", "ports", "courts", "corruption", "media",
)  # fmt: skip

DATE_TEXTS: tuple[str, ...] = (
    "late {month} {year}", "early {month} {year}", "mid-{month}", "on {day} {month}",
    "last week", "earlier this month", "in the spring of {year}", "next week",
    "the following day", "around {day} {month} {year}",
)  # fmt: skip

#: Prose vocabulary: no capitalised names, so text search only finds what was put there.
_PROSE = """
    officials said the talks would continue after a meeting in the capital on security and
    trade while observers noted that the agreement remained unclear and several ministers
    declined to comment on reports of new deliveries of equipment to the region where forces
    have been deployed since the beginning of the year according to people familiar with the
    matter who spoke on condition of anonymity because they were not authorised to discuss
    the negotiations publicly a spokesman for the ministry told reporters that the government
    would respond to any provocation and called for restraint from all sides analysts
    described the move as a signal to regional partners that the alliance was prepared to
    expand cooperation in defence energy and finance despite warnings from western
    governments about possible sanctions the statement did not say when the shipments would
    arrive or how many units were included in the contract which was reportedly signed during
    a visit last month a senior diplomat said the delegation raised concerns about the
    humanitarian situation and the safety of civilians living near the front line the
    parliament approved the measure by a large majority after a short debate in which
    opposition deputies accused the cabinet of hiding the true costs of the operation state
    media broadcast images of the ceremony and quoted the commander as saying the new systems
    would strengthen the country against threats from abroad the report could not be
    independently verified satellite images published by a private company appeared to show
    vehicles and aircraft at the base the embassy issued a brief statement rejecting the
    allegations as baseless and politically motivated negotiators are expected to resume work
    next week in a neutral venue with mediation by international envoys prices of crude oil
    rose sharply on the news while markets in the region fell for a third consecutive day
"""
WORDS: tuple[str, ...] = tuple(_PROSE.split())
