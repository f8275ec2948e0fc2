"""Local OSM editing API v0.6 sandbox: a test fixture and a place to practise uploads.

It answers like production (``api.openstreetmap.org``): where production routes a call to CGImap
(``/map``, element reads, ``/upload``, ``/download``) the sandbox uses CGImap's status codes and
texts, elsewhere those of the Rails port; ``shared/docs/osm-api-v0.6.md`` is the reference.
Standard library, lxml and pyosmium only; it binds 127.0.0.1 only.

Running
=======
::

    python -m tools.osm_sandbox --seed FILE --port N [--db PATH|:memory:]
        [--token TOKEN:USER[:SCOPES]]... [--oauth-client-id ID] [--oauth-redirect-uri URI]...
        [--auto-approve USER] [--test-control] [--cache-dir DIR] [--exit-on-stdin-eof]
        [--no-discovery] [--api-timeout SECONDS] [--verbose]

When ready it prints one line to stdout: ``OSM sandbox listening on http://127.0.0.1:PORT``
(``--port 0`` picks a free port). The API base is ``http://127.0.0.1:PORT/api/0.6``.
``make sandbox`` runs it in the foreground on port 8111; stop it with Ctrl-C.

* ``--seed``: ``.osm`` or ``.osm.pbf`` (default ``tests/data/liechtenstein.osm.pbf``). The seeded
  SQLite database is cached per file content in ``--cache-dir`` (default ``$OSM_SANDBOX_CACHE`` or
  ``<tmp>/osm_sandbox_cache``): Liechtenstein takes about 6 s the first time, then a copy.
  Objects without user belong to ``seed_mapper_a/b/c`` (uids 11-13) and their closed changesets
  1-3; objects without timestamp get the newest timestamp of the file; version 0 becomes 1.
  Members of seeded relations that the extract cut off count as existing (production has them):
  such relations can be modified while keeping those members.
* ``--db``: ``:memory:`` (default) or a file; an existing file is reused as it is (keep your
  practice data between runs; delete the file to start afresh).
* Users: ``alice`` (uid 1), ``bob`` (2), ``carol`` (3), plus the seed users and any user named in
  the seed file. New ids continue after the largest seeded id of each type.
* ``--exit-on-stdin-eof``: stop when standard input closes, so that a server started by a test
  runner never outlives it (the pytest fixture passes it).
* ``--no-discovery``: ``/api/capabilities``, ``/api/0.6/capabilities``,
  ``/api/0.6/permissions`` and ``/api/0.6/user/details`` answer 404 (empty body), as an API
  served by CGImap alone, without the Rails port, does.
* ``--api-timeout``: the ``<timeout seconds>`` of the capabilities (default production's 300),
  which clients wait at most for a request whose answer was lost; tests use a few seconds.
* ``--token TOKEN:USER[:SCOPES]``: a bearer token for USER (name or uid); SCOPES separated by
  commas, ``+`` or spaces, default ``read_prefs write_api``.

What it serves
==============
``/api/versions``, ``/api/capabilities``, ``/api/0.6/capabilities`` (production limits),
``/api/0.6/permissions``, ``/api/0.6/user/details`` (the token's user: id, display name, account
creation, changeset count; ``read_prefs`` needed); ``/map`` (production's selection, sorted,
``<bounds>``, CGImap's 400 texts); ``/{node,way,relation}/ID``, ``/ID/full``, ``/ID/history``,
``/ID/VERSION``, ``/ID/relations``, ``/node/ID/ways``, ``/nodes?nodes=1,2v3``; ``.json`` or
``Accept`` for JSON where production has it (406 otherwise); changesets: ``PUT /changeset/create``,
``POST /changesets``, ``GET/PUT /changeset/ID``, ``PUT /changeset/ID/close``, ``GET /changesets``
(user, display_name, changesets, open, closed, limit, order), ``POST /changeset/ID/upload``
(gzip/deflate bodies too), ``GET /changeset/ID/download``. ``X-Error-Format: xml`` gives 200 and an
``osmError`` document.

Uploads run in one transaction in CGImap's order: consecutive creates of one type and deletes of
one type in document order, consecutive modifies of any type as nodes, then ways, then
relations; the diffResult lists the elements in document order. A changeset auto-closes one hour
after its last change and at most 24 h after creation; it takes at most 10,000 changes.

Auth is ``Authorization: Bearer`` only (Basic or ``?access_token=`` count as anonymous). CGImap
paths: no token 401 ``User is not authorized``, unknown token 401 ``invalid_token``, revoked 401
``token_revoked``, no ``write_api`` 401 ``You have not granted the modify map permission``. Rails
paths: 401 ``Couldn't authenticate you`` and 403 ``You have not permitted the application access
to this facility``.

OAuth 2.0 (Doorkeeper's behaviour)
==================================
One public client, ``--oauth-client-id`` (default ``osm-sandbox``), no secret. Redirect URIs:
``urn:ietf:wg:oauth:2.0:oob`` and ``http://127.0.0.1[:any port]/any path`` (or ``[::1]``); with
``--oauth-redirect-uri`` the path must match a registered URI, the loopback port is ignored as
Doorkeeper does. Other hosts (``localhost`` too) are refused.

* ``GET /oauth2/authorize?response_type=code&client_id&redirect_uri&scope&state&code_challenge
  &code_challenge_method=S256`` - unknown client: 401 HTML page; bad redirect URI: 400 HTML page;
  other errors redirect to ``redirect_uri?error=...&error_description=...&state=...``
  (``unsupported_response_type``, ``invalid_scope``, ``invalid_request``). A missing scope means
  ``read_prefs write_api``. With ``--auto-approve USER`` the answer is at once
  ``302 redirect_uri?code=CODE&state=STATE``; without it an HTML form (pick a user, Authorize or
  Deny) posts to ``POST /oauth2/authorize``; Deny redirects with ``error=access_denied``. For the
  OOB URI the redirect goes to ``/oauth2/authorize/native?code=CODE``, a page with
  ``<code id="authorization_code">CODE</code>``.
* ``POST /oauth2/token`` (``application/x-www-form-urlencoded`` only, else 400
  ``invalid_request``) with ``grant_type=authorization_code, code, redirect_uri, client_id,
  code_verifier`` -> 200 ``{"access_token", "token_type": "Bearer", "scope", "created_at"}``
  (tokens never expire; the same user/client/scopes get the same token back). Errors are
  Doorkeeper's JSON ``{"error", "error_description"}``: 400 ``unsupported_grant_type``, 401
  ``invalid_client``, 400 ``invalid_grant`` (unknown, used or expired code - codes live 10 min and
  are single-use -, other redirect URI or client, wrong PKCE verifier), 400 ``invalid_request``
  (no code, or no verifier for a code issued with a challenge).
* ``POST /oauth2/revoke`` (``token, client_id``, RFC 7009 as Doorkeeper answers it) -> 200 ``{}``
  for a token it revoked and for one it does not know; 403 ``unauthorized_client`` without the
  sandbox's client id or for a token issued to another client. A revoked token is 401
  ``token_revoked`` (Rails paths: ``Couldn't authenticate you``) on the API afterwards.
  ``GET /.well-known/oauth-authorization-server`` gives RFC 8414 metadata.

Test control (only with ``--test-control``; JSON in and out, never subject to faults)
=====================================================================================
* ``POST /__sandbox__/token`` ``{"user": "alice", "scopes": "read_prefs write_api"}`` ->
  ``{"token", "uid"}``.
* ``POST /__sandbox__/fault`` ``{"kind", "path", "method", "times", "status", "retry_after",
  "body", "seconds"}`` -> ``{"id"}``. ``path`` is a regular expression searched in the URL path
  (none: every path), ``method`` e.g. ``POST`` (none: every method), ``times`` how many requests
  it hits (default 1; -1 for ever). Faults are tried in the order they were added. Kinds:

  - ``status``: answer ``status`` (429, 509, 413, 500, 502, 503, ...) with ``text/plain`` body
    ``body`` (defaults: production's 429/509/413 texts, else the reason phrase) and
    ``Retry-After: retry_after`` when given (509 defaults to 60);
  - ``html``: an HTML error page (``status``, default 503) as a proxy would send;
  - ``drop_before``: close the connection without answering, nothing is applied;
  - ``drop_after``: process the request (an upload is committed), then close without answering;
  - ``delay``: wait ``seconds``, then answer normally.
* ``GET /__sandbox__/faults`` lists them, ``DELETE /__sandbox__/faults`` clears them.
* ``POST /__sandbox__/reset``: pristine seeded data, faults cleared, clock reset
  (``{"seconds"}``; about 0.1 s for Liechtenstein). Tokens and users survive.
* ``POST /__sandbox__/clock`` ``{"advance": s}`` or ``{"offset": s}``, and/or ``{"freeze": true}``
  (``false`` lets it run again): move or stop the server's clock
  (changeset time-outs) -> ``{"offset", "now"}``.
* ``POST /__sandbox__/changeset/ID`` ``{"num_changes", "created_at", "closed_at"}`` (any of
  them, Unix seconds): set changeset fields; returns the changeset's fields.
* ``GET /__sandbox__/status``: users, counts of visible elements, the server's now.

Pytest: ``tests/sandbox_fixture.py`` provides ``osm_sandbox`` and ``osm_sandbox_factory``.
"""
