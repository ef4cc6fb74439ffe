"""A small but complete toolkit built from factories: every page type, linked as in real life."""

from dataclasses import dataclass, fields

from . import factories as f


@dataclass
class DemoSite:
    home: object
    section: object
    other_section: object
    definition: object
    method: object
    other_definition: object
    topic: object
    audience: object
    topic_index: object
    pathway: object
    directory: object
    organisation: object
    about: object
    contact: object
    glossary: object
    print_pack: object


def build_site():
    home = f.make_home()
    topic = f.TopicFactory(name="neighbourhood plan", slug="neighbourhood-plan")
    other_topic = f.TopicFactory(name="surveys", slug="surveys")
    audience = f.AudienceFactory(name="People", slug="people")
    section = f.SectionPageFactory(parent=home, title="Neighbourhood Planning", slug="neighbourhood-planning")
    other_section = f.SectionPageFactory(
        parent=home, title="Tools and Techniques", slug="tools-and-techniques"
    )
    other_definition = f.DefinitionSheetPageFactory(
        parent=section,
        title="Neighbourhood Forum",
        slug="neighbourhood-forum",
        topics=[topic],
        audiences=[audience],
    )
    method = f.MethodSheetPageFactory(
        parent=other_section,
        title="Run a community survey",
        slug="run-a-community-survey",
        topics=[other_topic, topic],
        audiences=[audience],
    )
    definition = f.DefinitionSheetPageFactory(
        parent=section,
        title="Neighbourhood Plan",
        slug="neighbourhood-plan",
        term="Neighbourhood plan",
        other_names="NDP, neighbourhood development plan",
        body=[
            ("heading", "In more detail"),
            (
                "paragraph",
                f.rich(
                    "The <b>body</b> of the sheet explains the idea in plain words. A neighbourhood forum "
                    "or a parish council writes it, and people vote on it in a referendum."
                ),
            ),
            ("heading", "Who can use it"),
            ("paragraph", f.rich("Anyone who lives or works in the area.")),
        ],
        topics=[topic],
        audiences=[audience],
    )
    f.add_sheet_extras(definition, see_also=[other_definition, method])
    f.add_sheet_extras(method, see_also=[definition])
    f.add_sheet_extras(other_definition, see_also=[definition])
    topic_index = f.TopicIndexPageFactory(parent=home)
    pathways = f.PathwayIndexPageFactory(parent=home)
    pathway = f.PathwayPageFactory(
        parent=pathways, audience=audience, route=[definition, method, other_definition]
    )
    directory = f.DirectoryPageFactory(parent=home, show_in_menus=True)
    organisation = f.OrganisationFactory(name="Locality", url="https://locality.org.uk/", topics=[topic])
    f.OrganisationFactory(name="Other Org", topics=[other_topic])
    about = f.StandardPageFactory(parent=home, title="About", slug="about", show_in_menus=True)
    contact = f.ContactPageFactory(parent=home, show_in_menus=True)
    glossary = f.GlossaryPageFactory(parent=home, show_in_menus=True)
    print_packs = f.PrintPackIndexPageFactory(parent=home)
    print_pack = f.PrintPackPageFactory(
        parent=print_packs, title="Start a neighbourhood plan", slug="start", sheets=[definition, method]
    )
    f.TermFactory(
        term="Parish council", aliases="town council", definition="The elected council closest to you."
    )
    f.TermFactory(term="Referendum", definition="A local vote on a plan.", sheet=definition)
    return DemoSite(
        home=home,
        section=section,
        other_section=other_section,
        definition=definition,
        method=method,
        other_definition=other_definition,
        topic=topic,
        audience=audience,
        topic_index=topic_index,
        pathway=pathway,
        directory=directory,
        organisation=organisation,
        about=about,
        contact=contact,
        glossary=glossary,
        print_pack=print_pack,
    )


def reload_site(built):
    """Fresh copies from the database of every object in ``built`` (so tests never share state)."""
    return DemoSite(
        **{
            item.name: type(obj).objects.get(pk=obj.pk)
            for item in fields(built)
            for obj in [getattr(built, item.name)]
        }
    )
