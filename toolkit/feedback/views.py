"""The public's side of feedback: "Suggest a sheet", "Suggest a change" and "Is this page useful?".

Nothing sent here is ever published: it waits in a queue in the admin. Every form has a honeypot
(a robot that fills it sees the usual thank-you page, and nothing is stored), length limits and a
limit per client on how many it can send (429 and a page that says when to try again).

"Is this page useful?" sits on every public page, whose HTML may be cached and shared between
readers, so its forms carry no CSRF token and the endpoint is exempt: it sets no cookie, changes nothing
that belongs to anyone and stores no personal data, so a forged request could do no more than a
direct one, which the rate limit already bounds. The suggestion forms live on their own pages
(linked from every sheet and the footer), which are never cached, and keep Django's CSRF check.
"""

from django.db import transaction
from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from toolkit.core.origin import from_this_site
from toolkit.core.ratelimit import client_address, over_limit, too_many
from toolkit.sheets.models import SheetPage

from .forms import SuggestChangeForm, SuggestSheetForm, UsefulForm, live_sheets
from .models import PageFeedback, Suggestion
from .notify import tell_editors
from .useful_bar import VIEWS_WITHOUT_A_PAGE

SUGGESTIONS_PER_CLIENT = (5, 3600)  # five suggestions an hour from one client
ANSWERS_PER_CLIENT = (20, 3600)  # twenty "is this page useful?" answers an hour from one client


def form_page(request, template, form, **context):
    return TemplateResponse(request, template, {"form": form, **context}, status=400 if form.errors else 200)


@never_cache
@require_http_methods(["GET", "POST"])
def suggest_sheet(request):
    """``/suggest/``: suggest a new sheet."""
    if request.method == "GET":
        return form_page(request, "feedback/suggest_sheet.html", SuggestSheetForm())
    if over_limit("suggest", client_address(request), *SUGGESTIONS_PER_CLIENT):
        return too_many(request, SUGGESTIONS_PER_CLIENT)
    form = SuggestSheetForm(request.POST)
    if not form.is_valid():
        return form_page(request, "feedback/suggest_sheet.html", form)
    if not form.is_robot():
        with transaction.atomic():  # stored with its email to the editors, or not at all
            suggestion = Suggestion.objects.create(
                kind=Suggestion.Kind.NEW_SHEET,
                title=form.cleaned_data["title"],
                details=form.cleaned_data["details"],
                email=form.cleaned_data["email"],
            )
            tell_editors(request, suggestion)
    return TemplateResponse(request, "feedback/suggestion_thanks.html", {"kind": "sheet"})


@never_cache
@require_http_methods(["GET", "POST"])
def suggest_change(request):
    """``/suggest/change/?sheet=<id>``: suggest a change to one sheet (linked from every sheet)."""
    if request.method == "GET":
        sheet_id = request.GET.get("sheet", "")
        valid = sheet_id.isascii() and sheet_id.isdigit() and len(sheet_id) <= 12  # not "²"
        sheet = live_sheets().filter(pk=int(sheet_id)).first() if valid else None
        if sheet is None:
            return TemplateResponse(request, "feedback/no_such_sheet.html", status=404)
        form = SuggestChangeForm(initial={"sheet": sheet.pk})
        return form_page(request, "feedback/suggest_change.html", form, sheet=sheet)
    if over_limit("suggest", client_address(request), *SUGGESTIONS_PER_CLIENT):
        return too_many(request, SUGGESTIONS_PER_CLIENT)
    form = SuggestChangeForm(request.POST)
    if not form.is_valid():
        sheet = form.cleaned_data.get("sheet")
        return form_page(request, "feedback/suggest_change.html", form, sheet=sheet)
    sheet = form.cleaned_data["sheet"]
    if not form.is_robot():
        with transaction.atomic():
            suggestion = Suggestion.objects.create(
                kind=Suggestion.Kind.CHANGE,
                sheet=sheet,
                sheet_title=sheet.title,
                details=form.cleaned_data["details"],
                email=form.cleaned_data["email"],
            )
            tell_editors(request, suggestion)
    return TemplateResponse(request, "feedback/suggestion_thanks.html", {"kind": "change", "sheet": sheet})


@csrf_exempt
@never_cache
@require_POST
def useful(request):
    """``/feedback/useful/``: the "Is this page useful?" bar on every public page posts here.

    It has no CSRF token (pages are cached for everyone), so it must come from one of our own
    pages. A browser without JavaScript is sent back to the page, to its thank-you line
    (``#useful-thanks``, which the page shows when it is the target); the bar's script asks for
    JSON instead and thanks the reader in place. Any mistake is a page in the site's design.
    """
    wants_json = "application/json" in request.headers.get("Accept", "")
    if not from_this_site(request):
        if wants_json:
            return JsonResponse({"error": "not from this site"}, status=403)
        return TemplateResponse(request, "feedback/not_from_this_site.html", status=403)
    if over_limit("useful", client_address(request), *ANSWERS_PER_CLIENT):
        if wants_json:
            return JsonResponse({"error": "too many answers"}, status=429)
        return too_many(request, ANSWERS_PER_CLIENT)
    form = UsefulForm(request.POST, views_without_a_page=VIEWS_WITHOUT_A_PAGE)
    if not form.is_valid():
        if wants_json:
            return JsonResponse({"error": "invalid"}, status=400)
        back_url = form.back_url() if not (form.has_error("page") or form.has_error("path")) else ""
        return form_page(request, "feedback/useful_errors.html", form, back_url=back_url)
    if not form.is_robot():
        page = form.cleaned_data["page"]
        PageFeedback.objects.create(
            page=page,
            sheet=page if isinstance(page, SheetPage) else None,
            path=form.stored_path(),
            useful=form.cleaned_data["useful"],
            doing=form.cleaned_data["doing"],
            comment=form.cleaned_data["comment"],
        )
    if wants_json:
        return JsonResponse({"thanks": "Thank you for your feedback"})
    return HttpResponseRedirect(form.back_url() + "#useful-thanks", status=303)
