"""The seller's threads: `GET /messaging/threads` (the latest message first, `limit` ≤ 20, `offset`),
`GET /messaging/threads/{threadId}` and `PUT /messaging/threads/{threadId}/read` `{read}`. Rules in
targ.allegro.messaging.center."""

from __future__ import annotations

from targ.allegro.messaging import center
from targ.allegro.messaging.access import own_thread, seller_id
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "listThreadsGET")
def list_threads(req: Request) -> Reply:
    offset, limit = int(req.param("offset", 0)), int(req.param("limit", 20))
    page = center.threads(req.world, seller_id(req))[offset:offset + limit]
    return Reply({"threads": [center.thread_view(t) for t in page], "offset": offset, "limit": limit})


@handler("allegro", "getThreadGET")
def get_thread(req: Request) -> Reply:
    # The spec declares only 404 here: another seller's thread is not found.
    _, thread = own_thread(req, others=404)
    return Reply(center.thread_view(thread))


@handler("allegro", "changeReadFlagOnThreadPUT")
def change_read_flag(req: Request) -> Reply:
    # "403 User not allowed to update thread read flag": another seller's thread.
    seller, thread = own_thread(req, others=403)
    center.set_read(req.world, seller, thread, bool(req.body["read"]))
    return Reply(center.thread_view(thread))
