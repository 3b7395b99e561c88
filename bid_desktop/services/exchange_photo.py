"""The handover photo of a desa's piagam, kept in the database so it travels in the package.

A camera or phone photo of several MB is scaled to at most ``MAX_EDGE`` pixels and stored as
JPEG (EXIF dropped after applying its rotation), so a package of a whole event stays small.
The photo id comes from its bytes: the same file attached twice is one record.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy.orm import Session

from bid_desktop.domain import ids
from bid_desktop.services import exchange
from bid_desktop.services.audit import audit
from bid_desktop.services.errors import UserError
from bid_desktop.storage.models import Photo

MAX_FILE = 40 * 1024 * 1024
MAX_EDGE = 1600
QUALITY = 85


def jpeg_of(data: bytes) -> bytes:
    """The photo as a JPEG of at most MAX_EDGE pixels; UserError when it is not an image."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            picture = ImageOps.exif_transpose(image).convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise UserError("Berkas ini bukan foto yang dapat dibaca (JPEG/PNG)") from exc
    picture.thumbnail((MAX_EDGE, MAX_EDGE))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=QUALITY, optimize=True)
    return out.getvalue()


def attach_photo(
    session: Session, event_id: str, desa_code: str, path: Path
) -> exchange.PiagamState:
    """Store the photo and link it to the desa's piagam (replacing an earlier one)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE:
            raise UserError(f"{path.name}: foto lebih dari {MAX_FILE // 2**20} MB")
        data = jpeg_of(path.read_bytes())
    except OSError as exc:
        raise UserError(f"{path.name}: tidak dapat dibaca ({exc.strerror})") from exc
    digest = hashlib.sha256(data).hexdigest()
    photo_id = ids.natural_id("photo", event_id, digest)
    if session.get(Photo, photo_id) is None:
        session.add(
            Photo(
                id=photo_id,
                event_id=event_id,
                sha256=digest,
                mime="image/jpeg",
                data_b64=base64.b64encode(data).decode("ascii"),
                taken_at=dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0),
            )
        )
    piagam = exchange.ensure_piagam(session, event_id, desa_code)
    if piagam.photo_id != photo_id:
        before = {"photo_id": piagam.photo_id}
        piagam.photo_id = photo_id
        audit(session, "piagam.photo", "piagam", piagam.id, before, {"photo_id": photo_id})
    session.flush()
    state = exchange.piagam_state(session, event_id, desa_code)
    assert state is not None
    return state


def photo_bytes(session: Session, photo_id: str) -> bytes:
    photo = session.get(Photo, photo_id)
    if photo is None:
        raise UserError("Foto tidak ditemukan")
    return base64.b64decode(photo.data_b64)
