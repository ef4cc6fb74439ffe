"""``python manage.py create_toolkit --name "Anytown Toolkit" --address https://toolkit.anytown.gov.uk``

Run once after ``migrate`` on a new server: it turns the empty database into a working, empty
toolkit (see ``toolkit/provision/builder.py`` for what it makes). Running it again changes
nothing, so it is safe in a deploy script. Exit status 0 when done, 1 with one line when the
toolkit cannot be made as asked (nothing is written then).
"""

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.core.validators import validate_email
from django.db import DatabaseError

from toolkit.core.management.base import ToolkitCommand
from toolkit.core.site_address import SiteAddressError, parse_address
from toolkit.provision.builder import ToolkitBuilder, ToolkitSetupError


class Command(ToolkitCommand):
    help = (
        "Make an empty toolkit in a migrated database: its home page, structural pages, the standard "
        "sections, topics and audiences, its name and address, and the editorial roles. Safe to re-run."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--name", required=True, help='the toolkit\'s name, e.g. "Anytown Community Toolkit"'
        )
        parser.add_argument(
            "--address", required=True, help="its public address, e.g. https://toolkit.anytown.gov.uk"
        )
        parser.add_argument("--contact-email", default="", help="where the contact form's messages go")
        parser.add_argument(
            "--no-taxonomy",
            action="store_true",
            help="make no sections, topics or audiences (for example before importing them from WordPress)",
        )

    def handle(self, *args, **options):
        contact_email = options["contact_email"].strip()
        try:
            parse_address(options["address"])  # refuse bad input before writing anything
            if contact_email:
                validate_email(contact_email)
            report = ToolkitBuilder(
                name=options["name"],
                address=options["address"],
                contact_email=contact_email,
                taxonomy=not options["no_taxonomy"],
            ).build()
        except ValidationError as error:
            raise CommandError(f"--contact-email {contact_email!r} is not an email address.") from error
        except (ToolkitSetupError, SiteAddressError) as error:
            raise CommandError(str(error)) from error
        except DatabaseError as error:
            raise CommandError(
                f"The database is not ready ({' '.join(str(error).split())[:200]}): run migrate first."
            ) from error
        if options["verbosity"] > 1 or not report.nothing_changed:
            for line in report.lines():
                self.stdout.write(f"  {line}")
        if report.nothing_changed:
            self.stdout.write("The toolkit is already set up: nothing changed.")
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    "Toolkit ready. Next: `python manage.py createsuperuser` to make the first editor, "
                    "then sign in at /admin/."
                )
            )
