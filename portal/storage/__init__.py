"""Uploaded files: checked by content, stored on local disk or in S3, downloaded only as attachments; images
shown on the site (such as logos) served from one route, for every backend."""
from flask import Blueprint

from portal.storage.backends import StorageUnavailable
from portal.storage.checks import CV_TYPES, EVIDENCE_TYPES, IMAGE_TYPES, UploadRejected
from portal.storage.models import StoredFile
from portal.storage.services import (
    FileRules,
    Shown,
    check_image_upload,
    image_url,
    register_public_images,
    save_image,
    delete_file,
    download_response,
    file_rules,
    get_storage,
    init_app,
    read_bytes,
    remove_orphans,
    save_upload,
)

bp = Blueprint("storage", __name__)

__all__ = [
    "CV_TYPES",
    "IMAGE_TYPES",
    "Shown",
    "bp",
    "check_image_upload",
    "image_url",
    "register_public_images",
    "save_image",
    "EVIDENCE_TYPES",
    "FileRules",
    "StorageUnavailable",
    "StoredFile",
    "UploadRejected",
    "delete_file",
    "download_response",
    "file_rules",
    "get_storage",
    "init_app",
    "read_bytes",
    "remove_orphans",
    "save_upload",
]
