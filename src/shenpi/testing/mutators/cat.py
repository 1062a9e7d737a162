"""CAT: a catalogue of items that breaks its own rules. An item with no legal basis, two
active items sharing a code, a case accepted for an item cancelled or delegated down, an
item that publishes no conditions, materials or procedure, a handling type that does not
match the promise, an online item that requires visits, a fee item without its fee
schedule, and a catalogue version never published.
"""

from __future__ import annotations

import attrs

from shenpi.applications import Accepted
from shenpi.items import CatalogueChange, ChangeKind, HandlingType, ItemKind, ItemStatus
from shenpi.jurisdiction import Jurisdiction
from shenpi.rules.engine import Subject
from shenpi.testing import _common as c
from shenpi.testing.mutators._edit import (
    _DAY,
    Injection,
    _accepted,
    _active_items,
    _all_codes,
    _all_item_ids,
    _case_subject,
    _Choices,
    _current_item,
    _derive_item,
    _done,
    _first,
    _free_id,
    _fresh_item,
    _item_injection,
    _listing,
    _mutator,
    _no_target,
    _target,
    _with_case,
    _with_item,
)
from shenpi.timing.limits import TimeUnit


@_mutator("CAT001")
def _item_without_legal_basis(world: Jurisdiction, ch: _Choices) -> Injection:
    """An active item of the current catalogue that lists no legal basis."""
    item = _current_item(world, ch, "CAT001")
    return _item_injection("CAT001", world, item, legal_basis=())


@_mutator("CAT002")
def _duplicate_item_code(world: Jurisdiction, ch: _Choices) -> Injection:
    """Two active items sharing a code: one of two items takes the other's code, or the
    catalogue lists an item again under a new id. The later item in the catalogue is the
    duplicate."""
    items = _active_items(world)
    if not items:
        raise _no_target("CAT002", "active item in the current catalogue")
    if len(items) > 1 and ch.flag():
        first = ch.integer(0, len(items) - 2)
        second = ch.integer(first + 1, len(items) - 1)
        earlier, later = items[first], items[second]
        taker, code = (later, earlier.code) if ch.flag() else (earlier, later.code)
        changed = attrs.evolve(taker, code=code)
        after = _with_item(world, len(world.catalogues) - 1, changed)
        return _done("CAT002", world, after, Subject("item", later.id))
    base = ch.pick(items)
    copy = attrs.evolve(base, id=_free_id(f"{base.department_id}.item", _all_item_ids(world)))
    after = _with_item(world, len(world.catalogues) - 1, copy)
    return _done("CAT002", world, after, Subject("item", copy.id))


@_mutator("CAT003")
def _withdrawn_item_accepted(world: Jurisdiction, ch: _Choices) -> Injection:
    """A case accepted for an item the catalogue in effect (on the day the decision
    period started) lists as cancelled or delegated down: the item itself, when no other
    case took it from that version, else a cancelled listing of it under a new id."""
    world, case = _target(world, ch, "CAT003", _accepted, "decided")
    listing = _listing(world, case)
    if listing is None:
        raise _no_target("CAT003", "case accepted under a catalogue")
    version, item = listing
    position = world.catalogues.index(version)
    status = ch.pick((ItemStatus.CANCELLED, ItemStatus.DELEGATED))
    sharing = [
        a
        for a in world.applications
        if a.id != case.id
        and (found := _listing(world, a)) is not None
        and found[0] is version
        and found[1].id == item.id
    ]
    if sharing:
        new_id = _free_id(f"{item.id}.", _all_item_ids(world))
        listed = attrs.evolve(item, id=new_id, code=_free_id(f"{item.code}-", _all_codes(world)))
        after = _with_item(world, position, attrs.evolve(listed, status=status))
        mutated = attrs.evolve(case, item_ids=(new_id, *case.item_ids[1:]))
    else:
        after = _with_item(world, position, attrs.evolve(item, status=status))
        mutated = case
    after = _with_case(after, mutated)
    index = _first(case, Accepted)
    return _done("CAT003", world, after, _case_subject(case, index))


@_mutator("CAT004")
def _item_not_public(world: Jurisdiction, ch: _Choices) -> Injection:
    """An active item that publishes no conditions, materials or procedure (one or more
    of them)."""
    item = _current_item(world, ch, "CAT004")
    fields = ("conditions", "materials", "procedure")
    chosen = [f for f in fields if ch.flag()] or [ch.pick(fields)]
    return _item_injection("CAT004", world, item, **dict.fromkeys(chosen, ()))


@_mutator("CAT005")
def _handling_type_mismatch(world: Jurisdiction, ch: _Choices) -> Injection:
    """An item that promises working days but is marked instant (即办件), or promises
    hours but is marked 承诺件."""
    item = _current_item(world, ch, "CAT005")
    if item.promised_limit.unit is TimeUnit.HOURS:
        handling = HandlingType.PROMISED
    else:
        handling = HandlingType.INSTANT
    if item.handling is handling:
        raise _no_target("CAT005", "item whose handling type can be made to mismatch")
    return _item_injection("CAT005", world, item, handling=handling)


@_mutator("CAT006")
def _online_item_with_visits(world: Jurisdiction, ch: _Choices) -> Injection:
    """An item handled fully online that requires 1-3 visits to the hall."""
    item = _current_item(world, ch, "CAT006")
    return _item_injection("CAT006", world, item, online=True, on_site_visits=ch.integer(1, 3))


@_mutator("CAT007")
def _fee_item_without_schedule(world: Jurisdiction, ch: _Choices) -> Injection:
    """A fee item (行政事业性收费) that links no fee schedule: a free item reclassified as
    a fee item, or a new fee item listed without its schedule."""
    free = [i for i in _active_items(world) if i.fee_schedule_id is None]
    if free:
        return _item_injection("CAT007", world, ch.pick(free), kind=ItemKind.FEE)
    base = _current_item(world, ch, "CAT007")
    after, item = _derive_item(world, base, kind=ItemKind.FEE, fee_schedule_id=None)
    return _done("CAT007", world, after, Subject("item", item.id))


@_mutator("CAT008")
def _catalogue_change_not_published(world: Jurisdiction, ch: _Choices) -> Injection:
    """A catalogue version made by a change set but never published: the latest
    version's publication is dropped, or a new version adding an item is never
    published."""
    catalogue = world.catalogue
    if catalogue is None:
        raise _no_target("CAT008", "catalogue")
    if catalogue.changes and ch.flag():
        unpublished = attrs.evolve(catalogue, publications=())
    else:
        base = _current_item(world, ch, "CAT008")
        new = _fresh_item(world, base)
        effective = catalogue.effective_on + _DAY * ch.integer(0, 30)
        unpublished = catalogue.apply(
            [CatalogueChange(ChangeKind.ADD, new.id, "市政府令第9号", new)],
            effective_on=min(effective, c.LAST_DAY),
        )
        after = attrs.evolve(world, catalogues=(*world.catalogues, unpublished))
        return _done("CAT008", world, after, Subject("catalogue", str(unpublished.version)))
    catalogues = (*world.catalogues[:-1], unpublished)
    after = attrs.evolve(world, catalogues=catalogues)
    return _done("CAT008", world, after, Subject("catalogue", str(unpublished.version)))
