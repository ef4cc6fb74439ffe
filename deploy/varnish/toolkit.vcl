# Varnish in front of the toolkit's gunicorn: anonymous pages from memory, everything personal
# straight through. Install as /etc/varnish/default.vcl (Debian's varnish listens on :6081).
#
# - Kept: GET and HEAD without a session cookie, for as long as the page's Cache-Control says
#   (Django marks shared pages "public, max-age=..., s-maxage=..."). A response that does not say
#   it may be shared (search, whose every query is counted for editors), or is private, no-store
#   or sets a cookie, is never kept.
# - Passed straight through: every other method (forms), any request with a session (editors in
#   the admin and previews, readers with a print pack), and /admin/.
# - Purged by the toolkit: PURGE <url> drops one page (Wagtail's front-end cache invalidation on
#   publish, unpublish and move), and BAN drops everything (sent when any change a reader could
#   see is committed). Only this machine may purge.
vcl 4.1;

import directors;

# The app servers (gunicorn). For more than one, add a backend like app1 for each and add it to
# the director in vcl_init; a server that stops answering gets no requests until it answers again.
backend app1 {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 90s;
    .between_bytes_timeout = 30s;
    # Is the process answering? (/healthz also checks the database.) Lenient on purpose: a busy
    # server answers a probe late, and one marked sick would turn every reader away, so a server
    # is dropped only after 4 of the last 5 probes (3 s apart) failed or took over 3 s. A server
    # that is down meanwhile costs a retry on another (vcl_backend_error), not an error.
    .probe = {
        .url = "/healthz/live";
        .interval = 3s;
        .timeout = 3s;
        .window = 5;
        .threshold = 2;
        .initial = 2;
    }
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = app.backend();
    if (req.method == "PURGE" || req.method == "BAN") {
        # Only the app on this machine: never through nginx (which always sets X-Real-IP).
        if (!client.ip ~ purgers || req.http.X-Real-IP) {
            return (synth(403, "Not allowed"));
        }
        if (req.method == "PURGE") {
            return (purge);
        }
        ban("req.url ~ .");
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin)/" || req.http.Authorization) {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Other cookies (the CSRF token, anything a browser adds) do not change a shared page.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # (An unset Cache-Control matches no pattern, so it is not shared either.)
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "(^|[ ,])(public|s-maxage=)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Just after a page expires, one reader may get it while a fresh copy is fetched (grace).
    set beresp.grace = 30s;
}

sub vcl_backend_error {
    # The server did not answer (restarting, crashed): a read is tried once more, on the next one.
    if (bereq.retries < 1 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
    # Then a page in plain words, not Varnish's own, and no copy of it is kept.
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "30";
    set beresp.http.Cache-Control = "no-store";
    set beresp.ttl = 0s;
    synthetic({"<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not available right now</title></head>
<body>
<main>
<h1>Sorry, the toolkit is not available right now</h1>
<p>Please try again in a minute. If you were sending a form, go back and send it again then.</p>
</main>
</body>
</html>
"});
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Front-Cache = "hit";
    } else {
        set resp.http.X-Front-Cache = "miss";
    }
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
