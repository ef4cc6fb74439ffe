"""The three editorial roles and the two-step moderation workflow, set up in one idempotent call.

- **Contributors** draft sheets (and edit the drafts they own) and submit them for moderation.
- **Reviewers** check submitted sheets: they approve them on to the editors, or reject them with a
  comment that goes back to the author. They also work through the public's suggestions.
- **Editors** give the final approval, which publishes; they can also publish directly, and manage
  the taxonomy, glossary, organisations, laws and policies, site settings and the feedback queues,
  and they alone read the contact form's messages (which hold the public's names and emails).

Page permissions are granted on each site's home page, so they cover every section and sheet. The
"Sheet review" workflow (Reviewers, then Editors) is assigned to the home page too. Re-running adds
whatever is missing and never removes a permission an administrator granted by hand.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

CONTRIBUTORS, REVIEWERS, EDITORS = "Contributors", "Reviewers", "Editors"
WORKFLOW_NAME = "Sheet review"
REVIEW_TASK_NAME = "Reviewer check"
SIGN_OFF_TASK_NAME = "Editor sign-off"

MEDIA_USE = ["add_image", "choose_image", "add_document", "choose_document"]
MEDIA_MANAGE = MEDIA_USE + ["change_image", "delete_image", "change_document", "delete_document"]
MANAGE = ["add", "change", "delete", "view"]


@dataclass(frozen=True)
class Role:
    name: str
    page_permissions: list
    collection_permissions: list
    # "app_label.model": actions ("add", "change", "delete", "view")
    model_permissions: dict = field(default_factory=dict)


ROLES = [
    Role(CONTRIBUTORS, ["add"], MEDIA_USE),
    Role(
        REVIEWERS,
        ["add", "change", "lock"],
        MEDIA_USE,
        {
            "feedback.suggestion": ["view", "change"],
            "feedback.pagefeedback": ["view"],
            "linkcheck.checkedlink": ["view"],
            "editorial.law": ["view"],
        },
    ),
    Role(
        EDITORS,
        ["add", "change", "publish", "lock", "unlock", "bulk_delete"],
        MEDIA_MANAGE,
        {
            "taxonomy.topic": MANAGE,
            "taxonomy.audience": MANAGE,
            "glossary.term": MANAGE,
            "directory.organisation": MANAGE,
            "editorial.law": MANAGE,
            "core.toolkitsettings": ["change"],
            "feedback.suggestion": ["view", "change", "delete"],
            "feedback.pagefeedback": ["view", "change", "delete"],
            "linkcheck.checkedlink": ["view"],
            "linkcheck.linkcheckrun": ["add"],  # "Check all links now" on the Broken links report
            "wagtailredirects.redirect": MANAGE,
            "wagtailforms.formsubmission": ["view", "delete"],  # contact messages (names, emails)
        },
    ),
]

DEMO_ACCOUNTS = {
    # username: (password, group, superuser?) -- development only, see load_demo --editor
    "contributor": ("toolkit-demo-contributor", CONTRIBUTORS, False),
    "reviewer": ("toolkit-demo-reviewer", REVIEWERS, False),
    "editor": ("toolkit-demo-editor", EDITORS, True),
}


def model_permission(label, action):
    try:
        model = apps.get_model(label)
    except LookupError as error:
        raise ImproperlyConfigured(f"Editorial roles name a model that does not exist: {label}") from error
    content_type = ContentType.objects.get_for_model(model)
    codename = f"{action}_{model._meta.model_name}"
    return Permission.objects.get(content_type=content_type, codename=codename)


def admin_access():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def collection_permission(codename):
    app_label = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permission(kind):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{kind}_page")


def setup_role(role, home_pages, root_collection):
    group, _ = Group.objects.get_or_create(name=role.name)
    group.permissions.add(admin_access())
    for label, actions in role.model_permissions.items():
        group.permissions.add(*[model_permission(label, action) for action in actions])
    for home in home_pages:
        for kind in role.page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=home, permission=page_permission(kind)
            )
    if root_collection is not None:
        for codename in role.collection_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=collection_permission(codename)
            )
    return group


def task_for(name, group):
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
    task.groups.add(group)
    return task


def setup_workflow(groups, home_pages):
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    steps = [task_for(REVIEW_TASK_NAME, groups[REVIEWERS]), task_for(SIGN_OFF_TASK_NAME, groups[EDITORS])]
    for order, task in enumerate(steps):
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
    for home in home_pages:
        WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def setup_roles():
    """Create or complete the groups, their permissions and the workflow; returns the workflow."""
    home_pages = [site.root_page for site in Site.objects.select_related("root_page")]
    root_collection = Collection.get_first_root_node()
    groups = {role.name: setup_role(role, home_pages, root_collection) for role in ROLES}
    return setup_workflow(groups, home_pages)


def create_demo_accounts():
    """The demo contributor, reviewer and editor (development only: refused unless DEBUG is on).

    Returns ``(username, password)`` pairs. Existing accounts keep their password and rights.
    """
    if not settings.DEBUG:
        raise ImproperlyConfigured("Demo accounts are for development only (DEBUG is off).")
    User = get_user_model()
    made = []
    for username, (password, group_name, superuser) in DEMO_ACCOUNTS.items():
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.org",
                "first_name": "Demo",
                "last_name": username.title(),
            },
        )
        if created:
            user.is_staff = user.is_superuser = superuser
            user.set_password(password)
            user.save()
        user.groups.add(Group.objects.get(name=group_name))
        made.append((username, password))
    return made
