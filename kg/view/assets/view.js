/* ParkKG viewer. Reads the JSON in #parkkg-data and draws it with vis-network.
 * Every string from the data reaches the page through textContent (or vis-network's plain-text tooltips),
 * never through innerHTML. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("parkkg-data").textContent);
  var CLASSES = DATA.classes, KINDS = DATA.kinds, F500 = DATA.fortune500, ARTICLES = DATA.articles;
  // The network's nodes and edges (kg/view/network.py) are vis-network items as they are: vis options first
  // (label, tooltip, group = class, position, style), then the data of the panel and the search. Items added
  // in a notebook may lack that data; they get defaults here.
  var NODES = DATA.nodes, EDGES = DATA.edges;
  var BIG = !DATA.physics;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function classStyle(cls) { return CLASSES[cls] || { zh: cls, en: cls, color: "#757575", shape: "dot" }; }
  function kindStyle(kind) { return KINDS[kind] || { zh: kind, en: kind, color: "#9e9e9e", arrow: true }; }
  function num(n) { return Number(n).toLocaleString("en-US"); }  // 10,000
  function fold(s) { return String(s).toLowerCase().replace(/\s+/g, ""); }

  // ---- the network's items -------------------------------------------------------------------------
  // Tooltips, edge labels, edge colours and arrows follow from the items' data; the page leaves them out where
  // they do (kg/view/style.py, the same functions) and they are put back here. `_unset` lists what an item
  // deliberately lacks.
  function nodeLook(n) {
    var c = classStyle(n.group), lines = [String(n.label), c.zh + " · " + c.en];
    if (n.names.length > 1) lines.push("别名 aliases: " + n.names.slice(1).join("、"));
    if (n.f500) lines.push(F500.zh + " " + F500.en + (n.rank ? " #" + n.rank : ""));
    lines.push(n.deg + " 条关系 relations · " + (n.ndocs || n.docs.length) + " 篇文章 articles");
    return { title: lines.join("\n") };
  }
  function edgeLook(e) {
    var k = kindStyle(e.kind), roles = [];
    e.ev.forEach(function (v) { if (v.role && roles.indexOf(v.role) < 0) roles.push(v.role); });
    var look = {
      label: roles.length ? k.zh + "（" + roles[0] + "）" : k.zh,
      title: k.zh + " · " + k.en + "\n" + labelOf(e.from) + (k.arrow ? " → " : " — ") + labelOf(e.to) +
        "\n" + (e.n || e.ev.length) + " 条证据 evidence",
      color: { color: k.color, highlight: k.color, hover: k.color }
    };
    if (k.arrow) look.arrows = "to";
    return look;
  }
  var NODE_LOOK = ["title"], EDGE_LOOK = ["label", "title", "color", "arrows"];
  function fillLook(item, keys, lookOf) {
    var unset = item._unset || [], missing = keys.filter(function (k) { return !(k in item) && unset.indexOf(k) < 0; });
    delete item._unset;
    if (!missing.length) return;
    var look = lookOf(item);
    missing.forEach(function (k) { if (k in look) item[k] = look[k]; });
  }

  // Items added in a notebook may lack ParkKG's data; they get defaults for the panel and the search.
  var BYID = new Map(), EDGEBYID = new Map(), edgesOf = new Map();
  NODES.forEach(function (n) {
    if (n.label === undefined || n.label === null) n.label = String(n.id);
    if (n.group === undefined || n.group === null) n.group = "";
    if (!n.names) n.names = [String(n.label)];
    if (!n.docs) n.docs = [];
    if (!n.lists) n.lists = [];
    BYID.set(n.id, n);
    edgesOf.set(n.id, []);
  });
  EDGES.forEach(function (e, k) {
    if (e.id === undefined || e.id === null) e.id = "_e" + k;
    if (!e.ev) e.ev = [];
    if (e.n === undefined) e.n = e.ev.length;
    if (e.kind === undefined) e.kind = "";
    EDGEBYID.set(e.id, e);
    if (edgesOf.has(e.from)) edgesOf.get(e.from).push(e);
    if (e.to !== e.from && edgesOf.has(e.to)) edgesOf.get(e.to).push(e);
  });
  NODES.forEach(function (n) { if (n.deg === undefined) n.deg = edgesOf.get(n.id).length; });
  function nodeOf(id) { return BYID.get(id); }
  function labelOf(id) { var n = BYID.get(id); return n ? String(n.label) : String(id); }
  NODES.forEach(function (n) { fillLook(n, NODE_LOOK, nodeLook); });
  EDGES.forEach(function (e) { fillLook(e, EDGE_LOOK, edgeLook); });

  var nodes = new vis.DataSet(NODES);
  var edges = new vis.DataSet(EDGES);
  var activeClasses = new Set(Object.keys(CLASSES));
  var activeKinds = new Set(Object.keys(KINDS));
  // the legend filters the classes and kinds it lists; anything else (added in a notebook) stays drawn
  function has(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }
  var nodesView = new vis.DataView(nodes, { filter: function (n) { return !has(CLASSES, n.group) || activeClasses.has(n.group); } });
  var edgesView = new vis.DataView(edges, { filter: function (e) { return !has(KINDS, e.kind) || activeKinds.has(e.kind); } });

  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, DATA.options);
  window.parkkgNetwork = network;

  network.once("afterDrawing", function () { window.parkkgReady = true; });
  if (DATA.physics && NODES.length > 1) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      window.parkkgStable = true;
    });
  } else {
    network.once("afterDrawing", function () { window.parkkgStable = true; });
    network.fit();
  }

  // ---- header, legend and filters ----------------------------------------------------------------
  document.getElementById("title").textContent = DATA.title;

  function updateCounts() {
    var shown = nodesView.length, total = DATA.total.nodes;
    var text = num(shown) + " 个实体 entities · " + num(edgesView.length) + " 条关系 relations";
    if (NODES.length < total) text += "（全图 " + num(total) + " 个 in the whole graph）";
    document.getElementById("counts").textContent = text;
  }

  var SVGNS = "http://www.w3.org/2000/svg";
  function shapeIcon(shape, fill, stroke) {
    var svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("viewBox", "0 0 16 16");
    var pts = {
      hexagon: "8,1 14,4.5 14,11.5 8,15 2,11.5 2,4.5", square: "2,2 14,2 14,14 2,14",
      triangle: "8,1.5 15,14 1,14", triangleDown: "1,2 15,2 8,14.5", diamond: "8,1 15,8 8,15 1,8",
      star: "8,1 10,6 15.5,6.2 11.2,9.6 12.8,15 8,11.9 3.2,15 4.8,9.6 0.5,6.2 6,6"
    }[shape];
    var s;
    if (pts) { s = document.createElementNS(SVGNS, "polygon"); s.setAttribute("points", pts); }
    else { s = document.createElementNS(SVGNS, "circle"); s.setAttribute("cx", "8"); s.setAttribute("cy", "8"); s.setAttribute("r", "6.5"); }
    s.setAttribute("fill", fill);
    s.setAttribute("stroke", stroke || "none");
    s.setAttribute("stroke-width", stroke ? "1.6" : "0");
    svg.appendChild(s);
    return svg;
  }
  function lineIcon(color, arrow) {
    var svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("width", "22");
    svg.setAttribute("height", "10");
    var l = document.createElementNS(SVGNS, "line");
    l.setAttribute("x1", "1"); l.setAttribute("y1", "5"); l.setAttribute("x2", arrow ? "16" : "21"); l.setAttribute("y2", "5");
    l.setAttribute("stroke", color); l.setAttribute("stroke-width", "2.5");
    svg.appendChild(l);
    if (arrow) {
      var p = document.createElementNS(SVGNS, "polygon");
      p.setAttribute("points", "15,1 21,5 15,9");
      p.setAttribute("fill", color);
      svg.appendChild(p);
    }
    return svg;
  }
  function filterRow(icon, zh, en, count, checked, onChange, value) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.value = value;
    box.addEventListener("change", function () { onChange(box.checked); });
    label.appendChild(box);
    label.appendChild(icon);
    label.appendChild(el("span", null, zh));
    label.appendChild(el("span", "en", en));
    label.appendChild(el("span", "n", count));
    return label;
  }
  var classCount = {}, kindCount = {}, f500Count = 0;
  NODES.forEach(function (n) { classCount[n.group] = (classCount[n.group] || 0) + 1; if (n.f500) f500Count++; });
  EDGES.forEach(function (e) { kindCount[e.kind] = (kindCount[e.kind] || 0) + 1; });
  var classBox = document.getElementById("class-filters");
  var classInputs = {};
  Object.keys(CLASSES).forEach(function (c) {
    var s = CLASSES[c];
    var row = filterRow(shapeIcon(s.shape, s.color), s.zh, s.en, num(classCount[c] || 0), true, function (on) {
      if (on) activeClasses.add(c); else activeClasses.delete(c);
      nodesView.refresh();
      updateCounts();
    }, c);
    row.dataset.cls = c;
    classInputs[c] = row.querySelector("input");
    classBox.appendChild(row);
  });
  if (f500Count) {
    var row = el("label", "legend-only");
    row.appendChild(shapeIcon(F500.shape, CLASSES.Company ? CLASSES.Company.color : "#1e88e5", F500.border));
    row.appendChild(el("span", null, F500.zh));
    row.appendChild(el("span", "en", F500.en));
    row.appendChild(el("span", "n", num(f500Count)));
    classBox.appendChild(row);
  }
  var kindBox = document.getElementById("kind-filters");
  Object.keys(KINDS).forEach(function (k) {
    var s = KINDS[k];
    var row = filterRow(lineIcon(s.color, s.arrow), s.zh, s.en, num(kindCount[k] || 0), true, function (on) {
      if (on) activeKinds.add(k); else activeKinds.delete(k);
      edgesView.refresh();
      updateCounts();
    }, k);
    row.dataset.kind = k;
    kindBox.appendChild(row);
  });
  updateCounts();

  // ---- side panel ----------------------------------------------------------------------------------
  var panel = document.getElementById("panel");

  function nodeLink(i) {
    var b = el("button", "link", labelOf(i));
    b.type = "button";
    b.addEventListener("click", function () { focusNode(i); });
    return b;
  }
  function kindTag(kind) {
    var k = kindStyle(kind), t = el("span", "kind", k.zh);
    t.style.background = k.color;
    t.title = k.en;
    return t;
  }
  function articleLine(doc, cite) {
    var a = ARTICLES[doc] || { title: "", source: doc, url: "", date: "" };
    var div = el("div", "source");
    if (cite) div.appendChild(document.createTextNode("—— "));  // under a quoted sentence: its citation
    var name = a.title ? "《" + a.title + "》" : a.source;
    if (/^https?:\/\//i.test(a.url)) {
      var link = el("a", null, name);
      link.href = a.url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      div.appendChild(link);
    } else {
      div.appendChild(el("span", null, name));
    }
    var extra = [];
    if (a.title && a.source) extra.push(a.source);
    if (a.date) extra.push(a.date);
    if (extra.length) div.appendChild(el("span", "muted", " " + extra.join(" · ")));
    return div;
  }
  function evidenceList(e) {
    var box = el("div");
    if (!e.ev.length) box.appendChild(el("p", "muted", "无证据句 No evidence sentence."));
    e.ev.forEach(function (v) {
      var q = el("blockquote", "evidence", v.s);
      if (v.role) q.title = "role: " + v.role;
      box.appendChild(q);
      var line = articleLine(v.doc, true);
      if (v.role) line.appendChild(el("span", "muted", " · 职务 role: " + v.role));
      if (v.implied) line.appendChild(el("span", "muted", " · 由名称推断 implied by the name"));
      box.appendChild(line);
    });
    if (e.n > e.ev.length) box.appendChild(moreLine(e.n - e.ev.length, "条证据 evidence sentences"));
    return box;
  }
  // the page carries the first items only; the graph (graph.ttl, the store) has them all
  function moreLine(count, what) {
    return el("p", "muted", "另有 " + num(count) + " " + what + "，见 graph.ttl / SPARQL · " + num(count) +
              " more in graph.ttl and the store");
  }
  function relationHead(e, self) {
    var head = el("div", "rel-head"), k = kindStyle(e.kind);
    if (e.from === self && e.to !== self) {
      head.appendChild(el("span", null, labelOf(self)));
      head.appendChild(kindTag(e.kind));
      head.appendChild(document.createTextNode(k.arrow ? "→ " : "— "));
      head.appendChild(nodeLink(e.to));
    } else {
      head.appendChild(nodeLink(e.from));
      head.appendChild(kindTag(e.kind));
      head.appendChild(document.createTextNode(k.arrow ? "→ " : "— "));
      head.appendChild(el("span", null, labelOf(e.to)));
    }
    return head;
  }

  function showOverview() {
    panel.replaceChildren();
    panel.dataset.kind = "overview";
    panel.appendChild(el("h2", null, DATA.title));
    panel.appendChild(el("p", null, num(NODES.length) + " 个实体 entities, " + num(EDGES.length) + " 条关系 relations, " +
      num(Object.keys(ARTICLES).length) + " 篇文章 articles."));
    panel.appendChild(el("p", "muted", "点击节点或关系查看名称、来源文章与证据句。 Click a node or a relation to see its names, " +
      "source articles and evidence sentences. Search finds any name or alias."));
  }

  function showNode(i) {
    var n = nodeOf(i);
    if (!n) return;
    var c = classStyle(n.group);
    panel.replaceChildren();
    panel.dataset.kind = "node";
    panel.dataset.id = String(i);
    panel.appendChild(el("h2", "name", n.label));
    var badge = el("span", "badge", c.zh + " " + c.en);
    badge.style.background = c.color;
    panel.appendChild(badge);
    if (n.f500) panel.appendChild(el("span", "badge gold", "★ " + F500.zh + " " + F500.en + (n.rank ? " #" + n.rank : "")));
    (n.lists || []).forEach(function (l) { panel.appendChild(el("span", "badge gold", l)); });

    panel.appendChild(el("h3", null, "名称 Names"));
    var names = el("ul", "names");
    n.names.forEach(function (name, k) {
      var li = el("li", null, name);
      if (k === 0 && n.names.length > 1) li.appendChild(el("span", "muted", "  主名称 main name"));
      else if (name === n.en) li.appendChild(el("span", "muted", "  英文 English"));
      names.appendChild(li);
    });
    panel.appendChild(names);

    panel.appendChild(el("h3", null, "提及文章 Articles (" + (n.ndocs || n.docs.length) + ")"));
    var docs = el("ul", "docs");
    n.docs.forEach(function (d) {
      var li = el("li");
      li.appendChild(articleLine(d));
      docs.appendChild(li);
    });
    panel.appendChild(docs);
    if (n.ndocs > n.docs.length) panel.appendChild(moreLine(n.ndocs - n.docs.length, "篇文章 articles"));

    var rels = edgesOf.get(i);
    panel.appendChild(el("h3", null, "关系 Relations (" + rels.length + ")"));
    if (!rels.length) panel.appendChild(el("p", "muted", "无 None"));
    rels.forEach(function (e) {
      var box = el("div", "rel");
      box.appendChild(relationHead(e, i));
      box.appendChild(evidenceList(e));
      panel.appendChild(box);
    });
    panel.scrollTop = 0;
  }

  function showEdge(j) {
    var e = EDGEBYID.get(j);
    if (!e) return;
    var k = kindStyle(e.kind);
    panel.replaceChildren();
    panel.dataset.kind = "edge";
    panel.dataset.id = String(j);
    var h = el("h2", null, k.zh + " ");
    h.appendChild(el("small", "muted", k.en));
    panel.appendChild(h);
    var head = el("div", "rel-head");
    head.appendChild(nodeLink(e.from));
    head.appendChild(document.createTextNode(k.arrow ? " → " : " — "));
    head.appendChild(nodeLink(e.to));
    panel.appendChild(head);
    panel.appendChild(el("h3", null, "证据 Evidence (" + e.ev.length + ")"));
    panel.appendChild(evidenceList(e));
    panel.scrollTop = 0;
  }

  function focusNode(i) {
    var n = nodeOf(i);
    if (!n) return;
    if (has(CLASSES, n.group) && !activeClasses.has(n.group)) {
      activeClasses.add(n.group);
      if (classInputs[n.group]) classInputs[n.group].checked = true;
      nodesView.refresh();
      updateCounts();
    }
    network.selectNodes([i]);
    // no animation on large graphs: every frame redraws all edges
    network.focus(i, { scale: Math.max(network.getScale(), 1.0),
                       animation: BIG ? false : { duration: 400, easingFunction: "easeInOutQuad" } });
    showNode(i);
  }

  network.on("click", function (p) {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
    else showOverview();
  });
  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });

  // ---- search --------------------------------------------------------------------------------------
  var folded = NODES.map(function (n) { return n.names.map(fold); });
  var input = document.getElementById("search"), list = document.getElementById("results");
  var hits = [], active = 0;

  function search(query) {
    var q = fold(query), found = [];
    if (!q) return found;
    for (var i = 0; i < NODES.length; i++) {
      var names = folded[i], best = 9, which = 0;
      for (var k = 0; k < names.length; k++) {
        var s = names[k] === q ? 0 : names[k].indexOf(q) === 0 ? 1 : names[k].indexOf(q) > 0 ? 2 : 9;
        if (s < best) { best = s; which = k; }
      }
      if (best < 9) found.push({ idx: i, id: NODES[i].id, score: best, name: NODES[i].names[which] });
    }
    found.sort(function (a, b) { return a.score - b.score || NODES[b.idx].deg - NODES[a.idx].deg || a.idx - b.idx; });
    return found.slice(0, 30);
  }
  function renderResults() {
    list.replaceChildren();
    list.hidden = !input.value.trim();
    if (!hits.length && input.value.trim()) list.appendChild(el("li", "muted", "  未找到 No match"));
    hits.forEach(function (h, k) {
      var n = NODES[h.idx], li = el("li"), b = el("button", null, n.label);
      b.type = "button";
      if (h.name !== n.label) b.appendChild(el("span", "sub", "= " + h.name));
      b.appendChild(el("span", "sub", classStyle(n.group).zh));
      b.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(k); });
      li.appendChild(b);
      if (k === active) li.className = "active";
      list.appendChild(li);
    });
  }
  function choose(k) {
    var h = hits[k];
    if (!h) return;
    list.hidden = true;
    input.value = NODES[h.idx].label;
    focusNode(h.id);
  }
  input.addEventListener("input", function () { hits = search(input.value); active = 0; renderResults(); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); if (!hits.length) hits = search(input.value); choose(active); }
    else if (ev.key === "ArrowDown") { ev.preventDefault(); active = Math.min(active + 1, hits.length - 1); renderResults(); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); active = Math.max(active - 1, 0); renderResults(); }
    else if (ev.key === "Escape") { list.hidden = true; }
  });
  input.addEventListener("blur", function () { list.hidden = true; });

  showOverview();
  window.parkkg = { data: DATA, nodes: nodes, edges: edges, search: search, focusNode: focusNode,
                    showNode: showNode, showEdge: showEdge };
})();
