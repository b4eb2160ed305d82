// geokg explorer: the page of "geokg serve".
//
// Everything it shows comes from the server's JSON API (docs/api.md).
// Article text is untrusted: every name, sentence and title goes into the
// page as text (textContent, text nodes), never as HTML; links are made
// only from http(s) URLs.
'use strict';

(function () {
  // ---- What the pictures use (export/dot.go, export/status.go, export/picture.go) ----
  const RELATIONS = ['accuses', 'denies', 'supplies', 'allies-with', 'recognizes'];
  const STATUSES = ['asserted', 'alleged', 'promised', 'denied'];
  // An edge is drawn with the first status some of its evidence has.
  const PRECEDENCE = ['asserted', 'promised', 'alleged', 'denied'];
  const REL_STYLE = {
    'accuses': { color: '#D55E00', text: '#A34800', arrow: 'triangle' },
    'denies': { color: '#000000', text: '#000000', arrow: 'tee' },
    'supplies': { color: '#0072B2', text: '#0072B2', arrow: 'vee' },
    'allies-with': { color: '#009E73', text: '#00795A', arrow: 'none' },
    'recognizes': { color: '#E69F00', text: '#946600', arrow: 'diamond' },
  };
  const OTHER_STYLE = { color: '#666666', text: '#4d4d4d', arrow: 'triangle' };
  const STATUS_LINE = { asserted: 'solid', promised: 'dashed', alleged: 'dashed', denied: 'dotted' };
  const STATUS_WORD = { asserted: '', promised: 'promised', alleged: 'alleged', denied: 'denied' };
  const STATUS_LEGEND = {
    asserted: 'asserted by some article', promised: 'only promised',
    alleged: 'only alleged by someone', denied: 'only claimed and denied',
  };
  const TYPE_FILL = {
    country: '#dbe8f6', territory: '#eef3f9', organization: '#e3f1df', group: '#f7e2da', person: '#fbf3d0',
  };
  const TYPE_SHAPE = {
    country: 'rectangle', territory: 'rectangle', organization: 'ellipse', group: 'hexagon', person: 'round-rectangle',
  };
  const AFFILIATION_COLOR = '#8c8c8c'; // Graphviz gray55
  const FONT = '12px "Helvetica Neue", Helvetica, Arial, sans-serif';
  const ARROW = { out: '→', in: '←', both: '↔' };
  // MAX_FIT_ZOOM keeps a drawing of two or three actors from filling the
  // screen with giant boxes.
  const MAX_FIT_ZOOM = 1.4;

  const $ = (id) => document.getElementById(id);

  // el makes an element; attrs may hold "class" and "text" (set as text),
  // children are nodes or strings (appended as text).
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  // ---- State, carried by the URL ----
  const state = {
    actor: '', depth: 1, relation: [], status: [], since: '', until: '', min_articles: '', rollup: false,
  };

  function readURL() {
    const q = new URLSearchParams(location.search);
    state.actor = q.get('actor') || '';
    const depth = parseInt(q.get('depth') || '1', 10);
    state.depth = depth >= 1 && depth <= 3 ? depth : 1;
    state.relation = q.getAll('relation').flatMap((r) => r.split(',')).filter((r) => RELATIONS.includes(r));
    state.status = q.getAll('status').flatMap((s) => s.split(',')).filter((s) => STATUSES.includes(s));
    state.since = q.get('since') || '';
    state.until = q.get('until') || '';
    state.min_articles = q.get('min_articles') || '';
    state.rollup = ['true', '1', ''].includes(q.get('rollup'));
  }

  function writeURL(push) {
    const q = new URLSearchParams();
    if (state.actor) q.set('actor', state.actor);
    if (state.depth !== 1) q.set('depth', String(state.depth));
    appendFilters(q);
    const url = '/' + (q.toString() ? '?' + q.toString() : '');
    if (url === location.pathname + location.search) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  // appendFilters adds the narrowing filters to q, as the API takes them.
  function appendFilters(q) {
    for (const r of state.relation) q.append('relation', r);
    for (const s of state.status) q.append('status', s);
    if (state.since) q.set('since', state.since);
    if (state.until) q.set('until', state.until);
    if (state.min_articles) q.set('min_articles', state.min_articles);
    if (state.rollup) q.set('rollup', 'true');
    return q;
  }

  function filterParams() { return appendFilters(new URLSearchParams()); }

  // ---- The API ----
  async function api(path, params) {
    const qs = params ? params.toString() : '';
    const resp = await fetch(path + (qs ? '?' + qs : ''), { headers: { Accept: 'application/json' } });
    let body;
    try {
      body = await resp.json();
    } catch (e) {
      throw new Error(path + ': ' + resp.status + ' ' + resp.statusText);
    }
    if (!resp.ok) throw new Error(body.error || resp.statusText);
    return body;
  }

  function showError(err) {
    const box = $('error');
    box.textContent = String(err && err.message ? err.message : err);
    box.hidden = false;
  }

  function clearError() { $('error').hidden = true; }

  // names remembers every actor seen, for claimants and path steps.
  const names = new Map();
  function remember(node) {
    if (node && node.id) names.set(node.id, node);
    return node;
  }
  // learnNames asks the server for the actors of ids not seen yet.
  async function learnNames(ids) {
    const unknown = new Set(ids.filter((id) => id && !names.has(id)));
    await Promise.all([...unknown].map(async (id) => {
      const g = await api('/api/graph', new URLSearchParams({ actor: id, depth: '0', evidence: '0' }));
      g.nodes.forEach(remember);
    }));
  }
  function nameOf(id) {
    const n = names.get(id);
    return n ? n.name : id;
  }

  // ---- The drawing ----
  const measure = document.createElement('canvas').getContext('2d');
  measure.font = FONT;
  function labelWidth(label) { return Math.ceil(measure.measureText(label).width) + 18; }

  function penWidth(articles) {
    const w = articles > 1 ? Math.min(1 + Math.log2(articles), 5) : 1;
    return 1.2 * w + 0.4;
  }

  function relStyle(r) { return REL_STYLE[r] || OTHER_STYLE; }

  const cy = cytoscape({
    container: $('graph'),
    wheelSensitivity: 0.3,
    minZoom: 0.1,
    maxZoom: 4,
    style: [
      {
        selector: 'node',
        style: {
          'shape': (n) => TYPE_SHAPE[n.data('type')] || 'ellipse',
          'background-color': (n) => TYPE_FILL[n.data('type')] || '#ffffff',
          'border-width': 1, 'border-color': '#555555',
          'label': 'data(label)', 'font-size': 12, 'font-family': '"Helvetica Neue", Helvetica, Arial, sans-serif',
          'color': '#1d1d1f', 'text-valign': 'center', 'text-halign': 'center',
          'width': (n) => labelWidth(n.data('label')), 'height': 26,
        },
      },
      { selector: 'node[type = "territory"]', style: { 'border-style': 'dashed' } },
      { selector: 'node.root', style: { 'border-width': 3, 'border-color': '#1d1d1f', 'font-weight': 'bold' } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#0b57a3' } },
      {
        selector: 'edge',
        style: {
          'curve-style': 'bezier',
          'width': (e) => penWidth(e.data('articles')),
          'line-color': (e) => relStyle(e.data('relation')).color,
          'target-arrow-color': (e) => relStyle(e.data('relation')).color,
          'target-arrow-shape': (e) => relStyle(e.data('relation')).arrow,
          'line-style': (e) => STATUS_LINE[e.data('status')] || 'solid',
          'label': 'data(label)', 'font-size': 10, 'color': (e) => relStyle(e.data('relation')).text,
          'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 1,
          'arrow-scale': 1.2,
        },
      },
      {
        selector: 'edge[?affiliation]',
        style: {
          'line-color': AFFILIATION_COLOR, 'target-arrow-color': AFFILIATION_COLOR, 'line-style': 'dotted',
          'target-arrow-shape': 'circle', 'target-arrow-fill': 'hollow', 'label': '', 'width': 1.5,
        },
      },
      { selector: 'edge:selected', style: { 'overlay-color': '#0b57a3', 'overlay-opacity': 0.25, 'overlay-padding': 5 } },
      { selector: '.path', style: { 'overlay-color': '#f2b705', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
    ],
  });
  window.geokg = { cy }; // for the browser tests and the console

  const edgeKey = (e) => e.source + '|' + e.relation + '|' + e.target;

  // elementsOf turns an export JSON graph into Cytoscape elements, each
  // keeping its node or edge object; statusOf gives each edge's status.
  function elementsOf(graph, statusOf) {
    const els = [];
    const ids = new Set(graph.nodes.map((n) => n.id));
    for (const n of graph.nodes) {
      remember(n);
      els.push({ group: 'nodes', data: { id: n.id, label: n.name, type: n.type, node: n } });
    }
    for (const n of graph.nodes) {
      if (n.affiliation && ids.has(n.affiliation) && n.affiliation !== n.id) {
        els.push({ group: 'edges', data: { id: 'speaks-for|' + n.id, source: n.id, target: n.affiliation, affiliation: true } });
      }
    }
    for (const e of graph.edges) {
      const status = statusOf.get(edgeKey(e)) || 'asserted';
      const word = STATUS_WORD[status];
      els.push({
        group: 'edges',
        data: {
          id: edgeKey(e), source: e.source, target: e.target, relation: e.relation, articles: e.articles,
          status, label: String(e.articles) + (word ? ' ' + word : ''), edge: e,
        },
      });
    }
    return els;
  }

  // merge adds what is new and updates what is there; keep says whether
  // what the drawing holds stays (an expansion, a live update) or goes.
  function merge(els, keep) {
    const fresh = [];
    cy.batch(() => {
      if (!keep) cy.elements().remove();
      for (const e of els) {
        const have = cy.getElementById(e.data.id);
        if (have.nonempty()) {
          have.data(e.data);
          continue;
        }
        if (e.group === 'nodes' && keep) {
          e.position = nearNeighbour(e.data.id, els);
        }
        fresh.push(cy.add(e));
      }
    });
    return fresh;
  }

  // nearNeighbour places a new node beside a node already drawn that an
  // edge links it to, so that the layout starts from somewhere sensible.
  function nearNeighbour(id, els) {
    for (const e of els) {
      if (e.group !== 'edges') continue;
      const other = e.data.source === id ? e.data.target : e.data.target === id ? e.data.source : null;
      const n = other && cy.getElementById(other);
      if (n && n.nonempty()) {
        const p = n.position();
        const a = Math.random() * 2 * Math.PI;
        return { x: p.x + 90 * Math.cos(a), y: p.y + 90 * Math.sin(a) };
      }
    }
    return { x: Math.random() * 200, y: Math.random() * 200 };
  }

  // runLayout places the actors: first around the viewed actor, in rings
  // by their distance from it, then by forces.
  function runLayout(incremental) {
    if (cy.nodes().empty()) return;
    const root = cy.getElementById(rootID);
    if (!incremental && root.nonempty()) {
      const hops = hopsFrom(root);
      cy.layout({
        name: 'concentric', animate: false, fit: true, padding: 40, avoidOverlap: true, minNodeSpacing: 40,
        concentric: (n) => 100 - (hops.get(n.id()) ?? 99), levelWidth: () => 1, spacingFactor: 1.15,
      }).run();
    }
    // Forces then pull linked actors together and push the others apart,
    // from where the actors are: after an expansion or an update, what the
    // reader saw stays about put.
    cy.layout({
      name: 'cose', animate: false, randomize: false, fit: !incremental, padding: 40,
      nodeDimensionsIncludeLabels: true, nodeRepulsion: () => 60000, idealEdgeLength: () => 140,
      nodeOverlap: 400, edgeElasticity: () => 60, gravity: 0.25, numIter: 2500, componentSpacing: 120,
    }).run();
    if (incremental && !inView(cy.elements().boundingBox())) cy.fit(cy.elements(), 40);
    if (cy.zoom() > MAX_FIT_ZOOM) cy.zoom(MAX_FIT_ZOOM).center();
  }

  // hopsFrom is each actor's distance from root, edges taken both ways.
  function hopsFrom(root) {
    const hops = new Map();
    cy.elements().bfs({
      roots: root, directed: false,
      visit: (v, e, u, i, depth) => { hops.set(v.id(), depth); },
    });
    return hops;
  }

  // inView reports whether the box lies within what the drawing shows.
  function inView(bb) {
    const ext = cy.extent();
    return bb.x1 >= ext.x1 && bb.x2 <= ext.x2 && bb.y1 >= ext.y1 && bb.y2 <= ext.y2;
  }

  // ---- Loading a neighbourhood ----
  // readGraph reads the neighbourhood of actor with the filters, and how
  // sure each edge is (GET /api/statuses: the first of asserted, promised,
  // alleged and denied that some of its evidence has, as in the pictures).
  async function readGraph(actor, depth) {
    const p = filterParams();
    p.set('actor', actor);
    p.set('depth', String(depth));
    const [graph, st] = await Promise.all([api('/api/graph', withEvidence(p, '0')), api('/api/statuses', p)]);
    return { graph, statusOf: new Map(Object.entries(st.statuses)) };
  }

  function withEvidence(p, n) {
    const q = new URLSearchParams(p);
    q.set('evidence', n);
    return q;
  }

  let loadGen = 0;
  let rootID = '';
  const expanded = new Set(); // actors whose neighbours were added by a click

  async function loadView() {
    readFiltersIntoForm();
    if (!state.actor) {
      showStart();
      return;
    }
    const gen = ++loadGen;
    try {
      const [{ graph, statusOf }, view] = await Promise.all([readGraph(state.actor, state.depth), readView(state.actor)]);
      if (gen !== loadGen) return;
      clearError();
      expanded.clear();
      rootID = view.actor.id;
      merge(elementsOf(graph, statusOf), false);
      markRoot();
      if (cy.getElementById(rootID).empty()) {
        cy.add({ group: 'nodes', data: { id: rootID, label: view.actor.name, type: view.actor.type, node: view.actor } });
        markRoot();
      }
      runLayout(false);
      showActor(view);
      $('search').value = view.actor.name;
      $('path-from').value ||= view.actor.name;
      noteGraph();
    } catch (err) {
      if (gen === loadGen) showError(err);
    }
  }

  function markRoot() {
    cy.nodes().removeClass('root');
    cy.getElementById(rootID).addClass('root');
  }

  // expand adds the neighbours of actor to the drawing and lists its
  // relations in the panel.
  async function expand(actor) {
    try {
      const [{ graph, statusOf }, view] = await Promise.all([readGraph(actor, 1), readView(actor)]);
      expanded.add(actor);
      const fresh = merge(elementsOf(graph, statusOf), true);
      if (fresh.length) runLayout(true);
      showActor(view);
      noteGraph();
      clearError();
    } catch (err) {
      showError(err);
    }
  }

  // refresh reads again what is drawn (after an ingest), keeping where the
  // nodes are.
  async function refresh() {
    if (!state.actor) {
      showStart();
      return;
    }
    try {
      const roots = [[state.actor, state.depth], ...[...expanded].map((a) => [a, 1])];
      const reads = await Promise.all(roots.map(([a, d]) => readGraph(a, d)));
      let fresh = [];
      for (const { graph, statusOf } of reads) fresh = fresh.concat(merge(elementsOf(graph, statusOf), true));
      markRoot();
      if (fresh.length) runLayout(true);
      const shown = $('actor').dataset.id;
      if (shown) showActor(await readView(shown));
      noteGraph();
    } catch (err) {
      showError(err);
    }
  }

  function noteGraph() {
    const n = cy.nodes().length;
    const m = cy.edges('[!affiliation]').length;
    $('graph-note').textContent = n + (n === 1 ? ' actor, ' : ' actors, ') + m + (m === 1 ? ' relation' : ' relations') +
      '. Click an actor to add its neighbours, a relation to read its evidence; drag to move, scroll to zoom.';
  }

  // ---- The side panel: relations table ----
  async function readView(actor) {
    const p = filterParams();
    p.set('evidence', '1');
    const view = await api('/api/actors/' + encodeURIComponent(actor), p);
    remember(view.actor);
    for (const r of view.relations) {
      remember(r.actor);
      remember(r.via);
    }
    return view;
  }

  // linkKey is the key of the edge a view's relation stands for.
  function linkKey(view, r) {
    const me = r.via ? r.via.id : view.actor.id;
    if (r.direction === 'in') return r.actor.id + '|' + r.relation + '|' + me;
    if (r.direction === 'both') {
      const [a, b] = [me, r.actor.id].sort();
      return a + '|' + r.relation + '|' + b;
    }
    return me + '|' + r.relation + '|' + r.actor.id;
  }

  function showActor(view) {
    $('start').hidden = true;
    const section = $('actor');
    section.hidden = false;
    section.dataset.id = view.actor.id;
    const a = view.actor;
    $('actor-title').textContent = a.name;
    const meta = [a.id, a.type];
    if (a.aliases && a.aliases.length) meta.push('also ' + a.aliases.join(', '));
    meta.push('named in ' + view.mentioned_in + (view.mentioned_in === 1 ? ' article' : ' articles'));
    $('actor-meta').textContent = meta.join(' · ');
    $('relations-caption').textContent = view.relations.length
      ? 'Relations of ' + a.name + ' (' + view.relations.length + ')'
      : 'No relations of ' + a.name + ' with these filters';
    const body = $('relations').tBodies[0];
    body.replaceChildren();
    for (const r of view.relations) body.append(relationRow(view, r));
  }

  function relationRow(view, r) {
    const key = linkKey(view, r);
    const edge = cy.getElementById(key);
    const status = edge.nonempty() ? edge.data('status') : (r.evidence[0] && r.evidence[0].status) || '';
    const other = el('button', { type: 'button', class: 'link', text: r.actor.name, title: r.actor.id });
    other.addEventListener('click', () => go(r.actor.id));
    const seen = r.first_seen === r.last_seen ? (r.first_seen || '') : (r.first_seen || '?') + ' – ' + (r.last_seen || '?');
    const subject = r.via ? r.via.name : view.actor.name;
    const label = r.direction === 'in'
      ? r.actor.name + ' ' + r.relation + ' ' + subject
      : subject + ' ' + r.relation + ' ' + r.actor.name;
    const show = el('button', { type: 'button', text: 'Evidence', 'aria-label': 'Evidence: ' + label });
    show.addEventListener('click', () => {
      selectRow(row);
      const [source, relation, target] = key.split('|');
      showEvidence({ source, relation, target, label });
    });
    const row = el('tr', { 'data-key': key },
      el('td', { text: ARROW[r.direction] + ' ' + r.direction }),
      el('td', {}, el('span', { class: 'rel rel-' + r.relation, text: r.relation })),
      el('td', {}, other),
      el('td', { text: r.via ? r.via.name : '—' }),
      el('td', { class: 'num', text: String(r.articles) }),
      el('td', { text: seen }),
      el('td', {}, status ? el('span', { class: 'status status-' + status, text: status }) : ''),
      el('td', {}, show));
    return row;
  }

  function selectRow(row) {
    for (const tr of $('relations').tBodies[0].rows) tr.classList.toggle('selected', tr === row);
  }

  // ---- Evidence of one edge ----
  let evidenceGen = 0;
  async function showEvidence(d) {
    const gen = ++evidenceGen;
    const p = filterParams();
    p.delete('relation');
    p.delete('min_articles');
    p.set('relation', d.relation);
    p.set('direction', d.relation === 'allies-with' ? 'both' : 'out');
    p.set('evidence', '-1');
    try {
      const full = await api('/api/actors/' + encodeURIComponent(d.source), p);
      if (gen !== evidenceGen) return;
      remember(full.actor);
      let links = full.relations.filter((r) => r.actor.id === d.target && !r.via);
      if (links.length === 0) links = full.relations.filter((r) => r.actor.id === d.target);
      const mentions = links.flatMap((r) => r.evidence);
      await learnNames(mentions.flatMap((m) => [m.claimed_by, m.disputed_by]));
      if (gen !== evidenceGen) return;
      const articles = links.reduce((n, r) => n + r.articles, 0);
      const title = d.label || nameOf(d.source) + ' ' + d.relation + ' ' + nameOf(d.target);
      $('evidence-title').textContent = title + ' — ' + articles + (articles === 1 ? ' article' : ' articles');
      const list = $('evidence-list');
      list.replaceChildren(...mentions.map(evidenceItem));
      if (mentions.length === 0) list.append(el('li', { text: 'No evidence with these filters.' }));
      $('article').hidden = true;
      $('evidence').hidden = false;
      clearError();
    } catch (err) {
      showError(err);
    }
  }

  function evidenceItem(m) {
    const meta = el('div', { class: 'meta' }, el('span', { class: 'status status-' + m.status, text: m.status }));
    if (m.claimed_by) meta.append(' claimed by ' + nameOf(m.claimed_by));
    if (m.disputed_by) meta.append(' disputed by ' + nameOf(m.disputed_by));
    meta.append(' · ' + (m.date || 'undated') + ' · article ');
    const open = el('button', { type: 'button', class: 'link', text: m.article.slice(0, 8), title: m.article });
    open.addEventListener('click', () => showArticle(m.article));
    meta.append(open);
    if (m.trigger) meta.append(' · “' + m.trigger + '”');
    return el('li', {}, el('blockquote', { text: m.sentence }), meta);
  }

  async function showArticle(id) {
    try {
      const a = await api('/api/articles/' + encodeURIComponent(id));
      const art = a.article || a;
      $('article-title').textContent = art.title || '(untitled article)';
      const dl = $('article-meta');
      dl.replaceChildren();
      const add = (k, v) => { if (v) dl.append(el('dt', { text: k }), el('dd', {}, v)); };
      add('id', art.id);
      add('date', art.date);
      add('source', art.source);
      if (art.url) add('url', safeLink(art.url));
      if (art.size) add('size', art.size + ' bytes');
      $('article').hidden = false;
      clearError();
    } catch (err) {
      showError(err);
    }
  }

  // safeLink is a link for an http(s) URL, else the URL as text.
  function safeLink(url) {
    let u;
    try {
      u = new URL(url);
    } catch (e) {
      return url;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return url;
    return el('a', { href: u.href, rel: 'noopener noreferrer nofollow', target: '_blank', text: url });
  }

  // ---- Start: the most connected actors ----
  async function showStart() {
    $('actor').hidden = true;
    $('evidence').hidden = true;
    $('start').hidden = false;
    cy.elements().remove();
    try {
      const { actors } = await api('/api/actors', new URLSearchParams({ limit: '12' }));
      const list = $('top-actors');
      list.replaceChildren();
      for (const a of actors) {
        remember(a);
        const b = el('button', { type: 'button', class: 'link', text: a.name });
        b.addEventListener('click', () => go(a.id));
        list.append(el('li', {}, b, ' ', el('span', { class: 'meta', text: a.type })));
      }
      if (actors.length === 0) list.append(el('li', { text: 'The store is empty: POST an article to /api/articles, or run geokg ingest before geokg serve.' }));
      $('graph-note').textContent = 'Search an actor by any of its names, or pick one.';
    } catch (err) {
      showError(err);
    }
  }

  function go(actor) {
    state.actor = actor;
    writeURL(true);
    loadView();
  }

  // ---- Search with completion (an ARIA combobox) ----
  const search = $('search');
  const box = $('suggestions');
  let options = [];
  let active = -1;
  let searchGen = 0;
  let searchTimer = 0;

  function closeBox() {
    box.hidden = true;
    search.setAttribute('aria-expanded', 'false');
    search.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function setActive(i) {
    active = i;
    [...box.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) {
      search.setAttribute('aria-activedescendant', box.children[i].id);
      box.children[i].scrollIntoView({ block: 'nearest' });
    }
  }

  // alsoKnownAs is the alias that matched q, when the name did not.
  function alsoKnownAs(a, q) {
    const f = q.toLowerCase();
    if (!f || a.name.toLowerCase().includes(f)) return '';
    return (a.aliases || []).find((x) => x.toLowerCase().includes(f)) || '';
  }

  async function suggest() {
    const q = search.value.trim();
    const gen = ++searchGen;
    if (!q) {
      closeBox();
      return;
    }
    try {
      const { actors } = await api('/api/actors', new URLSearchParams({ q, limit: '10' }));
      if (gen !== searchGen) return;
      options = actors.map(remember);
      box.replaceChildren(...options.map((a, i) => {
        const aka = alsoKnownAs(a, q);
        return el('li', { role: 'option', id: 'option-' + i, 'aria-selected': 'false', 'data-id': a.id },
          a.name, ' ', el('span', { class: 'option-meta', text: a.id + ' · ' + a.type + (aka ? ' · ' + aka : '') }));
      }));
      if (options.length === 0) {
        box.append(el('li', { role: 'option', 'aria-disabled': 'true', class: 'option-meta', text: 'No actor matches' }));
      }
      box.dataset.query = q; // the query the list answers (a slow answer to an earlier one may show first)
      box.hidden = false;
      search.setAttribute('aria-expanded', 'true');
      setActive(options.length ? 0 : -1);
    } catch (err) {
      showError(err);
    }
  }

  function choose(i) {
    const a = options[i];
    closeBox();
    if (a) {
      search.value = a.name;
      go(a.id);
    }
  }

  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(suggest, 120);
  });
  search.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && options.length) {
      ev.preventDefault();
      if (box.hidden) suggest();
      else setActive((active + 1) % options.length);
    } else if (ev.key === 'ArrowUp' && options.length) {
      ev.preventDefault();
      setActive((active - 1 + options.length) % options.length);
    } else if (ev.key === 'Escape') {
      closeBox();
    }
  });
  box.addEventListener('mousedown', (ev) => {
    const li = ev.target.closest('[role="option"][data-id]');
    if (!li) return;
    ev.preventDefault();
    choose(options.findIndex((a) => a.id === li.dataset.id));
  });
  search.addEventListener('blur', () => setTimeout(closeBox, 150));
  $('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!box.hidden && active >= 0) choose(active);
    else if (search.value.trim()) {
      closeBox();
      go(search.value.trim());
    }
  });
  $('depth').addEventListener('change', () => {
    state.depth = parseInt($('depth').value, 10);
    writeURL(true);
    loadView();
  });

  // ---- Filters ----
  function readFiltersIntoForm() {
    const f = $('filters');
    for (const c of f.querySelectorAll('input[name="relation"]')) c.checked = state.relation.includes(c.value);
    for (const c of f.querySelectorAll('input[name="status"]')) c.checked = state.status.includes(c.value);
    $('since').value = state.since;
    $('until').value = state.until;
    $('min-articles').value = state.min_articles;
    $('rollup').checked = state.rollup;
    $('depth').value = String(state.depth);
  }

  $('filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = $('filters');
    state.relation = [...f.querySelectorAll('input[name="relation"]:checked')].map((c) => c.value);
    state.status = [...f.querySelectorAll('input[name="status"]:checked')].map((c) => c.value);
    state.since = $('since').value;
    state.until = $('until').value;
    state.min_articles = $('min-articles').value;
    state.rollup = $('rollup').checked;
    writeURL(true);
    loadView();
  });
  $('clear').addEventListener('click', () => {
    Object.assign(state, { relation: [], status: [], since: '', until: '', min_articles: '', rollup: false });
    writeURL(true);
    loadView();
  });

  // ---- Graph events ----
  cy.on('tap', 'node', (ev) => {
    ev.target.select();
    expand(ev.target.id());
  });
  cy.on('dbltap', 'node', (ev) => go(ev.target.id()));
  cy.on('tap', 'edge[!affiliation]', (ev) => {
    const d = ev.target.data();
    const row = [...$('relations').tBodies[0].rows].find((tr) => tr.dataset.key === d.id);
    if (row) selectRow(row);
    showEvidence({ source: d.source, relation: d.relation, target: d.target });
  });

  // ---- Path finder ----
  $('path-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const from = $('path-from').value.trim();
    const to = $('path-to').value.trim();
    const out = $('path-result');
    if (!from || !to) {
      out.replaceChildren(el('p', { text: 'Name two actors.' }));
      return;
    }
    const p = filterParams();
    p.set('from', from);
    p.set('to', to);
    p.set('evidence', '-1'); // every sentence, to mark each step as sure as it is
    try {
      const res = await api('/api/path', p);
      remember(res.from);
      remember(res.to);
      await nameSteps(res);
      showPaths(res);
      clearError();
    } catch (err) {
      showError(err);
    }
  });

  // nameSteps learns the names of the actors along the chains.
  function nameSteps(res) { return learnNames(res.paths.flatMap((c) => c.actors)); }

  function showPaths(res) {
    const out = $('path-result');
    if (res.paths.length === 0) {
      out.replaceChildren(el('p', { text: 'No chain of relations links ' + res.from.name + ' and ' + res.to.name + ' with these filters.' }));
      return;
    }
    const list = el('ol');
    res.paths.forEach((chain) => {
      const steps = chain.steps.map((s, i) => {
        const forward = s.source === chain.actors[i];
        let arrow = forward ? ' —' + s.relation + '→ ' : ' ←' + s.relation + '— ';
        if (s.relation === 'allies-with') arrow = ' —' + s.relation + '— ';
        return arrow + nameOf(chain.actors[i + 1]) + ' (' + s.articles + ')';
      });
      const show = el('button', { type: 'button', text: 'Show' });
      show.addEventListener('click', () => drawPath(chain));
      list.append(el('li', {}, nameOf(chain.actors[0]) + steps.join(''), ' ', show));
    });
    out.replaceChildren(list);
    if (res.more) out.append(el('p', { class: 'note', text: 'More chains of the same length exist.' }));
  }

  function drawPath(chain) {
    const nodes = chain.actors.map((id) => names.get(id) || { id, name: id, type: 'group' });
    const statusOf = new Map(chain.steps.map((s) => [edgeKey(s), statusOfEvidence(s.evidence)]));
    const fresh = merge(elementsOf({ nodes, edges: chain.steps }, statusOf), cy.nodes().nonempty());
    cy.elements().removeClass('path');
    for (const id of chain.actors) cy.getElementById(id).addClass('path');
    for (const s of chain.steps) cy.getElementById(edgeKey(s)).addClass('path');
    if (fresh.length) runLayout(true);
    cy.fit(cy.elements('.path'), 60);
    noteGraph();
  }

  function statusOfEvidence(ms) {
    for (const s of PRECEDENCE) if (ms.some((m) => m.status === s)) return s;
    return 'asserted';
  }

  // Completion for the path finder's fields: a datalist of names.
  const pathNames = el('datalist', { id: 'path-names' });
  document.body.append(pathNames);
  for (const id of ['path-from', 'path-to']) {
    const input = $(id);
    input.setAttribute('list', 'path-names');
    let timer = 0;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const q = input.value.trim();
        if (!q) return;
        try {
          const { actors } = await api('/api/actors', new URLSearchParams({ q, limit: '8' }));
          pathNames.replaceChildren(...actors.map((a) => el('option', { value: a.name })));
        } catch (err) {
          showError(err);
        }
      }, 150);
    });
  }

  // ---- Export of the view ----
  function download(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function viewName(ext) {
    return 'geokg-' + (rootID || 'view').replace(/[^A-Za-z0-9_-]+/g, '-') + '.' + ext;
  }

  // viewJSON is the drawing as the export JSON document: its nodes and
  // edges, sorted as geokg export sorts them (edges without evidence).
  function viewJSON() {
    const nodes = cy.nodes().map((n) => n.data('node')).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const rel = (r) => RELATIONS.indexOf(r);
    const edges = cy.edges('[!affiliation]').map((e) => e.data('edge')).sort((a, b) =>
      (a.source < b.source ? -1 : a.source > b.source ? 1 : rel(a.relation) - rel(b.relation) || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0)));
    return { nodes, edges };
  }

  $('export-json').addEventListener('click', () => {
    download(new Blob([JSON.stringify(viewJSON(), null, 1) + '\n'], { type: 'application/json' }), viewName('json'));
  });
  $('export-png').addEventListener('click', () => {
    download(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }), viewName('png'));
  });
  $('export-svg').addEventListener('click', () => {
    download(new Blob([viewSVG()], { type: 'image/svg+xml' }), viewName('svg'));
  });

  // viewSVG draws the view as it is laid out, as SVG: the same shapes,
  // colours and lines. Labels are text nodes, so the serializer escapes them.
  function viewSVG() {
    const NS = 'http://www.w3.org/2000/svg';
    const doc = document.implementation.createDocument(NS, 'svg', null);
    const svg = doc.documentElement;
    const mk = (tag, attrs, text) => {
      const e = doc.createElementNS(NS, tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
      if (text !== undefined) e.textContent = text;
      return e;
    };
    const bb = cy.elements().boundingBox({ includeLabels: true });
    const pad = 20;
    const w = Math.max(1, bb.w) + 2 * pad;
    const h = Math.max(1, bb.h) + 2 * pad;
    svg.setAttribute('viewBox', [bb.x1 - pad, bb.y1 - pad, w, h].map((v) => v.toFixed(1)).join(' '));
    svg.setAttribute('width', w.toFixed(0));
    svg.setAttribute('height', h.toFixed(0));
    svg.setAttribute('font-family', 'Helvetica, Arial, sans-serif');
    const defs = mk('defs', {});
    svg.append(defs, mk('rect', { x: bb.x1 - pad, y: bb.y1 - pad, width: w, height: h, fill: '#ffffff' }));
    const markers = new Map();
    const marker = (color) => {
      if (!markers.has(color)) {
        const id = 'arrow' + markers.size;
        const m = mk('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
        m.append(mk('path', { d: 'M0,0 L10,5 L0,10 z', fill: color }));
        defs.append(m);
        markers.set(color, id);
      }
      return markers.get(color);
    };
    const dash = { dashed: '6 4', dotted: '2 3' };
    cy.edges().forEach((e) => {
      const s = e.sourceEndpoint();
      const t = e.targetEndpoint();
      const m = e.midpoint();
      const c = { x: 2 * m.x - (s.x + t.x) / 2, y: 2 * m.y - (s.y + t.y) / 2 };
      const affiliation = e.data('affiliation');
      const st = affiliation ? { color: AFFILIATION_COLOR, text: AFFILIATION_COLOR, arrow: 'triangle' } : relStyle(e.data('relation'));
      const line = affiliation ? 'dotted' : STATUS_LINE[e.data('status')] || 'solid';
      const attrs = {
        d: `M${s.x.toFixed(1)},${s.y.toFixed(1)} Q${c.x.toFixed(1)},${c.y.toFixed(1)} ${t.x.toFixed(1)},${t.y.toFixed(1)}`,
        fill: 'none', stroke: st.color, 'stroke-width': affiliation ? 1.5 : penWidth(e.data('articles')).toFixed(1),
      };
      if (dash[line]) attrs['stroke-dasharray'] = dash[line];
      if (st.arrow !== 'none') attrs['marker-end'] = 'url(#' + marker(st.color) + ')';
      const g = mk('g', {});
      g.append(mk('title', {}, affiliation ? nameOf(e.data('source')) + ' speaks for ' + nameOf(e.data('target'))
        : nameOf(e.data('source')) + ' ' + e.data('relation') + ' ' + nameOf(e.data('target'))));
      g.append(mk('path', attrs));
      if (!affiliation) {
        g.append(mk('text', { x: m.x.toFixed(1), y: (m.y - 3).toFixed(1), 'font-size': 10, 'text-anchor': 'middle', fill: st.text }, e.data('label')));
      }
      svg.append(g);
    });
    cy.nodes().forEach((n) => {
      const p = n.position();
      const nw = n.width();
      const nh = n.height();
      const type = n.data('type');
      const common = { fill: TYPE_FILL[type] || '#ffffff', stroke: n.hasClass('root') ? '#1d1d1f' : '#555555', 'stroke-width': n.hasClass('root') ? 3 : 1 };
      if (type === 'territory') common['stroke-dasharray'] = '4 3';
      let shape;
      if (type === 'organization' || !TYPE_SHAPE[type]) {
        shape = mk('ellipse', { cx: p.x, cy: p.y, rx: nw / 2, ry: nh / 2, ...common });
      } else if (type === 'group') {
        const pts = [[-0.5, 0], [-0.25, -0.5], [0.25, -0.5], [0.5, 0], [0.25, 0.5], [-0.25, 0.5]]
          .map(([x, y]) => (p.x + x * nw).toFixed(1) + ',' + (p.y + y * nh).toFixed(1)).join(' ');
        shape = mk('polygon', { points: pts, ...common });
      } else {
        shape = mk('rect', { x: p.x - nw / 2, y: p.y - nh / 2, width: nw, height: nh, rx: type === 'person' ? 6 : 0, ...common });
      }
      const g = mk('g', {});
      g.append(mk('title', {}, n.data('label') + ' (' + n.id() + ')'), shape,
        mk('text', { x: p.x, y: p.y + 4, 'font-size': 12, 'text-anchor': 'middle', fill: '#1d1d1f', 'font-weight': n.hasClass('root') ? 'bold' : 'normal' }, n.data('label')));
      svg.append(g);
    });
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(doc) + '\n';
  }

  // ---- Legend ----
  function buildLegend() {
    const lg = $('legend');
    for (const r of RELATIONS) {
      lg.append(el('span', {}, el('span', { class: 'swatch rel-' + r }), r));
    }
    for (const s of PRECEDENCE) {
      lg.append(el('span', {}, el('span', { class: 'swatch plain ' + STATUS_LINE[s] }), STATUS_LEGEND[s]));
    }
    lg.append(el('span', {}, el('span', { class: 'swatch plain dotted' }), 'speaks for'));
    for (const t of Object.keys(TYPE_FILL)) lg.append(el('span', {}, el('span', { class: 'box fill-' + t }), t));
  }

  // ---- Live updates: the server's events ----
  let refreshTimer = 0;
  function listen() {
    if (!window.EventSource) return;
    const events = new EventSource('/api/events');
    events.addEventListener('open', () => { document.body.dataset.live = 'connected'; });
    events.addEventListener('error', () => { document.body.dataset.live = 'reconnecting'; });
    events.addEventListener('ingest', (ev) => {
      let d;
      try {
        d = JSON.parse(ev.data);
      } catch (e) {
        return;
      }
      $('live').textContent = 'New article ' + String(d.article).slice(0, 8) + ': ' + d.relations +
        (d.relations === 1 ? ' relation' : ' relations') + ' stored.';
      const touches = (d.actors || []).some((id) => id === rootID || cy.getElementById(id).nonempty());
      if (touches || !state.actor) {
        clearTimeout(refreshTimer);
        refreshTimer = setTimeout(refresh, 250);
      }
    });
  }

  window.addEventListener('popstate', () => {
    readURL();
    loadView();
  });

  buildLegend();
  readURL();
  writeURL(false);
  loadView();
  listen();
})();
