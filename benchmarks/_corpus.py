"""The synthetic corpus for bench_service.py: invented articles with countries, people, sources and meetings."""

from __future__ import annotations

import secrets

# Corpus ---------------------------------------------------------------------------------------------------
# Invented text only: a Zipf-shaped vocabulary, sentence templates and made-up names, so facets have values,
# the phrase "defence minister" exists, and query words hit very different numbers of articles.

WORDS = (  # noqa: SIM905 - a word list reads better as text; roughly most frequent first
    "defence minister military cooperation talks army security visit delegation agreement exercise joint "
    "forces training border regional strategic partnership summit navy bilateral industry procurement "
    "mission peace officers budget alliance helicopters drones ammunition treaty sanctions embassy "
    "ambassador consultations staff operations cyber intelligence logistics contract academy veterans "
    "memorandum protocol modernisation interoperability stability crisis humanitarian demining "
    "peacekeeping submarine frigate radar artillery airspace garrison reservists cadets"
).split()
STOP = "the of and to a in that is was for with as on by at from has were will said".split()  # noqa: SIM905
FIRST = (  # noqa: SIM905
    "Aleksandar Miloš Nikola Dragan Ivana Ana Marko Stefan Jelena Yaşar Hulusi Mehmet Ayşe Lloyd Sergei "
    "Andrei Pierre Sébastien Boris Ljubiša Vojislav Zoran Goran Đorđe Petar Tomislav Nenad Radmila Elif Nadia"
).split()
LAST = (  # noqa: SIM905
    "Vučević Gašić Stefanović Dačić Güler Akar Öztürk Yılmaz Kovačević Petrović Jovanović Nikolić Marković "
    "Đukanović Babić Šarić Horvat Müller Dubois Novak Popescu Ivanov Kuznetsov Papadopoulos Kaya Demir Çelik "
    "Lindqvist Hartmann Rossi Nowak Bianchi Kalnins"
).split()
REGION = "RS TR HR BA ME MK AL GR BG RO HU SI AT DE FR IT US RU CN UA GB PL".split()  # noqa: SIM905
CITIES = (  # noqa: SIM905
    "Belgrade Ankara Zagreb Sarajevo Podgorica Skopje Tirana Athens Sofia Bucharest Budapest Ljubljana "
    "Vienna Berlin Paris Rome Washington Moscow Beijing Kyiv London Warsaw Brussels Istanbul Niš"
).split()
SOURCES = (  # noqa: SIM905
    "Balkan Defence Wire, Adriatic Security Review, Danube Press Agency, Eastern Flank Monitor, "
    "Regional Military Gazette, Ministry Bulletin, Capital Evening News, Strategic Affairs Daily, "
    "Harbour Times, Northern Courier, Mountain Herald, Aegean Observer"
).split(", ")
TEMPLATES = (
    "{p1}, the defence minister of {c1}, met {p2} in {city} to discuss {w1} and {w2}.",
    "The defence minister said the {w1} {w2} with {c2} would continue.",
    "{c1} and {c2} agreed to hold a joint exercise in {year}.",
    "Chief of general staff {p2} visited {city} for talks on {w1}.",
    "A delegation led by {p1} signed a memorandum on {w1} {w2}.",
    "{p2} told reporters that {c1} supports {w1} in the region.",
)


def pseudo_words(rng, n: int) -> list[str]:
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    return ["".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(n)]


def ascii_name(name: str) -> str:
    import unicodedata

    name = name.replace("Đ", "Dj").replace("đ", "dj").replace("ı", "i")
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def generate_corpus(n: int, rng, progress) -> dict:
    """Insert n articles with sources, people, countries, organisations and meetings; return URL material."""
    import datetime
    import hashlib
    import itertools

    from django.utils.text import slugify

    from archive.core import models as m
    from archive.core.text import fold

    vocab = STOP + WORDS + pseudo_words(rng, 5000)
    cum = list(itertools.accumulate(1 / (k + 1) for k in range(len(vocab))))
    countries = {c.code: c.name for c in m.Country.objects.filter(code__in=REGION)}
    codes = sorted(countries)
    orgs = list(m.Organisation.objects.values_list("pk", flat=True))
    sources = m.Source.objects.bulk_create([m.Source(name=s, slug=slugify(s)) for s in SOURCES])
    names = rng.sample([f"{f} {la}" for f in FIRST for la in LAST], min(len(FIRST) * len(LAST), max(200, n // 10)))
    people = m.Person.objects.bulk_create(
        [
            m.Person(name=nm, slug=f"{slugify(ascii_name(nm))}-{i}", country_id=rng.choice(codes))
            for i, nm in enumerate(names)
        ]
    )
    m.PersonName.objects.bulk_create(
        [m.PersonName(person=p, name=v, folded=fold(v)) for p in people for v in {p.name, ascii_name(p.name)}],
        batch_size=2000,
    )
    kinds = [k for k, _ in m.Meeting.Kind.choices]
    salt = secrets.token_hex(4)
    for start in range(0, n, 1000):
        batch, facts = [], []
        for i in range(start, min(n, start + 1000)):
            c1, c2 = rng.sample(codes, 2)
            p1, p2 = rng.sample(people, 2)
            day = datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randint(0, 365 * 16 - 1))
            fill = {"p1": p1.name, "p2": p2.name, "c1": countries[c1], "c2": countries[c2], "city": rng.choice(CITIES)}
            sentences = []
            for _ in range(rng.randint(6, 30)):
                if rng.random() < 0.25:
                    w1, w2 = rng.sample(WORDS, 2)
                    sentences.append(rng.choice(TEMPLATES).format(**fill, w1=w1, w2=w2, year=day.year))
                else:
                    sentences.append(
                        " ".join(rng.choices(vocab, cum_weights=cum, k=rng.randint(8, 20))).capitalize() + "."
                    )
            title = f"{countries[c1]} and {countries[c2]}: {' '.join(rng.sample(WORDS, rng.randint(2, 5)))}"
            undated = rng.random() < 0.03
            batch.append(
                m.Article(
                    title=title,
                    body=" ".join(sentences),
                    source=rng.choice(sources),
                    published=None if undated else day,
                    published_precision="unknown" if undated else "day",
                    content_hash=hashlib.sha256(f"{salt}-{i}".encode()).hexdigest(),
                )
            )
            facts.append(([c1, c2, *rng.sample(codes, rng.randint(0, 2))], [p1, p2], day, c1, c2))
        created = m.Article.objects.bulk_create(batch)
        links_c, links_p, links_o, meetings = [], [], [], []
        for a, (cs, ps, day, c1, c2) in zip(created, facts, strict=True):
            links_c += [m.ArticleCountry(article=a, country_id=c) for c in dict.fromkeys(cs)]
            links_p += [m.ArticlePerson(article=a, person=p, country_id=c1) for p in ps]
            if rng.random() < 0.3:
                links_o.append(m.ArticleOrganisation(article=a, organisation_id=rng.choice(orgs)))
            if rng.random() < 0.4:
                summary = f"{ps[0].name} met {ps[1].name} on {' and '.join(rng.sample(WORDS, 2))}."
                meeting = m.Meeting(kind=rng.choice(kinds), date=day, date_precision="day", country_id=c1)
                meeting.summary, meeting.host_country_id = summary, c1
                meetings.append((a, meeting, ps, (c1, c2)))
        m.ArticleCountry.objects.bulk_create(links_c)
        m.ArticlePerson.objects.bulk_create(links_p)
        m.ArticleOrganisation.objects.bulk_create(links_o)
        m.Meeting.objects.bulk_create([x[1] for x in meetings])
        through = m.Meeting.articles.through
        through.objects.bulk_create([through(meeting=mt, article=a) for a, mt, _, _ in meetings])
        m.Participation.objects.bulk_create(
            [
                m.Participation(meeting=mt, person=p, country_id=c, side=side)
                for _, mt, ps, cs in meetings
                for p, c, side in zip(ps, cs, ("host", "guest"), strict=True)
            ]
        )
        progress(min(n, start + 1000))
    return {
        "articles": list(m.Article.objects.values_list("pk", flat=True)),
        "people": [p.slug for p in people],
        "countries": codes,
        "meetings": list(m.Meeting.objects.values_list("pk", flat=True)),
    }
