"""One root exception with named subclasses; their messages are shown to people as they are.

The CLI prints ``str(error)`` on one line and exits non-zero; the API maps each class to a 4xx;
the UI shows the message in an error box.
"""

from __future__ import annotations

__all__ = [
    "CorpusError",
    "CorpusNotFoundError",
    "DocumentExistsError",
    "DocumentNotFoundError",
    "EmptyCorpusError",
    "EmptyInputError",
    "FactcheckError",
    "IndexCacheError",
    "InputError",
    "InputTooLongError",
    "LinkBlockedError",
    "LinkError",
    "LinkFetchError",
    "LinkTooLargeError",
    "NotAWebPageError",
    "NotAnArticleError",
    "StoreUnavailableError",
    "UnsupportedFileError",
]


class FactcheckError(Exception):
    """Root of every error the engine raises on purpose."""

    status_code = 500


class InputError(FactcheckError):
    """A question, quote or file that the service cannot take."""

    status_code = 400


class EmptyInputError(InputError):
    """Nothing to work on: an empty question, quote or file."""


class InputTooLongError(InputError):
    """Over a size limit."""

    status_code = 413


class UnsupportedFileError(InputError):
    """A file that is not a UTF-8 text, Markdown or HTML article."""

    status_code = 415


class CorpusError(FactcheckError):
    """The corpus folder cannot be used."""

    status_code = 400


class CorpusNotFoundError(CorpusError):
    """The corpus folder does not exist."""

    status_code = 404


class EmptyCorpusError(CorpusError):
    """The corpus folder holds no usable article."""


class DocumentNotFoundError(FactcheckError):
    """No article with that doc_id."""

    status_code = 404


class IndexCacheError(FactcheckError):
    """The on-disk index cache cannot be written."""


class StoreUnavailableError(FactcheckError):
    """The configured document store (a PostgreSQL server) cannot be reached or is not configured."""

    status_code = 503


class DocumentExistsError(InputError):
    """An article of that name is already in the corpus (it is never overwritten silently)."""

    status_code = 409


class NotAnArticleError(EmptyInputError):
    """A page or HTML file in which no article text was found (a login page, an index of links, an image)."""

    status_code = 422


class LinkError(InputError):
    """A link that cannot be added: a bad address, or what the server sent cannot be used."""

    status_code = 400


class LinkBlockedError(LinkError):
    """A link (or a redirect) to a loopback, private, link-local or otherwise non-public address."""

    status_code = 403


class LinkFetchError(LinkError):
    """The page could not be fetched: DNS failure, refused connection, timeout, HTTP error, redirect loop."""

    status_code = 422


class LinkTooLargeError(LinkError):
    """The server sent more than the size limit."""

    status_code = 413


class NotAWebPageError(LinkError):
    """The server sent something other than HTML or plain text (an image, a PDF)."""

    status_code = 415
