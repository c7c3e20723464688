"""Anatomy as validated data: models, the cached loader and the immutable atlas."""

from explainer.anatomy.atlas import SIDES, Atlas, Side, split_instance
from explainer.anatomy.errors import ContentError, ContentErrors
from explainer.anatomy.loader import load_atlas, load_atlas_from
from explainer.anatomy.order import DERMATOMAL_ROOTS, SEGMENTS, VERTEBRAE

__all__ = [
    "DERMATOMAL_ROOTS",
    "SEGMENTS",
    "SIDES",
    "VERTEBRAE",
    "Atlas",
    "ContentError",
    "ContentErrors",
    "Side",
    "load_atlas",
    "load_atlas_from",
    "split_instance",
]
