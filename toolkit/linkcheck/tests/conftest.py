import datetime
import ssl

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from toolkit.editorial.tests.conftest import contributor, editor, reviewer, workflow  # noqa: F401
from toolkit.sheets.models import SheetLinkOut
from toolkit.tests import factories as f

from .server import LocalServer


@pytest.fixture
def web():
    with LocalServer() as server:
        yield server


@pytest.fixture
def linked_site(site, web):
    """Point every outbound link of the test site at the local server."""
    SheetLinkOut.objects.filter(sheet=site.definition).update(url=web.url("/missing"))
    SheetLinkOut.objects.filter(sheet=site.method).update(url=web.url("/moved"))
    SheetLinkOut.objects.filter(sheet=site.other_definition).update(url=web.url("/ok"))
    site.definition.body = [
        (
            "paragraph",
            f'<p>See <a href="{web.url("/broken")}">this</a> and <a href="{web.url("/hang")}">that</a>.</p>',
        )
    ]
    site.definition.save_revision().publish()
    from toolkit.directory.models import Organisation
    from toolkit.editorial.models import Law

    Organisation.objects.update(url=web.url("/ok"))
    Law.objects.all().delete()
    f.LawFactory(name="Localism Act 2011", url=web.url("/ok"))
    return site


@pytest.fixture
def other_loopback_web():
    """A second server on 127.0.0.2: a private address that tests leave outside what is allowed."""
    with LocalServer(host="127.0.0.2") as server:
        yield server


@pytest.fixture(scope="session")
def certificate(tmp_path_factory):
    """A self-signed certificate for ``localhost`` and ``toolkit.test``; returns (cert, key) paths."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "toolkit.test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.DNSName("toolkit.test")]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return folder / "cert.pem", folder / "key.pem"


@pytest.fixture
def tls_web(certificate):
    """An HTTPS server on 127.0.0.1 with that certificate; ``server_names`` records each SNI."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*map(str, certificate))
    server_names = []
    context.sni_callback = lambda sock, name, ctx: server_names.append(name)
    with LocalServer(tls=context) as server:
        server.server_names = server_names
        yield server


@pytest.fixture
def trusting(certificate):
    """A client TLS context that trusts the test certificate (and nothing else)."""
    return ssl.create_default_context(cafile=str(certificate[0]))
