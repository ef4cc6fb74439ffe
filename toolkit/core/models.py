"""The site-wide settings that every app reads (the pages themselves live in ``toolkit.home``)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .cache import remember
from .ratelimit import RateCount  # noqa: F401 - a model of this app, kept beside the code that uses it
from .versions import VersionToken  # noqa: F401 - likewise


@register_setting(icon="cog")
class ToolkitSettings(BaseSiteSetting):
    """Words and marks that appear on every sheet and page, edited once for the whole site: who
    publishes it (a council's name and logo head every page), the phase banner, the licence."""

    publisher = models.CharField(
        max_length=200,
        default="Community Planning Toolkit",
        help_text="Who publishes this toolkit, for example “Anytown Borough Council”. It heads every "
        "page (in place of a logo, if there is none) and is named on every sheet and PDF.",
    )
    site_name = models.CharField(
        max_length=100,
        blank=True,
        help_text="The name of this website, shown in the header beside the publisher, for example "
        "“Community Planning Toolkit”. Leave it empty if it is the same as the publisher.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The publisher's logo for the header: a wide image that reads well in white on the "
        "header's dark green, at least 80 pixels tall. Its text alternative is the publisher's name.",
    )
    show_phase_banner = models.BooleanField(
        "show the phase banner",
        default=True,
        help_text="A line under the header saying the site is new and asking for feedback.",
    )
    phase = models.CharField(
        max_length=20,
        default="Beta",
        help_text="One word for how finished the site is, shown as a tag: “Alpha” or “Beta”.",
    )
    phase_banner_text = models.CharField(
        "phase banner text",
        max_length=200,
        default="This is a new service. Your feedback will help us improve it.",
    )
    feedback_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where the phase banner's “Give feedback” link goes, for example the Contact page. "
        "Leave it empty for no link.",
    )
    licence = models.TextField(
        default="You may copy and share this sheet, in print or online, for non-commercial use, "
        "as long as you say it comes from the Community Planning Toolkit and link back to it.",
        help_text="The reproduction licence printed at the foot of every sheet.",
    )
    licence_name = models.CharField(
        max_length=120,
        blank=True,
        default="Creative Commons Attribution-NonCommercial 4.0",
        help_text="The licence's name, shown in the footer of every page. Change it (and its address) "
        "if your licence text says something else.",
    )
    licence_url = models.URLField(
        "licence address",
        blank=True,
        default="https://creativecommons.org/licenses/by-nc/4.0/",
        help_text="Where the licence's full terms are published.",
    )
    contact_email = models.EmailField(blank=True, help_text="Where messages from the contact form are sent.")

    panels = [
        MultiFieldPanel(
            [FieldPanel("publisher"), FieldPanel("site_name"), FieldPanel("logo")], "Name and logo"
        ),
        MultiFieldPanel(
            [
                FieldPanel("show_phase_banner"),
                FieldPanel("phase"),
                FieldPanel("phase_banner_text"),
                FieldPanel("feedback_page"),
            ],
            "Phase banner",
        ),
        MultiFieldPanel(
            [FieldPanel("licence"), FieldPanel("licence_name"), FieldPanel("licence_url")], "Licence"
        ),
        FieldPanel("contact_email"),
    ]

    class Meta:
        verbose_name = "toolkit settings"

    @classmethod
    def for_site(cls, site):
        """The site's settings, shared by every request until they are saved (a save bumps the
        content version), rather than read from the database for each page."""
        if site is None:
            return super().for_site(site)
        return remember(f"settings:{site.pk}", lambda: super(ToolkitSettings, cls).for_site(site))
