"""Print view, PDFs, "Email this sheet" and the reader's print pack.

The print view and the email form hang off each sheet's own address (``print/`` and ``email/``,
routed by ``SheetPage``); PDFs are at the sheet's address with ``.pdf`` in place of the last
slash; the reader's pack is at ``/pack/`` and is kept in their session, so it needs no account.
"""

import smtplib

from django.contrib import messages
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import Page, Site

from toolkit.core.origin import from_this_site
from toolkit.core.ratelimit import client_address, mailbox_identity, over_limit, too_many
from toolkit.sheets.models import SheetPage

from .booklets import BUILDS_PER_CLIENT, TooManyBooklets, booklet_for
from .documents import (
    booklet_filename,
    live_sheets_in_order,
    page_pdf_url,
    publisher,
    sheet_pdf,
    sheet_print_html,
)
from .forms import EmailSheetForm, PackTitleForm
from .mail import send_sheet
from .models import Booklet, PrintPackPage
from .pack import MAX_SHEETS, Pack, PackFull, clean_title

SESSION_KEY = "print_pack"
REFRESH_SECONDS = 3  # how often the "making your booklet" page asks again
EMAILS_PER_CLIENT = (10, 3600)  # at most 10 sheets emailed per hour from one client
EMAILS_PER_RECIPIENT = (3, 24 * 3600)  # at most 3 sheets a day to one address


# --- one sheet -----------------------------------------------------------------------------------


def sheet_print(request, page):
    """``/<section>/<sheet>/print/``: the sheet alone, as it prints, with a print button."""
    response = HttpResponse(sheet_print_html(request, page))
    response["X-Robots-Tag"] = "noindex"
    return response


def pdf_response(pdf, filename, disposition):
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def live_public_page_at(request, path):
    """The live page, open to everyone, at ``/<path>/`` of the site being served, or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    url_path = f"{site.root_page.url_path}{path}/"
    return Page.objects.live().public().filter(url_path=url_path).specific().first()


@require_GET
def page_pdf(request, path):
    """``/<section>/<sheet>.pdf`` and ``/print-packs/<pack>.pdf``: only live pages open to all."""
    page = live_public_page_at(request, path)
    if isinstance(page, SheetPage):
        return pdf_response(sheet_pdf(request, page), f"{page.slug}.pdf", "inline")
    if isinstance(page, PrintPackPage):
        sheets = page.sheets()
        if not sheets:
            raise Http404("This print pack has no published sheets yet.")
        return booklet_response(
            request, page.title, sheets, f"{page.slug}.pdf", shared=True, intro=page.intro
        )
    raise Http404("No published sheet or print pack at this address.")


@never_cache
@require_http_methods(["GET", "POST"])
def sheet_email(request, page):
    """``/<section>/<sheet>/email/``: send the sheet's title, summary and link to one address."""
    context = {"page": page, "section": page.get_parent()}
    if request.method == "GET":
        return email_form(request, context, EmailSheetForm())
    if over_limit("email-client", client_address(request), *EMAILS_PER_CLIENT):
        return rate_limited(request, context, "client", EMAILS_PER_CLIENT)
    form = EmailSheetForm(request.POST)
    if not form.is_valid():
        return email_form(request, context, form)
    recipient = form.cleaned_data["email"]
    sent = TemplateResponse(request, "printing/email_sent.html", context | {"recipient": recipient})
    if form.is_robot():
        return sent  # a robot sees the usual confirmation; nothing is sent
    if over_limit("email-recipient", mailbox_identity(recipient), *EMAILS_PER_RECIPIENT):
        return rate_limited(request, context, "recipient", EMAILS_PER_RECIPIENT)
    try:
        send_sheet(
            page,
            recipient,
            sheet_url=request.build_absolute_uri(page.get_url(request)),
            pdf_url=request.build_absolute_uri(page_pdf_url(page, request)),
            publisher=publisher(request),
        )
    except (smtplib.SMTPException, OSError):
        return TemplateResponse(request, "printing/email_failed.html", context, status=503)
    return sent


def email_form(request, context, form):
    return TemplateResponse(
        request, "printing/email_sheet.html", context | {"form": form}, status=400 if form.errors else 200
    )


def rate_limited(request, context, who, limit):
    seconds = limit[1]
    response = TemplateResponse(
        request,
        "printing/rate_limited.html",
        context | {"who": who, "hours": seconds // 3600},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response


# --- the reader's print pack ---------------------------------------------------------------------


def load_pack(request):
    return Pack.from_data(request.session.get(SESSION_KEY))


def save_pack(request, pack):
    request.session[SESSION_KEY] = pack.to_data()


def safe_next(request, fallback):
    target = request.POST.get("next", "")
    allowed = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if allowed and target.startswith("/") else fallback


def sheet_ids_from(values):
    """Whole numbers from the posted ``sheet`` values; None when any is not one (in ASCII digits:
    ``str.isdigit()`` also says yes to "²", which ``int()`` refuses)."""
    ids = []
    for value in values:
        if not (value.isascii() and value.isdigit()) or len(value) > 12:
            return None
        ids.append(int(value))
    return ids


def pack_page(request, pack, error="", title_form=None, status=200):
    """The pack page, with the pack's sheets checked against what is published now."""
    sheets = live_sheets_in_order(pack.sheet_ids)
    gone = pack.keep_only({sheet.pk for sheet in sheets})
    if gone:
        save_pack(request, pack)
    return TemplateResponse(
        request,
        "printing/pack.html",
        {
            "pack": pack,
            "sheets": sheets,
            "gone": gone,
            "error": error,
            "max_sheets": MAX_SHEETS,
            "title_form": title_form or PackTitleForm(initial={"title": pack.title}),
            "ready_made": PrintPackPage.objects.live().public().order_by("path"),
        },
        status=status,
    )


@never_cache
@require_GET
def pack_view(request):
    """``/pack/``: the reader's pack, to reorder, trim, name and download."""
    return pack_page(request, load_pack(request))


@csrf_exempt  # checked by origin instead, so that listing pages stay cacheable (see origin.py)
@never_cache
@require_POST
def pack_add(request):
    """Add one sheet (a card's button) or several (a ready-made pack's button) to the pack."""
    if not from_this_site(request):
        return TemplateResponse(request, "printing/not_from_this_site.html", status=403)
    pack = load_pack(request)
    ids = sheet_ids_from(request.POST.getlist("sheet"))
    live = {sheet.pk: sheet for sheet in live_sheets_in_order([*(ids or []), *pack.sheet_ids])}
    if not ids or any(pk not in live for pk in ids):
        return pack_page(
            request,
            pack,
            error="We could not add that: the sheet does not exist or is not published.",
            status=400,
        )
    pack.keep_only(live.keys())  # sheets unpublished since they were added leave the pack
    sheets = [live[pk] for pk in dict.fromkeys(ids)]
    try:
        added = pack.add(ids)
    except PackFull as full:
        return pack_page(request, pack, error=str(full), status=400)
    save_pack(request, pack)
    messages.success(request, added_message(sheets, added, pack))
    return HttpResponseRedirect(safe_next(request, reverse("printing:pack")))


def added_message(sheets, added, pack):
    link = format_html('<a href="{}">See your pack</a>', reverse("printing:pack"))
    count = f"{len(pack)} sheet{'s' if len(pack) != 1 else ''}"
    if len(sheets) == 1:
        what = "was already" if not added else "is now"
        return format_html("“{}” {} in your pack ({}). {}", sheets[0].title, what, count, link)
    return format_html("Added {} sheets to your pack ({}). {}", len(added), count, link)


@never_cache
@require_POST
def pack_change(request):
    """Move a sheet up or down, remove it, or empty the pack; then back to the pack page."""
    pack = load_pack(request)
    action = request.POST.get("action", "")
    ids = sheet_ids_from([request.POST.get("sheet", "")]) or [0]
    changed = {
        "up": lambda: pack.move(ids[0], -1),
        "down": lambda: pack.move(ids[0], 1),
        "remove": lambda: pack.remove(ids[0]),
        "clear": lambda: pack.clear() or True,
    }.get(action)
    if changed is None:
        return pack_page(request, pack, error="That change is not one we know how to make.", status=400)
    if not changed():
        return pack_page(
            request, pack, error="That sheet is not in your pack, or cannot move further.", status=400
        )
    save_pack(request, pack)
    anchor = f"#pack-sheet-{ids[0]}" if action in ("up", "down") else ""
    return redirect(reverse("printing:pack") + anchor)


@never_cache
@require_POST
def pack_title(request):
    pack = load_pack(request)
    form = PackTitleForm(request.POST)
    if not form.is_valid():
        return pack_page(request, pack, title_form=form, status=400)
    pack.title = clean_title(form.cleaned_data["title"])
    save_pack(request, pack)
    messages.success(request, f"Your pack is now called “{pack.title}”.")
    return redirect("printing:pack")


@never_cache
@require_GET
def pack_booklet(request):
    """``/pack/booklet.pdf``: the reader's pack as one PDF booklet (a download)."""
    pack = load_pack(request)
    sheets = live_sheets_in_order(pack.sheet_ids)
    if not sheets:
        return pack_page(
            request,
            pack,
            error="Your pack is empty, so there is nothing to print yet. Add sheets with “Add to pack”.",
            status=400,
        )
    return booklet_response(request, pack.title, sheets, booklet_filename(pack.title), shared=False)


def booklet_response(request, title, sheets, filename, shared, intro=""):
    """The booklet's PDF when it is made; until then a page that refreshes itself (202), or says
    it could not be made and offers to try again (503). ``intro``: who a ready-made pack is for."""
    try:
        booklet = booklet_for(request, title, sheets, again=request.GET.get("again") == "1", intro=intro)
    except TooManyBooklets:
        return too_many(request, BUILDS_PER_CLIENT)
    if booklet.status == Booklet.READY:
        response = FileResponse(
            default_storage.open(booklet.file_name),
            as_attachment=True,
            filename=filename,
            content_type="application/pdf",
        )
        patch_cache_control(response, public=shared, private=not shared, max_age=60 if shared else 0)
        return response
    failed = booklet.status == Booklet.FAILED
    response = TemplateResponse(
        request,
        "printing/booklet_waiting.html",
        {
            "title": title,
            "sheet_count": len(sheets),
            "failed": failed,
            "retry_url": f"{request.path}?again=1",
            "refresh_seconds": REFRESH_SECONDS,
        },
        status=503 if failed else 202,
    )
    add_never_cache_headers(response)
    return response
