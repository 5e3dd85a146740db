"""Uploaded files: checked by content, stored on local disk or in S3, downloaded only as attachments."""
from portal.storage.backends import StorageUnavailable
from portal.storage.checks import CV_TYPES, EVIDENCE_TYPES, UploadRejected
from portal.storage.models import StoredFile
from portal.storage.services import (
    FileRules,
    delete_file,
    download_response,
    file_rules,
    get_storage,
    init_app,
    read_bytes,
    remove_orphans,
    save_upload,
)

__all__ = [
    "CV_TYPES",
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
