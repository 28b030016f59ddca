// govreport search, loaded by search.html only. It answers from the static
// index in search/ (internal/search, which documents the files), loading
// each file as a <script> that calls _gs(name, data), so that it works from
// file:// as well as under any sub-path. Same algorithm as `govreport
// search` (internal/search/read.go): keep the two in step.
((d, w) => {
  const $ = (id) => d.getElementById(id);
  const form = $("sf"), q = $("q"), fp = $("fp"), fy = $("fy"), st = $("st"), ol = $("sr"), more = $("sm");
  const dir = form.dataset.index, files = {}, wait = {}, P = 2 ** 17, U = 2 ** 19, PAGE = 5;
  let M, fold, placeOf, all = [], hits = [], shown = 0, seq = 0, timer;

  w._gs = (name, data) => (files[name] = data);
  const load = (name) =>
    (wait[name] ||= new Promise((ok) => {
      const s = d.createElement("script");
      s.src = dir + name + ".js";
      s.onload = s.onerror = () => ok(files[name] ?? null, s.remove());
      d.head.append(s);
    }));

  const meta = async () => {
    if (M) return;
    const m = await load("m"), t = {};
    if (m?.v != 1) throw 0;
    const f = [...m.f], stops = new Set(m.s);
    for (let i = 0; i < f.length; i += 2) t[f[i]] = f[i + 1];
    fold = (s) =>
      [...s].map((c) => {
        c = t[c] || c;
        const n = c.codePointAt(0);
        if (n > 0xff00 && n < 0xff5f) c = String.fromCharCode(n - 0xfee0);
        if (c >= "A" && c <= "Z") c = c.toLowerCase();
        return c <= " " || stops.has(c) || /\s/.test(c) ? " " : c;
      }).join("");
    placeOf = m.n.flatMap((n, p) => Array(n).fill(p));
    m.y = [...atob(m.y)].map((c) => c.charCodeAt(0));
    M = m;
  };
  const year = (r) => (M.y[r] ? 1900 + M.y[r] : 0);

  // The trie node of w[k:], and what it vouches for: characters [k, e).
  const walk = async (w, k) => {
    let a = w[k].codePointAt(0), b = w[k + 1].codePointAt(0), h = Math.imul(a, 0x9e3779b1) ^ b;
    h ^= h >>> 15;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    let n = (await load("b/" + ((h >>> 0) & (M.b - 1)).toString(36)))?.[w[k] + w[k + 1]];
    if (typeof n == "number") n = await load("s/" + a.toString(36) + "_" + b.toString(36));
    for (let j = k + 2; n != null; n = n[2][w[j++]]) {
      if (sub(n)) n = await load(sub(n, w, k));
      const c = typeof n == "string" ? n.length >> 2 : n.length == 2 ? n[0] : n[0] + (n[1] >> 2);
      if (typeof n == "string" || n.length == 2 || j == w.length) return { k, e: j, n, c };
    }
  };
  // A node kept in a file of its own: its name.
  const sub = (n, w, k) =>
    typeof n[2] == "number" && (w ? "s/" + w[k].codePointAt(0).toString(36) + "_" + w[k + 1].codePointAt(0).toString(36) + "_" + n[2] : 1);
  // Every leaf below a node: inline entries, or the files that hold them.
  const leaves = (w, k, n, out) => {
    if (typeof n == "string") out.push(n);
    else if (n.length == 2) out.push(load("p/" + w[k].codePointAt(0).toString(36) + "_" + w[k + 1].codePointAt(0).toString(36) + "_" + n[1]));
    else if (sub(n)) out.push(load(sub(n, w, k)).then((s) => Promise.all(leaves(w, k, s, []))));
    else {
      for (const c in n[2]) leaves(w, k, n[2][c], out);
      if (n[3] != null) leaves(w, k, n[3], out);
    }
    return out;
  };
  const decode = (s, f) => {
    let i = 0, r = -1, lu = 0, o = 0;
    const b = atob(s), v = () => {
      let x = 0, m = 1, c;
      do x += ((c = b.charCodeAt(i++)) & 127) * m, m *= 128; while (c > 127);
      return x;
    };
    while (i < b.length) {
      const x = v();
      if (x % 2) (r += (x - 1) / 2), (lu = v()), (o = v());
      else if (x) (lu += x / 2), (o = v());
      else o += v();
      f(r, lu, o);
    }
  };
  // Every occurrence of the word w (an array of characters), as numbers
  // (r·U + lu)·P + offset: the cheapest covers of w, intersected.
  const word = async (w) => {
    const m = w.length, ks = [], best = [0], from = [], prev = [];
    for (let k = 0; k < m - 1; k++) if (k % 2 == 0 || k == m - 2) ks.push(walk(w, k));
    const cs = await Promise.all(ks);
    if (cs.includes(undefined)) return [];
    for (let x = 0; x < m; x++)
      if (best[x] != null)
        cs.forEach((c, i) => {
          if (c.k <= x && c.e > x && !(best[c.e] <= best[x] + c.c + 1)) (best[c.e] = best[x] + c.c + 1), (from[c.e] = i), (prev[c.e] = x);
        });
    const plan = [];
    for (let x = m; x > 0; x = prev[x]) plan.push(cs[from[x]]);
    plan.sort((a, b) => a.c - b.c);
    let have;
    for (const c of plan) {
      const got = new Set();
      for (const s of (await Promise.all(leaves(w, c.k, c.n, []))).flat(1 / 0))
        decode(s, (r, lu, o) => {
          const key = (r * U + lu) * P + o - c.k;
          if (o >= c.k && (!have || have.has(key))) got.add(key);
        });
      if (!(have = got).size) return [];
    }
    return have;
  };
  // The paragraphs that hold every word, ranked: headings first, newer
  // reports, index order, reading order.
  const search = async (text) => {
    await meta();
    const words = [...new Set(fold(text).split(" "))].map((s) => [...s]).filter((a) => a.length > 1);
    if (!words.length) return null;
    let units;
    for (const w of words) {
      const next = new Map();
      for (const key of await word(w)) {
        const u = Math.floor(key / P), o = key % P;
        if (units && !units.has(u)) continue;
        if (!next.has(u)) next.set(u, units ? [...units.get(u)] : []);
        next.get(u).push([o, o + w.length]);
      }
      if (!(units = next).size) break;
    }
    return [...units].map(([u, h]) => ({ r: Math.floor(u / U), lu: u % U, h: h.sort((a, b) => a[0] - b[0]) }))
      .sort((a, b) => (a.lu & 1) - (b.lu & 1) || year(b.r) - year(a.r) || a.r - b.r || a.lu - b.lu);
  };

  const el = (tag, text, props) => Object.assign(d.createElement(tag), { textContent: text ?? "" }, props);
  // One result: the report, the heading, the paragraph with the words marked.
  const item = async ({ r, lu, h }) => {
    const n = lu >> 1, [H, B] = M.c, c = lu & 1 ? Math.floor(n / B) * 2 + 1 : Math.floor(n / H) * 2;
    const [rep, us, heads] = await load("t/" + r + "_" + c), [anchor, text, hd] = us[n % (lu & 1 ? B : H)];
    const li = el("li"), p = el("p"), cs = [...text], a = Math.max(0, h[0][0] - 30), z = Math.min(cs.length, a + 120);
    li.append(el("a", rep[0], { href: rep[4] + (anchor ? "#" + anchor : "") }), el("small", [rep[2] && rep[2] + "年", rep[1], heads[hd]].filter(Boolean).join(" · ")), p);
    let at = a;
    p.append(a ? "…" : "");
    for (const [s, e] of h)
      if (s >= at && e <= z) p.append(cs.slice(at, s).join(""), el("mark", cs.slice(s, e).join(""))), (at = e);
    p.append(cs.slice(at, z).join(""), z < cs.length ? "…" : "");
    return li;
  };
  const next = () => Promise.all(hits.slice(shown, (shown += PAGE)).map(item));
  const options = (sel, counts, label) => {
    const v = sel.value;
    sel.replaceChildren(el("option", label, { value: "" }), ...[...counts].map(([k, n]) => el("option", (k || "未注明") + "（" + n + "）", { value: k })));
    sel.value = counts.has(v) ? v : "";
  };
  const count = (f) => {
    const m = new Map();
    for (const x of all) m.set(f(x), (m.get(f(x)) || 0) + 1);
    return new Map([...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  };
  // The status is busy from a keystroke until the answer to the query as
  // typed is shown: screen readers wait for it, and so do the tests.
  const busy = (b) => st.setAttribute("aria-busy", b);
  const show = async () => {
    const my = seq;
    hits = all.filter((x) => (!fp.value || M.p[placeOf[x.r]] == fp.value) && (!fy.value || year(x.r) == fy.value));
    shown = 0;
    const lis = await next(), n = new Set(hits.map((x) => x.r)).size;
    if (my != seq) return;
    ol.replaceChildren(...lis);
    more.hidden = shown >= hits.length;
    st.textContent = hits.length ? "找到" + hits.length + "段，在" + n + "篇报告中" + (hits.length < all.length ? "（已筛选，共" + all.length + "段）" : "") : "没有找到。";
    busy(false);
  };
  const run = async () => {
    const my = ++seq, text = q.value.trim();
    busy(true);
    try {
      history.replaceState(null, "", text ? "#" + new URLSearchParams({ q: text }) : location.pathname);
    } catch {}
    let res;
    try {
      res = text && (await search(text));
    } catch {
      res = 0;
      st.textContent = "无法读取搜索索引。";
    }
    if (my != seq) return;
    if (res === 0) return busy(false);
    all = res || [];
    options(fp, count((x) => M.p[placeOf[x.r]]), "全部地点");
    options(fy, new Map([...count((x) => year(x.r))].reverse()), "全部年份");
    if (!res) {
      ol.replaceChildren();
      more.hidden = true;
      st.textContent = text ? "请输入至少两个字。" : "";
      return busy(false);
    }
    await show();
  };

  form.hidden = false;
  $("nj").hidden = true;
  form.onsubmit = (e) => (e.preventDefault(), clearTimeout(timer), run());
  q.oninput = (e) => e.isComposing || (busy(true), clearTimeout(timer), (timer = setTimeout(run, 50)));
  fp.onchange = fy.onchange = () => (++seq, show());
  more.onclick = async () => {
    const lis = await next();
    ol.append(...lis);
    more.hidden = shown >= hits.length;
    lis[0]?.querySelector("a").focus();
  };
  q.value = new URLSearchParams(location.hash.slice(1)).get("q") || "";
  if (q.value) run();
})(document, window);
