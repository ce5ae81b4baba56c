"""The unchanged generated Allegro client (`allegro-pl-rest-api` 2020.3.12, import `allegro_api`) declaring an offer
attachment; its upload methods target the vendor's literal `https://upload.{environment}` host (the generated code
never formats it), so the file goes up over plain HTTP to the address the client was given."""

from __future__ import annotations

import allegro_api
import httpx
import pytest

from targ.testing import TargServer

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture
def client(demo_client: allegro_api.ApiClient) -> allegro_api.ApiClient:
    return demo_client


def test_declare_with_the_client_then_upload_and_use(targ: TargServer, client: allegro_api.ApiClient,
                                                      allegro: httpx.Client, http: httpx.Client) -> None:
    media = allegro_api.ImagesAndAttachmentsApi(client)
    request = allegro_api.OfferAttachmentRequest(type="MANUAL",
                                                 file=allegro_api.AttachmentFileRequest(name="poradnik.pdf"))
    declared, status, headers = media.create_offer_attachment_using_post_with_http_info(request)
    assert status == 201 and declared.type == "MANUAL" and declared.file.name == "poradnik.pdf"
    assert declared.file.url is None and headers["location"].endswith(f"/sale/offer-attachments/{declared.id}")
    up = allegro.put(headers["location"].removeprefix(targ.url), content=PDF,
                     headers={"Content-Type": "application/pdf"})
    assert up.status_code == 200, up.text
    assert http.get(up.json()["file"]["url"]).content == PDF
