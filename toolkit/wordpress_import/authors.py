"""Authors become inactive editor accounts without passwords, so their pages keep an owner."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from . import convert as conv
from .models import ImportedItem, spec_hash
from .wxr import Author


class AuthorsStep:
    """Part of ``WordPressImporter``: the export's authors (and any named only by a post)."""

    def import_authors(self):
        User = get_user_model()
        self.user_objects = {}
        editors = Group.objects.filter(name="Editors").first()
        logins = {a.login: a for a in self.export.authors if a.login}
        for item in self.plan.items:  # authors named by posts but missing from the author list
            if item.item.creator and item.item.creator not in logins:
                logins[item.item.creator] = Author(login=item.item.creator)
        for login, author in logins.items():
            record = self.record(ImportedItem.Kind.AUTHOR, login)
            email = author.email[:254]
            try:
                validate_email(email)
            except ValidationError:
                email = ""
            fields = {  # names are plain text: any markup in them is dropped
                "email": email,
                "first_name": conv.plain_text(author.first_name)[:150],
                "last_name": conv.plain_text(author.last_name or author.display_name)[:150],
            }
            digest = spec_hash(fields)
            if record and record.object_id and record.content_hash == digest:
                self.users[login] = record.object_id
                continue  # the user object is fetched below, with the others, in one query
            with transaction.atomic():
                user = (
                    User.objects.filter(pk=record.object_id).first() if record and record.object_id else None
                )
                if user is None:
                    user = User(username=self.free_username(login), is_active=False, is_staff=False)
                    user.set_unusable_password()
                for name, value in fields.items():
                    setattr(user, name, value)
                user.save()
                if editors:
                    user.groups.add(editors)
                self.save_record(
                    ImportedItem.Kind.AUTHOR,
                    login,
                    object_id=user.pk,
                    object_type="user",
                    content_hash=digest,
                )
            self.users[login] = user.pk
            self.report.counts["authors"] += 1
            self.changed = True
        self.user_objects = User.objects.in_bulk(list(self.users.values()))

    def free_username(self, login):
        User = get_user_model()
        base = "".join(ch for ch in login if ch.isalnum() or ch in "@.+-_")[:140] or "author"
        candidates = [base, f"wp-{base}"] + [f"wp-{base}-{n}" for n in range(2, 1000)]
        taken = set(User.objects.filter(username__in=candidates).values_list("username", flat=True))
        return next(name for name in candidates if name not in taken)
