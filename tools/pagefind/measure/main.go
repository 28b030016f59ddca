// Command measure compares govreport's search with Pagefind's on a built
// archive (tools/pagefind/archive, then npx pagefind --site DIR/public
// --glob "reports/*.html"): for each query of queries.txt, in a fresh
// Chromium context, the bytes each downloads to show its first results (as
// transferred by a server that gzips text, as portals do), the time from
// the last keystroke to govreport's first result on screen, and how many
// reports each finds. See tools/pagefind/README.md.
//
//	go run ./tools/pagefind/measure -site /tmp/archive/public
package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/govreport/govreport/internal/search"
	"github.com/govreport/govreport/internal/search/searchtest"
)

// pagefindPage is Pagefind's own search UI, as its documentation sets it up.
const pagefindPage = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>Pagefind</title>
<link href="pagefind/pagefind-ui.css" rel="stylesheet"><script src="pagefind/pagefind-ui.js"></script>
<div id="search"></div><script>window.ui = new PagefindUI({element: "#search", showSubResults: true});</script></html>`

func main() {
	site := flag.String("site", "/tmp/archive/public", "the built archive `DIR`, with search/ and pagefind/")
	queries := flag.String("q", "tools/pagefind/queries.txt", "query `FILE`")
	recall := flag.Int("recall", 0, "instead, Pagefind's recall on `N` random substrings of 2–6 characters of the archive (tools/pagefind/archive's, -n reports)")
	n := flag.Int("n", 10000, "the archive's number of reports, for -recall")
	oursOnly := flag.Bool("ours", false, "govreport's search only (no Pagefind index needed)")
	flag.Parse()
	if *recall > 0 {
		if err := pagefindRecall(*site, *n, *recall); err != nil {
			fmt.Fprintln(os.Stderr, "measure:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*site, *queries, !*oursOnly); err != nil {
		fmt.Fprintln(os.Stderr, "measure:", err)
		os.Exit(1)
	}
}

type query struct{ cat, text string }

func readQueries(name string) ([]query, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var qs []query
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if c, q, ok := strings.Cut(sc.Text(), "\t"); ok && !strings.HasPrefix(c, "#") {
			qs = append(qs, query{c, q})
		}
	}
	return qs, sc.Err()
}

func run(site, queryFile string, pagefind bool) error {
	qs, err := readQueries(queryFile)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(site, "pagefind.html"), []byte(pagefindPage), 0o644); err != nil {
		return err
	}
	srv := httptest.NewServer(gzipped(site))
	defer srv.Close()
	bctx, cancel, err := startChromium()
	if err != nil {
		return err
	}
	defer cancel()
	var ours, theirs, ratios, lat []float64
	fmt.Printf("%-7s %-12s %10s %10s %7s %9s %12s\n", "kind", "query", "ours B", "Pagefind B", "ratio", "ours ms", "reports o/P")
	for _, q := range qs {
		o, err := measure(bctx, srv.URL+"/search.html", q.text, ourJS)
		if err != nil {
			return fmt.Errorf("%s (ours): %w", q.text, err)
		}
		p := sample{bytes: 1} // with -ours, no Pagefind figures
		if pagefind {
			if p, err = measure(bctx, srv.URL+"/pagefind.html", q.text, pagefindJS); err != nil {
				return fmt.Errorf("%s (Pagefind): %w", q.text, err)
			}
		}
		ours, theirs, lat = append(ours, float64(o.bytes)), append(theirs, float64(p.bytes)), append(lat, o.ms)
		ratios = append(ratios, float64(o.bytes)/float64(p.bytes))
		fmt.Printf("%-7s %-12s %10d %10d %7.3f %9.0f %6d/%-5d\n", q.cat, q.text, o.bytes, p.bytes, float64(o.bytes)/float64(p.bytes), o.ms, o.reports, p.reports)
	}
	if !pagefind {
		fmt.Printf("median: ours %.0f B; time to first result: median %.0f ms, max %.0f ms\n", median(ours), median(lat), slices.Max(lat))
		return nil
	}
	fmt.Printf("median: ours %.0f B, Pagefind %.0f B, ratio of medians %.3f, median ratio %.3f; time to first result: median %.0f ms, max %.0f ms\n",
		median(ours), median(theirs), median(ours)/median(theirs), median(ratios), median(lat), slices.Max(lat))
	return nil
}

// startChromium starts Debian's Chromium, headless.
func startChromium() (context.Context, func(), error) {
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath("/usr/bin/chromium"), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true))...)
	bctx, cancelB := chromedp.NewContext(actx)
	cancel := func() { cancelB(); cancelA() }
	if err := chromedp.Do(bctx); err != nil {
		cancel()
		return nil, nil, err
	}
	return bctx, cancel, nil
}

// pagefindRecall asks Pagefind's own API for random substrings of the
// archive's reports and compares the pages it returns with the reports
// that contain the substring (a plain scan): per query, the share of those
// reports that it returns. Substrings found in more than 200 reports, and
// those for which Pagefind returns more than 1,000 pages, are left out
// (reading every result's URL would take long); every substring occurs in
// at least one report.
func pagefindRecall(site string, n, count int) error {
	docs, err := searchtest.Archive(n, 1)
	if err != nil {
		return err
	}
	texts := make([]string, len(docs))
	for i, d := range docs {
		parts := []string{d.Meta.Title}
		for _, b := range d.Blocks {
			parts = append(parts, b.Content())
		}
		texts[i] = search.Fold(strings.Join(parts, " "))
	}
	srv := httptest.NewServer(gzipped(site))
	defer srv.Close()
	bctx, cancel, err := startChromium()
	if err != nil {
		return err
	}
	defer cancel()
	ctx, cancelT := context.WithTimeout(bctx, 30*time.Minute)
	defer cancelT()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/pagefind.html"),
		chromedp.Evaluate[chromedp.Void](`import('./pagefind/pagefind.js').then(p => window.pf = p)`, chromedp.EvalAwaitPromise)); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(21, 22))
	var sum float64
	asked, none := 0, 0
	for asked < count {
		d := docs[rng.IntN(len(docs))]
		b := d.Blocks[rng.IntN(len(d.Blocks))]
		rs := []rune(b.Lead + b.Text)
		k := 2 + rng.IntN(5)
		if len(rs) < k {
			continue
		}
		i := rng.IntN(len(rs) - k + 1)
		q := string(rs[i : i+k])
		fq := search.Fold(q)
		if strings.ContainsRune(fq, ' ') {
			continue // stops: not one substring for either
		}
		want := map[string]bool{}
		for j, t := range texts {
			if strings.Contains(t, fq) {
				want["/reports/"+docs[j].Meta.Slug+".html"] = true
			}
		}
		if len(want) == 0 || len(want) > 200 {
			continue
		}
		urls, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](fmt.Sprintf(
			`pf.search(%q).then(async r => {
  if (r.results.length > 1000) return ['too many'];
  const out = [];
  for (let i = 0; i < r.results.length; i += 20)
    out.push(...await Promise.all(r.results.slice(i, i + 20).map(x => x.data().then(d => d.url.split('#')[0]))));
  return out;
})`, q),
			chromedp.EvalAwaitPromise))
		if err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
		if len(urls) == 1 && urls[0] == "too many" {
			fmt.Printf("%-8s %4d reports, Pagefind returns more than 1,000 pages: left out\n", q, len(want))
			continue
		}
		got := 0
		for _, u := range urls {
			if want[u] {
				got++
				want[u] = false
			}
		}
		asked++
		r := float64(got) / float64(len(want))
		sum += r
		if got == 0 {
			none++
		}
		fmt.Printf("%-8s %4d reports, Pagefind returns %4d of them (%d results)\n", q, len(want), got, len(urls))
	}
	fmt.Printf("Pagefind's recall on %d random substrings of 2–6 characters (each in 1–200 reports): mean %.1f%%; none of the reports for %d of them (%.1f%%)\n",
		asked, 100*sum/float64(asked), none, 100*float64(none)/float64(asked))
	return nil
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// ourJS types the query and returns when the first result is on screen:
// the milliseconds since the input event and the number of reports.
const ourJS = `new Promise(ok => {
  const q = document.getElementById('q'), st = document.getElementById('st');
  const t0 = performance.now();
  new MutationObserver((_, o) => {
    if (document.querySelector('#sr li') || st.textContent.startsWith('没有')) {
      o.disconnect();
      const m = /在(\d+)篇/.exec(st.textContent);
      const ms = performance.now() - t0;
      setTimeout(() => ok({ms, reports: m ? +m[1] : 0}), 300); // text of the other results
    }
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
  q.value = %q;
  q.dispatchEvent(new Event('input'));
})`

// pagefindJS does the same in Pagefind's UI (which debounces 300 ms), whose
// message reads 找到 N 个 … 的相关结果 or 未找到 … (its zh-cn strings).
const pagefindJS = `new Promise(ok => {
  const t0 = performance.now();
  const check = () => {
    const msg = (document.querySelector('.pagefind-ui__message') || {}).textContent || '';
    const m = /找到\s*([\d,]+)\s*个|([\d,]+) results?/.exec(msg);
    if (m || /未找到|No results/.test(msg)) {
      setTimeout(() => ok({ms: performance.now() - t0, reports: m ? +(m[1] || m[2]).replaceAll(',', '') : 0}), 1500);
      return;
    }
    setTimeout(check, 20);
  };
  window.ui.triggerSearch(%q);
  check();
})`

type result struct {
	MS      float64 `json:"ms"`
	Reports int     `json:"reports"`
}

type sample struct {
	bytes   int64
	ms      float64
	reports int
}

// measure opens page in a fresh context, runs the query and sums the bytes
// of every response but the page itself.
func measure(bctx context.Context, page, q, js string) (sample, error) {
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithNewBrowserContext())
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, time.Minute)
	defer cancelT()
	var (
		mu    sync.Mutex
		urls  = map[network.RequestID]string{}
		bytes = map[string]int64{}
	)
	err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			urls[ev.RequestID] = ev.Request.URL
		case *network.EventLoadingFinished:
			bytes[urls[ev.RequestID]] += int64(ev.EncodedDataLength)
		}
	})
	if err != nil {
		return sample{}, err
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		return sample{}, err
	}
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		return sample{}, err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		return sample{}, err
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[result](fmt.Sprintf(js, q), chromedp.EvalAwaitPromise))
	if err != nil {
		return sample{}, err
	}
	mu.Lock()
	defer mu.Unlock()
	var sum int64 // the search's own files: scripts, style, index
	for u, n := range bytes {
		if strings.Contains(u, "/search/") || strings.HasSuffix(u, "/js/search.js") || strings.Contains(u, "/pagefind/") {
			sum += n
		}
	}
	return sample{sum, res.MS, res.Reports}, nil
}

// gzipped serves dir as a portal's web server does: text compressed.
func gzipped(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean("/" + r.URL.Path)
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		ct := mime.TypeByExtension(path.Ext(p))
		if ct == "" {
			ct = "application/octet-stream"
		}
		w.Header().Set("Content-Type", ct)
		if strings.HasPrefix(ct, "text/") || strings.Contains(ct, "javascript") || strings.Contains(ct, "json") {
			w.Header().Set("Content-Encoding", "gzip")
			gz := gzip.NewWriter(w)
			gz.Write(data)
			gz.Close()
			return
		}
		w.Write(data)
	})
}
