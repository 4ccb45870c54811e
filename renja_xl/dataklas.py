"""A faster ``__init__`` for the frozen dataclasses built by the hundred thousand (findings, parsed codes,
verdicts): validating a workbook's codes makes several per code, and the generated ``__init__`` of a frozen
dataclass calls ``object.__setattr__`` once per field, which cost more than parsing the code itself."""

from __future__ import annotations

import dataclasses
from typing import TypeVar

__all__ = ["init_cepat"]

T = TypeVar("T", bound=type)


def init_cepat(cls: T) -> T:
    """Give a frozen dataclass an ``__init__`` with the same signature and defaults that fills the instance
    dict directly. Equality, hashing, ``repr``, ``replace`` and pickling are unchanged (they go through the
    fields); assigning an attribute afterwards still raises ``FrozenInstanceError``.

    Only for plain dataclasses: no ``__post_init__``, no slots, no ``InitVar``, ``init=False`` or ``kw_only`` fields."""
    if not dataclasses.is_dataclass(cls) or not cls.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__} bukan dataclass frozen")
    if hasattr(cls, "__post_init__") or "__slots__" in cls.__dict__:
        raise TypeError(f"{cls.__name__}: __post_init__/slots tidak didukung")
    fields = dataclasses.fields(cls)
    glob: dict[str, object] = {"_KOSONG": dataclasses.MISSING}
    param: list[str] = []
    badan: list[str] = []
    for f in fields:
        if not f.init or f.kw_only:
            raise TypeError(f"{cls.__name__}.{f.name}: field init=False/kw_only tidak didukung")
        if f.default is not dataclasses.MISSING:
            glob[f"_d_{f.name}"] = f.default
            param.append(f"{f.name}=_d_{f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            glob[f"_f_{f.name}"] = f.default_factory
            param.append(f"{f.name}=_KOSONG")
            badan.append(f"    if {f.name} is _KOSONG: {f.name} = _f_{f.name}()")
        else:
            param.append(f.name)
    badan.append("    d = self.__dict__")
    badan += [f"    d[{f.name!r}] = {f.name}" for f in fields]
    sumber = f"def __init__(self, {', '.join(param)}):\n" + "\n".join(badan) + "\n"
    lokal: dict[str, object] = {}
    exec(sumber, glob, lokal)  # noqa: S102 -- built from the class's own field names, as dataclasses does
    init = lokal["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    init.__doc__ = cls.__init__.__doc__  # type: ignore[misc]
    cls.__init__ = init  # type: ignore[misc]
    return cls
