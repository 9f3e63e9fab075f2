"""Open a .docx safely: recognise what is not one, and say so on one line.

Delegates receive password-protected drafts, old binary .doc files and broken downloads;
each gets a message that says what the file is and what to do, never a traceback. The file
is read once into memory and never written.
"""
from __future__ import annotations

import io
import zipfile
import zlib

from ..errors import DrafterError

OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
MACRO_CT = b"application/vnd.ms-word.document.macroEnabled.main+xml"
PLAIN_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise DrafterError("no such file", path) from None
    except IsADirectoryError:
        raise DrafterError("is a directory, expected a file", path) from None
    except OSError as exc:
        raise DrafterError(f"cannot read: {exc.strerror}", path) from None


def _ole2_message(data: bytes) -> str:
    names = data  # directory entries may sit anywhere in the compound file
    if "EncryptedPackage".encode("utf-16-le") in names or "EncryptionInfo".encode("utf-16-le") in names:
        return ("password-protected (encrypted) Word file; open it in Word, remove the password "
                "(File > Info > Protect Document) and save it again as .docx")
    if "WordDocument".encode("utf-16-le") in names:
        return "old binary Word format (.doc); open it in Word or LibreOffice and save it as .docx"
    return ("an OLE2 compound file, not a .docx: an old binary .doc or a password-protected "
            "document; save it as an unprotected .docx")


def _macro_free(data: bytes) -> bytes:
    """A .docm read as a .docx: same package with the main part's content type renamed."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(MACRO_CT, PLAIN_CT)
            dst.writestr(info, blob)
    return out.getvalue()


def open_document(path: str):
    """The python-docx Document of ``path``, or a DrafterError saying why it cannot be read."""
    data = read_bytes(path)
    if data.startswith(OLE2_MAGIC):
        raise DrafterError(_ole2_message(data), path)
    if not data:
        raise DrafterError("empty file, not a Word document", path)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if path.lower().endswith(".doc"):
            raise DrafterError("not a Word file this tool can read (expected .docx)", path)
        raise DrafterError("corrupt or not a Word .docx file (it is not a zip package)", path)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
        bad = zf.testzip()
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise DrafterError(f"corrupt .docx (damaged zip package: {exc})", path) from None
    if bad is not None:
        raise DrafterError(f"corrupt .docx (damaged part {bad})", path)
    if "[Content_Types].xml" not in names or "word/document.xml" not in names:
        raise DrafterError("not a Word document (the zip package has no word/document.xml)", path)
    if MACRO_CT in zf.read("[Content_Types].xml"):
        data = _macro_free(data)
    from docx import Document
    try:
        return Document(io.BytesIO(data))
    except Exception as exc:  # python-docx/lxml raise many kinds on a damaged package
        detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise DrafterError(f"corrupt .docx ({detail})", path) from None
