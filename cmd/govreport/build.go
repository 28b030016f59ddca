package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/govreport/govreport/internal/site"
)

func init() {
	commands["build"] = command{"[--root DIR] [-o DIR] [--baseURL URL] [--force] [--pdf]",
		"build the site: import new sources, write anchors and data, run Hugo, minify, publish into public/ atomically",
		(*cli).buildCmd}
	commands["serve"] = command{"[--root DIR] [--addr 127.0.0.1:1313]",
		"live preview for editors: build, serve on 127.0.0.1, rebuild when content, layouts, static, data or sources change",
		(*cli).serveCmd}
}

func (c *cli) buildCmd(args []string) error {
	fl := c.flags("build")
	root := fl.String("root", ".", "project `DIR` (config.toml, sources/, content/ …)")
	out := fl.String("o", "public", "site output `DIR`, replaced only on success")
	base := fl.String("baseURL", "", "the site's public `URL`, e.g. https://www.example.gov.cn/xxgk/zfgzbg/ (links stay relative)")
	force := fl.Bool("force", false, "replace an output folder that holds files this project did not publish")
	withPDF := fl.Bool("pdf", false, "print each report's print version into a PDF beside it (headless Chromium) and link it from its page")
	if err := parse(fl, args, 0); err != nil {
		return err
	}
	// Ctrl+C or SIGTERM stop the build between stages; its temporary
	// folders go with it, and the published site stays as it was.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	start := time.Now()
	err := site.Build(ctx, site.BuildOptions{Root: *root, Out: *out, BaseURL: *base, Force: *force, PDF: *withPDF, Logf: c.logf})
	if err != nil {
		return err
	}
	c.logf("done      %6.0fms  %s", float64(time.Since(start).Microseconds())/1000, *out)
	return nil
}

func (c *cli) logf(format string, args ...any) { fmt.Fprintf(c.stderr, format+"\n", args...) }

func (c *cli) serveCmd(args []string) error {
	fl := c.flags("serve")
	root := fl.String("root", ".", "project `DIR`")
	addr := fl.String("addr", "127.0.0.1:1313", "address to listen on (loopback only)")
	if err := parse(fl, args, 0); err != nil {
		return err
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil || !net.ParseIP(host).IsLoopback() && host != "localhost" {
		return fmt.Errorf("--addr %s: serve listens on a loopback address only (127.0.0.1)", *addr)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return c.serve(ctx, *root, ln)
}

// serve builds the site into a temporary directory, serves it on ln, and
// rebuilds it when an input changes, until ctx is done. A failed rebuild
// keeps the last good site online and says why. Pages open in a browser
// reload themselves after each rebuild.
func (c *cli) serve(ctx context.Context, root string, ln net.Listener) error {
	dir, err := os.MkdirTemp("", "govreport-serve-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "public")
	cache := site.NewCache()
	reload := newBroadcast()
	rebuild := func() {
		start := time.Now()
		// First the pages, keeping the last search index; then the index.
		if err := site.Build(ctx, site.BuildOptions{Root: root, Out: out, Logf: c.logf, Cache: cache, Preview: true}); err != nil {
			c.logf("build failed (still serving the last good site): %v", err)
			return
		}
		c.logf("rebuilt   %6.0fms", float64(time.Since(start).Microseconds())/1000)
		reload.send()
		if err := site.Build(ctx, site.BuildOptions{Root: root, Out: out, Logf: c.logf, Cache: cache}); err != nil {
			c.logf("build failed (still serving the last good site): %v", err)
		}
	}
	// The inputs as they are when the first build starts: an edit saved
	// while it runs, or as soon as the first page is up, counts as a change.
	last := stamp(root)
	rebuild()
	c.logf("serving http://%s/ — Ctrl+C to stop", ln.Addr())
	go watch(ctx, root, last, rebuild)
	srv := &http.Server{Handler: siteHandler(out, reload), ReadHeaderTimeout: 5 * time.Second}
	go func() { <-ctx.Done(); srv.Close() }()
	if err := srv.Serve(ln); err != http.ErrServerClosed {
		return err
	}
	return nil
}

// reloadPath is where serve's pages listen for rebuilds (server-sent
// events); reloadScript, added to every HTML page serve sends (never to the
// built site), reloads the page when one comes.
const (
	reloadPath   = "/_govreport/reload"
	reloadScript = `<script>new EventSource("` + reloadPath + `").onmessage=()=>location.reload()</script>`
)

// siteHandler serves the site in dir: files as they are, HTML pages with
// the reload script, a folder only by its index.html (no listings), and
// 404 for what is not there, however odd the path.
func siteHandler(dir string, reload *broadcast) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == reloadPath {
			reload.serve(w, r)
			return
		}
		name := path.Clean("/" + r.URL.Path)
		for _, seg := range strings.Split(name, "/") {
			if len(seg) > 255 || strings.HasPrefix(seg, ".") {
				http.NotFound(w, r)
				return
			}
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			p = filepath.Join(p, "index.html")
		}
		f, err := os.Open(p)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil || !info.Mode().IsRegular() {
			http.NotFound(w, r)
			return
		}
		if !strings.HasSuffix(p, ".html") {
			http.ServeContent(w, r, p, info.ModTime(), f)
			return
		}
		page, err := io.ReadAll(f)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		http.ServeContent(w, r, p, info.ModTime(), bytes.NewReader(append(page, reloadScript...)))
	})
}

// broadcast tells every listening page that the site was rebuilt.
type broadcast struct {
	mu      sync.Mutex
	clients map[chan struct{}]bool
}

func newBroadcast() *broadcast { return &broadcast{clients: map[chan struct{}]bool{}} }

// send tells every listener once; a listener still busy misses nothing,
// since one pending message is enough to reload.
func (b *broadcast) send() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.clients {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

// serve holds an event stream open and writes an event on each send.
func (b *broadcast) serve(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan struct{}, 1)
	b.mu.Lock()
	b.clients[ch] = true
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		delete(b.clients, ch)
		b.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprint(w, ": govreport serve\n\n")
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-ch:
			fmt.Fprint(w, "data: rebuilt\n\n")
			flusher.Flush()
		}
	}
}

// watch calls rebuild when a file under the project's inputs changes from
// last. It polls modification times ten times a second: no extra
// dependency, and a stat of each input is cheap next to a build.
func watch(ctx context.Context, root, last string, rebuild func()) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(100 * time.Millisecond):
		}
		// Not stamped again after the build: an edit made while it ran must
		// count. What the build writes itself (anchors, data) brings one more
		// build, which writes nothing, since its writes are idempotent.
		if s := stamp(root); s != last {
			last = s
			rebuild()
		}
	}
}

// stamp summarises the inputs' names, sizes and modification times.
func stamp(root string) string {
	var h strings.Builder
	for _, d := range []string{"config.toml", "content", "layouts", "static", "data", "sources"} {
		fmt.Fprintln(&h, d, site.FileStamps(filepath.Join(root, d))) // fmt prints a map in key order
	}
	return h.String()
}
