"""People in each editorial role, on the small test site with the roles and workflow set up."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from toolkit.editorial.roles import CONTRIBUTORS, EDITORS, REVIEWERS, setup_roles


@pytest.fixture
def workflow(site):
    return setup_roles()


def person(username, group_name):
    user = get_user_model().objects.create_user(username=username, password="not-a-real-password-1")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def contributor(workflow):
    return person("casey", CONTRIBUTORS)


@pytest.fixture
def reviewer(workflow):
    return person("robin", REVIEWERS)


@pytest.fixture
def editor(workflow):
    return person("eden", EDITORS)
