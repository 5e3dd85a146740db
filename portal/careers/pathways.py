"""Career pathways as one graph of roles: where each role leads, how people reach it, and maps to draw.

Every step of every published pathway is an edge with its details (what it takes, how long). A role's
``leads_to`` adds an edge without details where no pathway joins the same two roles. Maps are laid out
here, as plain numbers, and drawn as SVG by ``templates/careers/macros/pathways.html``.

The pathways themselves never loop (``content.graph_problems`` refuses that), but ``leads_to`` is written
role by role, so the whole graph could. The layout therefore never trusts it: an arrow that would close a
loop is set aside while the layers are worked out, and drawn as going back up.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from sqlalchemy import select

from portal.careers.content import STEP_KINDS, Pathway
from portal.extensions import db
from portal.reference.models import JobRole, Sector


@dataclass(frozen=True)
class PathwayLink:
    slug: str
    title: str


@dataclass(frozen=True)
class Step:
    """One way from one role to another, with what it takes when a pathway says."""

    from_code: str
    to_code: str
    from_name: str
    to_name: str
    kind: str | None = None
    what: str = ""
    time: str = ""
    level: int | None = None
    standard: str | None = None
    body: str | None = None
    pathways: tuple[PathwayLink, ...] = ()

    @property
    def kind_label(self) -> str:
        return STEP_KINDS[self.kind] if self.kind else ""

    @property
    def has_details(self) -> bool:
        return self.kind is not None

    @property
    def takes(self) -> str:
        """What the step takes, in words: the apprenticeship and its standard, or the registering body."""
        if self.level is not None:
            return f"{self.kind_label} at level {self.level} (standard {self.standard})"
        if self.body:
            return f"Registration with the {self.body}"
        return self.kind_label

    def _details(self) -> tuple:
        return (self.kind, self.what, self.time, self.level, self.standard, self.body)


@dataclass(frozen=True)
class Progression:
    """A role's place in the graph: the steps onward from it and the steps into it."""

    code: str
    name: str
    onward: tuple[Step, ...]
    into: tuple[Step, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.onward or self.into)


@dataclass(frozen=True)
class RoleGraph:
    """The system-wide graph: every step (pathway steps and bare ``leads_to``), and each role's name."""

    steps: tuple[Step, ...]
    names: dict[str, str]

    def onward(self, code: str) -> tuple[Step, ...]:
        return tuple(sorted((s for s in self.steps if s.from_code == code), key=lambda s: (s.to_name, s.kind or "")))

    def into(self, code: str) -> tuple[Step, ...]:
        return tuple(sorted((s for s in self.steps if s.to_code == code), key=lambda s: (s.from_name, s.kind or "")))

    @property
    def pairs(self) -> set[tuple[str, str]]:
        return {(step.from_code, step.to_code) for step in self.steps}

    @property
    def roles(self) -> set[str]:
        return {code for pair in self.pairs for code in pair}


def role_names() -> dict[str, str]:
    """Each role's name from the reference list."""
    return {code: name for code, name in db.session.execute(select(JobRole.code, JobRole.name))}


def sector_names() -> dict[str, str]:
    return {code: name for code, name in db.session.execute(select(Sector.code, Sector.name))}


def role_graph(content, names: dict[str, str] | None = None) -> RoleGraph:
    """The graph of every published pathway step and every role's ``leads_to``."""
    names = names if names is not None else role_names()
    # The same two roles with the same details in several pathways is one step in all of them.
    grouped: dict[tuple, list[PathwayLink]] = {}
    for pathway in content.pathways.values():
        link = PathwayLink(pathway.slug, pathway.title)
        for step in pathway.steps:
            key = (step.from_role, step.to_role, step.kind, step.what, step.time, step.level, step.standard,
                   step.body)
            grouped.setdefault(key, []).append(link)
    steps = [
        Step(from_code=key[0], to_code=key[1], from_name=names.get(key[0], key[0]),
             to_name=names.get(key[1], key[1]), kind=key[2], what=key[3], time=key[4], level=key[5],
             standard=key[6], body=key[7], pathways=tuple(links))
        for key, links in grouped.items()
    ]
    given = {(step.from_code, step.to_code) for step in steps}
    for role in content.roles.values():
        for target in role.leads_to:
            if (role.code, target) not in given:
                given.add((role.code, target))
                steps.append(Step(role.code, target, names.get(role.code, role.code), names.get(target, target)))
    return RoleGraph(tuple(steps), names)


def role_progression(content, code: str, graph: RoleGraph | None = None) -> Progression:
    """Where you could go from the role, and how people get there."""
    graph = graph or role_graph(content)
    return Progression(code, graph.names.get(code, code), graph.onward(code), graph.into(code))


# Pathways --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PathwayView:
    pathway: Pathway
    steps: tuple[Step, ...]
    roles: tuple[tuple[str, str], ...]
    first_roles: tuple[tuple[str, str], ...]
    last_roles: tuple[tuple[str, str], ...]
    sectors: tuple[str, ...]
    map: MapLayout | None


def pathway_view(content, slug: str, names: dict[str, str] | None = None,
                 sectors: dict[str, str] | None = None, *, draw: bool = True) -> PathwayView | None:
    """A published pathway with its steps in order, its roles named, and its map (unless ``draw`` is
    false); None when there is no such pathway."""
    pathway = content.pathways.get(slug)
    if pathway is None:
        return None
    names = names if names is not None else role_names()
    sectors = sectors if sectors is not None else sector_names()
    order = {code: index for index, code in enumerate(pathway.roles)}
    ordered = sorted(pathway.steps, key=lambda s: (order.get(s.to_role, 0), order.get(s.from_role, 0)))
    link = (PathwayLink(pathway.slug, pathway.title),)
    steps = tuple(
        Step(s.from_role, s.to_role, names.get(s.from_role, s.from_role), names.get(s.to_role, s.to_role),
             kind=s.kind, what=s.what, time=s.time, level=s.level, standard=s.standard, body=s.body, pathways=link)
        for s in ordered
    )
    starts = {s.from_role for s in pathway.steps} - {s.to_role for s in pathway.steps}
    ends = {s.to_role for s in pathway.steps} - {s.from_role for s in pathway.steps}
    named = tuple((code, names.get(code, code)) for code in pathway.roles)
    return PathwayView(
        pathway=pathway,
        steps=steps,
        roles=named,
        first_roles=tuple(role for role in named if role[0] in starts),
        last_roles=tuple(role for role in named if role[0] in ends),
        sectors=tuple(sectors.get(code, code) for code in pathway.sectors),
        map=layout([Node(code, name) for code, name in named], [(s.from_role, s.to_role) for s in pathway.steps],
                   key=f"pathway-{slug}") if draw else None,
    )


def pathway_views(content) -> list[PathwayView]:
    """Every published pathway, by title, without maps (the list shows none)."""
    names, sectors = role_names(), sector_names()
    return [pathway_view(content, slug, names, sectors, draw=False) for slug in content.pathways]


def role_map(content, code: str, graph: RoleGraph | None = None) -> MapLayout | None:
    """The role with the roles just before and just after it, or None when it has neither."""
    graph = graph or role_graph(content)
    into, onward = graph.into(code), graph.onward(code)
    if not (into or onward):
        return None
    nodes, seen = [], set()
    for step_code in [s.from_code for s in into] + [code] + [s.to_code for s in onward]:
        if step_code not in seen:
            seen.add(step_code)
            nodes.append(Node(step_code, graph.names.get(step_code, step_code)))
    edges = list(dict.fromkeys([(s.from_code, code) for s in into] + [(code, s.to_code) for s in onward]))
    return layout(nodes, edges, current=code, key=f"role-{code}")


# Layout ----------------------------------------------------------------------------------------------

BOX_WIDTH = 184
LINE_HEIGHT = 20
PADDING = 12
GAP_ACROSS = 24
GAP_DOWN = 48
MARGIN = 8
DUMMY_WIDTH = 16
CHARS_PER_LINE = 19
MAX_LINES = 3


@dataclass(frozen=True)
class Node:
    code: str
    name: str


@dataclass(frozen=True)
class Box:
    code: str
    name: str
    lines: tuple[str, ...]
    layer: int
    x: float
    y: float
    width: float
    height: float
    current: bool = False

    @property
    def centre_x(self) -> float:
        return self.x + self.width / 2

    def text_y(self, line: int) -> float:
        """The baseline of the box's ``line``th line, the lines centred up and down in the box."""
        used = len(self.lines) + (1 if self.current else 0)
        top = self.y + (self.height - used * LINE_HEIGHT) / 2
        return top + LINE_HEIGHT * (line + 1) - 5


@dataclass(frozen=True)
class Arrow:
    from_code: str
    to_code: str
    points: tuple[tuple[float, float], ...]
    back: bool = False

    @property
    def path(self) -> str:
        first, *rest = self.points
        return f"M {first[0]:g} {first[1]:g} " + " ".join(f"L {x:g} {y:g}" for x, y in rest)


@dataclass(frozen=True)
class MapLayout:
    key: str
    boxes: tuple[Box, ...]
    arrows: tuple[Arrow, ...]
    width: float
    height: float
    layers: int
    across: int
    current: str | None = None
    summary: str = ""

    def box(self, code: str) -> Box:
        return next(box for box in self.boxes if box.code == code)

    @property
    def across_size(self) -> int:
        """How many boxes wide the map is, counting the slots of long arrows: its stylesheet size."""
        return max(1, math.ceil((self.width - 2 * MARGIN + GAP_ACROSS) / (BOX_WIDTH + GAP_ACROSS)))


def wrap(name: str, width: int = CHARS_PER_LINE, most: int = MAX_LINES) -> tuple[str, ...]:
    """The name on lines of about ``width`` characters; a last line that would overflow ends in an ellipsis."""
    lines: list[str] = []
    for word in name.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > most:
        lines = lines[: most - 1] + [" ".join(lines[most - 1:])]
    if len(lines[-1]) > width + 4 and len(lines) == most:
        lines[-1] = lines[-1][: width + 2].rstrip() + "…"
    return tuple(lines) or ("",)


def layers_of(codes: Sequence[str], edges: Iterable[tuple[str, str]]) -> tuple[dict[str, int], set[tuple[str, str]]]:
    """Each role's layer, the longest path from a start, and the arrows set aside because they close a loop.

    A depth-first walk in the given order finds the arrows that point back to a role still being walked;
    without them the graph has no loop, so the longest path is finite."""
    successors: dict[str, list[str]] = defaultdict(list)
    for start, end in edges:
        successors[start].append(end)
    state: dict[str, int] = {}
    back: set[tuple[str, str]] = set()
    order: list[str] = []
    for root in codes:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(successors[root]))]
        while stack:
            role, following = stack[-1]
            for end in following:
                if state.get(end) == 1:
                    back.add((role, end))
                elif end not in state:
                    state[end] = 1
                    stack.append((end, iter(successors[end])))
                    break
            else:
                stack.pop()
                state[role] = 2
                order.append(role)
    layer = {code: 0 for code in codes}
    for role in reversed(order):  # reverse post-order is a topological order of the forward arrows
        for end in successors[role]:
            if (role, end) not in back:
                layer[end] = max(layer[end], layer[role] + 1)
    return layer, back


def crossings(rows: list[list[str]], links: list[tuple[str, str]]) -> int:
    """How many pairs of links between neighbouring rows cross."""
    position = {item: index for row in rows for index, item in enumerate(row)}
    row_of = {item: number for number, row in enumerate(rows) for item in row}
    by_row: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for start, end in links:
        by_row[row_of[start]].append((position[start], position[end]))
    total = 0
    for pairs in by_row.values():
        for index, (a1, b1) in enumerate(pairs):
            for a2, b2 in pairs[index + 1:]:
                if (a1 - a2) * (b1 - b2) < 0:
                    total += 1
    return total


def _order_rows(rows: list[list[str]], links: list[tuple[str, str]], passes: int = 4) -> list[list[str]]:
    """Rows reordered by the barycentre of each item's neighbours, sweeping down then up; the order with
    the fewest crossings wins (ties keep the earlier, so the author's order stands when nothing is gained)."""
    above: dict[str, list[str]] = defaultdict(list)
    below: dict[str, list[str]] = defaultdict(list)
    for start, end in links:
        below[start].append(end)
        above[end].append(start)
    best, best_crossings = [list(row) for row in rows], crossings(rows, links)
    current = [list(row) for row in rows]

    def sweep(indices, neighbours):
        for number in indices:
            position = {}
            for row in current:
                position.update({item: index for index, item in enumerate(row)})
            keyed = []
            for index, item in enumerate(current[number]):
                near = [position[other] for other in neighbours[item]]
                keyed.append((sum(near) / len(near) if near else index, index, item))
            current[number] = [item for _b, _i, item in sorted(keyed)]

    for _ in range(passes):
        sweep(range(1, len(current)), above)
        sweep(range(len(current) - 2, -1, -1), below)
        found = crossings(current, links)
        if found < best_crossings:
            best, best_crossings = [list(row) for row in current], found
    return best


def layout(nodes: Sequence[Node], edges: Sequence[tuple[str, str]], *, current: str | None = None,
           key: str = "map") -> MapLayout:
    """Boxes in layers from the top (each step's target in a later layer than its source), each layer
    ordered to cut crossings, and arrows between them; a long arrow bends round the layers it passes."""
    codes = [node.code for node in nodes]
    names = {node.code: node.name for node in nodes}
    edges = [(a, b) for a, b in dict.fromkeys(edges) if a in names and b in names and a != b]
    layer, back = layers_of(codes, edges)
    depth = max(layer.values(), default=0) + 1
    rows: list[list[str]] = [[] for _ in range(depth)]
    for code in codes:
        rows[layer[code]].append(code)
    # An arrow that spans several layers passes through a narrow slot in each; back arrows run the same way.
    links: list[tuple[str, str]] = []
    routes: dict[tuple[str, str], list[str]] = {}
    for start, end in edges:
        top, bottom = (end, start) if (start, end) in back else (start, end)
        chain = [top]
        for between in range(layer[top] + 1, layer[bottom]):
            slot = f"\0{start}\0{end}\0{between}"
            rows[between].append(slot)
            chain.append(slot)
        chain.append(bottom)
        links += list(zip(chain, chain[1:]))
        routes[(start, end)] = chain
    rows = _order_rows(rows, links)

    wrapped = {code: wrap(names[code]) for code in codes}
    lines = max((len(value) for value in wrapped.values()), default=1) + (1 if current else 0)
    box_height = PADDING * 2 + LINE_HEIGHT * lines

    def slot_width(item: str) -> float:
        return DUMMY_WIDTH if item.startswith("\0") else BOX_WIDTH

    row_widths = [sum(slot_width(item) for item in row) + GAP_ACROSS * max(len(row) - 1, 0) for row in rows]
    width = max(row_widths, default=BOX_WIDTH) + 2 * MARGIN
    centre: dict[str, tuple[float, float]] = {}
    boxes = []
    for number, row in enumerate(rows):
        x = MARGIN + (width - 2 * MARGIN - row_widths[number]) / 2
        y = MARGIN + number * (box_height + GAP_DOWN)
        for item in row:
            w = slot_width(item)
            centre[item] = (x + w / 2, y)
            if not item.startswith("\0"):
                boxes.append(Box(item, names[item], wrapped[item], number, x, y, w, box_height, item == current))
            x += w + GAP_ACROSS
    arrows = []
    for (start, end), chain in routes.items():
        points = [(centre[chain[0]][0], centre[chain[0]][1] + box_height)]
        for slot in chain[1:-1]:
            points += [(centre[slot][0], centre[slot][1]), (centre[slot][0], centre[slot][1] + box_height)]
        points.append((centre[chain[-1]][0], centre[chain[-1]][1] - 2))
        if (end, start) in routes:  # a move both ways: two arrows side by side, not one on top of the other
            shift = 5 if (start, end) in back else -5
            points = [(x + shift, y) for x, y in points]
        if (start, end) in back:
            points.reverse()
        arrows.append(Arrow(start, end, tuple(points), back=(start, end) in back))
    ordered_boxes = tuple(sorted(boxes, key=lambda box: (box.layer, box.x)))
    return MapLayout(
        key=key, boxes=ordered_boxes, arrows=tuple(arrows), width=width,
        height=MARGIN * 2 + depth * box_height + (depth - 1) * GAP_DOWN, layers=depth,
        across=max((sum(1 for item in row if not item.startswith("\0")) for row in rows), default=1),
        current=current, summary=describe(ordered_boxes, edges, current),
    )


def describe(boxes: Sequence[Box], edges: Sequence[tuple[str, str]], current: str | None = None) -> str:
    """The map in words: how many roles, where it starts, and where each role leads."""
    names = {box.code: box.name for box in boxes}
    onward: dict[str, list[str]] = defaultdict(list)
    for start, end in edges:
        onward[start].append(names[end])
    starts = [box.name for box in boxes if box.layer == 0]
    sentences = [f"A map of {len(boxes)} roles, starting from {_joined(starts, 'and')}."]
    if current:
        sentences.append(f"You are here: {names[current]}.")
    for box in boxes:
        if onward[box.code]:
            sentences.append(f"{box.name} leads to {_joined(onward[box.code], 'or')}.")
    return " ".join(sentences)


def _joined(words: Sequence[str], last: str) -> str:
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {last} " + words[-1]
