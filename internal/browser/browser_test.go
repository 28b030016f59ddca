package browser

// The built site in a real browser. TestMain builds the repository's
// config.toml, layouts/ and static/ with the seed report (sources/) into a
// temporary project, exactly as `govreport build` does, and serves it on
// 127.0.0.1; the tests open it in headless Chromium via chromedp.
//
// GOVREPORT_SCREENSHOTS=DIR keeps TestScreenshots' PNGs in DIR.

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image/png"
	"io"
	"math"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/govreport/govreport/internal/site"
	"github.com/govreport/govreport/internal/testcorpus"
)

const (
	seedSlug  = "2023-xx-zhen"
	reportURL = "/reports/" + seedSlug + ".html"
	printURL  = "/reports/" + seedSlug + "/print.html"
	tuURL     = "/reports/" + seedSlug + "/tu.html" // the 一图读懂
)

var (
	repo string           // the repository root
	pub  string           // the built site
	srv  *httptest.Server // serves pub on 127.0.0.1
)

func TestMain(m *testing.M) { os.Exit(run(m)) }

func run(m *testing.M) int {
	var err error
	if repo, err = filepath.Abs(filepath.Join("..", "..")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	tmp, err := os.MkdirTemp("", "govreport-browser-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(tmp)
	if err := buildSite(tmp); err != nil {
		fmt.Fprintln(os.Stderr, "browser tests: building the site:", err)
		return 1
	}
	pub = filepath.Join(tmp, "public")
	srv = httptest.NewServer(staticHandler(pub))
	defer srv.Close()
	defer stopBrowser()
	return m.Run()
}

// buildSite lays out a project in root from the repository's site files and
// the seed source, and builds it into root/public.
func buildSite(root string) error {
	if err := testcorpus.Project(root, true); err != nil {
		return err
	}
	return site.Build(context.Background(), site.BuildOptions{Root: root, Out: filepath.Join(root, "public")})
}

// staticHandler serves dir as a plain static host does (nginx, a portal's
// CMS): a directory's index.html, and /x/index.html as itself, without
// http.FileServer's redirect of …/index.html to …/.
func staticHandler(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			p = path.Join(p, "index.html")
		}
		f, err := os.Open(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil || info.IsDir() {
			http.NotFound(w, r)
			return
		}
		if ct := mime.TypeByExtension(path.Ext(p)); ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		http.ServeContent(w, r, p, info.ModTime(), f)
	})
}

// unavailable skips the test when a tool it needs is missing, except in CI
// (CI=true), where .ci/run installs it and its absence is a failure.
func unavailable(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (CI=true: .ci/run should have installed it)", msg)
	}
	t.Skipf("%s — skipped; install it to run this test (CI fails instead)", msg)
}

// ---- the browser ----

var errNoChromium = errors.New("Chromium not found ($CHROME_PATH, /usr/bin/chromium or chromium on PATH; Debian: apt-get install chromium)")

var browser struct {
	once   sync.Once
	ctx    context.Context // a chromedp context whose browser is running
	stop   func()
	err    error
	output lockedBuffer // Chromium's stdout and stderr
}

// chromiumPath finds Debian's Chromium, or the browser that CHROME_PATH
// names (as for Lighthouse).
func chromiumPath() string {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		if _, err := exec.LookPath(p); err != nil {
			return ""
		}
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

func startBrowser() {
	exe := chromiumPath()
	if exe == "" {
		browser.err = errNoChromium
		return
	}
	dir, err := os.MkdirTemp("", "govreport-chromium-")
	if err != nil {
		browser.err = err
		return
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox, // we run as root
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(dir), // a fresh profile
		// Without these Chromium phones home at start, and the sandbox this
		// runs in refuses its connections.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.CombinedOutput(&browser.output),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	browser.stop = func() {
		cancelBrowser()
		cancelAlloc() // waits for the process to end
		os.RemoveAll(dir)
	}
	if err := chromedp.Do(bctx); err != nil { // starts the browser, with no deadline
		browser.err = fmt.Errorf("starting %s: %w\n%s", exe, err, browser.output.String())
		return
	}
	browser.ctx = bctx
}

func stopBrowser() {
	if browser.stop != nil {
		browser.stop()
	}
}

// newTab opens a tab in a browser context of its own (its own
// localStorage), closed when the test ends. Its actions have two minutes.
func newTab(t *testing.T) context.Context {
	t.Helper()
	browser.once.Do(startBrowser)
	if errors.Is(browser.err, errNoChromium) {
		unavailable(t, "%v", browser.err)
	} else if browser.err != nil {
		t.Fatal(browser.err)
	}
	ctx, cancel := chromedp.NewContext(browser.ctx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	tctx, tcancel := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(tcancel)
	return tctx
}

// do runs the actions, failing the test on an error.
func do(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, js string, args ...any) T {
	t.Helper()
	if len(args) > 0 {
		js = fmt.Sprintf(js, args...)
	}
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %.200s: %v", js, err)
	}
	return v
}

// phone emulates a mobile device w CSS pixels wide; desktop a 1280 px window.
func phone(w int64) chromedp.Action[chromedp.Void] {
	return chromedp.EmulateViewport(w, 800, chromedp.EmulateMobile, chromedp.EmulatePortrait, chromedp.EmulateScale(2))
}

func desktop() chromedp.Action[chromedp.Void] { return chromedp.EmulateViewport(1280, 900) }

// click clicks the first element matching the CSS selector.
func click(sel string) chromedp.Action[chromedp.Void] { return chromedp.Click(chromedp.CSS(sel)) }

// clickAndLoad clicks a link to another page and waits for it to load.
func clickAndLoad(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, click(sel))); err != nil {
		t.Fatalf("clicking %s: %v", sel, err)
	}
}

// ---- (a) no horizontal scrolling on a phone ----

// overflowJS measures horizontal overflow and names the elements that stick
// out of the viewport (other than those inside a box that scrolls or clips
// them, such as a table's .t wrapper).
const overflowJS = `(() => {
  const de = document.documentElement, w = de.clientWidth, out = [];
  const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : '');
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.right <= w + 0.5) continue;
    let clipped = false;
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible' && p.getBoundingClientRect().right <= w + 0.5) { clipped = true; break; }
    }
    if (!clipped) out.push(name(e) + ' right=' + Math.round(r.right) + ' «' + (e.textContent || '').trim().slice(0, 20) + '»');
  }
  return {scrollWidth: de.scrollWidth, clientWidth: w, offenders: out.slice(0, 8)};
})()`

type overflow struct {
	ScrollWidth int      `json:"scrollWidth"`
	ClientWidth int      `json:"clientWidth"`
	Offenders   []string `json:"offenders"`
}

func TestNoHorizontalScroll(t *testing.T) {
	ctx := newTab(t)
	for _, width := range []int64{360, 320} {
		for _, size := range []string{"f1", "f3"} { // 标准, 特大
			for _, u := range []string{"/", reportURL, printURL, tuURL} {
				if u == printURL && size != "f1" {
					continue // the print version has no text-size control
				}
				t.Run(fmt.Sprintf("%d/%s%s", width, size, u), func(t *testing.T) {
					do(t, ctx, phone(width), chromedp.Navigate(srv.URL+u))
					if u != printURL {
						do(t, ctx, click("#"+size))
					}
					o := eval[overflow](t, ctx, overflowJS)
					if o.ClientWidth != int(width) {
						t.Errorf("clientWidth = %d, want %d (is the viewport meta tag there?)", o.ClientWidth, width)
					}
					if o.ScrollWidth > o.ClientWidth {
						t.Errorf("scrolls sideways: scrollWidth %d > clientWidth %d; sticking out: %s",
							o.ScrollWidth, o.ClientWidth, strings.Join(o.Offenders, "; "))
					}
				})
			}
		}
	}
}

// ---- (b) in-page links land on their targets ----

// landedJS tells where the element with the id is, and the hash.
const landedJS = `((id) => {
  const e = document.getElementById(id), de = document.documentElement;
  if (!e) return {found: false, hash: location.hash};
  const r = e.getBoundingClientRect();
  return {found: true, hash: location.hash, top: r.top, bottom: r.bottom, vh: innerHeight,
    atEnd: scrollY + innerHeight >= de.scrollHeight - 2};
})(%q)`

type landing struct {
	Found  bool    `json:"found"`
	Hash   string  `json:"hash"`
	Top    float64 `json:"top"`
	Bottom float64 `json:"bottom"`
	VH     float64 `json:"vh"`
	AtEnd  bool    `json:"atEnd"`
}

// ok: the target is at the top of the viewport, or, when the page cannot
// scroll further, somewhere in it.
func (l landing) ok(id string) bool {
	if !l.Found || l.Hash != "#"+id || l.Top < -2 {
		return false
	}
	return l.Top <= 0.2*l.VH || l.AtEnd && l.Top < l.VH-10
}

// followLink scrolls to the top, clicks the link (the first match of sel)
// and checks that the page lands on its #target.
func followLink(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	href := eval[string](t, ctx, `(document.querySelector(%q) || {getAttribute: () => ''}).getAttribute('href')`, sel)
	id, ok := strings.CutPrefix(href, "#")
	if !ok || id == "" {
		t.Fatalf("%s: href %q is not an in-page link", sel, href)
	}
	do(t, ctx,
		chromedp.Evaluate[chromedp.Void](`history.replaceState(null, '', location.pathname); scrollTo(0, 0)`),
		click(sel))
	var l landing
	for deadline := time.Now().Add(3 * time.Second); ; {
		l = eval[landing](t, ctx, landedJS, id)
		if l.ok(id) || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !l.ok(id) {
		t.Errorf("%s → %s: landed at hash %q, target found %v, its top at %.0f of a %.0f px viewport (at the end: %v)",
			sel, href, l.Hash, l.Found, l.Top, l.VH, l.AtEnd)
	}
}

func TestInPageLinks(t *testing.T) {
	ctx := newTab(t)
	do(t, ctx, phone(360), chromedp.Navigate(srv.URL+reportURL))

	// Every in-page link of the report has its target.
	missing := eval[[]string](t, ctx, `[...new Set([...document.querySelectorAll('a[href^="#"]')].map(a => a.getAttribute('href')))].filter(h => !document.getElementById(decodeURIComponent(h.slice(1))))`)
	if len(missing) > 0 {
		t.Errorf("in-page links without a target: %v", missing)
	}

	t.Run("contents", func(t *testing.T) {
		hrefs := eval[[]string](t, ctx, `[...document.querySelectorAll('nav a[href^="#"]')].map(a => a.getAttribute('href'))`)
		if len(hrefs) < 2 {
			t.Fatalf("contents list has %d links, want the report's parts and sections", len(hrefs))
		}
		for _, h := range hrefs {
			followLink(t, ctx, fmt.Sprintf(`nav a[href=%q]`, h))
		}
	})
	t.Run("figures", func(t *testing.T) {
		// The first link to each sentence in the per-section figure tables,
		// and the featured figures at the top.
		sels := eval[[]string](t, ctx, `(() => {
		  const out = [], seen = new Set();
		  for (const [list, link] of [['table.f', 'table.f a[href^="#"]'], ['.k', '.k a[href^="#"]']])
		    for (const a of document.querySelectorAll(link)) {
		      const h = a.getAttribute('href');
		      if (!seen.has(list + h)) { seen.add(list + h); out.push(link.replace('^=', '=').replace('"#"', JSON.stringify(h))); }
		    }
		  return out;
		})()`)
		nf := 0
		for _, s := range sels {
			if strings.HasPrefix(s, "table.f") {
				nf++
			}
		}
		if nf == 0 {
			t.Fatalf("no figure-table links to sentences (table.f a[href^=\"#\"]) in the report")
		}
		for _, s := range sels {
			followLink(t, ctx, s)
		}
	})
	t.Run("back-to-top", func(t *testing.T) {
		do(t, ctx, chromedp.Evaluate[chromedp.Void](`scrollTo(0, document.documentElement.scrollHeight)`), click(`a[href="#top"]`))
		time.Sleep(100 * time.Millisecond)
		if y := eval[float64](t, ctx, `scrollY`); y > 1 {
			t.Errorf("返回顶部 left the page scrolled at %.0f px", y)
		}
	})
}

// ---- (c) text size and high contrast, remembered ----

const bodyTextFontSize = `parseFloat(getComputedStyle(document.querySelector('main p[id]')).fontSize)`

func TestTextSize(t *testing.T) {
	ctx := newTab(t)
	do(t, ctx, phone(360), chromedp.Navigate(srv.URL+reportURL))
	size := map[string]float64{}
	for _, id := range []string{"f1", "f2", "f3"} {
		do(t, ctx, click("#"+id))
		size[id] = eval[float64](t, ctx, bodyTextFontSize)
	}
	t.Logf("body text: 标准 %.1fpx, 大 %.1fpx, 特大 %.1fpx", size["f1"], size["f2"], size["f3"])
	if size["f1"] < 16 {
		t.Errorf("standard body text is %.1fpx, want at least 16px", size["f1"])
	}
	if !(size["f1"] < size["f2"] && size["f2"] < size["f3"]) {
		t.Errorf("text sizes do not grow: 标准 %.1fpx, 大 %.1fpx, 特大 %.1fpx", size["f1"], size["f2"], size["f3"])
	}
	if size["f3"] < 24 {
		t.Errorf("特大 body text is %.1fpx, want at least 24px (18pt)", size["f3"])
	}

	// The choice (特大, the last one clicked) survives a reload and carries
	// over to the other pages of the site.
	do(t, ctx, chromedp.Reload())
	if !eval[bool](t, ctx, `document.getElementById('f3').checked`) {
		t.Errorf("after a reload 特大 is no longer chosen")
	}
	if got := eval[float64](t, ctx, bodyTextFontSize); got != size["f3"] {
		t.Errorf("after a reload body text is %.1fpx, want %.1fpx (特大)", got, size["f3"])
	}
	do(t, ctx, chromedp.Navigate(srv.URL+"/"))
	if !eval[bool](t, ctx, `document.getElementById('f3').checked`) {
		t.Errorf("on the home page 特大 is not chosen")
	}
	do(t, ctx, click("#f1"), chromedp.Reload())
	if got := eval[float64](t, ctx, `parseFloat(getComputedStyle(document.querySelector('main a')).fontSize)`); got > size["f1"]*1.01 {
		t.Errorf("after choosing 标准 again and reloading, text is %.1fpx, want about %.1fpx", got, size["f1"])
	}
}

// colorsJS returns the text colour and the effective background of the
// first element matching each selector.
const colorsJS = `((sels) => {
  const bg = e => {
    for (; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (c !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(c)) return c;
    }
    return getComputedStyle(document.documentElement).colorScheme === 'dark' ? 'rgb(18, 18, 18)' : 'rgb(255, 255, 255)';
  };
  return sels.map(s => {
    const e = document.querySelector(s);
    return e ? {sel: s, fg: getComputedStyle(e).color, bg: bg(e)} : {sel: s, missing: true};
  });
})(%s)`

type colors struct {
	Sel     string `json:"sel"`
	FG      string `json:"fg"`
	BG      string `json:"bg"`
	Missing bool   `json:"missing"`
}

// textSamples are the kinds of text on the report page.
var textSamples = []string{
	"main p[id]", "main h1", "main h2", "main h3", "header > a", "legend", "label",
	"nav a", "dt", "dd", "dd.e", ".tl a", ".k a", ".k b", ".k small", "table.f caption",
	"table.f th", "table.f td", "table.f a", "table.f small", ".r", ".top a", "footer",
}

func readColors(t *testing.T, ctx context.Context) []colors {
	t.Helper()
	sels := `["` + strings.Join(textSamples, `","`) + `"]`
	return eval[[]colors](t, ctx, colorsJS, sels)
}

func TestHighContrast(t *testing.T) {
	ctx := newTab(t)
	do(t, ctx, phone(360), chromedp.Navigate(srv.URL+reportURL))
	check := func(mode string, cs []colors, min float64) {
		t.Helper()
		for _, c := range cs {
			if c.Missing {
				continue
			}
			r, err := contrast(c.FG, c.BG)
			if err != nil {
				t.Errorf("%s %s: %v", mode, c.Sel, err)
			} else if r < min {
				t.Errorf("%s: %s has contrast %.2f:1 (%s on %s), want at least %.1f:1", mode, c.Sel, r, c.FG, c.BG, min)
			}
		}
	}
	normal := readColors(t, ctx)
	check("default", normal, 4.5)
	do(t, ctx, click("#hc"))
	high := readColors(t, ctx)
	// A high-contrast mode is for readers who need more than WCAG AA's 4.5:1:
	// hold it to AAA's 7:1 (the style sheet promises 7:1 in both modes).
	check("high contrast", high, 7)
	if high[0].FG == normal[0].FG || high[0].BG == normal[0].BG {
		t.Errorf("high contrast did not change body text colours: %s on %s, as before", high[0].FG, high[0].BG)
	}
	r0, _ := contrast(normal[0].FG, normal[0].BG)
	r1, _ := contrast(high[0].FG, high[0].BG)
	t.Logf("body text: default %s on %s (%.1f:1), high contrast %s on %s (%.1f:1)", normal[0].FG, normal[0].BG, r0, high[0].FG, high[0].BG, r1)

	do(t, ctx, chromedp.Reload())
	if !eval[bool](t, ctx, `document.getElementById('hc').checked`) {
		t.Errorf("after a reload high contrast is off")
	}
	if again := readColors(t, ctx); again[0] != high[0] {
		t.Errorf("after a reload body text is %s on %s, want %s on %s", again[0].FG, again[0].BG, high[0].FG, high[0].BG)
	}
	do(t, ctx, click("#hc"), chromedp.Reload())
	if again := readColors(t, ctx); again[0] != normal[0] {
		t.Errorf("high contrast off and reload: body text is %s on %s, want %s on %s", again[0].FG, again[0].BG, normal[0].FG, normal[0].BG)
	}
}

// tuSamples are the kinds of text on the 一图读懂.
var tuSamples = []string{".hd h1", ".hd p", "#tu h2", "#tu h3", ".n a", ".n b", ".n small", ".l a", ".l b", ".g", ".tn", ".m",
	"figcaption", "svg a text", "svg a tspan", ".src", ".tl a"}

// TestTuContrast: the 一图读懂's text on its grounds (the title band, the
// cards, the charts) at least 4.5:1, and 7:1 in high contrast; its bars
// take the accent, which high contrast swaps too.
func TestTuContrast(t *testing.T) {
	ctx := newTab(t)
	do(t, ctx, phone(360), chromedp.Navigate(srv.URL+tuURL))
	sels := `["` + strings.Join(tuSamples, `","`) + `"]`
	bar := `getComputedStyle(document.querySelector('#tu svg path')).fill`
	for _, mode := range []struct {
		name string
		min  float64
	}{{"default", 4.5}, {"high contrast", 7}} {
		if mode.name == "high contrast" {
			do(t, ctx, click("#hc"))
		}
		for _, c := range eval[[]colors](t, ctx, colorsJS, sels) {
			if c.Missing {
				t.Errorf("%s: no %s on the page", mode.name, c.Sel)
				continue
			}
			if r, err := contrast(c.FG, c.BG); err != nil || r < mode.min {
				t.Errorf("%s: %s has contrast %.2f:1 (%s on %s; %v), want at least %.1f:1", mode.name, c.Sel, r, c.FG, c.BG, err, mode.min)
			}
		}
		fill := eval[string](t, ctx, bar)
		bg := eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`)
		if r, err := contrast(fill, bg); err != nil || r < 3 {
			t.Errorf("%s: bars %s on %s: %.2f:1, want at least 3:1 (a graphic)", mode.name, fill, bg, r)
		}
	}
}

var rgbRE = regexp.MustCompile(`^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$`)

// parseRGB reads a computed colour, rgb(r, g, b) or rgba(r, g, b, a).
func parseRGB(s string) (c [3]float64, alpha float64, err error) {
	m := rgbRE.FindStringSubmatch(s)
	if m == nil {
		return c, 0, fmt.Errorf("cannot read colour %q", s)
	}
	for i := range 3 {
		c[i], _ = strconv.ParseFloat(m[i+1], 64)
	}
	alpha = 1
	if a := m[4]; a != "" {
		if p, ok := strings.CutSuffix(a, "%"); ok {
			alpha, _ = strconv.ParseFloat(p, 64)
			alpha /= 100
		} else {
			alpha, _ = strconv.ParseFloat(a, 64)
		}
	}
	return c, alpha, nil
}

// luminance is WCAG 2's relative luminance of an sRGB colour.
func luminance(c [3]float64) float64 {
	var l [3]float64
	for i, v := range c {
		v /= 255
		if v <= 0.04045 {
			l[i] = v / 12.92
		} else {
			l[i] = math.Pow((v+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
}

// contrast is WCAG 2's contrast ratio of text colour fg on background bg; a
// translucent fg is blended over bg first.
func contrast(fg, bg string) (float64, error) {
	f, a, err := parseRGB(fg)
	if err != nil {
		return 0, err
	}
	b, _, err := parseRGB(bg)
	if err != nil {
		return 0, err
	}
	for i := range f {
		f[i] = a*f[i] + (1-a)*b[i]
	}
	l1, l2 := luminance(f), luminance(b)
	if l1 < l2 {
		l1, l2 = l2, l1
	}
	return (l1 + 0.05) / (l2 + 0.05), nil
}

func TestContrastRatio(t *testing.T) {
	for _, c := range []struct {
		fg, bg string
		want   float64
	}{
		{"rgb(0, 0, 0)", "rgb(255, 255, 255)", 21},
		{"rgb(255, 255, 255)", "rgb(255, 255, 255)", 1},
		{"rgb(118, 118, 118)", "rgb(255, 255, 255)", 4.54},
		{"rgba(0, 0, 0, 0.5)", "rgb(255, 255, 255)", 3.98}, // #808080 on white
	} {
		got, err := contrast(c.fg, c.bg)
		if err != nil || math.Abs(got-c.want) > 0.01 {
			t.Errorf("contrast(%s, %s) = %.2f, %v; want %.2f", c.fg, c.bg, got, err, c.want)
		}
	}
}

// ---- (d) without JavaScript ----

func TestWithoutJavaScript(t *testing.T) {
	ctx := newTab(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, phone(360), chromedp.Navigate(srv.URL+reportURL))
	// site.js sets document.onchange: with scripts off it must not have run.
	if eval[bool](t, ctx, `document.onchange !== null`) {
		t.Fatal("site.js ran: scripts are not disabled, so this test proves nothing")
	}

	t.Run("text", func(t *testing.T) {
		text := eval[string](t, ctx, `document.querySelector('main').innerText`)
		if n := len([]rune(text)); n < 3000 || !strings.Contains(text, "各位代表") {
			t.Errorf("main shows %d characters without JavaScript; want the report's text (各位代表…)", n)
		}
		if !eval[bool](t, ctx, `[...document.querySelectorAll('main p[id], main h2, nav')].every(e => e.checkVisibility({opacityProperty: true, visibilityProperty: true}))`) {
			t.Errorf("without JavaScript the report's paragraphs, headings or contents are hidden")
		}
	})
	t.Run("contents", func(t *testing.T) {
		hrefs := eval[[]string](t, ctx, `[...document.querySelectorAll('nav a[href^="#"]')].map(a => a.getAttribute('href'))`)
		if len(hrefs) == 0 {
			t.Fatal("no contents list")
		}
		for _, h := range []string{hrefs[0], hrefs[len(hrefs)/2], hrefs[len(hrefs)-1]} {
			followLink(t, ctx, fmt.Sprintf(`nav a[href=%q]`, h))
		}
	})
	t.Run("text-size", func(t *testing.T) {
		do(t, ctx, chromedp.Evaluate[chromedp.Void](`scrollTo(0, 0)`))
		std := eval[float64](t, ctx, bodyTextFontSize)
		do(t, ctx, click("#f3"))
		xl := eval[float64](t, ctx, bodyTextFontSize)
		if xl < 24 || xl <= std {
			t.Errorf("without JavaScript 特大 makes body text %.1fpx (标准 %.1fpx), want at least 24px", xl, std)
		}
		do(t, ctx, click("#f1"))
		if got := eval[float64](t, ctx, bodyTextFontSize); got != std {
			t.Errorf("without JavaScript 标准 gives %.1fpx, want %.1fpx back", got, std)
		}
	})
	t.Run("high-contrast", func(t *testing.T) {
		before := readColors(t, ctx)[0]
		do(t, ctx, click("#hc"))
		after := readColors(t, ctx)[0]
		if after == before {
			t.Errorf("without JavaScript high contrast changes nothing: %s on %s", after.FG, after.BG)
		}
		do(t, ctx, click("#hc"))
	})
	if v := eval[*string](t, ctx, `localStorage.getItem('govreport')`); v != nil {
		t.Errorf("localStorage was written (%q): scripts ran", *v)
	}
}

// ---- (e) no request leaves the site ----

func TestNoThirdPartyRequests(t *testing.T) {
	ctx := newTab(t)
	type request struct {
		url, kind string
	}
	var (
		mu       sync.Mutex
		requests []request
		failures []string
		urls     = map[network.RequestID]string{}
	)
	if err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			requests = append(requests, request{ev.Request.URL, string(ev.Type)})
			urls[ev.RequestID] = ev.Request.URL
		case *network.EventResponseReceived:
			if ev.Response.Status >= 400 {
				failures = append(failures, fmt.Sprintf("%s: HTTP %d", ev.Response.URL, ev.Response.Status))
			}
		case *network.EventLoadingFailed:
			if !ev.Canceled {
				failures = append(failures, fmt.Sprintf("%s: %s", urls[ev.RequestID], ev.ErrorText))
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, phone(360), chromedp.Navigate(srv.URL+"/"))
	clickAndLoad(t, ctx, `main a[href$=".html"]`)
	do(t, ctx, click("#f2"), click("#hc"), click(`nav a[href^="#"]`), chromedp.Reload())
	do(t, ctx, chromedp.Navigate(srv.URL+printURL), chromedp.Navigate(srv.URL+"/index.html"))
	time.Sleep(time.Second) // late requests: prefetches, favicon, beacons

	mu.Lock()
	defer mu.Unlock()
	origin := srv.URL + "/"
	var css, js bool
	for _, r := range requests {
		switch {
		case strings.HasPrefix(r.url, origin):
			css = css || strings.HasSuffix(r.url, ".css")
			js = js || strings.HasSuffix(r.url, ".js")
		case strings.HasPrefix(r.url, "data:"):
		default:
			t.Errorf("a %s request leaves the site: %s", r.kind, r.url)
		}
	}
	if !css || !js {
		t.Errorf("recorded %d requests, without the style sheet or the script: is the recorder working?", len(requests))
	}
	for _, f := range failures {
		t.Errorf("%s", f)
	}
	if !t.Failed() {
		t.Logf("%d requests, all to %s", len(requests), srv.URL)
	}
}

// ---- (f) from file:// ----

func TestFromFile(t *testing.T) {
	ctx := newTab(t)
	do(t, ctx, desktop(), chromedp.Navigate("about:blank"))
	type style struct {
		FontFamily string `json:"fontFamily"`
		LineHeight string `json:"lineHeight"`
		MaxWidth   string `json:"maxWidth"`
	}
	const styleJS = `(() => { const s = getComputedStyle(document.body); return {fontFamily: s.fontFamily, lineHeight: s.lineHeight, maxWidth: s.maxWidth}; })()`
	def := eval[style](t, ctx, styleJS)

	home := "file://" + filepath.ToSlash(pub) + "/index.html"
	do(t, ctx, chromedp.Navigate(home))
	clickAndLoad(t, ctx, `main a[href$=".html"]`)
	want := "file://" + filepath.ToSlash(pub) + reportURL
	if got := eval[string](t, ctx, `location.href`); got != want {
		t.Fatalf("the home page's report link opened %s, want %s", got, want)
	}
	if h1 := eval[string](t, ctx, `document.querySelector('h1').textContent`); !strings.Contains(h1, "政府工作报告") {
		t.Errorf("report page h1 = %q", h1)
	}
	got := eval[style](t, ctx, styleJS)
	if got.FontFamily == def.FontFamily || got.LineHeight == def.LineHeight || got.MaxWidth == def.MaxWidth {
		t.Errorf("the style sheet is not applied from file://: body is %+v, the browser's default %+v", got, def)
	}

	// Every link of the report page resolves to a file of the site, not to
	// a directory (file:// shows a listing, not its index.html).
	hrefs := eval[[]string](t, ctx, `[...document.querySelectorAll('a[href], link[href], script[src]')].map(e => e.href || e.src).filter(h => h.startsWith('file:'))`)
	if len(hrefs) == 0 {
		t.Fatal("no file: links on the report page")
	}
	for _, h := range slices.Compact(slices.Sorted(slices.Values(hrefs))) {
		p, _, _ := strings.Cut(strings.TrimPrefix(h, "file://"), "#")
		if info, err := os.Stat(filepath.FromSlash(p)); err != nil || info.IsDir() {
			t.Errorf("from file:// the link %s leads to no file", h)
		}
	}
	// The header's link goes back home.
	clickAndLoad(t, ctx, "header > a")
	if got := eval[string](t, ctx, `location.href`); got != home {
		t.Errorf("the header link from the report opened %s, want %s", got, home)
	}
}

// ---- screenshots, to look at ----

func TestScreenshots(t *testing.T) {
	dir := os.Getenv("GOVREPORT_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx := newTab(t)
	shot := func(name string, w, h int64) {
		t.Helper()
		buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(buf))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if int64(cfg.Width) != w || int64(cfg.Height) != h {
			t.Errorf("%s is %d×%d, want %d×%d", name, cfg.Width, cfg.Height, w, h)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Each view: the top of the page, and scrolled to the first figure table.
	views := func(prefix string, w, h int64) {
		t.Helper()
		do(t, ctx, chromedp.Evaluate[chromedp.Void](`scrollTo(0, 0)`))
		shot(prefix+"-top", w, h)
		do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('table.f').scrollIntoView()`))
		shot(prefix+"-table", w, h)
	}
	do(t, ctx, phone(360), chromedp.Navigate(srv.URL+reportURL))
	views("report-360", 720, 1600)
	do(t, ctx, desktop(), chromedp.Reload())
	views("report-1280", 1280, 900)
	do(t, ctx, phone(360), chromedp.Reload(), click("#f3"), click("#hc"))
	views("report-360-xl-hc", 720, 1600)
	do(t, ctx, chromedp.Navigate(srv.URL+"/"))
	shot("home-360-xl-hc", 720, 1600)
	// The 一图读懂: the top, and scrolled to its first chart.
	tuViews := func(prefix string, w, h int64) {
		t.Helper()
		do(t, ctx, chromedp.Evaluate[chromedp.Void](`scrollTo(0, 0)`))
		shot(prefix+"-top", w, h)
		do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('#tu figure').scrollIntoView()`))
		shot(prefix+"-chart", w, h)
	}
	do(t, ctx, chromedp.Navigate(srv.URL+tuURL))
	tuViews("tu-360-xl-hc", 720, 1600)
	do(t, ctx, click("#f1"), click("#hc"), chromedp.Reload())
	tuViews("tu-360", 720, 1600)
	t.Logf("screenshots in %s", dir)
}

// ---- axe-core ----

func TestAxe(t *testing.T) {
	js, err := os.ReadFile(filepath.Join(repo, "tools", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		unavailable(t, "axe-core is not installed (cd tools && npm ci): %v", err)
	}
	type node struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
		HTML    string `json:"html"`
	}
	type violation struct {
		ID     string `json:"id"`
		Impact string `json:"impact"`
		Help   string `json:"help"`
		Nodes  []node `json:"nodes"`
	}
	for _, u := range []string{"/", reportURL, printURL, tuURL} {
		for _, mode := range []string{"default", "high-contrast"} {
			if u == printURL && mode != "default" {
				continue // no controls on the print version
			}
			name := strings.TrimPrefix(u, "/")
			if name == "" {
				name = "home"
			}
			t.Run(name+"/"+mode, func(t *testing.T) {
				ctx := newTab(t) // fresh localStorage: the default mode is the default
				do(t, ctx, phone(360), chromedp.Navigate(srv.URL+u))
				if mode == "high-contrast" {
					do(t, ctx, click("#hc"))
				}
				do(t, ctx, chromedp.Evaluate[chromedp.Void](string(js)))
				vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]violation](
					`axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}).then(r => r.violations)`,
					chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatal(err)
				}
				for _, v := range vs {
					var b strings.Builder
					fmt.Fprintf(&b, "axe %s (%s): %s — %d element(s)", v.ID, v.Impact, v.Help, len(v.Nodes))
					for i, n := range v.Nodes {
						if i == 5 {
							fmt.Fprintf(&b, "\n    … and %d more", len(v.Nodes)-i)
							break
						}
						fmt.Fprintf(&b, "\n    %v %.120s\n      %s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n      "))
					}
					t.Error(b.String())
				}
				if mode == "high-contrast" && eval[bool](t, ctx, `!document.getElementById('hc').checked`) {
					t.Error("high contrast was not on")
				}
			})
		}
	}
}

// ---- Nu HTML Checker ----

func TestNuHTMLChecker(t *testing.T) {
	jar := filepath.Join(repo, "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	if _, err := os.Stat(jar); err != nil {
		unavailable(t, "vnu-jar is not installed (cd tools && npm ci): %v", err)
	}
	java, err := exec.LookPath("java")
	if err != nil {
		unavailable(t, "java not found (Debian: apt-get install default-jre-headless)")
	}
	var files []string
	err = filepath.WalkDir(pub, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ".html") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 3 {
		t.Fatalf("only %d HTML files in the built site", len(files))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, java, append([]string{"-jar", jar, "--errors-only", "--format", "json", "--stdout"}, files...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var out struct {
		Messages []struct {
			Type      string `json:"type"`
			SubType   string `json:"subType"`
			URL       string `json:"url"`
			LastLine  int    `json:"lastLine"`
			FirstCol  int    `json:"firstColumn"`
			Message   string `json:"message"`
			Extract   string `json:"extract"`
			HiliteLen int    `json:"hiliteLength"`
		} `json:"messages"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("vnu: %v (%v)\nstdout: %.2000s\nstderr: %.2000s", err, runErr, stdout.String(), stderr.String())
	}
	for _, m := range out.Messages {
		if m.Type == "info" {
			continue
		}
		file := strings.TrimPrefix(strings.TrimPrefix(m.URL, "file:"), filepath.ToSlash(pub)+"/")
		t.Errorf("vnu %s: %s:%d:%d: %s\n    …%s…", m.Type, file, m.LastLine, m.FirstCol, m.Message, m.Extract)
	}
	if runErr != nil && !t.Failed() {
		t.Errorf("vnu: %v\n%s", runErr, stderr.String())
	}
	t.Logf("vnu checked %d files", len(files))
}

// lockedBuffer is an io.Writer that goroutines may share; it keeps the
// last 64 KiB.
type lockedBuffer struct {
	mu  sync.Mutex
	buf []byte
}

var _ io.Writer = (*lockedBuffer)(nil)

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	if n := len(b.buf) - 64<<10; n > 0 {
		b.buf = b.buf[n:]
	}
	return len(p), nil
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.buf)
}

// ---- page weight, with the browser's own rendered text ----

// TestPageWeight measures the report page's HTML (gzip -9) against
// Chromium's innerText of the page, the rendered text, and the style sheets
// and scripts it loads. internal/site's TestPageWeight measures every page
// with a Go extractor; this one checks that extractor's idea of "visible".
// The rule: HTML at most 1.25 times the text; CSS and JS together at most
// 2 KiB.
func TestPageWeight(t *testing.T) {
	ctx := newTab(t)
	do(t, ctx, phone(360), chromedp.Navigate(srv.URL+reportURL))
	text := eval[string](t, ctx, `document.body.innerText`)
	res := eval[[]string](t, ctx, `[...document.querySelectorAll('link[rel=stylesheet],script[src]')].map(e => e.getAttribute('href') || e.getAttribute('src'))`)
	html := gzipLen(t, filepath.Join(pub, filepath.FromSlash(reportURL)))
	assets := 0
	for _, r := range res {
		assets += gzipLen(t, filepath.Join(pub, "reports", filepath.FromSlash(r)))
	}
	tz := gzipSize([]byte(text))
	ratio := float64(html) / float64(tz)
	t.Logf("%s: HTML %d gzip B; innerText %d B (gzip %d); ratio %.3f (rule 1.25); CSS and JS %d gzip B (budget 2048)",
		reportURL, html, len(text), tz, ratio, assets)
	if ratio > 1.25 {
		t.Errorf("HTML weight %.3f > 1.25", ratio)
	}
	if assets > 2048 {
		t.Errorf("CSS and JS %d B > 2048", assets)
	}
}

func gzipLen(t *testing.T, name string) int {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return gzipSize(data)
}

func gzipSize(data []byte) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return b.Len()
}

// TestPlacePageNumbers: on a phone, a place page's table of targets and
// results breaks no year or number across lines (the bundled archive: the
// State Council's reports of three years).
func TestPlacePageNumbers(t *testing.T) {
	ctx := newTab(t)
	root := t.TempDir()
	if err := testcorpus.Project(root, false); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(root, "content", "reports"), os.DirFS(filepath.Join(testcorpus.Root(), "content", "reports"))); err != nil {
		t.Fatal(err)
	}
	if err := site.Build(context.Background(), site.BuildOptions{Root: root, Out: filepath.Join(root, "public")}); err != nil {
		t.Fatal(err)
	}
	archive := httptest.NewServer(staticHandler(filepath.Join(root, "public")))
	defer archive.Close()
	for _, width := range []int64{360, 320} {
		do(t, ctx, phone(width), chromedp.Navigate(archive.URL+"/places/quanguo.html"))
		type cells struct {
			N      int      `json:"n"`
			Broken []string `json:"broken"`
		}
		c := eval[cells](t, ctx, `(() => {
  const tds = [...document.querySelectorAll('table.p td')];
  const broken = [];
  for (const td of tds) for (const m of td.textContent.matchAll(/[0-9][0-9.,%]*/g)) {
    const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let n; (n = walker.nextNode());) {
      const i = n.data.indexOf(m[0]);
      if (i < 0) continue;
      const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + m[0].length);
      const tops = new Set([...r.getClientRects()].map(q => Math.round(q.top)));
      if (tops.size > 1) broken.push(td.textContent);
      seen++; break;
    }
  }
  return {n: tds.length, broken};
})()`)
		if c.N == 0 {
			t.Fatal("no table of targets and results on the place page")
		}
		if len(c.Broken) > 0 {
			t.Errorf("%d px: numbers broken across lines in %q", width, c.Broken)
		}
	}
}
