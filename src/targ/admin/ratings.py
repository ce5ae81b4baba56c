"""The buyer's side of sales ratings as admin actions; the behaviour lives in `targ.allegro.ratings.buyer`, this
module reads the JSON bodies and renders the answers.

* `POST /__targ/buyer/ratings` `{checkoutFormId, recommended, comment?, rates?: {description?, service?,
  deliveryCost?}, justifications?: [{text, visibleForBuyer?}]}` → 201 `{rating}`: the order's buyer rates its seller.
* `PATCH /__targ/buyer/ratings/{ratingId}` `{recommended?, comment?, rates?, justifications?}` → 200 `{rating}`: the
  buyer changes the rating (`comment`/`rates` null: none any more).
* `POST /__targ/buyer/ratings/{ratingId}/withdraw` `{dueToCompensation?}` → 200 `{rating, removedBy}`: the buyer
  removes the rating.
* `GET /__targ/buyer/ratings/{ratingId}` → 200 `{rating, justifications, removedBy}`: the rating as its buyer has it
  (the seller's answer and removal request included), withdrawn or not.

`rating` is exactly what `GET /sale/user-ratings/{ratingId}` shows the seller in the public media type.
"""

from __future__ import annotations

from targ.admin import ADMIN
from targ.admin.core import json_object
from targ.admin.refusals import refusals
from targ.allegro.ratings import buyer, views
from targ.http.request import Reply, Request


@ADMIN.route("POST", "/buyer/ratings")
def rate(req: Request) -> Reply:
    body = json_object(req)
    with refusals():
        rating = buyer.rate(req.world, body)
    return Reply({"rating": views.public(rating)}, 201)


@ADMIN.route("PATCH", "/buyer/ratings/{ratingId}")
def change(req: Request) -> Reply:
    body = json_object(req)
    with refusals():
        rating = buyer.change(req.world, req.path_params["ratingId"], body)
    return Reply({"rating": views.public(rating)})


@ADMIN.route("POST", "/buyer/ratings/{ratingId}/withdraw")
def withdraw(req: Request) -> Reply:
    body = json_object(req)
    with refusals():
        rating = buyer.withdraw(req.world, req.path_params["ratingId"], body)
    return Reply({"rating": views.public(rating), "removedBy": rating["removedBy"]})


@ADMIN.route("GET", "/buyer/ratings/{ratingId}")
def read(req: Request) -> Reply:
    with refusals():
        rating = buyer.read(req.world, req.path_params["ratingId"])
    shown = [j for j in rating["_targ"]["justifications"] if j["visibleForBuyer"]]
    return Reply({"rating": views.public(rating), "justifications": shown, "removedBy": rating.get("removedBy")})
