package browser

// The search page (layouts/search.html, static/js/search.js) in Chromium,
// on a site built from the repository's site files with the seed report
// and forty synthetic ones (internal/search/searchtest: four places, ten
// years), its index written by site.WriteSearch as the build does. The
// page's answers are checked against the Go reader of the same files
// (govreport search), which the recall test checks against a plain scan.

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/govreport/govreport/internal/markdown"
	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/search"
	"github.com/govreport/govreport/internal/search/searchtest"
	"github.com/govreport/govreport/internal/site"
	"github.com/govreport/govreport/internal/testcorpus"
)

// subPath is where the search tests serve the site: a portal's column.
const subPath = "/xxgk/zfgzbg/"

// pageSize is how many results the page shows at first and adds with 显示更多.
const pageSize = 5

// TestSearch builds the search tests' site once, serves it under subPath
// and runs the tests of the search page on it.
func TestSearch(t *testing.T) {
	root := t.TempDir()
	pub, err := buildSearchSite(root)
	if err != nil {
		t.Fatalf("building the search site: %v", err)
	}
	ix, err := search.Open(filepath.Join(pub, "search"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.StripPrefix(strings.TrimSuffix(subPath, "/"), staticHandler(pub)))
	t.Cleanup(srv.Close)
	s := searchSite{pub: pub, base: srv.URL + subPath, ix: ix}
	t.Run("sub-path", s.underSubPath)
	t.Run("file", s.fromFile)
	t.Run("without-js", s.withoutJavaScript)
	t.Run("keyboard", s.keyboard)
	t.Run("axe", s.axe)
	t.Run("screenshot", s.screenshot)
}

// searchSite is the built site the search tests run on.
type searchSite struct {
	pub  string // the site's directory
	base string // its address, under subPath
	ix   *search.Index
}

// buildSearchSite lays out a project in root — the site files, the seed,
// the search page's content and 40 synthetic reports — and builds it with
// its search index.
func buildSearchSite(root string) (string, error) {
	if err := testcorpus.Project(root, true); err != nil {
		return "", err
	}
	files := map[string][]byte{}
	docs, err := searchtest.Archive(40, 5)
	if err != nil {
		return "", err
	}
	for _, d := range docs {
		files[filepath.Join("reports", d.Meta.Slug, "index.md")] = markdown.Write(d)
	}
	for name, data := range files {
		p := filepath.Join(root, "content", name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return "", err
		}
	}
	pub := filepath.Join(root, "public")
	if err := site.Build(context.Background(), site.BuildOptions{Root: root, Out: pub}); err != nil {
		return "", err
	}
	pages, _, err := site.ReadContent(root)
	if err != nil {
		return "", err
	}
	all := make([]*report.Doc, len(pages))
	for i, pg := range pages {
		all[i] = pg.Doc
	}
	// The build wrote the search page and its index; the index is written
	// again with small leaves and trie files, so that the page
	// meets every kind of node and file the index has, as on a large
	// archive (tools/pagefind/archive); the build's default makes few of
	// them on 41 reports.
	reps := make([]search.Report, len(all))
	for i, d := range all {
		reps[i] = search.Report{Doc: d}
	}
	small := search.Tuning{Split: 8, Depth: 6, Inline: 64, Bucket: 512}
	if err := search.WriteTuned(filepath.Join(pub, "search"), reps, small); err != nil {
		return "", err
	}
	return pub, nil
}

// waitFor polls a JavaScript condition until it holds or 10 s pass.
func waitFor(t *testing.T, ctx context.Context, js string, args ...any) {
	t.Helper()
	if len(args) > 0 {
		js = fmt.Sprintf(js, args...)
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if eval[bool](t, ctx, js) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited 10 s for %s; status: %q", js, eval[string](t, ctx, `(document.getElementById('st') || {}).textContent`))
		}
	}
}

// typeQuery clears the search box, types q and waits for the answer: the
// status names a count, or says nothing was found.
func typeQuery(t *testing.T, ctx context.Context, q string) {
	t.Helper()
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById('st').textContent = ''; document.getElementById('q').value = ''`),
		chromedp.SendKeys("#q", q))
	waitFor(t, ctx, `/^(找到|没有找到)/.test(document.getElementById('st').textContent) && document.getElementById('q').value == %q && document.getElementById('st').getAttribute('aria-busy') == 'false'`, q)
}

// shown is what the page shows: the status and each result's link, the
// line under it and its marked words.
type shown struct {
	Status string   `json:"status"`
	Hrefs  []string `json:"hrefs"`
	Lines  []string `json:"lines"`
	Marks  []string `json:"marks"`
	More   bool     `json:"more"`
}

const shownJS = `(() => {
  const lis = [...document.querySelectorAll('#sr > li')];
  return {status: document.getElementById('st').textContent,
    hrefs: lis.map(li => li.querySelector('a').getAttribute('href')),
    lines: lis.map(li => li.querySelector('small').textContent),
    marks: [...document.querySelectorAll('#sr mark')].map(m => m.textContent),
    more: !document.getElementById('sm').hidden};
})()`

var countRE = regexp.MustCompile(`^找到(\d+)段，在(\d+)篇报告中`)

// checkAnswer compares what the page shows for q with the Go reader's
// answer from the same files.
func checkAnswer(t *testing.T, ctx context.Context, ix *search.Index, q string) shown {
	t.Helper()
	typeQuery(t, ctx, q)
	got := eval[shown](t, ctx, shownJS)
	a, err := ix.Search(q)
	if err != nil {
		t.Fatal(err)
	}
	want, err := a.Results(0, pageSize)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Matches) == 0 {
		if got.Status != "没有找到。" || len(got.Hrefs) > 0 {
			t.Errorf("%q: the page shows %q and %d results; govreport search finds none", q, got.Status, len(got.Hrefs))
		}
		return got
	}
	m := countRE.FindStringSubmatch(got.Status)
	if m == nil || m[1] != strconv.Itoa(len(a.Matches)) || m[2] != strconv.Itoa(a.Reports()) {
		t.Errorf("%q: the page says %q; govreport search finds %d paragraphs in %d reports", q, got.Status, len(a.Matches), a.Reports())
	}
	if len(got.Hrefs) != len(want) {
		t.Fatalf("%q: the page shows %d results, want %d", q, len(got.Hrefs), len(want))
	}
	for i, r := range want {
		if got.Hrefs[i] != r.URL {
			t.Errorf("%q: result %d links to %s, govreport search says %s", q, i+1, got.Hrefs[i], r.URL)
		}
	}
	words := search.Words(q)
	for _, mk := range got.Marks {
		if !contains(words, search.Fold(mk)) {
			t.Errorf("%q: marked %q, which is none of the words %q", q, mk, words)
		}
	}
	if got.More != (len(a.Matches) > pageSize) {
		t.Errorf("%q: 显示更多 shown %v with %d results", q, got.More, len(a.Matches))
	}
	return got
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// queries are what a resident types: a village of the seed, one the
// synthetic reports all have in their way, a figure with its unit, a
// percentage, Latin letters in another width and case, a phrase across word
// boundaries, two words, Traditional characters, nothing found.
var queries = []string{"卜林村", "6200亩", "20.56%", "ａｐｐ", "村水泥路", "养老 医保", "鄉村振興", "项目建设", "青山镇卜林", "发展"}

func (s searchSite) underSubPath(t *testing.T) {
	base, ix := s.base, s.ix
	ctx := newTab(t)
	do(t, ctx, phone(360), chromedp.Navigate(base+"search.html"))
	if eval[bool](t, ctx, `document.getElementById('sf').hidden || !document.getElementById('nj').hidden`) {
		t.Fatal("with JavaScript the search form is hidden, or the notice for readers without it shown")
	}
	for _, q := range queries {
		t.Run(q, func(t *testing.T) { checkAnswer(t, ctx, ix, q) })
	}

	t.Run("links", func(t *testing.T) {
		ctx := newTab(t)
		do(t, ctx, phone(360), chromedp.Navigate(base+"search.html"))
		checkAnswer(t, ctx, ix, "卜林村")
		hrefs := eval[[]string](t, ctx, `[...document.querySelectorAll('#sr a')].map(a => a.href)`)
		for _, h := range hrefs {
			if !strings.HasPrefix(h, base+"reports/") {
				t.Errorf("result link %s is not under %sreports/", h, base)
			}
		}
		clickAndLoad(t, ctx, "#sr a")
		id, _ := url.PathUnescape(eval[string](t, ctx, `location.hash.slice(1)`))
		if id == "" || !eval[bool](t, ctx, `!!document.getElementById(%q)`, id) {
			t.Errorf("the first result opened %s: no paragraph #%s there", eval[string](t, ctx, `location.href`), id)
		}
		if !eval[bool](t, ctx, `document.getElementById(%q).textContent.includes('卜林村')`, id) {
			t.Errorf("paragraph #%s does not contain 卜林村", id)
		}
		// Back on the search page, the query is still there and answered.
		do(t, ctx, chromedp.Evaluate[chromedp.Void](`history.back()`))
		waitFor(t, ctx, `location.pathname.endsWith('/search.html') && !!document.getElementById('st')`)
		waitFor(t, ctx, `/^找到/.test(document.getElementById('st').textContent)`)
		if v := eval[string](t, ctx, `document.getElementById('q').value`); v != "卜林村" {
			t.Errorf("after going back the search box holds %q", v)
		}
	})

	t.Run("filters", func(t *testing.T) {
		ctx := newTab(t)
		do(t, ctx, phone(360), chromedp.Navigate(base+"search.html"))
		typeQuery(t, ctx, "项目建设")
		a, err := ix.Search("项目建设")
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Places) < 2 || len(a.Years) < 2 {
			t.Fatalf("项目建设 is found in %d places and %d years: the test site should have several", len(a.Places), len(a.Years))
		}
		for _, f := range []struct {
			sel   string
			value string
			want  int
		}{
			{"#fp", firstKey(a.Places), a.Places[firstKey(a.Places)]},
			{"#fy", "2020", a.Years[2020]},
		} {
			do(t, ctx, chromedp.SetValue(f.sel, f.value), chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).dispatchEvent(new Event('change'))`, f.sel)))
			waitFor(t, ctx, `document.getElementById('st').textContent.startsWith('找到%d段')`, f.want)
			lines := eval[[]string](t, ctx, `[...document.querySelectorAll('#sr small')].map(s => s.textContent)`)
			for _, l := range lines {
				if !strings.Contains(l, f.value) {
					t.Errorf("filtered by %s, a result reads %q", f.value, l)
				}
			}
			do(t, ctx, chromedp.SetValue(f.sel, ""), chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).dispatchEvent(new Event('change'))`, f.sel)))
		}
		waitFor(t, ctx, `document.getElementById('st').textContent.startsWith('找到%d段')`, len(a.Matches))
	})

	t.Run("more", func(t *testing.T) {
		ctx := newTab(t)
		do(t, ctx, phone(360), chromedp.Navigate(base+"search.html"))
		typeQuery(t, ctx, "项目建设")
		do(t, ctx, click("#sm"))
		waitFor(t, ctx, `document.querySelectorAll('#sr > li').length == %d`, 2*pageSize)
		if !eval[bool](t, ctx, `document.activeElement == document.querySelectorAll('#sr > li')[%d].querySelector('a')`, pageSize) {
			t.Errorf("after 显示更多 focus is not on the first new result")
		}
	})
}

func firstKey(m map[string]int) string {
	best := ""
	for k := range m {
		if best == "" || k < best {
			best = k
		}
	}
	return best
}

func (s searchSite) fromFile(t *testing.T) {
	pub, ix := s.pub, s.ix
	ctx := newTab(t)
	do(t, ctx, desktop(), chromedp.Navigate("file://"+filepath.ToSlash(pub)+"/search.html"))
	for _, q := range []string{"卜林村", "养老 医保", "6200亩"} {
		checkAnswer(t, ctx, ix, q)
	}
	hrefs := eval[[]string](t, ctx, `[...document.querySelectorAll('#sr a')].map(a => a.href)`)
	for _, h := range hrefs {
		p, _, _ := strings.Cut(strings.TrimPrefix(h, "file://"), "#")
		if info, err := os.Stat(filepath.FromSlash(p)); err != nil || info.IsDir() {
			t.Errorf("from file:// the result link %s leads to no file", h)
		}
	}
}

func (s searchSite) withoutJavaScript(t *testing.T) {
	base := s.base
	ctx := newTab(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, phone(360), chromedp.Navigate(base+"search.html"))
	if !eval[bool](t, ctx, `!document.getElementById('sf').checkVisibility() && document.getElementById('nj').checkVisibility()`) {
		t.Error("without JavaScript the search form shows, or the notice does not")
	}
	if h := eval[string](t, ctx, `document.querySelector('#nj a').href`); !strings.HasSuffix(h, subPath+"index.html") {
		t.Errorf("the notice links to %s, want the home page", h)
	}
}

// keyboard searches and opens a result with the keyboard alone.
func (s searchSite) keyboard(t *testing.T) {
	base := s.base
	ctx := newTab(t)
	do(t, ctx, desktop(), chromedp.Navigate(base+"search.html"))
	tabTo := func(want string, most int) {
		t.Helper()
		for i := 0; i < most; i++ {
			if eval[bool](t, ctx, `document.activeElement && document.activeElement.matches(%q)`, want) {
				return
			}
			do(t, ctx, chromedp.KeyEvent("\t"))
		}
		t.Fatalf("%d presses of Tab never reached %s (at %s)", most, want, eval[string](t, ctx, `document.activeElement.outerHTML.slice(0, 80)`))
	}
	tabTo("#q", 12)
	do(t, ctx, chromedp.KeyEvent("卜林村"), chromedp.KeyEvent("\r"))
	waitFor(t, ctx, `/^找到/.test(document.getElementById('st').textContent)`)
	tabTo("#sr a", 6)
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.KeyEvent("\r"))); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(eval[string](t, ctx, `location.href`), "/reports/") {
		t.Errorf("Enter on the first result opened %s", eval[string](t, ctx, `location.href`))
	}
}

// axe runs axe-core on the page with results, in both colour modes.
func (s searchSite) axe(t *testing.T) {
	js, err := os.ReadFile(filepath.Join(repo, "tools", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		unavailable(t, "axe-core is not installed (cd tools && npm ci): %v", err)
	}
	base := s.base
	for _, mode := range []string{"default", "high-contrast"} {
		t.Run(mode, func(t *testing.T) {
			ctx := newTab(t)
			do(t, ctx, phone(360), chromedp.Navigate(base+"search.html"))
			if mode == "high-contrast" {
				do(t, ctx, click("#hc"))
			}
			typeQuery(t, ctx, "卜林村")
			do(t, ctx, chromedp.Evaluate[chromedp.Void](string(js)))
			type violation struct {
				ID    string `json:"id"`
				Help  string `json:"help"`
				Nodes []struct {
					HTML string `json:"html"`
				} `json:"nodes"`
			}
			vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]violation](
				`axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}).then(r => r.violations)`,
				chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range vs {
				t.Errorf("axe %s: %s — %d element(s), first: %.160s", v.ID, v.Help, len(v.Nodes), v.Nodes[0].HTML)
			}
		})
	}
}

// screenshot keeps a phone's view of results to look at
// (GOVREPORT_SCREENSHOTS=DIR keeps it), and checks that nothing sticks out
// sideways.
func (s searchSite) screenshot(t *testing.T) {
	dir := os.Getenv("GOVREPORT_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	base := s.base
	ctx := newTab(t)
	for _, mode := range []string{"", "-xl-hc"} {
		do(t, ctx, phone(360), chromedp.Navigate(base+"search.html"))
		if mode != "" {
			do(t, ctx, click("#f3"), click("#hc"))
		}
		typeQuery(t, ctx, "养老 医保")
		if o := eval[overflow](t, ctx, overflowJS); o.ScrollWidth > o.ClientWidth {
			t.Errorf("search%s at 360 px scrolls sideways: %s", mode, strings.Join(o.Offenders, "; "))
		}
		buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "search-360"+mode+".png"), buf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("screenshots in %s", dir)
}
