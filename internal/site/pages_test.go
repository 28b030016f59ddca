package site

// Tests of the built pages: the repository's config.toml, layouts/ and
// static/ applied to the real seed report (sources/) plus a second, fully
// filled-in report (testdata/pages.txtar), built by Build as `govreport
// build` does. They check the public/ tree without a browser: links, ids,
// metadata, figure tables, contents, print version, page weight.

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/govreport/govreport/internal/testcorpus"
)

const (
	seedSlug  = "2023-xx-zhen"
	fixSlug   = "2022-yy-xiang" // testdata/pages.txtar
	publicURL = "https://www.example.gov.cn/xxgk/zfgzbg/"
	subPath   = "/xxgk/zfgzbg/" // any prefix: the links must stay under it

	// The page-weight rule (decided): a page's HTML, gzipped, at most
	// htmlWeight times the gzip size of its visible text; the style sheets
	// and scripts every page loads, together, at most assetBudget bytes
	// gzipped (they are loaded once per site and cached).
	htmlWeight  = 1.25
	assetBudget = 2048
	// ruleFrom is the least visible text (gzip bytes) a page needs for the
	// rule to bind: every page carries about 700 gzip bytes that do not
	// grow with it (the portal's <meta> set, header, text-size form,
	// footer), which a page of a few lines cannot earn back. Smaller pages
	// are measured and logged.
	ruleFrom = 3000
)

// newProject lays out a project in a temporary directory: the repository's
// config.toml, layouts/ and static/, the seed in sources/, and the given
// txtar archives.
func newProject(t testing.TB, archives ...string) string {
	t.Helper()
	root := writeTxtar(t, archives...)
	if err := testcorpus.Project(root, true); err != nil {
		t.Fatal(err)
	}
	return root
}

func mustWrite(t testing.TB, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func fixture(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "pages.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// buildSite runs Build as `govreport build --baseURL pub` does.
func buildSite(t testing.TB, root, pub string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if err := Build(context.Background(), BuildOptions{Root: root, Out: out, BaseURL: pub, Logf: t.Logf}); err != nil {
		t.Fatalf("Build: %v", err)
	}
	return out
}

// A parsed HTML file of the site.
type htmlPage struct {
	rel string // slash path under public/
	doc *html.Node
	ids map[string]*html.Node
	raw []byte
}

func loadPages(t *testing.T, pub string) map[string]*htmlPage {
	t.Helper()
	pages := map[string]*htmlPage{}
	err := filepath.WalkDir(pub, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		doc, err := html.Parse(bytes.NewReader(raw))
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(pub, p)
		pg := &htmlPage{rel: filepath.ToSlash(rel), doc: doc, ids: map[string]*html.Node{}, raw: raw}
		for _, n := range all(doc, func(n *html.Node) bool { return has(n, "id") }) {
			id := attr(n, "id")
			if pg.ids[id] != nil {
				t.Errorf("%s: duplicate id %q", pg.rel, id)
			}
			pg.ids[id] = n
		}
		pages[pg.rel] = pg
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// ---- DOM helpers

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func has(n *html.Node, key string) bool {
	return n.Type == html.ElementNode && slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return a.Key == key })
}

func hasClass(n *html.Node, c string) bool {
	return n.Type == html.ElementNode && slices.Contains(strings.Fields(attr(n, "class")), c)
}

func is(n *html.Node, a atom.Atom) bool { return n.Type == html.ElementNode && n.DataAtom == a }

// all returns the nodes under n (n included) that match, in document order.
func all(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func first(n *html.Node, match func(*html.Node) bool) *html.Node {
	if m := all(n, match); len(m) > 0 {
		return m[0]
	}
	return nil
}

func elem(a atom.Atom) func(*html.Node) bool { return func(n *html.Node) bool { return is(n, a) } }

func class(c string) func(*html.Node) bool { return func(n *html.Node) bool { return hasClass(n, c) } }

// textOf is the text under n, whitespace collapsed.
func textOf(n *html.Node) string {
	var b strings.Builder
	for _, t := range all(n, func(n *html.Node) bool { return n.Type == html.TextNode }) {
		b.WriteString(t.Data)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// within reports whether n is inside (or is) m.
func within(n, m *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == m {
			return true
		}
	}
	return false
}

// order numbers the nodes of a document in document order.
func order(doc *html.Node) map[*html.Node]int {
	m := map[*html.Node]int{}
	for i, n := range all(doc, func(*html.Node) bool { return true }) {
		m[n] = i
	}
	return m
}

// sheets is the CSS a page applies: its <style> elements and the style
// sheets it links, in order.
func sheets(t *testing.T, pub string, pg *htmlPage) []string {
	t.Helper()
	var out []string
	for _, n := range all(pg.doc, func(n *html.Node) bool {
		return is(n, atom.Style) || is(n, atom.Link) && attr(n, "rel") == "stylesheet"
	}) {
		if is(n, atom.Style) {
			out = append(out, textOf(n))
			continue
		}
		data, err := os.ReadFile(filepath.Join(pub, filepath.FromSlash(path.Join(path.Dir(pg.rel), attr(n, "href")))))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(data))
	}
	return out
}

func styles(t *testing.T, pub string, pg *htmlPage) string {
	return strings.Join(sheets(t, pub, pg), "\n")
}

// printOnScreen reports whether css applies the print layout (@page and
// the rest) to every medium, not only inside @media print.
func printOnScreen(css string) bool {
	i, j := strings.Index(css, "@page"), strings.Index(css, "@media print")
	return i >= 0 && (j < 0 || j > i)
}

// ---- visible text and page weight

// Elements that start a new line in the rendered text (innerText).
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Table: true, atom.Tr: true, atom.Caption: true,
	atom.Header: true, atom.Footer: true, atom.Main: true, atom.Nav: true, atom.Article: true,
	atom.Section: true, atom.Form: true, atom.Fieldset: true, atom.Legend: true, atom.Br: true,
	atom.Blockquote: true, atom.Pre: true, atom.Figure: true, atom.Figcaption: true, atom.Body: true,
}

// visibleText is the page's rendered text, roughly as innerText gives it:
// <head>, <script>, <style>, <template>, hidden elements and the body of a
// closed <details> left out, a line
// per block, cells separated by tabs, runs of spaces collapsed.
func visibleText(doc *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Head, atom.Script, atom.Style, atom.Template, atom.Noscript:
				return
			}
			if has(n, "hidden") {
				return
			}
			if is(n, atom.Details) && !has(n, "open") { // only its <summary> is rendered
				if s := first(n, elem(atom.Summary)); s != nil {
					walk(s)
				}
				return
			}
		}
		block := n.Type == html.ElementNode && blockAtoms[n.DataAtom]
		if block {
			b.WriteByte('\n')
		}
		if is(n, atom.Td) || is(n, atom.Th) {
			b.WriteByte('\t')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteByte('\n')
		}
	}
	walk(doc)
	var lines []string
	for _, l := range strings.Split(b.String(), "\n") {
		cells := strings.Split(l, "\t")
		for i, c := range cells {
			cells[i] = strings.Join(strings.Fields(c), " ")
		}
		if l = strings.Trim(strings.Join(cells, "\t"), "\t"); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

func gzipSize(t testing.TB, data []byte) int {
	var b bytes.Buffer
	w, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Len()
}

type weight struct {
	html, text       int            // gzip -9 sizes
	htmlRaw, textRaw int            //
	assets           map[string]int // style sheets and scripts by reference: gzip -9 size
}

// pageWeight measures a page: its HTML, every style sheet and script it
// loads, and its visible text.
func pageWeight(t *testing.T, pub string, pg *htmlPage) weight {
	t.Helper()
	w := weight{html: gzipSize(t, pg.raw), htmlRaw: len(pg.raw), assets: map[string]int{}}
	for _, n := range all(pg.doc, func(n *html.Node) bool {
		return is(n, atom.Script) && has(n, "src") || is(n, atom.Link) && attr(n, "rel") == "stylesheet"
	}) {
		ref := attr(n, "src") + attr(n, "href")
		data, err := os.ReadFile(filepath.Join(pub, filepath.FromSlash(path.Join(path.Dir(pg.rel), ref))))
		if err != nil {
			t.Fatal(err)
		}
		w.assets[ref] = gzipSize(t, data)
	}
	text := visibleText(pg.doc)
	w.text, w.textRaw = gzipSize(t, []byte(text)), len(text)
	return w
}

// anchorsOf returns the anchors of the records with the label.
func anchorsOf(rs []record, label string) []string {
	var out []string
	for _, r := range rs {
		if r.Label == label {
			out = append(out, r.Anchor)
		}
	}
	return out
}

// ---- the tests

type record struct {
	Anchor   string `json:"anchor"`
	Label    string `json:"label"`
	Redacted bool   `json:"redacted"`
	Featured bool   `json:"featured"`
}

func TestPages(t *testing.T) {
	root := newProject(t, fixture(t))
	pub := buildSite(t, root, publicURL)
	pages := loadPages(t, pub)
	reportPage := func(slug string) *htmlPage {
		pg := pages["reports/"+slug+".html"]
		if pg == nil {
			t.Fatalf("no reports/%s.html; pages: %v", slug, keys(pages))
		}
		return pg
	}
	records := func(slug string) []record {
		data, err := os.ReadFile(filepath.Join(root, "data", "indicators", slug+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var rs []record
		if err := json.Unmarshal(data, &rs); err != nil {
			t.Fatal(err)
		}
		return rs
	}
	for _, want := range []string{"index.html",
		"reports/" + seedSlug + ".html", "reports/" + seedSlug + "/print.html",
		"reports/" + fixSlug + ".html", "reports/" + fixSlug + "/print.html"} {
		if pages[want] == nil {
			t.Errorf("missing %s; built: %v", want, keys(pages))
		}
	}

	// Every href and src resolves, relative to the page, to a file in public/
	// and, with a #fragment, to an element of that page. Resolved against a
	// page served under a sub-path, each stays under it: no root-relative
	// link, so the site works from file:// and under any prefix.
	t.Run("links", func(t *testing.T) {
		checked := 0
		for _, pg := range pages {
			for _, n := range all(pg.doc, func(n *html.Node) bool { return has(n, "href") || has(n, "src") }) {
				ref := attr(n, "href") + attr(n, "src")
				where := pg.rel + ": <" + n.Data + " " + ref + ">"
				u, err := url.Parse(ref)
				switch {
				case err != nil:
					t.Errorf("%s: %v", where, err)
					continue
				case u.Scheme == "data":
					continue
				case u.Scheme != "" || strings.HasPrefix(ref, "//"):
					if is(n, atom.Link) && attr(n, "rel") == "canonical" {
						continue
					}
					// The footer's registration numbers link to their registries, as the rules ask.
					if is(n, atom.A) && within(n, first(pg.doc, elem(atom.Footer))) && (u.Host == "beian.miit.gov.cn" || u.Host == "beian.mps.gov.cn") {
						continue
					}
					t.Errorf("%s: external URL (resources must be local; no external links expected)", where)
					continue
				case strings.HasPrefix(ref, "/"):
					t.Errorf("%s: root-relative link breaks file:// and sub-paths", where)
					continue
				case ref == "" || ref == "#":
					t.Errorf("%s: empty link", where)
					continue
				}
				base := &url.URL{Path: subPath + pg.rel}
				target := base.ResolveReference(u).Path
				if !strings.HasPrefix(target, subPath) {
					t.Errorf("%s: leaves the site (%s)", where, target)
					continue
				}
				file := strings.TrimPrefix(target, subPath)
				if st, err := os.Stat(filepath.Join(pub, filepath.FromSlash(file))); err != nil || st.IsDir() {
					t.Errorf("%s: %s is not a file in public/", where, file)
					continue
				}
				if u.Fragment != "" {
					tp := pages[file]
					if tp == nil {
						t.Errorf("%s: fragment into a non-HTML file", where)
					} else if tp.ids[u.Fragment] == nil {
						t.Errorf("%s: no id %q in %s", where, u.Fragment, file)
					}
				}
				checked++
			}
		}
		t.Logf("%d links checked", checked)
	})

	t.Run("markup", func(t *testing.T) {
		for _, pg := range pages {
			if h := first(pg.doc, elem(atom.Html)); attr(h, "lang") != "zh-CN" {
				t.Errorf("%s: <html lang=%q>", pg.rel, attr(h, "lang"))
			}
			for _, n := range all(pg.doc, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
				for _, a := range n.Attr {
					if strings.HasPrefix(a.Key, "on") || a.Key == "style" {
						t.Errorf("%s: <%s %s=…>: no inline handlers or styles", pg.rel, n.Data, a.Key)
					}
				}
				if is(n, atom.Script) && (!has(n, "src") || !has(n, "defer")) {
					t.Errorf("%s: scripts are external and deferred", pg.rel)
				}
			}
			css := styles(t, pub, pg)
			for _, bad := range []string{"@font-face", "url(", "@import"} {
				if strings.Contains(css, bad) {
					t.Errorf("%s: style has %s: no web fonts or other requests", pg.rel, bad)
				}
			}
			// One h1, and no heading level skipped after it.
			hs := all(pg.doc, func(n *html.Node) bool {
				return n.Type == html.ElementNode && len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6'
			})
			last := 0
			for i, h := range hs {
				lvl := int(h.Data[1] - '0')
				if (i == 0) != (lvl == 1) || lvl > last+1 {
					t.Errorf("%s: heading order: <%s> %s after h%d", pg.rel, h.Data, textOf(h), last)
				}
				last = lvl
			}
			// Tables have header cells with a scope; the site's own tables a caption
			// (a Markdown table, with an id, has none to give).
			for _, tb := range all(pg.doc, elem(atom.Table)) {
				if first(tb, elem(atom.Caption)) == nil && !has(tb, "id") {
					t.Errorf("%s: table without caption", pg.rel)
				}
				for _, th := range all(tb, elem(atom.Th)) {
					if attr(th, "scope") == "" {
						t.Errorf("%s: <th> %s without scope", pg.rel, textOf(th))
					}
				}
			}
		}
		// Landmarks, skip link and the reading settings on the web pages.
		for _, rel := range []string{"index.html", "reports/" + seedSlug + ".html"} {
			doc := pages[rel].doc
			for _, a := range []atom.Atom{atom.Header, atom.Main, atom.Footer} {
				if first(doc, elem(a)) == nil {
					t.Errorf("%s: no <%s>", rel, a)
				}
			}
			if sk := first(doc, elem(atom.A)); attr(sk, "href") != "#main" {
				t.Errorf("%s: first link %q is not the skip link", rel, attr(sk, "href"))
			}
			for id, typ := range map[string]string{"f1": "radio", "f2": "radio", "f3": "radio", "hc": "checkbox"} {
				in := pages[rel].ids[id]
				if in == nil || attr(in, "type") != typ || !is(in.Parent, atom.Label) || textOf(in.Parent) == "" {
					t.Errorf("%s: #%s is not a labelled %s input", rel, id, typ)
				}
			}
			css := styles(t, pub, pages[rel])
			for _, want := range []string{"html:has(#f2:checked)", "html:has(#f3:checked)", "html:has(#hc:checked)", "@media print"} {
				if !strings.Contains(css, want) {
					t.Errorf("%s: style lacks %s", rel, want)
				}
			}
			screen, _, _ := strings.Cut(css, "@media print")
			if m := regexp.MustCompile(`font(-size)?:[^;}]*\dpx`).FindString(screen); m != "" {
				t.Errorf("%s: %q: font sizes in rem, so the text-size control scales them", rel, m)
			}
		}
		js, err := os.ReadFile(filepath.Join(pub, "js", "site.js"))
		if err != nil || len(js) > 2048 {
			t.Errorf("js/site.js: %d bytes (%v), want ≤ 2048", len(js), err)
		}
	})

	t.Run("meta", func(t *testing.T) {
		for _, slug := range []string{seedSlug, fixSlug} {
			pg := reportPage(slug)
			meta := map[string]string{}
			for _, m := range all(pg.doc, elem(atom.Meta)) {
				if has(m, "name") {
					meta[attr(m, "name")] = attr(m, "content")
				}
			}
			for _, name := range []string{"SiteName", "SiteDomain", "SiteIDCode", "ColumnName", "ArticleTitle",
				"PubDate", "ContentSource", "Keywords", "Description"} {
				if strings.TrimSpace(meta[name]) == "" {
					t.Errorf("%s: <meta name=%s> missing or empty", pg.rel, name)
				}
			}
			if !regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d$`).MatchString(meta["PubDate"]) {
				t.Errorf("%s: PubDate %q, want YYYY-MM-DD HH:MM", pg.rel, meta["PubDate"])
			}
			if h1 := textOf(first(pg.doc, elem(atom.H1))); meta["ArticleTitle"] != h1 {
				t.Errorf("%s: ArticleTitle %q, h1 %q", pg.rel, meta["ArticleTitle"], h1)
			}
			canon := first(pg.doc, func(n *html.Node) bool { return is(n, atom.Link) && attr(n, "rel") == "canonical" })
			og := first(pg.doc, func(n *html.Node) bool { return is(n, atom.Meta) && attr(n, "property") == "og:url" })
			want := publicURL + "reports/" + slug + ".html"
			if canon == nil || attr(canon, "href") != want || og == nil || attr(og, "content") != want {
				t.Errorf("%s: canonical link or og:url missing or not %s", pg.rel, want)
			}
		}
		for rel, pg := range pages { // portal security scans flag software versions
			if first(pg.doc, func(n *html.Node) bool { return is(n, atom.Meta) && attr(n, "name") == "generator" }) != nil {
				t.Errorf("%s: <meta name=generator>", rel)
			}
		}
		fix := reportPage(fixSlug)
		for _, m := range all(fix.doc, elem(atom.Meta)) {
			switch attr(m, "name") {
			case "PubDate":
				if attr(m, "content") != "2023-02-15 00:00" {
					t.Errorf("fixture PubDate %q, want the front matter's pub_date", attr(m, "content"))
				}
			case "ContentSource":
				if attr(m, "content") != "YY乡人民政府" {
					t.Errorf("fixture ContentSource %q, want the front matter's publisher", attr(m, "content"))
				}
			}
		}
		footer := textOf(first(reportPage(seedSlug).doc, elem(atom.Footer)))
		for _, want := range []string{"主办单位", "网站标识码", "ICP备", "公网安备"} {
			if !strings.Contains(footer, want) {
				t.Errorf("footer %q lacks %s", footer, want)
			}
		}
	})

	// The disclosure metadata block: eight fields; empty ones say 未填写,
	// marked; 发布机构, 主题分类, 公开方式 fall back to config.toml, 发布日期
	// to the report's date.
	t.Run("metadata", func(t *testing.T) {
		labels := []string{"索引号", "发布机构", "成文日期", "发布日期", "文号", "主题分类", "公开方式", "有效性"}
		for slug, want := range map[string][]string{
			seedSlug: {"未填写", "XX镇人民政府", "未填写", "2024-01-27", "未填写", "综合政务/政府工作报告", "主动公开", "未填写"}, // 发布日期: the report's date, as PubDate
			fixSlug:  {"0000000000/2023-00001", "YY乡人民政府", "2023-02-08", "2023-02-15", "Y政〔2023〕1号", "综合政务/政府工作报告", "主动公开", "有效"},
		} {
			dl := first(reportPage(slug).doc, elem(atom.Dl))
			if dl == nil {
				t.Fatalf("%s: no metadata <dl>", slug)
			}
			dts, dds := all(dl, elem(atom.Dt)), all(dl, elem(atom.Dd))
			if len(dts) != len(labels) || len(dds) != len(labels) {
				t.Fatalf("%s: %d dt, %d dd", slug, len(dts), len(dds))
			}
			for i := range labels {
				if textOf(dts[i]) != labels[i] || textOf(dds[i]) != want[i] {
					t.Errorf("%s: %s：%s, want %s：%s", slug, textOf(dts[i]), textOf(dds[i]), labels[i], want[i])
				}
				if (want[i] == "未填写") != hasClass(dds[i], "e") {
					t.Errorf("%s: %s：%s, class %q", slug, labels[i], textOf(dds[i]), attr(dds[i], "class"))
				}
			}
		}
	})

	// After each part or section, a table of the figures it states, in
	// reading order, each linking to the paragraph that states it; a
	// placeholder value is marked and noted 数值未公开.
	t.Run("figures", func(t *testing.T) {
		for _, slug := range []string{seedSlug, fixSlug} {
			pg := reportPage(slug)
			rs := records(slug)
			pos := order(pg.doc)
			var rows []*html.Node
			for _, tb := range all(pg.doc, class("f")) {
				if cap := first(tb, elem(atom.Caption)); cap == nil || !strings.Contains(textOf(cap), "本节数据") {
					t.Errorf("%s: figure table caption %q", slug, textOf(cap))
				}
				// The section heading the table follows.
				var head *html.Node
				for _, h := range all(pg.doc, func(n *html.Node) bool { return is(n, atom.H2) || is(n, atom.H3) }) {
					if pos[h] < pos[tb] && pg.ids[attr(h, "id")] == h {
						head = h
					}
				}
				for _, tr := range all(tb, elem(atom.Tr)) {
					a := first(tr, elem(atom.A))
					if a == nil {
						continue // the header row
					}
					rows = append(rows, tr)
					target := pg.ids[strings.TrimPrefix(attr(a, "href"), "#")]
					if target == nil || pos[target] > pos[tb] || head != nil && pos[target] < pos[head] {
						t.Errorf("%s: figure %s links to %s, not in the section before its table", slug, textOf(a), attr(a, "href"))
					}
				}
			}
			if len(rows) != len(rs) {
				t.Fatalf("%s: %d figure rows, %d indicators", slug, len(rows), len(rs))
			}
			for i, r := range rs {
				a := first(rows[i], elem(atom.A))
				if attr(a, "href") != "#"+r.Anchor || textOf(a) != r.Label {
					t.Errorf("%s: row %d: %s → %s, want %s → #%s", slug, i, textOf(a), attr(a, "href"), r.Label, r.Anchor)
				}
				marked := first(rows[i], elem(atom.U)) != nil && strings.Contains(textOf(rows[i]), "数值未公开")
				if marked != r.Redacted {
					t.Errorf("%s: row %d (%s): placeholder marked %v, redacted %v", slug, i, textOf(rows[i]), marked, r.Redacted)
				}
			}
			// Key figures: the featured indicators.
			var featured []record
			for _, r := range rs {
				if r.Featured {
					featured = append(featured, r)
				}
			}
			// One card per label, a value (<b>) per featured figure, in order.
			var labels []string
			for _, r := range featured {
				if !slices.Contains(labels, r.Label) {
					labels = append(labels, r.Label)
				}
			}
			var cards, values []*html.Node
			if k := first(pg.doc, class("k")); k != nil {
				cards, values = all(k, elem(atom.Li)), all(k, elem(atom.B))
			}
			if len(cards) != len(labels) || len(values) != len(featured) {
				t.Fatalf("%s: %d key figures with %d values, for %d labels and %d featured", slug, len(cards), len(values), len(labels), len(featured))
			}
			for i, l := range labels {
				if a := first(cards[i], elem(atom.A)); textOf(a) != l {
					t.Errorf("%s: key figure %d: %s, want %s", slug, i, textOf(cards[i]), l)
				}
			}
			for i, r := range featured {
				card := values[i].Parent
				if a := first(card, elem(atom.A)); textOf(a) != r.Label || !slices.Contains(anchorsOf(featured, r.Label), strings.TrimPrefix(attr(a, "href"), "#")) {
					t.Errorf("%s: value %s is on the card %s", slug, textOf(values[i]), textOf(card))
				}
				if marked := first(values[i], elem(atom.U)) != nil; marked != r.Redacted {
					t.Errorf("%s: key figure %s: placeholder marked %v, redacted %v", slug, textOf(values[i]), marked, r.Redacted)
				}
			}
		}
	})

	// The contents list links every part and section, in order.
	t.Run("contents", func(t *testing.T) {
		for _, slug := range []string{seedSlug, fixSlug} {
			pg := reportPage(slug)
			nav := first(pg.doc, func(n *html.Node) bool { return is(n, atom.Nav) && attr(n, "aria-labelledby") == "toc" })
			if nav == nil {
				t.Fatalf("%s: no contents <nav>", slug)
			}
			var links, heads []string
			for _, a := range all(nav, elem(atom.A)) {
				links = append(links, attr(a, "href"))
			}
			pos := order(pg.doc)
			for _, h := range all(pg.doc, func(n *html.Node) bool { return is(n, atom.H2) || is(n, atom.H3) }) {
				if pos[h] > pos[nav] && !within(h, nav) && attr(h, "id") != "kf" {
					heads = append(heads, "#"+attr(h, "id"))
				}
			}
			if len(heads) < 2 || !slices.Equal(links, heads) {
				t.Errorf("%s: contents %v, headings %v", slug, links, heads)
			}
			// Every heading and paragraph of the text links to itself.
			for _, n := range all(pg.doc, func(n *html.Node) bool { return (is(n, atom.P) || is(n, atom.H2) || is(n, atom.H3)) && has(n, "id") }) {
				if pos[n] < pos[nav] || within(n, nav) {
					continue
				}
				a := first(n, class("a"))
				if a == nil || attr(a, "href") != "#"+attr(n, "id") || attr(a, "aria-label") == "" {
					t.Errorf("%s: #%s has no labelled self-link", slug, attr(n, "id"))
				}
			}
		}
	})

	// A Markdown table scrolls in its own focusable, labelled box.
	t.Run("content table", func(t *testing.T) {
		pg := reportPage(fixSlug)
		tb := pg.ids["s1-1-t1"]
		if tb == nil || !is(tb, atom.Table) || !hasClass(tb.Parent, "t") || attr(tb.Parent, "tabindex") != "0" || attr(tb.Parent, "aria-label") == "" {
			t.Errorf("table #s1-1-t1 not in a focusable scroll box: %v", tb)
		}
		if !strings.Contains(textOf(pg.ids["s1-1-1"]), "财政收入**万元") {
			t.Errorf("placeholder ** not shown as written: %s", textOf(pg.ids["s1-1-1"]))
		}
	})

	// Placeholders in the text are marked, and a note says what they are.
	t.Run("placeholders in the text", func(t *testing.T) {
		pg := reportPage(seedSlug)
		var marked []string
		for _, u := range all(pg.ids["s1-1-1"], elem(atom.U)) {
			marked = append(marked, textOf(u))
		}
		if len(marked) != 7 || slices.ContainsFunc(marked, func(s string) bool { return s != "XX" }) {
			t.Errorf("s1-1-1: marked %q, want its seven XX", marked)
		}
		if !strings.Contains(textOf(first(pg.doc, elem(atom.Main))), "原文未公开") {
			t.Error("no note on what the marked placeholders are")
		}
		if n := len(all(first(pg.doc, elem(atom.Dl)), elem(atom.U))); n > 0 {
			t.Errorf("%d placeholders marked in the metadata, which is the portal's, not the report's", n)
		}
	})

	// Print link, downloads, the data description; the print version applies
	// the print layout on screen.
	t.Run("print and downloads", func(t *testing.T) {
		pg := reportPage(seedSlug)
		var hrefs []string
		for _, a := range all(first(pg.doc, class("tl")), elem(atom.A)) {
			hrefs = append(hrefs, attr(a, "href"))
		}
		want := []string{"../reports/" + seedSlug + "/print.html", "../reports/" + seedSlug + "/tu.html", seedSlug + "/indicators.csv", seedSlug + "/indicators.json", seedSlug + "/index.md", "../index.html#sj"}
		if !slices.Equal(hrefs, want) {
			t.Errorf("tools %v, want %v", hrefs, want)
		}
		css := styles(t, pub, pg)
		// The report page only hides its controls in print; the official
		// layout stays on the print version, off the phone reader's transfer.
		if strings.Contains(css, "@page") || !regexp.MustCompile(`@media print\{[^}]*header[^}]*display:none`).MatchString(css) {
			t.Errorf("report page: want no print layout, and the controls hidden in print: %s", css)
		}
		pv := pages["reports/"+seedSlug+"/print.html"]
		ss := sheets(t, pub, pv)
		if css = ss[len(ss)-1]; !printOnScreen(css) {
			t.Errorf("print version: print layout not applied on screen")
		}
		for _, want := range []string{"size:A4", "37mm", "counter(page)", "FangSong", "KaiTi", "SimHei", "28.9pt"} {
			if !strings.Contains(css, want) {
				t.Errorf("print style lacks %s", want)
			}
		}
		if first(pv.doc, class("a")) != nil || first(pv.doc, class("f")) != nil {
			t.Errorf("print version has anchor links or figure tables")
		}
	})

	// The sitemap needs absolute addresses: from params.publicurl.
	t.Run("sitemap", func(t *testing.T) {
		data, err := os.ReadFile(filepath.Join(pub, "sitemap.xml"))
		if err != nil {
			t.Fatal(err)
		}
		for _, slug := range []string{seedSlug, fixSlug} {
			if want := "<loc>" + publicURL + "reports/" + slug + ".html</loc>"; !strings.Contains(string(data), want) {
				t.Errorf("sitemap.xml lacks %s:\n%s", want, data)
			}
		}
	})

	// The home page lists the newest year's reports; each year's page its
	// own, with year and place.
	t.Run("home", func(t *testing.T) {
		for rel, want := range map[string][]string{"index.html": {seedSlug}, "years/2023.html": {seedSlug}, "years/2022.html": {fixSlug}} {
			pg := pages[rel]
			if pg == nil {
				t.Fatalf("no %s", rel)
			}
			ul := first(pg.doc, class("ls"))
			if ul == nil {
				t.Fatalf("%s: no report list", rel)
			}
			var got []string
			for _, a := range all(ul, elem(atom.A)) {
				got = append(got, strings.TrimSuffix(path.Base(attr(a, "href")), ".html"))
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: %v, want %v", rel, got, want)
			}
		}
		for _, want := range []string{"2023年度", "2022年度", "YY乡"} {
			if !strings.Contains(textOf(pages["index.html"].doc), want) {
				t.Errorf("index.html lacks %s", want)
			}
		}
	})
}

// TestPageWeight: every page's HTML (gzip -9) against the gzip size of
// its visible text, and the style sheets and scripts the screen pages
// load, together, against the budget.
func TestPageWeight(t *testing.T) {
	pub := buildSite(t, newProject(t, fixture(t)), "")
	pages := loadPages(t, pub)
	// The style sheets and scripts every screen page loads, and those only
	// some load (the search page's script, loaded when a reader searches).
	shared, extra := map[string]int{}, map[string]int{}
	firstPage := true
	for _, rel := range keys(pages) {
		pg := pages[rel]
		w := pageWeight(t, pub, pg)
		ratio := float64(w.html) / float64(w.text)
		t.Logf("%s: HTML %d B (gzip %d); visible text %d B (gzip %d); ratio %.3f (rule %.2f)", rel, w.htmlRaw, w.html, w.textRaw, w.text, ratio, htmlWeight)
		if ratio > htmlWeight && w.text >= ruleFrom {
			t.Errorf("%s: HTML weight %.3f > %.2f", rel, ratio, htmlWeight)
		}
		if strings.HasSuffix(rel, "/print.html") || strings.HasSuffix(rel, "/tu.html") {
			continue // the print version and the 一图读懂 add their own style sheets (tu_test.go checks the latter's)
		}
		here := map[string]int{}
		for name, size := range w.assets {
			here[path.Clean(path.Join(path.Dir(rel), name))] = size
		}
		for name, size := range here {
			if firstPage {
				shared[name] = size
			} else if _, ok := shared[name]; !ok {
				extra[name] = size
			}
		}
		for name, size := range shared {
			if _, ok := here[name]; !ok {
				delete(shared, name)
				extra[name] = size
			}
		}
		firstPage = false
	}
	total := 0
	for name, size := range shared {
		t.Logf("%s: %d B gzip, on every page", name, size)
		total += size
	}
	for name, size := range extra {
		t.Logf("%s: %d B gzip, on some pages only", name, size)
	}
	t.Logf("CSS and JS every screen page loads: %d B gzip (budget %d)", total, assetBudget)
	if total > assetBudget {
		t.Errorf("CSS and JS: %d B gzip > %d", total, assetBudget)
	}
	pg := pages["reports/"+seedSlug+".html"]
	if first(pg.doc, func(n *html.Node) bool { return is(n, atom.Link) && attr(n, "rel") == "canonical" }) != nil {
		t.Errorf("canonical link without params.publicurl")
	}
	if data, _ := os.ReadFile(filepath.Join(pub, "sitemap.xml")); strings.Contains(string(data), "<loc>") {
		t.Errorf("sitemap.xml lists relative addresses without params.publicurl:\n%s", data)
	}
}

// Two builds of the same project are byte-identical.
func TestPagesDeterministic(t *testing.T) {
	root := newProject(t, fixture(t))
	a, b := buildSite(t, root, publicURL), buildSite(t, root, publicURL)
	if n := sameTrees(t, a, b); n < 10 {
		t.Fatalf("only %d files built", n)
	}
}

func keys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
