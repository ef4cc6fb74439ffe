def test_every_page_type_answers(client, site):
    for page in (
        site.home,
        site.section,
        site.definition,
        site.method,
        site.topic_index,
        site.pathway,
        site.directory,
        site.about,
        site.contact,
    ):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
