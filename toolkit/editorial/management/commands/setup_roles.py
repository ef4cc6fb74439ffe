"""``python manage.py setup_roles``: the editorial groups, permissions and workflow (safe to re-run)."""

from toolkit.core.management.base import ToolkitCommand
from toolkit.editorial.roles import ROLES, setup_roles


class Command(ToolkitCommand):
    help = (
        "Create or complete the Contributors, Reviewers and Editors groups and the two-step "
        "“Sheet review” workflow. Run after migrate and after adding a site; re-running is safe."
    )

    def handle(self, *args, **options):
        workflow = setup_roles()
        tasks = " then ".join(task.name for task in workflow.tasks)
        self.stdout.write(f"  Groups: {', '.join(role.name for role in ROLES)}")
        self.stdout.write(f"  Workflow “{workflow.name}”: {tasks}")
        self.stdout.write(self.style.SUCCESS("Editorial roles ready."))
