"""The synonyms and acronyms readers of English planning guidance use most (editable afterwards)."""

from django.db import migrations

SEED = [
    ("cil, community infrastructure levy, infrastructure levy", "Planning Act 2008 charge on development"),
    ("s106, section 106, section 106 agreement, planning obligation, planning obligations, developer contributions",
     "Town and Country Planning Act 1990, section 106"),
    ("acv, asset of community value, assets of community value, community right to bid, right to bid",
     "Localism Act 2011"),
    ("bid, business improvement district, business improvement districts", "Local Government Act 2003"),
    ("ndp, neighbourhood development plan, neighbourhood plan, neighbourhood planning",
     "Neighbourhood Planning (General) Regulations 2012"),
    ("lpa, local planning authority, planning authority", ""),
    ("nppf, national planning policy framework", ""),
    ("asb, antisocial behaviour, anti-social behaviour, anti social behaviour", ""),
    ("neighborhood, neighbourhood", "US spelling"),
    ("neighborhoods, neighbourhoods", "US spelling"),
    ("center, centre", "US spelling"),
    ("program, programme", "US spelling"),
    ("pub, public house", ""),
    ("pspo, public spaces protection order", "Anti-social Behaviour, Crime and Policing Act 2014"),
    ("icb, integrated care board", "Health and Care Act 2022"),
    ("community asset transfer, asset transfer, take over a building, take over a council building", ""),
    ("parish council, town council, local council", ""),
    ("co-op, coop, cooperative, co-operative", ""),
    ("funding, grant, grants", ""),
    ("social media, facebook, instagram, whatsapp, nextdoor", ""),
    ("fly-tipping, fly tipping, flytipping, dumped rubbish", "Environmental Protection Act 1990"),
    ("gp, doctor, doctors, gp surgery, health centre", ""),
]


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("toolkit_search", "SynonymGroup")
    for terms, note in SEED:
        SynonymGroup.objects.get_or_create(terms=terms, defaults={"note": note})


def unseed(apps, schema_editor):
    SynonymGroup = apps.get_model("toolkit_search", "SynonymGroup")
    SynonymGroup.objects.filter(terms__in=[terms for terms, _ in SEED]).delete()


class Migration(migrations.Migration):
    dependencies = [("toolkit_search", "0001_search_vocabulary_and_log")]
    operations = [migrations.RunPython(seed, unseed)]
