"""A fast force-directed layout for the viewer, in NumPy only.

networkx's ``spring_layout`` is quadratic in memory below 500 nodes and needs SciPy (and a Python loop over the
nodes) above, far too slow for a 10,000-node graph. This is Fruchterman-Reingold with the repulsion computed on
a grid (particle-mesh): node masses are spread over a square grid (cloud-in-cell), the repulsive field is the
convolution of that density with the ``k^2 / r`` kernel done by FFT, and each node reads the field back at its
position. One iteration costs O(nodes + edges + grid log grid), so 10k nodes / 30k edges lay out in about a
second. A weak pull towards the centre keeps disconnected components on screen.
"""
from __future__ import annotations

import numpy as np


def force_layout(n: int, heads, tails, *, iterations: int | None = None, seed: int = 0,
                 edge_length: float = 100.0, spacing: float = 45.0) -> np.ndarray:
    """Positions (``n x 2`` array, screen units) for ``n`` nodes joined by the edges ``heads[i] - tails[i]``.

    ``edge_length`` is the typical length of an edge in the result, ``spacing`` the least room (side of a square)
    each node gets on average. Deterministic for a given ``seed``.

    Examples
    --------
    >>> pos = force_layout(3, [0, 1], [1, 2])
    >>> pos.shape
    (3, 2)
    """
    if n == 0:
        return np.zeros((0, 2))
    rng = np.random.default_rng(seed)
    side = np.sqrt(n)
    pos = rng.uniform(-side / 2, side / 2, size=(n, 2))
    if n == 1:
        return pos * 0.0
    u = np.asarray(heads, dtype=np.int64)
    v = np.asarray(tails, dtype=np.int64)
    keep = u != v
    u, v = u[keep], v[keep]
    if iterations is None:
        iterations = 150 if n <= 2000 else 80
    grid = int(min(192, max(32, 2 * np.sqrt(n))))
    kx, ky = _kernel_ffts(grid)
    t0 = side / 8.0
    for it in range(iterations):
        disp = _repulsion(pos, grid, kx, ky)
        if len(u):
            delta = pos[u] - pos[v]
            dist = np.sqrt((delta ** 2).sum(1)) + 1e-9
            pull = delta * dist[:, None]                     # FR attraction d^2 / k along the edge, k = 1
            for axis in (0, 1):
                disp[:, axis] -= np.bincount(u, pull[:, axis], n)
                disp[:, axis] += np.bincount(v, pull[:, axis], n)
        disp -= 0.5 * (pos - pos.mean(0))                     # gravity
        length = np.sqrt((disp ** 2).sum(1)) + 1e-9
        temp = t0 * (1.0 - it / iterations) + 0.01
        pos += disp * (np.minimum(length, temp) / length)[:, None]
    pos -= pos.mean(0)
    # Scale so that edges are about ``edge_length`` long, unless that packs the nodes too tightly (small-world
    # graphs, where edges span the whole picture): then so that each node has about ``spacing`` squared of room.
    typical = float(np.median(np.sqrt(((pos[u] - pos[v]) ** 2).sum(1)))) if len(u) else 1.0
    radius = float(np.sqrt((pos ** 2).sum(1).mean())) or 1.0
    scale = max(edge_length / max(typical, 1e-6), spacing * np.sqrt(n / np.pi) / radius)
    return pack_components(pos * scale, _components(n, u, v), gap=edge_length * 0.6)


def _components(n: int, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Connected-component label of each node (union-find)."""
    parent = list(range(n))

    def root(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a, b in zip(u.tolist(), v.tolist()):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return np.array([root(a) for a in range(n)])


def pack_components(pos: np.ndarray, comp: np.ndarray, gap: float) -> np.ndarray:
    """Place the connected components side by side in rows, largest first, ``gap`` apart.

    Laid out together, components push each other (and single nodes fly) far apart; packing keeps the picture
    compact whatever the number of small components.
    """
    labels, inverse, sizes = np.unique(comp, return_inverse=True, return_counts=True)
    if len(labels) == 1:
        return pos
    order = sorted(range(len(labels)), key=lambda c: (-sizes[c], labels[c]))
    members = [np.flatnonzero(inverse == c) for c in range(len(labels))]
    boxes = []
    for c in order:
        p = pos[members[c]]
        lo, hi = p.min(0), p.max(0)
        boxes.append((c, lo, hi - lo + gap))
    total = sum(float(w * h) for _, _, (w, h) in boxes)
    row_width = max(float(boxes[0][2][0]), np.sqrt(total) * 1.3)
    out = np.empty_like(pos)
    x = y = row_height = 0.0
    for c, lo, (w, h) in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        out[members[c]] = pos[members[c]] - lo + (x, y)
        x += w
        row_height = max(row_height, h)
    return out - (out.min(0) + out.max(0)) / 2


def _kernel_ffts(grid: int) -> tuple[np.ndarray, np.ndarray]:
    """FFTs of the repulsion kernel ``d / |d|^2`` on a ``2 grid`` square (zero padding: no wrap-around)."""
    size = 2 * grid
    d = np.arange(size)
    d = np.where(d < grid, d, d - size).astype(float)
    dx, dy = np.meshgrid(d, d, indexing="ij")
    r2 = dx ** 2 + dy ** 2
    r2[0, 0] = 1.0
    kx, ky = dx / r2, dy / r2
    kx[0, 0] = ky[0, 0] = 0.0
    return np.fft.rfft2(kx), np.fft.rfft2(ky)


def _repulsion(pos: np.ndarray, grid: int, kx: np.ndarray, ky: np.ndarray) -> np.ndarray:
    lo = pos.min(0)
    span = float((pos.max(0) - lo).max()) or 1.0
    h = span / (grid - 3)
    g = (pos - lo) / h + 1.0
    i = np.floor(g).astype(np.int64)
    f = g - i
    base = i[:, 0] * grid + i[:, 1]
    corners = ((0, (1 - f[:, 0]) * (1 - f[:, 1])), (grid, f[:, 0] * (1 - f[:, 1])),
               (1, (1 - f[:, 0]) * f[:, 1]), (grid + 1, f[:, 0] * f[:, 1]))
    rho = np.zeros(grid * grid)
    for off, w in corners:
        rho += np.bincount(base + off, w, grid * grid)
    size = 2 * grid
    dens = np.fft.rfft2(rho.reshape(grid, grid), s=(size, size))
    out = np.zeros_like(pos)
    for axis, kern in ((0, kx), (1, ky)):
        field = np.fft.irfft2(dens * kern, s=(size, size))[:grid, :grid].ravel()
        out[:, axis] = sum(field[base + off] * w for off, w in corners)
    out /= h                                                   # k^2 / r with k = 1, r in grid cells * h
    # The grid cannot see two nodes inside one cell: repel those pairs exactly (nodes sorted by cell).
    order = np.argsort(base, kind="stable")
    cells = base[order]
    for j in range(1, 8):
        same = cells[:-j] == cells[j:]
        if not same.any():
            break
        a, b = order[:-j][same], order[j:][same]
        delta = pos[a] - pos[b]
        push = delta / ((delta ** 2).sum(1) + 1e-6 * h * h)[:, None]
        for axis in (0, 1):
            out[:, axis] += np.bincount(a, push[:, axis], len(pos))
            out[:, axis] -= np.bincount(b, push[:, axis], len(pos))
    return out
